// jtorch::soft_argmax: the CPU and Meta kernels, the output shape and the backward.
#include <ATen/ATen.h>
#include <ATen/OpMathType.h>
#include <torch/library.h>

#include <cmath>
#include <vector>

#include "cpu/kernels.h"
#include "internal.h"

namespace jtorch::ops {

void check_temperature(double temperature) {
  TORCH_CHECK_VALUE(std::isfinite(temperature) && temperature > 0,
                    "jtorch::soft_argmax(): temperature must be positive and finite, but got ",
                    temperature);
}

at::Tensor empty_soft_argmax(const at::Tensor& self, int64_t wrapped_dim) {
  return at::empty(reduced_sizes(self, wrapped_dim, /*keepdim=*/false), self.options());
}

// y = sum_i i * p_i with p = softmax(self / T): dy/dself_j = p_j * (j - y) / T.
// Computed in float for half/bfloat16 (the forward accumulates in float too).
at::Tensor soft_argmax_backward(const at::Tensor& grad, const at::Tensor& self, int64_t dim,
                                double temperature) {
  if (self.dim() == 0) {
    return at::zeros_like(self) * grad;  // softmax of one element is 1 whatever its value
  }
  const auto acc = at::toOpMathType(self.scalar_type());
  const at::Tensor x = self.to(acc);
  const at::Tensor p = at::softmax(x / temperature, dim);
  std::vector<int64_t> shape(self.dim(), 1);
  shape[dim] = self.size(dim);
  const at::Tensor idx = at::arange(self.size(dim), x.options()).view(shape);
  const at::Tensor y = (p * idx).sum(dim, /*keepdim=*/true);
  const at::Tensor g = grad.to(acc).unsqueeze(dim);
  return (p * (idx - y) * g / temperature).to(self.scalar_type());
}

namespace {

at::Tensor soft_argmax_cpu(const at::Tensor& self, int64_t dim, double temperature) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::soft_argmax()");
  check_temperature(temperature);
  TORCH_CHECK(self.device().is_cpu(), "jtorch::soft_argmax(): CPU kernel got a tensor on ",
              self.device());
  at::Tensor out = empty_soft_argmax(self, s.dim);
  if (out.numel() > 0) {
    cpu::kernels().soft_argmax(kernel_input(self), s, temperature, out);
  }
  return out;
}

at::Tensor soft_argmax_meta(const at::Tensor& self, int64_t dim, double temperature) {
  const ReduceShape s = check_reduce_args(self, dim, "jtorch::soft_argmax()");
  check_temperature(temperature);
  return empty_soft_argmax(self, s.dim);
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, CPU, m) {
  m.impl("soft_argmax", &jtorch::ops::soft_argmax_cpu);
}

TORCH_LIBRARY_IMPL(jtorch, Meta, m) {
  m.impl("soft_argmax", &jtorch::ops::soft_argmax_meta);
}
