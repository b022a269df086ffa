// Internal helpers shared by the kernels of jtorch::argmax_layer (CPU, CUDA, Meta, Autograd).
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace jtorch::ops {

// Validates the arguments of argmax_layer (floating dtype, dim in range, non-empty
// reduction dim) and returns `dim` wrapped into [0, max(self.dim(), 1)).
// Raises c10::Error (Python RuntimeError) for a wrong dtype and c10::IndexError
// (Python IndexError) for a dim out of range or an empty reduction dim.
int64_t check_argmax_layer_args(const at::Tensor& self, int64_t dim);

// Device-agnostic ATen implementation of the forward pass; `dim` is already wrapped.
at::Tensor argmax_layer_forward(const at::Tensor& self, int64_t dim);

// Straight-through softmax gradient; `dim` is already wrapped.
at::Tensor argmax_layer_backward(const at::Tensor& grad, const at::Tensor& self, int64_t dim);

}  // namespace jtorch::ops
