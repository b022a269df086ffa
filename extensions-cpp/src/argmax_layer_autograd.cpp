// Autograd kernel of jtorch::argmax_layer: the forward redispatches below autograd
// to the device kernel; the backward is the straight-through softmax estimator.
#include "argmax_layer.h"

#include <ATen/ATen.h>
#include <ATen/WrapDimUtils.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/library.h>

namespace jtorch::ops {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

class ArgmaxLayerFunction : public torch::autograd::Function<ArgmaxLayerFunction> {
 public:
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& self, int64_t dim) {
    static const auto op = c10::Dispatcher::singleton()
                               .findSchemaOrThrow("jtorch::argmax_layer", "")
                               .typed<at::Tensor(const at::Tensor&, int64_t)>();
    at::Tensor out;
    {
      at::AutoDispatchBelowADInplaceOrView guard;
      out = op.call(self, dim);  // the device kernel validates the arguments
    }
    ctx->save_for_backward({self});
    ctx->saved_data["dim"] = at::maybe_wrap_dim(dim, self.dim());
    return out;
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_outputs) {
    const auto saved = ctx->get_saved_variables();
    const int64_t dim = ctx->saved_data["dim"].toInt();
    return {argmax_layer_backward(grad_outputs[0], saved[0], dim), at::Tensor()};
  }
};

at::Tensor argmax_layer_autograd(const at::Tensor& self, int64_t dim) {
  return ArgmaxLayerFunction::apply(self, dim);
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, Autograd, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_autograd);
}
