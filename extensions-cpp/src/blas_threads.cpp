// The bridge from libjtorch_ops.so's hosts to libjtorch_blas.so (see jtorch/runtime.h and
// jtorch/blas.h). That library is optional and loaded by the host into the global scope before
// LibTorch, so it is looked up there rather than linked. It exists on Linux only (see
// CMakeLists.txt); elsewhere every bridge reports it as not loaded.
#include "jtorch/runtime.h"

#if defined(__linux__)
#include <dlfcn.h>
#endif

namespace {

template <typename F>
F blas_function(const char* name) {
#if defined(__linux__)
  return reinterpret_cast<F>(dlsym(RTLD_DEFAULT, name));
#else
  (void)name;
  return nullptr;
#endif
}

}  // namespace

extern "C" {

int jtorch_openblas_install(int threads) {
  auto f = blas_function<int (*)(int)>("jtorch_blas_install");
  return f == nullptr ? JTORCH_OPENBLAS_NOT_LOADED : f(threads);
}

int jtorch_openblas_set_threads(int threads) {
  auto f = blas_function<int (*)(int)>("jtorch_blas_set_threads");
  return f == nullptr ? JTORCH_OPENBLAS_NOT_LOADED : f(threads);
}

int jtorch_openblas_threads(void) {
  auto f = blas_function<int (*)()>("jtorch_blas_threads");
  return f == nullptr ? 0 : f();
}

long long jtorch_openblas_counter(int which) {
  static const char* const names[] = {"jtorch_blas_forwarded_calls", "jtorch_blas_region_calls",
                                      "jtorch_blas_team_calls", "jtorch_blas_own_thread_calls"};
  if (which < 0 || which > 3) {
    return -1;
  }
  auto f = blas_function<long long (*)()>(names[which]);
  return f == nullptr ? -1 : f();
}

}  // extern "C"
