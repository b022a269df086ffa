// Plain C functions of libjtorch_ops.so for its host runtimes (the JVM bindings call them
// through JavaCPP; anything else can too): diagnostics and process-level settings.
#pragma once

#include "jtorch/ops.h"  // JTORCH_OPS_API

#ifdef __cplusplus
extern "C" {
#endif

// The CPU kernel set picked on this machine: "AVX2" or "DEFAULT" (a static string).
JTORCH_OPS_API const char* jtorch_ops_cpu_kernels(void);

// ---------------------------------------------------------------- glibc malloc
// The version of the C library when it is glibc ("2.35"), or NULL for another C library (musl),
// decided when the library was compiled (__GLIBC__) and asked of glibc (gnu_get_libc_version).
JTORCH_OPS_API const char* jtorch_libc_glibc_version(void);

// mallopt(M_MMAP_THRESHOLD, mmap_threshold) and mallopt(M_TRIM_THRESHOLD, trim_threshold):
// keeps LibTorch's buffers (up to mmap_threshold bytes) in malloc's heaps and stops malloc from
// handing freed memory back to the OS until trim_threshold bytes are free at the top of a heap.
// Threads other than the process's main one use malloc arenas that otherwise give every freed
// buffer back and fault it in again on the next step. Returns a bit set of what glibc accepted
// (1: M_MMAP_THRESHOLD, 2: M_TRIM_THRESHOLD), or -1 where the C library is not glibc (nothing
// done). The result is also recorded for jtorch_mallopt_result().
JTORCH_OPS_API int jtorch_mallopt_apply(long mmap_threshold, long trim_threshold);

// What the last jtorch_mallopt_apply returned, or 0 if it was never called.
JTORCH_OPS_API int jtorch_mallopt_result(void);

// ---------------------------------------------------------------- LibTorch warnings
// Receives each TORCH_WARN that the mode lets through: the message (no backtrace) and the C++
// source file and line that raised it. It may be called on any thread, including threads its
// host has never seen; what it throws is swallowed.
typedef void (*jtorch_warning_callback)(const char* message, const char* file, int line);

// What the handler does with a warning.
enum jtorch_warning_mode {
  JTORCH_WARN_DEFAULT = 0,  // pass on once per distinct (message, source location)
  JTORCH_WARN_ALWAYS = 1,   // pass on every one
  JTORCH_WARN_ERROR = 2,    // throw a c10::Error from the operation, with the warning's text
                            // ("<message> (Triggered internally at <file>:<line>.)")
  JTORCH_WARN_IGNORE = 3    // drop
};

// Installs jtorch's handler as LibTorch's process-wide default: c10's warning handler is
// thread-local, and threads that set none (every thread but those that use a
// c10::WarningUtils::WarningHandlerGuard) share one static base handler object; this replaces
// that object's dynamic type in place, so every thread (OpenMP workers, threads the host never
// attached) is covered. Also sets the calling thread's handler back to the base one if it had
// another. Idempotent. Returns 1 when the handler is in place, 0 when the base handler is not of
// the expected type (then nothing is changed).
JTORCH_OPS_API int jtorch_warnings_install(void);

// Sets the callback (NULL: warnings are written as one line to stderr, without a backtrace; used
// before the host is ready and after it shuts down).
JTORCH_OPS_API void jtorch_warnings_set_callback(jtorch_warning_callback callback);

// Sets the mode (a jtorch_warning_mode) and forgets which warnings were already passed on.
// Returns the previous mode, or -1 for an unknown mode (nothing changed).
JTORCH_OPS_API int jtorch_warnings_set_mode(int mode);

// The current jtorch_warning_mode.
JTORCH_OPS_API int jtorch_warnings_mode(void);

// For tests: raises TORCH_WARN(message) on a new native thread (one no host runtime knows) and
// waits for it. Returns 1 when the warning was raised there, 0 if the handler threw.
JTORCH_OPS_API int jtorch_warnings_raise_on_new_thread(const char* message);

#ifdef __cplusplus
}
#endif
