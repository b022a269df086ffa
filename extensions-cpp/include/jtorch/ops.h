// Public C++ entry points of jtorch's custom operator library (libjtorch_ops.so).
//
// Every function here goes through PyTorch's dispatcher, exactly like
// torch.ops.jtorch.<name>(...) in Python, so autograd, device selection and
// TorchScript see the same operator.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>

#if defined(_WIN32)
#define JTORCH_OPS_API __declspec(dllexport)
#else
#define JTORCH_OPS_API __attribute__((visibility("default")))
#endif

namespace jtorch {

// jtorch::argmax_layer(Tensor self, int dim) -> Tensor
//
// One-hot tensor (same dtype, shape and device as `self`, contiguous) with a 1
// at the first maximal element along `dim` (NaN counts as the maximum, like
// torch.argmax). Gradient: the straight-through softmax estimator
//   grad_self = s * (g - (g * s).sum(dim, keepdim=True)),  s = softmax(self, dim).
JTORCH_OPS_API at::Tensor argmax_layer(const at::Tensor& self, int64_t dim);

}  // namespace jtorch
