// CUDA kernel of jtorch::argmax_layer. For now it runs the shared ATen
// implementation (ATen launches its kernels on the current CUDA stream of the
// input's device); a dedicated fused kernel can replace it without touching the
// schema or the autograd kernel.
#include "../argmax_layer.h"

#include <ATen/ATen.h>
#include <c10/cuda/CUDAGuard.h>
#include <torch/library.h>

namespace jtorch::ops {
namespace {

at::Tensor argmax_layer_cuda(const at::Tensor& self, int64_t dim) {
  TORCH_CHECK(self.is_cuda(), "jtorch::argmax_layer(): CUDA kernel got a tensor on ",
              self.device());
  const int64_t wrapped = check_argmax_layer_args(self, dim);
  const c10::cuda::CUDAGuard device_guard(self.device());
  return argmax_layer_forward(self, wrapped);
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, CUDA, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_cuda);
}
