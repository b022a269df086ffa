"""Golden cases for org.jtorch.nn layers, losses and functions (torch 2.13.0).

A module case (written by `module_case`) records, for one layer built after torch.manual_seed(seed):
  "init":        the state dict right after construction (same seed -> same initial weights)
  "inputs":      the inputs (floating ones require grad); "train": the module's mode
  "forwardSeed": when present, torch.manual_seed(forwardSeed) runs just before forward (dropout)
  "outputs":     the forward outputs, flattened in order (an LSTM's (out, (h, c)) -> [out, h, c])
  "gradOutputs": per output, the gradient fed to backward (null for outputs that need none)
  "inputGrads":  per input, its .grad (null where it has none)
  "paramGrads":  every named parameter's .grad (null where it has none)
  "state":       the state dict after forward (BatchNorm's running statistics)
  "repr":        repr(module), which the Java toString() must equal
  "tol":         absolute and relative tolerance for floating comparisons
Java replays each case with the same seed: see NnGolden.java.
"""
import json
import os

import torch

from golden_common import enc

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "nn")


def _flatten(out):
    if isinstance(out, torch.Tensor):
        return [out]
    if out is None:
        return []
    flat = []
    for o in out:
        flat.extend(_flatten(o))
    return flat


def module_case(cases, cid, seed, make, inputs, forward=None, train=True, forward_seed=None, tol=1e-5,
                grad_seed=1234):
    """Builds make() after manual_seed(seed), runs forward and backward, appends the case."""
    torch.manual_seed(seed)
    m = make()
    init = {k: enc(v) for k, v in m.state_dict().items()}
    m.train(train)
    xs = [x.clone().requires_grad_(x.is_floating_point()) for x in inputs]
    if forward_seed is not None:
        torch.manual_seed(forward_seed)
    out = forward(m, *xs) if forward is not None else m(*xs)
    outs = _flatten(out)
    gen = torch.Generator().manual_seed(grad_seed)
    grad_outs = []
    for o in outs:
        if o.requires_grad:
            g = (torch.randn(o.shape, generator=gen, dtype=torch.float64) * 8).round() / 8
            # never 0: a zero gradient (always so for a 0-d output with some seeds) tests nothing
            g = torch.where(g == 0, torch.full_like(g, 0.5), g)
            grad_outs.append(g.to(o.dtype))
        else:
            grad_outs.append(None)
    pairs = [(o, g) for o, g in zip(outs, grad_outs) if g is not None]
    if pairs:
        torch.autograd.backward([p[0] for p in pairs], [p[1] for p in pairs])
    cases.append({
        "id": cid,
        "seed": seed,
        "train": train,
        "forwardSeed": forward_seed,
        "init": init,
        "inputs": [enc(x) for x in inputs],
        "outputs": [enc(o) for o in outs],
        "gradOutputs": [None if g is None else enc(g) for g in grad_outs],
        "inputGrads": [None if x.grad is None else enc(x.grad) for x in xs],
        "paramGrads": {k: (None if p.grad is None else enc(p.grad)) for k, p in m.named_parameters()},
        "state": {k: enc(v) for k, v in m.state_dict().items()},
        "repr": repr(m),
        "tol": tol,
    })


def error_case(cases, cid, seed, make, inputs, forward=None):
    """A case where forward must fail: records PyTorch's error type and first message line."""
    torch.manual_seed(seed)
    m = make()
    try:
        forward(m, *inputs) if forward is not None else m(*inputs)
    except (RuntimeError, ValueError, IndexError) as e:
        cases.append({"id": cid, "seed": seed, "inputs": [enc(x) for x in inputs],
                      "error": type(e).__name__, "message": str(e).split("\n")[0]})
        return
    raise AssertionError(cid + " did not fail")


def rq(*shape, dtype=torch.float32, scale=1.0):
    """randn rounded to multiples of 1/16: short, exact JSON."""
    return ((torch.randn(*shape, dtype=torch.float64) * scale * 16).round() / 16).to(dtype)


def write(name, cases):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, allow_nan=False)
        f.write("\n")
    print(f"nn/{name}.json: {len(cases)} cases")
