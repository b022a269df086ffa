// CUDA kernel of jtorch::soft_argmax: the maximum, then sum(exp) and sum(i * exp) in a
// second pass over the (cached) row.
#include <ATen/ATen.h>
#include <ATen/Dispatch.h>
#include <ATen/OpMathType.h>
#include <c10/cuda/CUDAStream.h>
#include <c10/cuda/CUDAException.h>
#include <c10/cuda/CUDAGuard.h>
#include <torch/library.h>

#include "../internal.h"
#include "reduce.cuh"

namespace jtorch::ops::cuda {
namespace {

template <typename scalar_t, typename acc>
__global__ void soft_argmax_rows(const scalar_t* __restrict__ x, scalar_t* __restrict__ y,
                                 int64_t n, acc inv_t) {
  const int64_t o = blockIdx.x;
  const scalar_t* row = x + o * n;
  acc m;
  int64_t im;
  row_best<true, scalar_t, acc>(row, n, m, im);
  if (!isfinite(m)) {  // NaN or +-inf anywhere: NaN, as softmax gives
    if (threadIdx.x == 0) y[o] = static_cast<scalar_t>(NAN);
    return;
  }
  acc sum = acc(0), wsum = acc(0);
  for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
    const acc e = ::exp((static_cast<acc>(row[k]) - m) * inv_t);
    sum += e;
    wsum += e * static_cast<acc>(k);
  }
  sum = block_sum(sum);
  wsum = block_sum(wsum);
  if (threadIdx.x == 0) y[o] = static_cast<scalar_t>(wsum / sum);
}

template <typename scalar_t, typename acc>
__global__ void soft_argmax_columns(const scalar_t* __restrict__ x, scalar_t* __restrict__ y,
                                    int64_t outer, int64_t n, int64_t inner, acc inv_t) {
  const int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (t >= outer * inner) return;
  const scalar_t* col = x + (t / inner) * n * inner + t % inner;
  acc m;
  int64_t im;
  column_best<true, scalar_t, acc>(col, n, inner, m, im);
  if (!isfinite(m)) {
    y[t] = static_cast<scalar_t>(NAN);
    return;
  }
  acc sum = acc(0), wsum = acc(0);
  for (int64_t k = 0; k < n; k++) {
    const acc e = ::exp((static_cast<acc>(col[k * inner]) - m) * inv_t);
    sum += e;
    wsum += e * static_cast<acc>(k);
  }
  y[t] = static_cast<scalar_t>(wsum / sum);
}

at::Tensor soft_argmax_cuda(const at::Tensor& self, int64_t dim, double temperature) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::soft_argmax()");
  check_temperature(temperature);
  TORCH_CHECK(self.is_cuda(), "jtorch::soft_argmax(): CUDA kernel got a tensor on ",
              self.device());
  const c10::cuda::CUDAGuard guard(self.device());
  at::Tensor out = empty_soft_argmax(self, s.dim);
  if (out.numel() == 0) return out;
  const at::Tensor x = kernel_input(self);
  check_grid(s);
  auto stream = c10::cuda::getCurrentCUDAStream();
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, x.scalar_type(),
                                  "jtorch::soft_argmax", [&] {
    using acc = at::opmath_type<scalar_t>;
    const acc inv_t = static_cast<acc>(1.0 / temperature);
    if (s.inner == 1) {
      soft_argmax_rows<scalar_t, acc><<<static_cast<unsigned int>(s.outer), kThreads, 0, stream>>>(
          x.const_data_ptr<scalar_t>(), out.mutable_data_ptr<scalar_t>(), s.n, inv_t);
    } else {
      soft_argmax_columns<scalar_t, acc><<<blocks_for(s.outer * s.inner), kThreads, 0, stream>>>(
          x.const_data_ptr<scalar_t>(), out.mutable_data_ptr<scalar_t>(), s.outer, s.n, s.inner,
          inv_t);
    }
    C10_CUDA_KERNEL_LAUNCH_CHECK();
  });
  return out;
}

}  // namespace
}  // namespace jtorch::ops::cuda

TORCH_LIBRARY_IMPL(jtorch, CUDA, m) {
  m.impl("soft_argmax", &jtorch::ops::cuda::soft_argmax_cuda);
}
