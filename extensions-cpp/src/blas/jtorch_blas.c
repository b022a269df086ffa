/* libjtorch_blas.so: OpenBLAS threading that composes with LibTorch's OpenMP threads.
 *
 * The presets' LibTorch does its matrix products in a pthreads OpenBLAS. Left alone, OpenBLAS's
 * own thread pool and LibTorch's OpenMP threads spin against each other on the same cores
 * (10-30x slower training measured), so OpenBLAS used to run on one thread. This library lets
 * it use several again, without the fight:
 *
 *  1. OpenBLAS's parallel calls run on LibTorch's OpenMP runtime: since 0.3.27 OpenBLAS hands
 *     each parallel call to a callback (openblas_set_threads_callback_function), which runs the
 *     call's jobs here as one OpenMP team.
 *  2. Calls made inside an OpenMP parallel region run on one thread, as MKL and an OpenMP
 *     OpenBLAS do: LibTorch calls GEMMs from inside its own parallel loops (CPU attention,
 *     double-precision convolution), where every core is busy already. A pthreads OpenBLAS has a
 *     single, global thread count, so this library exports the BLAS entry points LibTorch
 *     imports, is loaded into the global scope before LibTorch (so LibTorch binds to them), and
 *     drops that count to 1 for as long as any such call is running.
 *
 * Two rules of OpenBLAS's jobs shape the callback: all jobs of a call must run at the same time
 * (the threaded GEMM driver has each job wait for the others' packed panels, so jobs run one
 * after another would wait for ever), and a job's first argument is the slot of OpenBLAS's
 * per-thread buffers it uses (two calls in flight at once would share slots, so parallel calls
 * are serialised here).
 *
 * Nothing is linked: OpenBLAS and the OpenMP runtime are looked up by soname among the loaded
 * libraries (libopenblas.so.0, libgomp.so.1), so this library loads before either. Until
 * jtorch_blas_install() the entry points only forward. See jtorch/blas.h. */
#define _GNU_SOURCE
#include "jtorch/blas.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------------ OpenBLAS, OpenMP */
typedef void (*dojob_fn)(int thread_num, void* jobdata, int dojob_data);
typedef void (*threads_callback)(int sync, dojob_fn dojob, int numjobs, size_t jobdata_elsize,
                                 void* jobdata, int dojob_data);

static void* openblas_library(void) {
  return dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_NOLOAD);
}

static struct {
  void (*parallel)(void (*fn)(void*), void* data, unsigned num_threads, unsigned flags);
  int (*thread_num)(void);
  int (*num_threads)(void);
  int (*in_parallel)(void);
} omp;

static void (*openblas_set_threads)(int);
static int (*openblas_get_threads)(void);
static int* openblas_cpu_number; /* blas_cpu_number: what each call reads to choose its jobs */

static atomic_int installed;
static atomic_llong forwarded_calls, region_calls, team_calls, own_thread_calls;

/* ------------------------------------------------------------------ 2. the region guard */
static pthread_mutex_t guard_mutex = PTHREAD_MUTEX_INITIALIZER;
static int guard_depth;     /* calls inside a parallel region now running */
static int threads_wanted;  /* the count to restore when the last one ends */

static int guard_enter(void) {
  if (!atomic_load_explicit(&installed, memory_order_acquire) || omp.in_parallel() == 0) {
    return 0;
  }
  pthread_mutex_lock(&guard_mutex);
  if (guard_depth++ == 0) {
    *openblas_cpu_number = 1;
  }
  pthread_mutex_unlock(&guard_mutex);
  atomic_fetch_add_explicit(&region_calls, 1, memory_order_relaxed);
  return 1;
}

static void guard_leave(int entered) {
  if (!entered) {
    return;
  }
  pthread_mutex_lock(&guard_mutex);
  if (--guard_depth == 0) {
    *openblas_cpu_number = threads_wanted;
  }
  pthread_mutex_unlock(&guard_mutex);
}

