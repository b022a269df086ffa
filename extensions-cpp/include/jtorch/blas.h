/* libjtorch_blas.so: OpenBLAS threading that composes with LibTorch's OpenMP threads (see
 * src/blas/jtorch_blas.c for how). Plain C, no dependencies: a host loads it into the global
 * symbol scope (RTLD_GLOBAL) before LibTorch, so that LibTorch's BLAS calls bind to its entry
 * points, and calls jtorch_blas_install() once LibTorch is loaded. */
#pragma once

/* Built on Linux only (it needs glibc's dlopen and GNU OpenMP); elsewhere OpenBLAS runs on one
 * thread and jtorch_openblas_* (jtorch/runtime.h) report JTORCH_OPENBLAS_NOT_LOADED. */
#define JTORCH_BLAS_API __attribute__((visibility("default")))

#ifdef __cplusplus
extern "C" {
#endif

/* Results of jtorch_blas_install and jtorch_blas_set_threads. */
enum jtorch_blas_status {
  JTORCH_BLAS_INSTALLED = 1,      /* in place (now, or already) */
  JTORCH_BLAS_NOT_INSTALLED = 0,  /* jtorch_blas_set_threads before a successful install */
  JTORCH_BLAS_NO_OPENBLAS = -1,   /* no libopenblas.so.0 is loaded */
  JTORCH_BLAS_NO_CALLBACK = -2,   /* that OpenBLAS lacks openblas_set_threads_callback_function
                                     (older than 0.3.27) or blas_cpu_number */
  JTORCH_BLAS_NO_OPENMP = -3,     /* no GNU OpenMP runtime (libgomp.so.1) is loaded */
  JTORCH_BLAS_BAD_ARGUMENT = -4   /* a thread count below 1 */
};

/* Routes OpenBLAS's parallel calls to an OpenMP team of the loaded GNU OpenMP runtime, keeps
 * calls made inside a parallel region on one thread, and sets OpenBLAS's thread count to
 * `threads`. Idempotent (a later call only sets the count); never undone. Returns a
 * jtorch_blas_status; on failure nothing is changed. */
JTORCH_BLAS_API int jtorch_blas_install(int threads);

/* Sets OpenBLAS's thread count (the number of jobs of a call made outside parallel regions).
 * Returns a jtorch_blas_status. */
JTORCH_BLAS_API int jtorch_blas_set_threads(int threads);

/* The thread count set by jtorch_blas_install / jtorch_blas_set_threads, or 0 before. */
JTORCH_BLAS_API int jtorch_blas_threads(void);

/* Counters since load: BLAS calls that came through this library's entry points; those made
 * inside a parallel region (run on one thread); parallel OpenBLAS calls run as an OpenMP team;
 * and those that needed threads of their own (a call inside a parallel region that did not come
 * through the entry points, or a team smaller than asked for). */
JTORCH_BLAS_API long long jtorch_blas_forwarded_calls(void);
JTORCH_BLAS_API long long jtorch_blas_region_calls(void);
JTORCH_BLAS_API long long jtorch_blas_team_calls(void);
JTORCH_BLAS_API long long jtorch_blas_own_thread_calls(void);

#ifdef __cplusplus
}
#endif
