// CUDA kernel of jtorch::min_max: both extremes and their first indices in one pass.
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
__global__ void min_max_rows(const scalar_t* __restrict__ x, int64_t n, scalar_t* vmin,
                             int64_t* imin, scalar_t* vmax, int64_t* imax) {
  const int64_t o = blockIdx.x;
  const scalar_t* row = x + o * n;
  acc lo = acc(0), hi = acc(0);
  int64_t ilo = kNone, ihi = kNone;
  for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
    const acc e = static_cast<acc>(row[k]);
    if (better<false>(e, k, lo, ilo)) {
      lo = e;
      ilo = k;
    }
    if (better<true>(e, k, hi, ihi)) {
      hi = e;
      ihi = k;
    }
  }
  block_best<false>(lo, ilo);
  block_best<true>(hi, ihi);
  if (threadIdx.x == 0) {
    vmin[o] = static_cast<scalar_t>(lo);
    imin[o] = ilo;
    vmax[o] = static_cast<scalar_t>(hi);
    imax[o] = ihi;
  }
}

template <typename scalar_t, typename acc>
__global__ void min_max_columns(const scalar_t* __restrict__ x, int64_t outer, int64_t n,
                                int64_t inner, scalar_t* vmin, int64_t* imin, scalar_t* vmax,
                                int64_t* imax) {
  const int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (t >= outer * inner) return;
  const scalar_t* col = x + (t / inner) * n * inner + t % inner;
  acc lo = static_cast<acc>(col[0]), hi = lo;
  int64_t ilo = 0, ihi = 0;
  for (int64_t k = 1; k < n; k++) {
    const acc e = static_cast<acc>(col[k * inner]);
    if (!is_nan(lo) && (is_nan(e) || e < lo)) {
      lo = e;
      ilo = k;
    }
    if (!is_nan(hi) && (is_nan(e) || e > hi)) {
      hi = e;
      ihi = k;
    }
  }
  vmin[t] = static_cast<scalar_t>(lo);
  imin[t] = ilo;
  vmax[t] = static_cast<scalar_t>(hi);
  imax[t] = ihi;
}

std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor> min_max_cuda(const at::Tensor& self,
                                                                        int64_t dim,
                                                                        bool keepdim) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::min_max()");
  TORCH_CHECK(self.is_cuda(), "jtorch::min_max(): CUDA kernel got a tensor on ", self.device());
  const c10::cuda::CUDAGuard guard(self.device());
  auto out = empty_min_max(self, s.dim, keepdim);
  auto& [vmin, imin, vmax, imax] = out;
  if (vmin.numel() == 0) return out;
  const at::Tensor x = kernel_input(self);
  check_grid(s);
  auto stream = c10::cuda::getCurrentCUDAStream();
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, x.scalar_type(), "jtorch::min_max",
                                  [&] {
    using acc = at::opmath_type<scalar_t>;
    if (s.inner == 1) {
      min_max_rows<scalar_t, acc><<<static_cast<unsigned int>(s.outer), kThreads, 0, stream>>>(
          x.const_data_ptr<scalar_t>(), s.n, vmin.mutable_data_ptr<scalar_t>(),
          imin.mutable_data_ptr<int64_t>(), vmax.mutable_data_ptr<scalar_t>(),
          imax.mutable_data_ptr<int64_t>());
    } else {
      min_max_columns<scalar_t, acc><<<blocks_for(s.outer * s.inner), kThreads, 0, stream>>>(
          x.const_data_ptr<scalar_t>(), s.outer, s.n, s.inner, vmin.mutable_data_ptr<scalar_t>(),
          imin.mutable_data_ptr<int64_t>(), vmax.mutable_data_ptr<scalar_t>(),
          imax.mutable_data_ptr<int64_t>());
    }
    C10_CUDA_KERNEL_LAUNCH_CHECK();
  });
  return out;
}

}  // namespace
}  // namespace jtorch::ops::cuda

TORCH_LIBRARY_IMPL(jtorch, CUDA, m) {
  m.impl("min_max", &jtorch::ops::cuda::min_max_cuda);
}
