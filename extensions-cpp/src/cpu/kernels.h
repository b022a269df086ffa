// The CPU kernels of the jtorch reductions, compiled once per CPU capability (see
// CMakeLists.txt: kernels.cpp is built as DEFAULT and as AVX2) and picked at run time.
// Inputs are contiguous; shapes come from check_reduce_args.
#pragma once

#include <ATen/core/Tensor.h>

#include "../reduce_common.h"

namespace jtorch::ops::cpu {

struct Kernels {
  // out (contiguous, like x): one-hot of the first maximum (NaN counts as the maximum).
  void (*argmax_layer)(const at::Tensor& x, const ReduceShape& s, at::Tensor& out);
  // Values and first indices of the minimum and the maximum (NaN is both), shape [outer, inner].
  void (*min_max)(const at::Tensor& x, const ReduceShape& s, at::Tensor& min, at::Tensor& argmin,
                  at::Tensor& max, at::Tensor& argmax);
  // sum_i i * softmax(x / temperature)_i along the dim, shape [outer, inner].
  void (*soft_argmax)(const at::Tensor& x, const ReduceShape& s, double temperature,
                      at::Tensor& out);
  const char* name;
};

namespace DEFAULT {
extern const Kernels kKernels;
}
namespace AVX2 {
extern const Kernels kKernels;
}

// AVX2 where LibTorch itself runs AVX2 or better (it honours ATEN_CPU_CAPABILITY), else DEFAULT.
const Kernels& kernels();

}  // namespace jtorch::ops::cpu
