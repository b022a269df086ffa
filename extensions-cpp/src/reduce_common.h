// Shared by every kernel of the jtorch reductions (CPU, CUDA, Meta, Autograd): argument
// checks and the [outer, n, inner] view of a contiguous tensor reduced along one dim.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace jtorch::ops {

// A contiguous tensor of shape sizes[0:dim] + [n] + sizes[dim+1:], read as [outer, n, inner].
struct ReduceShape {
  int64_t dim = 0;    // wrapped into [0, max(ndim, 1))
  int64_t outer = 1;  // product of the sizes before dim
  int64_t n = 1;      // size of dim (1 for a 0-d tensor)
  int64_t inner = 1;  // product of the sizes after dim
};

// Checks `self` (defined, floating dtype), wraps `dim` (PyTorch's own IndexError for a dim
// out of range) and rejects an empty reduction dim with an IndexError, like torch.argmax.
// `op` names the operator in messages, e.g. "jtorch::min_max()".
ReduceShape check_reduce_args(const at::Tensor& self, int64_t dim, const char* op);

// The sizes of the reduced result: `dim` removed, or kept as 1 when `keepdim`.
std::vector<int64_t> reduced_sizes(const at::Tensor& self, int64_t wrapped_dim, bool keepdim);

}  // namespace jtorch::ops
