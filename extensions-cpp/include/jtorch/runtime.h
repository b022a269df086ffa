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

// mallopt(M_MMAP_THRESHOLD, mmap_threshold), mallopt(M_TRIM_THRESHOLD, trim_threshold) and
// mallopt(M_TOP_PAD, top_pad): keeps LibTorch's buffers (up to mmap_threshold bytes) in malloc's
// heaps and stops malloc from handing freed memory back to the OS until trim_threshold bytes are
// free at the top of a heap; top_pad (64 MiB, a whole heap of a thread's arena) also stops it from
// unmapping a thread arena's newest heap whenever everything in it is free, which the trim
// threshold does not cover (measured: 1 run in 8 of the small CNN then faulted its 5.5 MB of
// activations in again at every step).
// Threads other than the process's main one use malloc arenas that otherwise give every freed
// buffer back and fault it in again on the next step. Returns a bit set of what glibc accepted
// (1: M_MMAP_THRESHOLD, 2: M_TRIM_THRESHOLD, 4: M_TOP_PAD), or -1 where the C library is not
// glibc (nothing done). The result is also recorded for jtorch_mallopt_result().
JTORCH_OPS_API int jtorch_mallopt_apply(long mmap_threshold, long trim_threshold, long top_pad);

// What the last jtorch_mallopt_apply returned, or 0 if it was never called.
JTORCH_OPS_API int jtorch_mallopt_result(void);

// The bytes malloc has handed out and not yet got back, over all arenas and mmapped chunks
// (glibc's mallinfo2: uordblks + hblkhd), or -1 where that is not known (not glibc, or glibc
// older than 2.33). Walks malloc's free lists: microseconds, not for every allocation.
JTORCH_OPS_API long long jtorch_malloc_in_use(void);

// ---------------------------------------------------------------- OpenBLAS threads
// Bridges to libjtorch_blas.so (jtorch/blas.h: OpenBLAS's parallel calls on LibTorch's OpenMP
// threads, and one thread inside parallel regions), which the host loads into the global scope
// before LibTorch when it wants it. Each returns JTORCH_OPENBLAS_NOT_LOADED (or 0 / -1 as
// stated) when that library is not loaded.
enum { JTORCH_OPENBLAS_NOT_LOADED = -5 };

// jtorch_blas_install(threads): a jtorch_blas_status, or JTORCH_OPENBLAS_NOT_LOADED.
JTORCH_OPS_API int jtorch_openblas_install(int threads);

// jtorch_blas_set_threads(threads): a jtorch_blas_status, or JTORCH_OPENBLAS_NOT_LOADED.
JTORCH_OPS_API int jtorch_openblas_set_threads(int threads);

// jtorch_blas_threads(): the thread count in effect once installed, else 0.
JTORCH_OPS_API int jtorch_openblas_threads(void);

// One of jtorch_blas's counters: 0 forwarded calls, 1 calls inside a parallel region, 2 calls
// run as an OpenMP team, 3 calls that needed threads of their own; -1 when not loaded (or for
// another `which`).
JTORCH_OPS_API long long jtorch_openblas_counter(int which);

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
