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
 *  2. OpenBLAS uses more than one thread only for calls that can use them: a pthreads OpenBLAS
 *     has a single, global thread count, so this library exports the BLAS entry points LibTorch
 *     imports (and is loaded into the global scope before LibTorch, so LibTorch binds to them),
 *     raises that count for the duration of a call made outside any parallel region, and keeps
 *     it at 1 otherwise: while a call made inside a parallel region runs (LibTorch calls GEMMs
 *     from inside its own parallel loops, for CPU attention and double-precision convolution,
 *     where every core is busy; MKL and an OpenMP OpenBLAS stay on one thread there too), while
 *     an LU factorisation runs (see JT_GETRF), and for everything else OpenBLAS does.
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
static int* openblas_cpu_number; /* blas_cpu_number: what each call reads to choose its jobs */

static atomic_int installed;
static atomic_llong forwarded_calls, region_calls, team_calls, own_thread_calls;

/* ------------------------------------------------------------------ the thread count (2.) */
/* OpenBLAS has one, global thread count (blas_cpu_number), read by each call to choose its
 * jobs. It stays at 1, OpenBLAS's behaviour before this library, except while a call through
 * these entry points runs outside any parallel region: then it is `threads_wanted`, unless a
 * call that must stay on one thread is running somewhere (inside a parallel region, or an LU
 * factorisation, whose parallel OpenBLAS code uses OpenBLAS's own thread pool and more stack
 * than a JVM thread has). Every change happens under one mutex, from the depths below, so a call
 * that must stay on one thread never reads more. */
static pthread_mutex_t count_mutex = PTHREAD_MUTEX_INITIALIZER;
static int parallel_depth; /* calls running that may use threads_wanted jobs */
static int single_depth;   /* calls running that must stay on one thread */
static int threads_wanted = 1;
static int threads_capacity; /* the largest count OpenBLAS was set up for */

enum { NOTHING = 0, MAY_BE_PARALLEL = 1, ONE_THREAD = 2 };

static void apply_count(void) {
  *openblas_cpu_number = single_depth == 0 && parallel_depth > 0 ? threads_wanted : 1;
}

static int count_enter(int kind) {
  if (!atomic_load_explicit(&installed, memory_order_acquire)) {
    return NOTHING;
  }
  if (kind == MAY_BE_PARALLEL && omp.in_parallel() != 0) {
    kind = ONE_THREAD; /* inside a parallel region every core is busy already */
    atomic_fetch_add_explicit(&region_calls, 1, memory_order_relaxed);
  }
  pthread_mutex_lock(&count_mutex);
  if (kind == ONE_THREAD) {
    ++single_depth;
  } else {
    ++parallel_depth;
  }
  apply_count();
  pthread_mutex_unlock(&count_mutex);
  return kind;
}

static void count_leave(int kind) {
  if (kind == NOTHING) {
    return;
  }
  pthread_mutex_lock(&count_mutex);
  if (kind == ONE_THREAD) {
    --single_depth;
  } else {
    --parallel_depth;
  }
  apply_count();
  pthread_mutex_unlock(&count_mutex);
}

/* ------------------------------------------------------------------ the callback (1.) */
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
    /* inside a parallel region with more than one job (a call that did not come through this
     * library's entry points while another did): OpenMP would not nest a team, so the other jobs
     * get threads of their own */
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
/* `small`: a call OpenBLAS runs on one thread whatever its thread count (below its thresholds
 * for threading, which the ones here undercut), so the count is left alone: LAPACK makes
 * hundreds of thousands of such calls. */
