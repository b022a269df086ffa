// The schema of every jtorch operator, defined once for the `jtorch` namespace, and the C++
// entry points of include/jtorch/ops.h. Kernels are registered per dispatch key in the other
// translation units.
#include "jtorch/ops.h"

#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/library.h>

TORCH_LIBRARY(jtorch, m) {
  m.def("argmax_layer(Tensor self, int dim) -> Tensor");
  m.def("soft_argmax(Tensor self, int dim, float temperature=1.0) -> Tensor");
  m.def("min_max(Tensor self, int dim, bool keepdim=False) -> "
        "(Tensor min, Tensor argmin, Tensor max, Tensor argmax)");
}

namespace jtorch {

at::Tensor argmax_layer(const at::Tensor& self, int64_t dim) {
  static const auto op = c10::Dispatcher::singleton()
                             .findSchemaOrThrow("jtorch::argmax_layer", "")
                             .typed<at::Tensor(const at::Tensor&, int64_t)>();
  return op.call(self, dim);
}

at::Tensor soft_argmax(const at::Tensor& self, int64_t dim, double temperature) {
  static const auto op = c10::Dispatcher::singleton()
                             .findSchemaOrThrow("jtorch::soft_argmax", "")
                             .typed<at::Tensor(const at::Tensor&, int64_t, double)>();
  return op.call(self, dim, temperature);
}

std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor> min_max(const at::Tensor& self,
                                                                   int64_t dim, bool keepdim) {
  static const auto op =
      c10::Dispatcher::singleton()
          .findSchemaOrThrow("jtorch::min_max", "")
          .typed<std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor>(const at::Tensor&,
                                                                            int64_t, bool)>();
  return op.call(self, dim, keepdim);
}

}  // namespace jtorch
