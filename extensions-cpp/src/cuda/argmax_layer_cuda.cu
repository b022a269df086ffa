// CUDA kernel of jtorch::argmax_layer: the first maximum and the one-hot row in one kernel.
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
__global__ void argmax_layer_rows(const scalar_t* __restrict__ x, scalar_t* __restrict__ y,
                                  int64_t n) {
  const int64_t o = blockIdx.x;
  acc v;
  int64_t best;
  row_best<true, scalar_t, acc>(x + o * n, n, v, best);
  scalar_t* out = y + o * n;
  for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
    out[k] = static_cast<scalar_t>(k == best ? 1.0f : 0.0f);
  }
}

template <typename scalar_t, typename acc>
__global__ void argmax_layer_columns(const scalar_t* __restrict__ x, scalar_t* __restrict__ y,
                                     int64_t outer, int64_t n, int64_t inner) {
  const int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (t >= outer * inner) return;
  const int64_t base = (t / inner) * n * inner + t % inner;
  acc v;
  int64_t best;
  column_best<true, scalar_t, acc>(x + base, n, inner, v, best);
  for (int64_t k = 0; k < n; k++) {
    y[base + k * inner] = static_cast<scalar_t>(k == best ? 1.0f : 0.0f);
  }
}

at::Tensor argmax_layer_cuda(const at::Tensor& self, int64_t dim) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::argmax_layer()");
  TORCH_CHECK(self.is_cuda(), "jtorch::argmax_layer(): CUDA kernel got a tensor on ",
              self.device());
  const c10::cuda::CUDAGuard guard(self.device());
  at::Tensor out = empty_argmax_layer(self);
  if (self.dim() == 0) return out.fill_(1);
  if (out.numel() == 0) return out;
  const at::Tensor x = kernel_input(self);
  check_grid(s);
  auto stream = c10::cuda::getCurrentCUDAStream();
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, x.scalar_type(),
                                  "jtorch::argmax_layer", [&] {
    using acc = at::opmath_type<scalar_t>;
    if (s.inner == 1) {
      argmax_layer_rows<scalar_t, acc><<<static_cast<unsigned int>(s.outer), kThreads, 0, stream>>>(
          x.const_data_ptr<scalar_t>(), out.mutable_data_ptr<scalar_t>(), s.n);
    } else {
      argmax_layer_columns<scalar_t, acc><<<blocks_for(s.outer * s.inner), kThreads, 0, stream>>>(
          x.const_data_ptr<scalar_t>(), out.mutable_data_ptr<scalar_t>(), s.outer, s.n, s.inner);
    }
    C10_CUDA_KERNEL_LAUNCH_CHECK();
  });
  return out;
}

}  // namespace
}  // namespace jtorch::ops::cuda

TORCH_LIBRARY_IMPL(jtorch, CUDA, m) {
  m.impl("argmax_layer", &jtorch::ops::cuda::argmax_layer_cuda);
}
