// CPU kernels of argmax_layer, min_max and soft_argmax. This file is compiled once per CPU
// capability with CPU_CAPABILITY set to the namespace name (DEFAULT, AVX2) and, for AVX2,
// CPU_CAPABILITY_AVX2 and -mavx2 -mfma -mf16c, so that at::vec::Vectorized<T> uses the
// matching intrinsics. Only Vectorized methods that are pure intrinsics are used (compares,
// blends, arithmetic, exp_u20): the Sleef-based ones would need libsleef at link time.
//
// A contiguous input is read as [outer, n, inner] (the reduction runs over n):
//  - inner == 1 ("rows"): each row is contiguous; the lanes of a vector each track the best
//    value and the first index where they saw it, then the lanes are combined;
//  - inner > 1 ("columns"): a block of adjacent columns is reduced together, one lane per
//    column, walking down the n rows; each step reads a contiguous segment.
// Indices are carried in the accumulation type (exact up to 2^24 for float, 2^53 for double);
// longer reductions take the scalar path. Rows (or column blocks) go through at::parallel_for,
// which is serial here: this file is compiled without -fopenmp (see README.md, CPU kernels).
#include <ATen/Dispatch.h>
#include <ATen/OpMathType.h>
#include <ATen/Parallel.h>
#include <ATen/cpu/vec/functional.h>
#include <ATen/cpu/vec/vec.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "kernels.h"

#ifndef CPU_CAPABILITY
#error "compile kernels.cpp with -DCPU_CAPABILITY=DEFAULT or AVX2"
#endif