/* ------------------------------------------------------------------ 1. the callback */
static pthread_mutex_t call_mutex = PTHREAD_MUTEX_INITIALIZER;

struct call {
  dojob_fn dojob;
  int numjobs;
  size_t elsize;
  char* jobdata;
  int dojob_data;
};

struct job {
  const struct call* call;
  int index;
};

static void run_job(const struct call* c, int index) {
  c->dojob(index, c->jobdata + (size_t)index * c->elsize, c->dojob_data);
}

static void* job_thread(void* arg) {
  const struct job* j = arg;
  run_job(j->call, j->index);
  return NULL;
}

/* Runs job `here` on this thread and jobs [first, numjobs) on new threads, all at once. */
static void run_with_new_threads(const struct call* c, int here, int first) {
  int extra = c->numjobs - first;
  pthread_t* threads = malloc(sizeof(pthread_t) * (size_t)extra);
  struct job* jobs = malloc(sizeof(struct job) * (size_t)extra);
  if (threads == NULL || jobs == NULL) {
    fputs("jtorch_blas: out of memory starting OpenBLAS jobs\n", stderr);
    abort();
  }
  for (int i = 0; i < extra; ++i) {
    jobs[i].call = c;
    jobs[i].index = first + i;
    if (pthread_create(&threads[i], NULL, job_thread, &jobs[i]) != 0) {
      /* jobs wait for each other: one that cannot start would hang the call. OpenBLAS's own
       * server exits the same way when pthread_create fails. */
      fputs("jtorch_blas: could not create a thread for an OpenBLAS job\n", stderr);
      abort();
    }
  }
  run_job(c, here);
  for (int i = 0; i < extra; ++i) {
    pthread_join(threads[i], NULL);
  }
  free(jobs);
  free(threads);
}

static void team_member(void* data) {
  const struct call* c = data;
  int me = omp.thread_num();
  int team = omp.num_threads();
  if (me == 0 && team < c->numjobs) {
    /* a smaller team than asked for (OMP_THREAD_LIMIT, thread creation failed): the jobs
     * without a member still need threads of their own */
    atomic_fetch_add_explicit(&own_thread_calls, 1, memory_order_relaxed);
    run_with_new_threads(c, 0, team);
  } else if (me < c->numjobs) {
    run_job(c, me);
  }
}

static void run_openblas_jobs(int sync, dojob_fn dojob, int numjobs, size_t elsize,
                              void* jobdata, int dojob_data) {
  (void)sync; /* OpenBLAS always waits for its jobs; so does this */
  if (numjobs <= 0) {
    return;
  }
  struct call c = {dojob, numjobs, elsize, jobdata, dojob_data};
  pthread_mutex_lock(&call_mutex);
  if (numjobs == 1) {
    run_job(&c, 0);
  } else if (omp.in_parallel() != 0) {
    /* inside a parallel region despite the guard (a BLAS call that did not come through this
     * library's entry points): OpenMP would not nest a team, so the other jobs get threads */
    atomic_fetch_add_explicit(&own_thread_calls, 1, memory_order_relaxed);
    run_with_new_threads(&c, 0, 1);
  } else {
    atomic_fetch_add_explicit(&team_calls, 1, memory_order_relaxed);
    omp.parallel(team_member, &c, (unsigned)numjobs, 0);
  }
  pthread_mutex_unlock(&call_mutex);
}

/* ------------------------------------------------------------------ the BLAS entry points */
/* OpenBLAS's definitions, looked up on first use (the first call comes from LibTorch, which
 * has loaded OpenBLAS by then). */
static void* real_symbol(void** slot, const char* name) {
  void* f = atomic_load_explicit((_Atomic(void*)*)slot, memory_order_acquire);
  if (f != NULL) {
    return f;
  }
  void* library = openblas_library();
  f = library == NULL ? NULL : dlsym(library, name);
  if (f == NULL) {
    fprintf(stderr,
            "jtorch_blas: %s was called, but no loaded libopenblas.so.0 defines it; "
            "libjtorch_blas.so must only be loaded where LibTorch uses OpenBLAS\n",
            name);
    abort();
  }
  atomic_store_explicit((_Atomic(void*)*)slot, f, memory_order_release);
  return f;
}

