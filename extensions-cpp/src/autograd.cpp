// Autograd kernels of the jtorch operators: each forward redispatches below autograd to the
// device kernel (which validates the arguments); each backward is differentiable ATen code.
#include <ATen/ATen.h>
#include <ATen/WrapDimUtils.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/library.h>

#include "internal.h"

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
      out = op.call(self, dim);
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

class SoftArgmaxFunction : public torch::autograd::Function<SoftArgmaxFunction> {
 public:
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& self, int64_t dim,
                            double temperature) {
    static const auto op = c10::Dispatcher::singleton()
                               .findSchemaOrThrow("jtorch::soft_argmax", "")
                               .typed<at::Tensor(const at::Tensor&, int64_t, double)>();
    at::Tensor out;
    {
      at::AutoDispatchBelowADInplaceOrView guard;
      out = op.call(self, dim, temperature);
    }
    ctx->save_for_backward({self});
    ctx->saved_data["dim"] = at::maybe_wrap_dim(dim, self.dim());
    ctx->saved_data["temperature"] = temperature;
    return out;
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_outputs) {
    const auto saved = ctx->get_saved_variables();
    const int64_t dim = ctx->saved_data["dim"].toInt();
    const double temperature = ctx->saved_data["temperature"].toDouble();
    return {soft_argmax_backward(grad_outputs[0], saved[0], dim, temperature), at::Tensor(),
            at::Tensor()};
  }
};

class MinMaxFunction : public torch::autograd::Function<MinMaxFunction> {
 public:
  static tensor_list forward(AutogradContext* ctx, const at::Tensor& self, int64_t dim,
                             bool keepdim) {
    static const auto op =
        c10::Dispatcher::singleton()
            .findSchemaOrThrow("jtorch::min_max", "")
            .typed<std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor>(const at::Tensor&,
                                                                              int64_t, bool)>();
    std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor> out;
    {
      at::AutoDispatchBelowADInplaceOrView guard;
      out = op.call(self, dim, keepdim);
    }
    const auto& [min, argmin, max, argmax] = out;
    ctx->mark_non_differentiable({argmin, argmax});
    ctx->save_for_backward({argmin, argmax});
    ctx->saved_data["sizes"] = self.sizes();
    ctx->saved_data["dim"] = at::maybe_wrap_dim(dim, self.dim());
    ctx->saved_data["keepdim"] = keepdim;
    return {min, argmin, max, argmax};
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_outputs) {
    const auto saved = ctx->get_saved_variables();
    const auto sizes = ctx->saved_data["sizes"].toIntVector();
    const int64_t dim = ctx->saved_data["dim"].toInt();
    const bool keepdim = ctx->saved_data["keepdim"].toBool();
    const auto& gmin = grad_outputs[0];
    const auto& gmax = grad_outputs[2];
    if (!gmin.defined() && !gmax.defined()) {
      return {at::Tensor(), at::Tensor(), at::Tensor()};
    }
    const auto& like = gmin.defined() ? gmin : gmax;
    const at::Tensor shape = at::empty(sizes, like.options().device(at::kMeta));
    return {min_max_backward(gmin, saved[0], gmax, saved[1], shape, dim, keepdim), at::Tensor(),
            at::Tensor()};
  }
};

at::Tensor argmax_layer_autograd(const at::Tensor& self, int64_t dim) {
  return ArgmaxLayerFunction::apply(self, dim);
}

at::Tensor soft_argmax_autograd(const at::Tensor& self, int64_t dim, double temperature) {
  return SoftArgmaxFunction::apply(self, dim, temperature);
}

std::tuple<at::Tensor, at::Tensor, at::Tensor, at::Tensor> min_max_autograd(const at::Tensor& self,
                                                                            int64_t dim,
                                                                            bool keepdim) {
  auto out = MinMaxFunction::apply(self, dim, keepdim);
  return {out[0], out[1], out[2], out[3]};
}

}  // namespace
}  // namespace jtorch::ops

TORCH_LIBRARY_IMPL(jtorch, Autograd, m) {
  m.impl("argmax_layer", &jtorch::ops::argmax_layer_autograd);
  m.impl("soft_argmax", &jtorch::ops::soft_argmax_autograd);
  m.impl("min_max", &jtorch::ops::min_max_autograd);
}