namespace jtorch::ops::cpu {
namespace CPU_CAPABILITY {
namespace {

using at::vec::Vectorized;

template <typename scalar_t>
using acc_t = at::opmath_type<scalar_t>;  // float for half and bfloat16

// Work per parallel task, in elements read.
constexpr int64_t kGrainElements = 32768;

template <typename acc>
constexpr int64_t max_exact_index() {
  return std::is_same_v<acc, float> ? (int64_t{1} << 24) : (int64_t{1} << 53);
}

template <typename scalar_t>
inline Vectorized<acc_t<scalar_t>> load_acc(const scalar_t* p) {
  if constexpr (std::is_same_v<scalar_t, acc_t<scalar_t>>) {
    return Vectorized<scalar_t>::loadu(p);
  } else {
    Vectorized<float> v;
    at::vec::load_to_float<scalar_t>(p, v);
    return v;
  }
}

template <typename T>
inline bool is_nan(T v) {
  return v != v;
}

// Is (v, i) a better maximum than (best, bi)? NaN beats numbers; ties go to the lower index.
template <typename T>
inline bool better_max(T v, int64_t i, T best, int64_t bi) {
  if (is_nan(best)) {
    return is_nan(v) && i < bi;
  }
  return is_nan(v) || v > best || (v == best && i < bi);
}

template <typename T>
inline bool better_min(T v, int64_t i, T best, int64_t bi) {
  if (is_nan(best)) {
    return is_nan(v) && i < bi;
  }
  return is_nan(v) || v < best || (v == best && i < bi);
}

// Lane-wise "v replaces the running maximum": v > m, or v is NaN; never once m is NaN.
template <typename V>
inline V max_update(const V& v, const V& m) {
  return ((v > m) | (v != v)) & (m == m);
}

template <typename V>
inline V min_update(const V& v, const V& m) {
  return ((v < m) | (v != v)) & (m == m);
}

template <typename acc>
struct Extremes {
  acc min;
  int64_t imin;
  acc max;
  int64_t imax;
};

// The first minimum and/or maximum of the contiguous row x[0:n] (n >= 1).
template <typename scalar_t, bool kMin, bool kMax>
Extremes<acc_t<scalar_t>> reduce_row(const scalar_t* x, int64_t n) {
  using acc = acc_t<scalar_t>;
  using V = Vectorized<acc>;
  constexpr int64_t W = V::size();
  Extremes<acc> r;
  int64_t i;
  if (n >= 2 * W && n <= max_exact_index<acc>()) {
    V vmax = load_acc(x);
    V vmin = vmax;
    V bmax(acc(0));  // the start of the vector each lane's best came from
    V bmin(acc(0));
    for (i = W; i + W <= n; i += W) {
      const V v = load_acc(x + i);
      const V base(static_cast<acc>(i));
      if constexpr (kMax) {
        const V upd = max_update(v, vmax);
        vmax = V::blendv(vmax, v, upd);
        bmax = V::blendv(bmax, base, upd);
      }
      if constexpr (kMin) {
        const V upd = min_update(v, vmin);
        vmin = V::blendv(vmin, v, upd);
        bmin = V::blendv(bmin, base, upd);
      }
    }
    acc vals[W], bases[W];
    if constexpr (kMax) {
      vmax.store(vals);
      bmax.store(bases);
      r.max = vals[0];
      r.imax = static_cast<int64_t>(bases[0]);
      for (int64_t l = 1; l < W; l++) {
        const int64_t idx = static_cast<int64_t>(bases[l]) + l;
        if (better_max(vals[l], idx, r.max, r.imax)) {
          r.max = vals[l];
          r.imax = idx;
        }
      }
    }
    if constexpr (kMin) {
      vmin.store(vals);
      bmin.store(bases);
      r.min = vals[0];
      r.imin = static_cast<int64_t>(bases[0]);
      for (int64_t l = 1; l < W; l++) {
        const int64_t idx = static_cast<int64_t>(bases[l]) + l;
        if (better_min(vals[l], idx, r.min, r.imin)) {
          r.min = vals[l];
          r.imin = idx;
        }
      }
    }
  } else {
    r.min = r.max = static_cast<acc>(x[0]);
    r.imin = r.imax = 0;
    i = 1;
  }
  // The tail: later indices, so only a strictly better value (or a first NaN) wins.
  for (; i < n; i++) {
    const acc v = static_cast<acc>(x[i]);
    if constexpr (kMax) {
      if (!is_nan(r.max) && (is_nan(v) || v > r.max)) {
        r.max = v;
        r.imax = i;
      }
    }
    if constexpr (kMin) {
      if (!is_nan(r.min) && (is_nan(v) || v < r.min)) {
        r.min = v;
        r.imin = i;
      }
    }
  }
  return r;
}

// Column blocks: how many adjacent columns one task reduces together.
inline int64_t column_block(int64_t outer, int64_t inner) {
  const int64_t threads = std::max<int64_t>(1, at::get_num_threads());
  // enough blocks for 4 tasks per thread, each block 16..256 columns (a multiple of 16)
  const int64_t want_blocks = std::max<int64_t>(1, 4 * threads / std::max<int64_t>(outer, 1));
  int64_t b = inner / want_blocks;
  b = (b + 15) / 16 * 16;
  return std::clamp<int64_t>(b, 16, 256);
}

constexpr int64_t kMaxBlock = 256;

// The first minimum and/or maximum of `len` adjacent columns (len <= kMaxBlock) of the
// [n, inner] matrix at x; results per column in mins/imins/maxs/imaxs.
template <typename scalar_t, bool kMin, bool kMax>
void reduce_columns(const scalar_t* x, int64_t n, int64_t inner, int64_t len,
                    acc_t<scalar_t>* mins, int64_t* imins, acc_t<scalar_t>* maxs,
                    int64_t* imaxs) {
  using acc = acc_t<scalar_t>;
  using V = Vectorized<acc>;
  constexpr int64_t W = V::size();
  const int64_t vlen = n <= max_exact_index<acc>() ? len / W * W : 0;
  alignas(64) acc kmax[kMaxBlock];  // the row each column's best came from, as acc
  alignas(64) acc kmin[kMaxBlock];
  for (int64_t c = 0; c < len; c++) {
    const acc v = static_cast<acc>(x[c]);
    maxs[c] = mins[c] = v;
    imaxs[c] = imins[c] = 0;
    kmax[c] = kmin[c] = acc(0);
  }
  for (int64_t k = 1; k < n; k++) {
    const scalar_t* row = x + k * inner;
    const V vk(static_cast<acc>(k));
    for (int64_t c = 0; c < vlen; c += W) {
      const V v = load_acc(row + c);
      if constexpr (kMax) {
        const V m = V::loadu(maxs + c);
        const V upd = max_update(v, m);
        V::blendv(m, v, upd).store(maxs + c);
        V::blendv(V::loadu(kmax + c), vk, upd).store(kmax + c);
      }
      if constexpr (kMin) {
        const V m = V::loadu(mins + c);
        const V upd = min_update(v, m);
        V::blendv(m, v, upd).store(mins + c);
        V::blendv(V::loadu(kmin + c), vk, upd).store(kmin + c);
      }
    }
    for (int64_t c = vlen; c < len; c++) {
      const acc v = static_cast<acc>(row[c]);
      if constexpr (kMax) {
        if (!is_nan(maxs[c]) && (is_nan(v) || v > maxs[c])) {
          maxs[c] = v;
          imaxs[c] = k;
        }
      }
      if constexpr (kMin) {
        if (!is_nan(mins[c]) && (is_nan(v) || v < mins[c])) {
          mins[c] = v;
          imins[c] = k;
        }
      }
    }
  }
  for (int64_t c = 0; c < vlen; c++) {
    imaxs[c] = static_cast<int64_t>(kmax[c]);
    imins[c] = static_cast<int64_t>(kmin[c]);
  }
}

// Calls fn(o, j0, len) for every column block of an [outer, n, inner] tensor, in parallel.
template <typename F>
void for_each_column_block(const ReduceShape& s, F fn) {
  const int64_t block = column_block(s.outer, s.inner);
  const int64_t blocks = (s.inner + block - 1) / block;
  const int64_t grain = std::max<int64_t>(1, kGrainElements / (s.n * block));
  at::parallel_for(0, s.outer * blocks, grain, [&](int64_t begin, int64_t end) {
    for (int64_t t = begin; t < end; t++) {
      const int64_t o = t / blocks;
      const int64_t j0 = (t % blocks) * block;
      fn(o, j0, std::min(block, s.inner - j0));
    }
  });
}

template <typename F>
void for_each_row(const ReduceShape& s, F fn) {
  const int64_t grain = std::max<int64_t>(1, kGrainElements / s.n);
  at::parallel_for(0, s.outer, grain, [&](int64_t begin, int64_t end) {
    for (int64_t o = begin; o < end; o++) {
      fn(o);
    }
  });
}

// ------------------------------------------------------------------------ argmax_layer

template <typename scalar_t>
void argmax_layer_typed(const at::Tensor& self, const ReduceShape& s, at::Tensor& out) {
  using acc = acc_t<scalar_t>;
  const scalar_t* x = self.const_data_ptr<scalar_t>();
  scalar_t* y = out.mutable_data_ptr<scalar_t>();
  const scalar_t one(1);
  if (s.inner == 1) {
    for_each_row(s, [&](int64_t o) {
      const auto r = reduce_row<scalar_t, false, true>(x + o * s.n, s.n);
      scalar_t* row = y + o * s.n;
      std::memset(row, 0, s.n * sizeof(scalar_t));  // +0.0 is all zero bits in every dtype
      row[r.imax] = one;
    });
  } else {
    for_each_column_block(s, [&](int64_t o, int64_t j0, int64_t len) {
      acc maxs[kMaxBlock], mins[kMaxBlock];
      int64_t imaxs[kMaxBlock], imins[kMaxBlock];
      const int64_t base = o * s.n * s.inner + j0;
      reduce_columns<scalar_t, false, true>(x + base, s.n, s.inner, len, mins, imins, maxs,
                                            imaxs);
      for (int64_t k = 0; k < s.n; k++) {
        std::memset(y + base + k * s.inner, 0, len * sizeof(scalar_t));
      }
      for (int64_t c = 0; c < len; c++) {
        y[base + imaxs[c] * s.inner + c] = one;
      }
    });
  }
}

void argmax_layer_kernel(const at::Tensor& self, const ReduceShape& s, at::Tensor& out) {
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, self.scalar_type(),
                                  "jtorch::argmax_layer", [&] {
                                    argmax_layer_typed<scalar_t>(self, s, out);
                                  });
}

// ------------------------------------------------------------------------ min_max

template <typename scalar_t>
void min_max_typed(const at::Tensor& self, const ReduceShape& s, at::Tensor& min,
                   at::Tensor& argmin, at::Tensor& max, at::Tensor& argmax) {
  using acc = acc_t<scalar_t>;
  const scalar_t* x = self.const_data_ptr<scalar_t>();
  scalar_t* vmin = min.mutable_data_ptr<scalar_t>();
  scalar_t* vmax = max.mutable_data_ptr<scalar_t>();
  int64_t* imin = argmin.mutable_data_ptr<int64_t>();
  int64_t* imax = argmax.mutable_data_ptr<int64_t>();
  if (s.inner == 1) {
    for_each_row(s, [&](int64_t o) {
      const auto r = reduce_row<scalar_t, true, true>(x + o * s.n, s.n);
      vmin[o] = static_cast<scalar_t>(r.min);
      imin[o] = r.imin;
      vmax[o] = static_cast<scalar_t>(r.max);
      imax[o] = r.imax;
    });
  } else {
    for_each_column_block(s, [&](int64_t o, int64_t j0, int64_t len) {
      acc maxs[kMaxBlock], mins[kMaxBlock];
      const int64_t out = o * s.inner + j0;
      reduce_columns<scalar_t, true, true>(x + o * s.n * s.inner + j0, s.n, s.inner, len, mins,
                                           imin + out, maxs, imax + out);
      for (int64_t c = 0; c < len; c++) {
        vmin[out + c] = static_cast<scalar_t>(mins[c]);
        vmax[out + c] = static_cast<scalar_t>(maxs[c]);
      }
    });
  }
}

void min_max_kernel(const at::Tensor& self, const ReduceShape& s, at::Tensor& min,
                    at::Tensor& argmin, at::Tensor& max, at::Tensor& argmax) {
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, self.scalar_type(), "jtorch::min_max",
                                  [&] { min_max_typed<scalar_t>(self, s, min, argmin, max, argmax); });
}

// ------------------------------------------------------------------------ soft_argmax

// exp of a vector; the float path uses ATen's polynomial exp_u20 (pure intrinsics).
template <typename acc>
inline Vectorized<acc> vexp(const Vectorized<acc>& v) {
  if constexpr (std::is_same_v<acc, float>) {
    return v.exp_u20();
  } else {
    return v.map([](acc a) { return std::exp(a); });
  }
}

template <typename scalar_t>
void soft_argmax_typed(const at::Tensor& self, const ReduceShape& s, double temperature,
                       at::Tensor& out) {
  using acc = acc_t<scalar_t>;
  using V = Vectorized<acc>;
  constexpr int64_t W = V::size();
  const scalar_t* x = self.const_data_ptr<scalar_t>();
  scalar_t* y = out.mutable_data_ptr<scalar_t>();
  const acc inv_t = static_cast<acc>(1.0 / temperature);
  const acc nan = std::numeric_limits<acc>::quiet_NaN();
  if (s.inner == 1) {
    for_each_row(s, [&](int64_t o) {
      const scalar_t* row = x + o * s.n;
      const acc m = reduce_row<scalar_t, false, true>(row, s.n).max;
      if (!std::isfinite(m)) {  // NaN, or +-inf: softmax is NaN too
        y[o] = static_cast<scalar_t>(nan);
        return;
      }
      const V vm(m), vinv(inv_t);
      V vs(acc(0)), vw(acc(0));
      V vi = V::arange(acc(0), acc(1));
      const V step(static_cast<acc>(W));
      int64_t i = 0;
      for (; i + W <= s.n; i += W) {
        const V e = vexp<acc>((load_acc(row + i) - vm) * vinv);
        vs = vs + e;
        vw = vw + e * vi;
        vi = vi + step;
      }
      acc lanes_s[W], lanes_w[W];
      vs.store(lanes_s);
      vw.store(lanes_w);
      acc sum = 0, wsum = 0;
      for (int64_t l = 0; l < W; l++) {
        sum += lanes_s[l];
        wsum += lanes_w[l];
      }
      for (; i < s.n; i++) {
        const acc e = std::exp((static_cast<acc>(row[i]) - m) * inv_t);
        sum += e;
        wsum += e * static_cast<acc>(i);
      }
      y[o] = static_cast<scalar_t>(wsum / sum);
    });
  } else {
    for_each_column_block(s, [&](int64_t o, int64_t j0, int64_t len) {
      acc maxs[kMaxBlock], mins[kMaxBlock];
      int64_t imaxs[kMaxBlock], imins[kMaxBlock];
      alignas(64) acc sums[kMaxBlock] = {};
      alignas(64) acc wsums[kMaxBlock] = {};
      const scalar_t* base = x + o * s.n * s.inner + j0;
      reduce_columns<scalar_t, false, true>(base, s.n, s.inner, len, mins, imins, maxs, imaxs);
      const int64_t vlen = len / W * W;
      const V vinv(inv_t);
      for (int64_t k = 0; k < s.n; k++) {
        const scalar_t* row = base + k * s.inner;
        const V vk(static_cast<acc>(k));
        for (int64_t c = 0; c < vlen; c += W) {
          const V e = vexp<acc>((load_acc(row + c) - V::loadu(maxs + c)) * vinv);
          (V::loadu(sums + c) + e).store(sums + c);
          (V::loadu(wsums + c) + e * vk).store(wsums + c);
        }
        for (int64_t c = vlen; c < len; c++) {
          const acc e = std::exp((static_cast<acc>(row[c]) - maxs[c]) * inv_t);
          sums[c] += e;
          wsums[c] += e * static_cast<acc>(k);
        }
      }
      scalar_t* dst = y + o * s.inner + j0;
      for (int64_t c = 0; c < len; c++) {
        dst[c] = static_cast<scalar_t>(std::isfinite(maxs[c]) ? wsums[c] / sums[c] : nan);
      }
    });
  }
}

void soft_argmax_kernel(const at::Tensor& self, const ReduceShape& s, double temperature,
                        at::Tensor& out) {
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, self.scalar_type(),
                                  "jtorch::soft_argmax", [&] {
                                    soft_argmax_typed<scalar_t>(self, s, temperature, out);
                                  });
}

}  // namespace

#define JTORCH_STR2(x) #x
#define JTORCH_STR(x) JTORCH_STR2(x)

extern const Kernels kKernels = {&argmax_layer_kernel, &min_max_kernel, &soft_argmax_kernel,
                                 JTORCH_STR(CPU_CAPABILITY)};

}  // namespace CPU_CAPABILITY
}  // namespace jtorch::ops::cpu
