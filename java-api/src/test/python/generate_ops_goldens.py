"""Goldens for jtorch's own operators called from Java (org.jtorch.ops.OpsGoldenTest).

Python loads the very same libjtorch_ops.so that Java loads (torch.ops.load_library) and runs
jtorch::argmax_layer, jtorch::soft_argmax and jtorch::min_max on random inputs: every floating
dtype, several shapes and dims (negative too), transposed and step-sliced inputs, ties and
NaN. Each case records the outputs and the gradient of sum(out_i * w_i) with respect to the
contiguous base tensor; each is first checked here against PyTorch's own ops (argmax + scatter,
softmax-weighted index, torch.min/torch.max with dim). The file also holds the outputs of a
TorchScript function (java-api/src/test/resources/ops/ops_model.pt) that calls all three ops.

    python3 java-api/src/test/python/generate_ops_goldens.py [--ops-library PATH]

writes java-api/src/test/resources/golden/ops.json and java-api/src/test/resources/ops/ops_model.pt.
The library defaults to the one the Maven build made (native/target/...), or $JTORCH_OPS_LIBRARY.
"""
import argparse
import glob
import json
import os

import torch

from golden_common import enc

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
RES = os.path.join(HERE, "..", "resources")

DTYPES = [torch.float32, torch.float64, torch.float16, torch.bfloat16]
REDUCED = (torch.float16, torch.bfloat16)


def ops_library(explicit):
    candidates = [explicit, os.environ.get("JTORCH_OPS_LIBRARY")]
    candidates += sorted(glob.glob(os.path.join(
        REPO, "native", "target", "native-linux-x86_64", "org", "jtorch", "native", "*", "libjtorch_ops.so")))
    for c in candidates:
        if c and os.path.isfile(c):
            return c
    raise SystemExit("libjtorch_ops.so not found: build it (./mvnw -o -pl native compile) or pass --ops-library")


def view(base, kind):
    """The input the op sees: the base itself, its transpose, or a step slice of dim 0."""
    if kind == "transpose":
        return base.transpose(0, -1)
    if kind == "slice":
        return base[::2]
    return base


def reference(op, x, dim, temperature, keepdim):
    """PyTorch's own answer (differentiable, for the gradients)."""
    if op == "argmax_layer":
        return [torch.zeros_like(x).scatter_(dim, x.argmax(dim, keepdim=True), 1.0)]
    if op == "soft_argmax":
        xf = x.float() if x.dtype in REDUCED else x
        d = dim % x.dim() if x.dim() else 0
        shape = [1] * x.dim()
        if x.dim():
            shape[d] = x.shape[d]
        idx = torch.arange(x.shape[d] if x.dim() else 1, dtype=xf.dtype).view(shape)
        return [(torch.softmax(xf / temperature, dim) * idx).sum(dim).to(x.dtype)]
    mn, imn = torch.min(x, dim, keepdim)
    mx, imx = torch.max(x, dim, keepdim)
    return [mn, imn, mx, imx]


def straight_through(x, dim, g):
    s = torch.softmax(x, dim)
    return s * (g - (g * s).sum(dim, keepdim=True))


def run(op, x, dim, temperature, keepdim):
    J = torch.ops.jtorch
    if op == "argmax_layer":
        return [J.argmax_layer(x, dim)]
    if op == "soft_argmax":
        return [J.soft_argmax(x, dim, temperature)]
    return list(J.min_max(x, dim, keepdim))


def close(a, b, dtype):
    tol = {torch.float64: 1e-10, torch.float32: 1e-5}.get(dtype, 1e-2)
    if a.dtype == torch.int64:
        return torch.equal(a, b)
    return torch.allclose(a.double(), b.double(), rtol=tol, atol=tol, equal_nan=True)


def make_case(op, base, kind, dim, temperature=1.0, keepdim=False, seed=0):
    g = torch.Generator().manual_seed(seed)
    b = base.detach().clone().requires_grad_(True)
    x = view(b, kind)
    outs = run(op, x, dim, temperature, keepdim)
    refs = reference(op, x.detach(), dim, temperature, keepdim)
    for o, r in zip(outs, refs):
        assert o.dtype == r.dtype and o.shape == r.shape, (op, o.dtype, r.dtype, o.shape, r.shape)
        assert close(o, r, base.dtype), (op, base.dtype, kind, dim, o, r)
    weights = [torch.randn(o.shape, generator=g).to(o.dtype) if o.is_floating_point() else None for o in outs]
    loss = sum((o * w).sum() for o, w in zip(outs, weights) if w is not None)
    loss.backward()
    grad = b.grad
    # the gradient against the defined backward, computed with PyTorch's own ops
    xr = view(base.detach().clone().requires_grad_(True), kind)
    if op == "argmax_layer":
        want = straight_through(x.detach(), dim, weights[0])
        got = grad if kind == "none" else view(grad, kind)
        assert close(got, want, base.dtype), (op, base.dtype, kind, dim)
    else:
        rr = reference(op, xr, dim, temperature, keepdim)
        rl = sum((o * w).sum() for o, w in zip(rr, weights) if w is not None)
        (want,) = torch.autograd.grad(rl, xr._base if xr._base is not None else xr)
        assert close(grad, want, base.dtype), (op, base.dtype, kind, dim, grad, want)
    case = {"op": op, "in": enc(base), "view": kind, "dim": dim,
            "out": [enc(o) for o in outs], "weights": [enc(w) if w is not None else None for w in weights],
            "grad": enc(grad)}
    if op == "soft_argmax":
        case["temperature"] = temperature
    if op == "min_max":
        case["keepdim"] = keepdim
    return case


