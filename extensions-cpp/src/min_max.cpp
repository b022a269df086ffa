// jtorch::min_max: the CPU and Meta kernels, the output shapes and the backward.
#include <ATen/ATen.h>
#include <torch/library.h>

#include "cpu/kernels.h"
#include "internal.h"

namespace jtorch::ops {

using Quad = std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor>;

Quad empty_min_max(const at::Tensor& self, int64_t wrapped_dim, bool keepdim) {
  const auto sizes = reduced_sizes(self, wrapped_dim, keepdim);
  const auto values = self.options().memory_format(at::MemoryFormat::Contiguous);
  const auto indices = values.dtype(at::kLong);
  return {at::empty(sizes, values), at::empty(sizes, indices), at::empty(sizes, values),
          at::empty(sizes, indices)};
}

// Like torch.max(dim)'s backward: each value's gradient goes to the element it came from
// (added up where the minimum and the maximum are the same element).
at::Tensor min_max_backward(const at::Tensor& grad_min, const at::Tensor& argmin,
                            const at::Tensor& grad_max, const at::Tensor& argmax,
                            const at::Tensor& self, int64_t dim, bool keepdim) {
  const auto& like = grad_min.defined() ? grad_min : grad_max;
  at::Tensor grad = at::zeros(self.sizes(), like.options());
  if (self.dim() == 0) {
    if (grad_min.defined()) grad = grad + grad_min.reshape({});
    if (grad_max.defined()) grad = grad + grad_max.reshape({});
    return grad;
  }
  auto expand = [&](const at::Tensor& t) { return keepdim ? t : t.unsqueeze(dim); };
  if (grad_min.defined()) {
    grad = grad.scatter_add(dim, expand(argmin), expand(grad_min));
  }
  if (grad_max.defined()) {
    grad = grad.scatter_add(dim, expand(argmax), expand(grad_max));
  }
  return grad;
}

namespace {

Quad min_max_cpu(const at::Tensor& self, int64_t dim, bool keepdim) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::min_max()");
  TORCH_CHECK(self.device().is_cpu(), "jtorch::min_max(): CPU kernel got a tensor on ",
              self.device());
  auto out = empty_min_max(self, s.dim, keepdim);
  if (std::get<0>(out).numel() > 0) {
    cpu::kernels().min_max(kernel_input(self), s, std::get<0>(out), std::get<1>(out),
                           std::get<2>(out), std::get<3>(out));
  }
  return out;
}

Quad min_max_meta(const at::Tensor& self, int64_t dim, bool keepdim) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::min_max()");
  return empty_min_max(self, s.dim, keepdim);
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, CPU, m) {
  m.impl("min_max", &jtorch::ops::min_max_cpu);
}

TORCH_LIBRARY_IMPL(jtorch, Meta, m) {
  m.impl("min_max", &jtorch::ops::min_max_meta);
}
