"""Goldens for org.jtorch.nn's module hooks (torch 2.13.0): a model called through
module(x) with a forward pre-hook, a forward hook and full backward hooks, what each hook saw, the
output and every parameter's gradient; then the same model with the hooks removed.

Writes java-api/src/test/resources/golden/nn/hooks.json. Run: python3 gen_nn_hooks.py
"""
import json
import os

import torch
import torch.nn as nn

from golden_common import enc

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "nn")


def grads(model):
    return {n: enc(p.grad) for n, p in model.named_parameters()}


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 3))
    x = torch.randn(6, 4)
    seen = {}

    def pre(module, args):          # doubles the first layer's input
        seen["pre_in"] = enc(args[0])
        return args[0] * 2          # a single value: PyTorch wraps it in a tuple

    def post(module, args, out):     # adds 1 to the last layer's output
        seen["post_out"] = enc(out)
        return out + 1

    def back2(module, grad_input, grad_output):   # halves the gradient into the last layer
        seen["back2_grad_input"] = enc(grad_input[0])
        seen["back2_grad_output"] = enc(grad_output[0])
        return (grad_input[0] * 0.5,)

    def back0(module, grad_input, grad_output):   # the input needs no grad: grad_input is (None,)
        seen["back0_grad_input_is_none"] = grad_input[0] is None
        seen["back0_grad_output"] = enc(grad_output[0])

    handles = [model[0].register_forward_pre_hook(pre), model[2].register_forward_hook(post),
               model[2].register_full_backward_hook(back2), model[0].register_full_backward_hook(back0)]
    out = model(x)
    out.pow(2).mean().backward()
    hooked = {"out": enc(out), "grads": grads(model), "seen": seen}

    for h in handles:
        h.remove()
    model.zero_grad()
    out = model(x)
    out.pow(2).mean().backward()
    plain = {"out": enc(out), "grads": grads(model)}

    path = os.path.join(OUT, "hooks.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "x": enc(x), "hooked": hooked, "plain": plain}, f, indent=1)
        f.write("\n")
    print(path)


if __name__ == "__main__":
    main()
