// Declarations the JavaCPP-generated JNI glue of jtorch's bindings needs besides ops.h:
// JavaCPP writes at::Tensor as torch::Tensor inside the PyTorch preset's tuple types, and
// torch/types.h (which makes that alias) would pull most of LibTorch's C++ API into the glue.
#pragma once

#include <ATen/core/Tensor.h>

namespace torch {
using at::Tensor;
}  // namespace torch
