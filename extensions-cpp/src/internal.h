// Internal declarations shared by the kernels of the jtorch operators (CPU, CUDA, Meta,
// Autograd). The public C++ API is include/jtorch/ops.h.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <tuple>

#include "reduce_common.h"

namespace jtorch::ops {

// Output shapes of the operators, for the device and Meta kernels.
at::Tensor empty_argmax_layer(const at::Tensor& self);
at::Tensor empty_soft_argmax(const at::Tensor& self, int64_t wrapped_dim);
std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor> empty_min_max(const at::Tensor& self,
                                                                          int64_t wrapped_dim,
                                                                          bool keepdim);

// Checks the temperature of soft_argmax (finite and > 0).
void check_temperature(double temperature);

// A contiguous copy with no lazy negation, ready for a kernel that reads raw memory.
at::Tensor kernel_input(const at::Tensor& self);

// Backward formulas (differentiable ATen code, so double backward works); dims are wrapped.
at::Tensor argmax_layer_backward(const at::Tensor& grad, const at::Tensor& self, int64_t dim);
at::Tensor soft_argmax_backward(const at::Tensor& grad, const at::Tensor& self, int64_t dim,
                                double temperature);
at::Tensor min_max_backward(const at::Tensor& grad_min, const at::Tensor& argmin,
                            const at::Tensor& grad_max, const at::Tensor& argmax,
                            const at::Tensor& self, int64_t dim, bool keepdim);

}  // namespace jtorch::ops
