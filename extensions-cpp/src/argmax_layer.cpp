// jtorch::argmax_layer: argument checks, the ATen implementation shared by the
// device kernels, and the CPU and Meta kernels.
#include "argmax_layer.h"

#include <ATen/ATen.h>
#include <ATen/WrapDimUtils.h>
#include <torch/library.h>

namespace jtorch::ops {

int64_t check_argmax_layer_args(const at::Tensor& self, int64_t dim) {
  TORCH_CHECK(self.defined(), "jtorch::argmax_layer(): expected a defined tensor");
  const auto dtype = self.scalar_type();
  TORCH_CHECK(dtype == at::kHalf || dtype == at::kBFloat16 || dtype == at::kFloat ||
                  dtype == at::kDouble,
              "jtorch::argmax_layer(): expected a floating-point tensor "
              "(float16, bfloat16, float32 or float64), but got ",
              dtype);
  // Raises c10::IndexError with PyTorch's own "Dimension out of range" message;
  // a 0-d tensor accepts dim 0 and -1, like torch.argmax.
  const int64_t wrapped = at::maybe_wrap_dim(dim, self.dim());
  if (self.dim() > 0) {
    TORCH_CHECK_INDEX(self.size(wrapped) != 0, "jtorch::argmax_layer(): Expected reduction dim ",
                      dim, " to have non-zero size (input shape ", self.sizes(), ").");
  }
  return wrapped;
}

at::Tensor argmax_layer_forward(const at::Tensor& self, int64_t dim) {
  at::Tensor out = at::zeros_like(self, at::MemoryFormat::Contiguous);
  if (self.dim() == 0) {
    return out.fill_(1);
  }
  if (self.numel() == 0) {
    return out;
  }
  // argmax returns the first maximal index and treats NaN as the maximum.
  return out.scatter_(dim, self.argmax(dim, /*keepdim=*/true), 1);
}

at::Tensor argmax_layer_backward(const at::Tensor& grad, const at::Tensor& self, int64_t dim) {
  const at::Tensor s = at::softmax(self, dim);
  return s * (grad - (grad * s).sum(dim, /*keepdim=*/true));
}

namespace {

at::Tensor argmax_layer_cpu(const at::Tensor& self, int64_t dim) {
  TORCH_CHECK(self.device().is_cpu(), "jtorch::argmax_layer(): CPU kernel got a tensor on ",
              self.device());
  return argmax_layer_forward(self, check_argmax_layer_args(self, dim));
}

// Shape/dtype propagation only (torch.compile, FakeTensor, meta tensors).
at::Tensor argmax_layer_meta(const at::Tensor& self, int64_t dim) {
  check_argmax_layer_args(self, dim);
  return at::empty_like(self, at::MemoryFormat::Contiguous);
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, CPU, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_cpu);
}

TORCH_LIBRARY_IMPL(jtorch, Meta, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_meta);
}
