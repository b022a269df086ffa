// A minimal custom operator: my_ops::scale(Tensor x, float factor) -> Tensor.
// Rename the namespace, add m.def(...) lines and kernels; see README.md.
#include <ATen/ATen.h>
#include <ATen/OpMathType.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/library.h>

namespace {

// The CPU kernel. Argument checks raise c10::Error, which reaches Java as TorchException
// and Python as RuntimeError.
at::Tensor scale_cpu(const at::Tensor& x, double factor) {
  TORCH_CHECK(x.is_floating_point(), "my_ops::scale(): expected a floating tensor, got ",
              x.scalar_type());
  at::Tensor out = at::empty_like(x, at::MemoryFormat::Contiguous);
  at::Tensor in = x.contiguous();
  AT_DISPATCH_FLOATING_TYPES_AND2(at::kHalf, at::kBFloat16, in.scalar_type(), "scale", [&] {
    const scalar_t* src = in.const_data_ptr<scalar_t>();
    scalar_t* dst = out.mutable_data_ptr<scalar_t>();
    const auto f = static_cast<at::opmath_type<scalar_t>>(factor);
    for (int64_t i = 0; i < in.numel(); i++) {
      dst[i] = static_cast<scalar_t>(src[i] * f);
    }
  });
  return out;
}

// Autograd: d(x * factor)/dx = factor. Without an Autograd kernel the op would not be
// differentiable (LibTorch raises an error if an input requires grad).
class Scale : public torch::autograd::Function<Scale> {
 public:
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& x,
                            double factor) {
    ctx->saved_data["factor"] = factor;
    at::AutoDispatchBelowADInplaceOrView guard;
    return scale_cpu(x, factor);
  }
  static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                               torch::autograd::tensor_list g) {
    return {g[0] * ctx->saved_data["factor"].toDouble(), at::Tensor()};
  }
};

at::Tensor scale_autograd(const at::Tensor& x, double factor) {
  return Scale::apply(x, factor);
}

}  // namespace

// The schema, once per namespace.
TORCH_LIBRARY(my_ops, m) {
  m.def("scale(Tensor x, float factor) -> Tensor");
}

// One kernel per dispatch key.
TORCH_LIBRARY_IMPL(my_ops, CPU, m) {
  m.impl("scale", &scale_cpu);
}

TORCH_LIBRARY_IMPL(my_ops, Autograd, m) {
  m.impl("scale", &scale_autograd);
}