#define JT_FORWARD_KIND(ret, name, params, args, small, kind)                      \
  static void* real_##name;                                                        \
  JTORCH_BLAS_API ret name params {                                                \
    ret (*f) params = (ret (*) params)real_symbol(&real_##name, #name);            \
    atomic_fetch_add_explicit(&forwarded_calls, 1, memory_order_relaxed);          \
    int entered = (small) ? NOTHING : count_enter(kind);                           \
    ret r = f args;                                                                \
    count_leave(entered);                                                          \
    return r;                                                                      \
  }
#define JT_FORWARD_VOID_KIND(name, params, args, small, kind)                      \
  static void* real_##name;                                                        \
  JTORCH_BLAS_API void name params {                                               \
    void (*f) params = (void (*) params)real_symbol(&real_##name, #name);          \
    atomic_fetch_add_explicit(&forwarded_calls, 1, memory_order_relaxed);          \
    int entered = (small) ? NOTHING : count_enter(kind);                           \
    f args;                                                                        \
    count_leave(entered);                                                          \
  }
#define JT_FORWARD(ret, name, params, args, small) \
  JT_FORWARD_KIND(ret, name, params, args, small, MAY_BE_PARALLEL)
#define JT_FORWARD_VOID(name, params, args, small) \
  JT_FORWARD_VOID_KIND(name, params, args, small, MAY_BE_PARALLEL)

/* Fortran integers (blasint: 32 bits in the presets' OpenBLAS), by reference. */
#define JT_INT(p) ((long long)*(const int*)(p))

#define JT_GEMM(name)                                                                     \
  JT_FORWARD_VOID(name,                                                                   \
                  (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6, JT_P a7, JT_P a8, \
                   JT_P a9, JT_P a10, JT_P a11, JT_P a12, JT_P a13),                       \
                  (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13),               \
                  JT_INT(a3) * JT_INT(a4) * JT_INT(a5) < 65536)
#define JT_GEMV(name)                                                                     \
  JT_FORWARD_VOID(name,                                                                   \
                  (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6, JT_P a7, JT_P a8, \
                   JT_P a9, JT_P a10, JT_P a11),                                           \
                  (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11), JT_INT(a2) * JT_INT(a3) < 4096)
#define JT_TRSM(name)                                                                     \
  JT_FORWARD_VOID(name,                                                                   \
                  (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6, JT_P a7, JT_P a8, \
                   JT_P a9, JT_P a10, JT_P a11),                                           \
                  (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11), JT_INT(a5) * JT_INT(a6) < 4096)
#define JT_AXPY(name)                                                                     \
  JT_FORWARD_VOID(name, (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6),           \
                  (a1, a2, a3, a4, a5, a6), JT_INT(a1) < 8192)
#define JT_SCAL(name) \
  JT_FORWARD_VOID(name, (JT_P a1, JT_P a2, JT_P a3, JT_P a4), (a1, a2, a3, a4), JT_INT(a1) < 8192)
#define JT_DOT_SUB(name)                                                                  \
  JT_FORWARD_VOID(name, (int n, const void* x, int incx, const void* y, int incy, void* ret), \
                  (n, x, incx, y, incy, ret), n < 8192)

/* The routines LibTorch imports that OpenBLAS may run on several threads. */
JT_GEMM(sgemm_)
JT_GEMM(dgemm_)
JT_GEMM(cgemm_)
JT_GEMM(zgemm_)
JT_GEMV(sgemv_) /* trans, m, n, alpha, a, lda, x, incx, beta, y, incy */
JT_GEMV(dgemv_)
JT_TRSM(strsm_) /* side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb */
JT_TRSM(dtrsm_)
JT_TRSM(ctrsm_)
JT_TRSM(ztrsm_)
JT_AXPY(saxpy_) /* n, alpha, x, incx, y, incy */
JT_AXPY(daxpy_)
JT_AXPY(caxpy_)
JT_AXPY(zaxpy_)
JT_SCAL(sscal_) /* n, alpha, x, incx */
JT_SCAL(dscal_)
JT_FORWARD(double, ddot_, (JT_P n, JT_P x, JT_P incx, JT_P y, JT_P incy), (n, x, incx, y, incy),
           JT_INT(n) < 8192)
JT_FORWARD(float, cblas_sdot, (int n, const float* x, int incx, const float* y, int incy),
           (n, x, incx, y, incy), n < 8192)
JT_DOT_SUB(cblas_cdotc_sub)
JT_DOT_SUB(cblas_cdotu_sub)
JT_DOT_SUB(cblas_zdotc_sub)
JT_DOT_SUB(cblas_zdotu_sub)

/* LU factorisation stays on one thread: OpenBLAS's parallel getrf runs its panels on OpenBLAS's
 * own thread pool (not through the callback) and needs more stack than a JVM thread's 1 MiB
 * (measured: a crash at -Xss2m, 5x slower than one thread where it ran). m, n, a, lda, ipiv,
 * info. */
#define JT_GETRF(name)                                                                     \
  JT_FORWARD_VOID_KIND(name, (JT_P a1, JT_P a2, JT_P a3, JT_P a4, JT_P a5, JT_P a6),       \
                       (a1, a2, a3, a4, a5, a6), 0, ONE_THREAD)
JT_GETRF(sgetrf_)
JT_GETRF(dgetrf_)
JT_GETRF(cgetrf_)
JT_GETRF(zgetrf_)

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
      openblas_cpu_number = (int*)dlsym(blas, "blas_cpu_number");
      *(void**)&omp.parallel = dlsym(gomp, "GOMP_parallel");
      *(void**)&omp.thread_num = dlsym(gomp, "omp_get_thread_num");
      *(void**)&omp.num_threads = dlsym(gomp, "omp_get_num_threads");
      *(void**)&omp.in_parallel = dlsym(gomp, "omp_in_parallel");
      if (openblas_set_threads == NULL || openblas_cpu_number == NULL) {
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

JTORCH_BLAS_API int jtorch_blas_set_threads(int threads) {
  if (!atomic_load(&installed)) {
    return JTORCH_BLAS_NOT_INSTALLED;
  }
  if (threads < 1) {
    return JTORCH_BLAS_BAD_ARGUMENT;
  }
  pthread_mutex_lock(&count_mutex);
  if (threads > threads_capacity) {
    /* sets OpenBLAS up for that many (threads, buffers); never called to shrink, which would
     * free buffers a running call may use. OpenBLAS clamps the count to the most it was built
     * for (MAX_THREADS) and says so in blas_cpu_number: more jobs than that would index past
     * its per-thread buffers and corrupt the heap. */
    openblas_set_threads(threads);
    if (*openblas_cpu_number > threads_capacity) {
      threads_capacity = *openblas_cpu_number;
    }
  }
  threads_wanted = threads < threads_capacity ? threads : threads_capacity;
  apply_count();
  pthread_mutex_unlock(&count_mutex);
  return JTORCH_BLAS_INSTALLED;
}

JTORCH_BLAS_API int jtorch_blas_threads(void) {
  if (!atomic_load(&installed)) {
    return 0;
  }
  pthread_mutex_lock(&count_mutex);
  int threads = threads_wanted;
  pthread_mutex_unlock(&count_mutex);
  return threads;
}

JTORCH_BLAS_API long long jtorch_blas_forwarded_calls(void) {
  return atomic_load(&forwarded_calls);
}
JTORCH_BLAS_API long long jtorch_blas_region_calls(void) { return atomic_load(&region_calls); }
JTORCH_BLAS_API long long jtorch_blas_team_calls(void) { return atomic_load(&team_calls); }
JTORCH_BLAS_API long long jtorch_blas_own_thread_calls(void) {
  return atomic_load(&own_thread_calls);
}
