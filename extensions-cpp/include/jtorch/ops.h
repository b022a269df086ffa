// Public C++ entry points of jtorch's custom operator library (libjtorch_ops.so).
//
// Every function here goes through PyTorch's dispatcher, exactly like
// torch.ops.jtorch.<name>(...) in Python, so autograd, device selection and
// TorchScript see the same operator.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <tuple>

// The library's API. Windows: exported from jtorch_ops.dll while it is built (CMake defines
// jtorch_ops_EXPORTS for its sources), imported by its consumers (the JNI glue). Elsewhere: the
// library is compiled with hidden visibility, so only what is marked here is exported.
#if defined(_WIN32)
#if defined(jtorch_ops_EXPORTS)
#define JTORCH_OPS_API __declspec(dllexport)
#else
#define JTORCH_OPS_API __declspec(dllimport)
#endif
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

// jtorch::soft_argmax(Tensor self, int dim, float temperature=1.0) -> Tensor
//
// The differentiable expected index along `dim`: sum_i i * softmax(self / temperature)_i,
// with `dim` removed (same dtype as `self`; half and bfloat16 accumulate in float). NaN or
// an infinite element makes the result NaN, as softmax does. temperature must be > 0.
// Gradient: p_j * (j - y) / temperature times the incoming gradient.
JTORCH_OPS_API at::Tensor soft_argmax(const at::Tensor& self, int64_t dim, double temperature);

// jtorch::min_max(Tensor self, int dim, bool keepdim=False)
//     -> (Tensor min, Tensor argmin, Tensor max, Tensor argmax)
//
// torch.min(self, dim) and torch.max(self, dim) in one pass over memory: values (dtype of
// `self`) and int64 indices of the first minimum and the first maximum; NaN is both the
// minimum and the maximum (first NaN index), as in torch.min / torch.max. Gradient: each
// value's gradient goes to the element it came from.
JTORCH_OPS_API std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor> min_max(
    const at::Tensor& self, int64_t dim, bool keepdim);

}  // namespace jtorch