def inputs(dtype, seed):
    """Random inputs with ties and NaNs. Rows of 17 and column blocks of 17 run the vectorised
    paths and their scalar tails (8 float lanes, 4 double lanes with AVX2)."""
    g = torch.Generator().manual_seed(seed)
    a = torch.randn(9, 17, generator=g, dtype=torch.float64)
    a[1, 4] = a[1, 12] = a[1].max() + 1  # a tie for the maximum along dim 1
    a[2, 3] = a[6, 3] = a[:, 3].min() - 1  # a tie for the minimum along dim 0
    a[4, 9] = a[4, 15] = a[7, 2] = float("nan")
    b = torch.randn(9, 17, generator=g, dtype=torch.float64)
    b[5, 8] = b[5, 10] = b[5].max() + 0.5
    c = torch.randint(0, 3, (2, 3, 17), generator=g).double()  # ties everywhere
    c[1, 2, 5] = float("nan")
    return a.to(dtype), b.to(dtype), c.to(dtype)


def cases():
    out = []
    seed = 100
    for dtype in DTYPES:
        a, b, c = inputs(dtype, seed)
        seed += 10
        out.append(make_case("argmax_layer", a, "none", 1, seed=seed + 1))
        out.append(make_case("argmax_layer", a, "transpose", 0, seed=seed + 2))
        out.append(make_case("min_max", a, "slice", -1, keepdim=True, seed=seed + 3))
        out.append(make_case("min_max", a, "none", 0, seed=seed + 4))
        out.append(make_case("soft_argmax", b, "none", 1, temperature=0.75, seed=seed + 5))
        out.append(make_case("soft_argmax", b, "transpose", 0, temperature=0.75, seed=seed + 6))
        out.append(make_case("argmax_layer", c, "none", 1, seed=seed + 7))
        out.append(make_case("soft_argmax", c, "none", -2, temperature=2.0, seed=seed + 8))
        out.append(make_case("min_max", c, "transpose", 1, keepdim=False, seed=seed + 9))
    # corners: 0-d, a single element along dim, a NaN row in soft_argmax
    s = torch.tensor(2.5, dtype=torch.float64)
    out.append(make_case("argmax_layer", s, "none", 0))
    out.append(make_case("soft_argmax", s, "none", -1))
    out.append(make_case("min_max", s, "none", 0, keepdim=True))
    out.append(make_case("min_max", torch.randn(3, 1, dtype=torch.float64), "none", 1))
    n = torch.randn(2, 9, dtype=torch.float64)
    n[1, 4] = float("nan")
    out.append(make_case("soft_argmax", n, "none", 1, temperature=3.0, seed=7))
    return out


class OpsModel(torch.nn.Module):
    def forward(self, x):
        y = torch.ops.jtorch.argmax_layer(x, 1)
        s = torch.ops.jtorch.soft_argmax(x, -1, 0.5)
        mn, imn, mx, imx = torch.ops.jtorch.min_max(x, 0, False)
        return y, s, mn, imn, mx, imx


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ops-library")
    a = p.parse_args()
    torch.ops.load_library(ops_library(a.ops_library))
    torch.manual_seed(8)
    golden = {"torch": torch.__version__, "cases": cases()}
    # a TorchScript model scripted here that calls all three ops
    m = torch.jit.script(OpsModel())
    os.makedirs(os.path.join(RES, "ops"), exist_ok=True)
    model = os.path.join(RES, "ops", "ops_model.pt")
    m.save(model)
    x = torch.randn(6, 5)
    x[2, 3] = x[2, 1] = x[2].max() + 1  # a tie
    golden["model"] = {"in": enc(x), "out": [enc(t) for t in torch.jit.load(model)(x)]}
    path = os.path.join(RES, "golden", "ops.json")
    with open(path, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(golden['cases'])} cases, {os.path.getsize(path)} bytes -> {path}; model -> {model}")


if __name__ == "__main__":
    main()
