#include "reduce_common.h"

#include <ATen/WrapDimUtils.h>
#include <c10/util/Exception.h>

namespace jtorch::ops {

ReduceShape check_reduce_args(const at::Tensor& self, int64_t dim, const char* op) {
  TORCH_CHECK(self.defined(), op, ": expected a defined tensor");
  const auto dtype = self.scalar_type();
  TORCH_CHECK(dtype == at::kHalf || dtype == at::kBFloat16 || dtype == at::kFloat ||
                  dtype == at::kDouble,
              op, ": expected a floating-point tensor (float16, bfloat16, float32 or float64), "
              "but got ", dtype);
  // Raises c10::IndexError with PyTorch's own "Dimension out of range" message; a 0-d
  // tensor accepts dim 0 and -1, like torch.argmax.
  ReduceShape s;
  s.dim = at::maybe_wrap_dim(dim, self.dim());
  if (self.dim() == 0) {
    return s;
  }
  TORCH_CHECK_INDEX(self.size(s.dim) != 0, op, ": Expected reduction dim ", dim,
                    " to have non-zero size (input shape ", self.sizes(), ").");
  for (int64_t i = 0; i < s.dim; i++) {
    s.outer *= self.size(i);
  }
  s.n = self.size(s.dim);
  for (int64_t i = s.dim + 1; i < self.dim(); i++) {
    s.inner *= self.size(i);
  }
  return s;
}

std::vector<int64_t> reduced_sizes(const at::Tensor& self, int64_t wrapped_dim, bool keepdim) {
  std::vector<int64_t> sizes(self.sizes().begin(), self.sizes().end());
  if (sizes.empty()) {
    return sizes;
  }
  if (keepdim) {
    sizes[wrapped_dim] = 1;
  } else {
    sizes.erase(sizes.begin() + wrapped_dim);
  }
  return sizes;
}

}  // namespace jtorch::ops
