// The schema of every jtorch operator, defined once for the `jtorch` namespace.
// Kernels are registered per dispatch key in the other translation units.
#include "jtorch/ops.h"

#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/library.h>

TORCH_LIBRARY(jtorch, m) {
  m.def("argmax_layer(Tensor self, int dim) -> Tensor");
}

namespace jtorch {

at::Tensor argmax_layer(const at::Tensor& self, int64_t dim) {
  static const auto op = c10::Dispatcher::singleton()
                             .findSchemaOrThrow("jtorch::argmax_layer", "")
                             .typed<at::Tensor(const at::Tensor&, int64_t)>();
  return op.call(self, dim);
}

}  // namespace jtorch
