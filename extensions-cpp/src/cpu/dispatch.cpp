#include <ATen/Version.h>

#include "jtorch/runtime.h"
#include "kernels.h"

namespace jtorch::ops::cpu {

const Kernels& kernels() {
  static const Kernels* chosen = [] {
#if defined(JTORCH_HAVE_AVX2_KERNELS)
    // "AVX2" or "AVX512" (which implies AVX2 + FMA + F16C), else DEFAULT / NO AVX.
    const std::string cap = at::get_cpu_capability();
    if (cap == "AVX2" || cap == "AVX512") {
      return &AVX2::kKernels;
    }
#endif
    return &DEFAULT::kKernels;
  }();
  return *chosen;
}

}  // namespace jtorch::ops::cpu

extern "C" const char* jtorch_ops_cpu_kernels(void) {
  return jtorch::ops::cpu::kernels().name;
}
