// jtorch::argmax_layer: the CPU and Meta kernels, the output shapes shared by every device
// kernel, and the straight-through backward.
#include <ATen/ATen.h>
#include <torch/library.h>

#include "cpu/kernels.h"
#include "internal.h"

namespace jtorch::ops {

at::Tensor kernel_input(const at::Tensor& self) {
  return self.resolve_neg().contiguous();
}

at::Tensor empty_argmax_layer(const at::Tensor& self) {
  return at::empty(self.sizes(), self.options().memory_format(at::MemoryFormat::Contiguous));
}

// grad_self = s * (g - (g * s).sum(dim, keepdim=True)),  s = softmax(self, dim)
at::Tensor argmax_layer_backward(const at::Tensor& grad, const at::Tensor& self, int64_t dim) {
  const at::Tensor s = at::softmax(self, dim);
  return s * (grad - (grad * s).sum(dim, /*keepdim=*/true));
}

namespace {

at::Tensor argmax_layer_cpu(const at::Tensor& self, int64_t dim) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::argmax_layer()");
  TORCH_CHECK(self.device().is_cpu(), "jtorch::argmax_layer(): CPU kernel got a tensor on ",
              self.device());
  at::Tensor out = empty_argmax_layer(self);
  if (self.dim() == 0) {
    return out.fill_(1);
  }
  if (out.numel() > 0) {
    cpu::kernels().argmax_layer(kernel_input(self), s, out);
  }
  return out;
}

// Shape/dtype propagation only (torch.compile, FakeTensor, meta tensors).
at::Tensor argmax_layer_meta(const at::Tensor& self, int64_t dim) {
  check_reduce_args(self, dim, "jtorch::argmax_layer()");
  return empty_argmax_layer(self);
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, CPU, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_cpu);
}

TORCH_LIBRARY_IMPL(jtorch, Meta, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_meta);
}