/* Fortran BLAS passes every argument by reference; cblas_* as declared by OpenBLAS. */
#define JT_P void*
#define JT_FORWARD(ret, name, params, args)                                        \
  static void* real_##name;                                                        \
  JTORCH_BLAS_API ret name params {                                                \
    ret (*f) params = (ret (*) params)real_symbol(&real_##name, #name);            \
    atomic_fetch_add_explicit(&forwarded_calls, 1, memory_order_relaxed);          \
    int entered = guard_enter();                                                   \
    ret r = f args;                                                                \
    guard_leave(entered);                                                          \
    return r;                                                                      \
  }
#define JT_FORWARD_VOID(name, params, args)                                        \
  static void* real_##name;                                                        \
  JTORCH_BLAS_API void name params {                                               \
    void (*f) params = (void (*) params)real_symbol(&real_##name, #name);          \
    atomic_fetch_add_explicit(&forwarded_calls, 1, memory_order_relaxed);          \
    int entered = guard_enter();                                                   \
    f args;                                                                        \
    guard_leave(entered);                                                          \
  }

#define JT_GEMM(name)                                                                     \
  JT_FORWARD_VOID(name,                                                                   \
                  (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6, JT_P a7, JT_P a8, \
                   JT_P a9, JT_P a10, JT_P a11, JT_P a12, JT_P a13),                       \
                  (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13))
#define JT_ARGS11(name)                                                                   \
  JT_FORWARD_VOID(name,                                                                   \
                  (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6, JT_P a7, JT_P a8, \
                   JT_P a9, JT_P a10, JT_P a11),                                           \
                  (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11))
#define JT_AXPY(name) \
  JT_FORWARD_VOID(name, (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6), (a1, a2, a3, a4, a5, a6))
#define JT_SCAL(name) JT_FORWARD_VOID(name, (JT_P a1, JT_P a2, JT_P a3, JT_P a4), (a1, a2, a3, a4))
#define JT_DOT_SUB(name)                                                                  \
  JT_FORWARD_VOID(name, (int n, const void* x, int incx, const void* y, int incy, void* ret), \
                  (n, x, incx, y, incy, ret))

/* The routines LibTorch imports that OpenBLAS may run on several threads. */
JT_GEMM(sgemm_)
JT_GEMM(dgemm_)
JT_GEMM(cgemm_)
JT_GEMM(zgemm_)
JT_ARGS11(sgemv_) /* trans, m, n, alpha, a, lda, x, incx, beta, y, incy */
JT_ARGS11(dgemv_)
JT_ARGS11(strsm_) /* side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb */
JT_ARGS11(dtrsm_)
JT_ARGS11(ctrsm_)
JT_ARGS11(ztrsm_)
JT_AXPY(saxpy_)
JT_AXPY(daxpy_)
JT_AXPY(caxpy_)
JT_AXPY(zaxpy_)
JT_SCAL(sscal_)
JT_SCAL(dscal_)
JT_FORWARD(double, ddot_, (JT_P n, JT_P x, JT_P incx, JT_P y, JT_P incy), (n, x, incx, y, incy))
JT_FORWARD(float, cblas_sdot, (int n, const float* x, int incx, const float* y, int incy),
           (n, x, incx, y, incy))
JT_DOT_SUB(cblas_cdotc_sub)
JT_DOT_SUB(cblas_cdotu_sub)
JT_DOT_SUB(cblas_zdotc_sub)
JT_DOT_SUB(cblas_zdotu_sub)

/* ------------------------------------------------------------------ control */
JTORCH_BLAS_API int jtorch_blas_install(int threads) {
  static pthread_mutex_t install_mutex = PTHREAD_MUTEX_INITIALIZER;
  if (threads < 1) {
    return JTORCH_BLAS_BAD_ARGUMENT;
  }
  pthread_mutex_lock(&install_mutex);
  int result = JTORCH_BLAS_INSTALLED;
  if (!atomic_load(&installed)) {
    void* blas = openblas_library();
    void* gomp = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
    void (*set_callback)(threads_callback) = NULL;
    if (blas == NULL) {
      result = JTORCH_BLAS_NO_OPENBLAS;
    } else if ((set_callback = (void (*)(threads_callback))dlsym(
                    blas, "openblas_set_threads_callback_function")) == NULL) {
      result = JTORCH_BLAS_NO_CALLBACK;
    } else if (gomp == NULL) {
      result = JTORCH_BLAS_NO_OPENMP;
    } else {
      openblas_set_threads = (void (*)(int))dlsym(blas, "openblas_set_num_threads");
      openblas_get_threads = (int (*)(void))dlsym(blas, "openblas_get_num_threads");
      openblas_cpu_number = (int*)dlsym(blas, "blas_cpu_number");
      *(void**)&omp.parallel = dlsym(gomp, "GOMP_parallel");
      *(void**)&omp.thread_num = dlsym(gomp, "omp_get_thread_num");
      *(void**)&omp.num_threads = dlsym(gomp, "omp_get_num_threads");
      *(void**)&omp.in_parallel = dlsym(gomp, "omp_in_parallel");
      if (openblas_set_threads == NULL || openblas_get_threads == NULL ||
          openblas_cpu_number == NULL) {
        result = JTORCH_BLAS_NO_CALLBACK;
      } else if (omp.parallel == NULL || omp.thread_num == NULL || omp.num_threads == NULL ||
                 omp.in_parallel == NULL) {
        result = JTORCH_BLAS_NO_OPENMP;
      } else {
        set_callback(run_openblas_jobs);
        atomic_store(&installed, 1);
      }
    }
    /* RTLD_NOLOAD handles only add a reference to libraries that stay loaded */
    if (gomp != NULL) {
      dlclose(gomp);
    }
    if (blas != NULL) {
      dlclose(blas);
    }
  }
  pthread_mutex_unlock(&install_mutex);
  if (result == JTORCH_BLAS_INSTALLED) {
    jtorch_blas_set_threads(threads);
  }
  return result;
}

JTORCH_BLAS_API int jtorch_blas_installed(void) { return atomic_load(&installed); }

JTORCH_BLAS_API int jtorch_blas_set_threads(int threads) {
  if (!atomic_load(&installed)) {
    return JTORCH_BLAS_NOT_INSTALLED;
  }
  if (threads < 1) {
    return JTORCH_BLAS_BAD_ARGUMENT;
  }
  pthread_mutex_lock(&guard_mutex);
  threads_wanted = threads;
  openblas_set_threads(threads);
  if (guard_depth > 0) {
    *openblas_cpu_number = 1; /* a call inside a parallel region is running: keep it at 1 */
  }
  pthread_mutex_unlock(&guard_mutex);
  return JTORCH_BLAS_INSTALLED;
}

JTORCH_BLAS_API int jtorch_blas_threads(void) {
  if (!atomic_load(&installed)) {
    return 0;
  }
  pthread_mutex_lock(&guard_mutex);
  int threads = threads_wanted;
  pthread_mutex_unlock(&guard_mutex);
  return threads;
}

JTORCH_BLAS_API long long jtorch_blas_forwarded_calls(void) { return atomic_load(&forwarded_calls); }
JTORCH_BLAS_API long long jtorch_blas_region_calls(void) { return atomic_load(&region_calls); }
JTORCH_BLAS_API long long jtorch_blas_team_calls(void) { return atomic_load(&team_calls); }
JTORCH_BLAS_API long long jtorch_blas_own_thread_calls(void) { return atomic_load(&own_thread_calls); }
