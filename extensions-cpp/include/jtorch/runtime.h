// Plain C functions of libjtorch_ops.so for its host runtimes (the JVM bindings call them
// through JavaCPP; anything else can too): diagnostics and process-level settings.
#pragma once

#include "jtorch/ops.h"  // JTORCH_OPS_API

#ifdef __cplusplus
extern "C" {
#endif

// The CPU kernel set picked on this machine: "AVX2" or "DEFAULT" (a static string).
JTORCH_OPS_API const char* jtorch_ops_cpu_kernels(void);

#ifdef __cplusplus
}
#endif
