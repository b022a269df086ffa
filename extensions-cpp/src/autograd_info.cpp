// Autograd introspection that the JavaCPP presets do not map: the name of a tensor's grad_fn
// (torch::autograd::Node is opaque to Java). Registered as an operator so that Java reaches it
// through the dispatcher like any other jtorch op.
#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/variable.h>
#include <torch/library.h>

#include <string>

namespace {

// The node's name as Python prints it for `t.grad_fn` ("MulBackward0"), or "" for a leaf.
std::string grad_fn_name(const at::Tensor& self) {
  const torch::autograd::Node* fn = torch::autograd::impl::grad_fn_unsafe(self);
  return fn == nullptr ? std::string() : fn->name();
}

}  // namespace

TORCH_LIBRARY_FRAGMENT(jtorch, m) {
  m.def("_grad_fn_name(Tensor self) -> str", &grad_fn_name);
}
