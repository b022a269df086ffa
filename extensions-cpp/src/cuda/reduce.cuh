// Device helpers shared by the CUDA kernels of the jtorch reductions: "is (v, i) a better
// minimum/maximum than (best, bi)" with torch's rules (NaN wins, ties go to the first
// index), and warp/block reductions of (value, index) pairs and of sums.
//
// Layout: a contiguous input read as [outer, n, inner], reduced over n. With inner == 1 one
// block reduces one row (threads stride along it, then warp shuffles and shared memory
// combine); with inner > 1 one thread reduces one column, so a warp reads adjacent columns
// (coalesced) walking down the rows.
#pragma once

#include <ATen/core/Tensor.h>
#include <c10/macros/Macros.h>
#include <c10/util/Exception.h>

#include "../reduce_common.h"

#include <cstdint>
#include <limits>

namespace jtorch::ops::cuda {

constexpr int kThreads = 256;
constexpr int kWarps = kThreads / 32;
constexpr int64_t kNone = std::numeric_limits<int64_t>::max();

template <typename T>
__device__ __forceinline__ bool is_nan(T v) {
  return v != v;
}

template <bool kMax, typename acc>
__device__ __forceinline__ bool better(acc v, int64_t i, acc best, int64_t bi) {
  if (i == kNone) return false;
  if (bi == kNone) return true;
  if (is_nan(best)) return is_nan(v) && i < bi;
  if (is_nan(v)) return true;
  if (kMax ? v > best : v < best) return true;
  return v == best && i < bi;
}

// Reduces (v, i) over the block; every thread returns the block's best.
template <bool kMax, typename acc>
__device__ void block_best(acc& v, int64_t& i) {
  __shared__ acc sv[kWarps];
  __shared__ int64_t si[kWarps];
  for (int off = 16; off > 0; off >>= 1) {
    const acc ov = __shfl_down_sync(0xffffffffu, v, off);
    const int64_t oi = __shfl_down_sync(0xffffffffu, i, off);
    if (better<kMax>(ov, oi, v, i)) {
      v = ov;
      i = oi;
    }
  }
  const int lane = threadIdx.x % 32;
  const int warp = threadIdx.x / 32;
  if (lane == 0) {
    sv[warp] = v;
    si[warp] = i;
  }
  __syncthreads();
  if (warp == 0) {
    v = lane < kWarps ? sv[lane] : acc(0);
    i = lane < kWarps ? si[lane] : kNone;
    for (int off = 16; off > 0; off >>= 1) {
      const acc ov = __shfl_down_sync(0xffffffffu, v, off);
      const int64_t oi = __shfl_down_sync(0xffffffffu, i, off);
      if (better<kMax>(ov, oi, v, i)) {
        v = ov;
        i = oi;
      }
    }
    if (lane == 0) {
      sv[0] = v;
      si[0] = i;
    }
  }
  __syncthreads();
  v = sv[0];
  i = si[0];
  __syncthreads();  // the shared slots may be reused by a following call
}

// Sums a over the block; every thread returns the sum.
template <typename acc>
__device__ acc block_sum(acc a) {
  __shared__ acc s[kWarps];
  for (int off = 16; off > 0; off >>= 1) {
    a += __shfl_down_sync(0xffffffffu, a, off);
  }
  const int lane = threadIdx.x % 32;
  const int warp = threadIdx.x / 32;
  if (lane == 0) s[warp] = a;
  __syncthreads();
  if (warp == 0) {
    a = lane < kWarps ? s[lane] : acc(0);
    for (int off = 16; off > 0; off >>= 1) {
      a += __shfl_down_sync(0xffffffffu, a, off);
    }
    if (lane == 0) s[0] = a;
  }
  __syncthreads();
  a = s[0];
  __syncthreads();
  return a;
}

// The best (value, index) along row o of an [outer, n, 1] tensor, in every thread of the block.
template <bool kMax, typename scalar_t, typename acc>
__device__ void row_best(const scalar_t* row, int64_t n, acc& v, int64_t& i) {
  v = acc(0);
  i = kNone;
  for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
    const acc x = static_cast<acc>(row[k]);
    if (better<kMax>(x, k, v, i)) {
      v = x;
      i = k;
    }
  }
  block_best<kMax>(v, i);
}

// The best (value, index) of column c of the [n, inner] matrix at x, in one thread.
template <bool kMax, typename scalar_t, typename acc>
__device__ void column_best(const scalar_t* x, int64_t n, int64_t inner, acc& v, int64_t& i) {
  v = static_cast<acc>(x[0]);
  i = 0;
  for (int64_t k = 1; k < n; k++) {
    const acc e = static_cast<acc>(x[k * inner]);
    if (!is_nan(v) && (is_nan(e) || (kMax ? e > v : e < v))) {
      v = e;
      i = k;
    }
  }
}

// One block per row, or one thread per column: both must fit a 1-D grid.
inline void check_grid(const ReduceShape& s) {
  TORCH_CHECK(s.outer <= std::numeric_limits<int32_t>::max() &&
                  (s.outer * s.inner + kThreads - 1) / kThreads <= std::numeric_limits<int32_t>::max(),
              "jtorch CUDA reduction: the tensor is too large for one launch");
}

inline unsigned int blocks_for(int64_t threads) {
  return static_cast<unsigned int>((threads + kThreads - 1) / kThreads);
}

}  // namespace jtorch::ops::cuda
