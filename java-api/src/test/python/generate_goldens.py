#!/usr/bin/env python3
"""Writes the golden files that jtorch's Java tests compare against.

PyTorch is the oracle: every expected value here comes from Python torch 2.13.0 (CPU).
Run from anywhere:  python3 java-api/src/test/python/generate_goldens.py
Output: java-api/src/test/resources/golden/*.json (committed).
"""
import json
import os
import sys

import torch

from golden_common import enc

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")


def random_cases():
    cases = []
    for seed in (0, 7, 42, 123456789):
        torch.manual_seed(seed)
        seq = []
        seq.append({"call": "rand", "shape": [3, 4], "out": enc(torch.rand(3, 4))})
        seq.append({"call": "randn", "shape": [5], "out": enc(torch.randn(5))})
        seq.append({"call": "randint", "low": 0, "high": 10, "shape": [2, 6],
                    "out": enc(torch.randint(0, 10, (2, 6)))})
        seq.append({"call": "randint", "low": -5, "high": 5, "shape": [7],
                    "out": enc(torch.randint(-5, 5, (7,)))})
        seq.append({"call": "rand_f64", "shape": [2, 2], "out": enc(torch.rand(2, 2, dtype=torch.float64))})
        seq.append({"call": "randn_f64", "shape": [3], "out": enc(torch.randn(3, dtype=torch.float64))})
        # a larger draw: exercises the vectorised normal sampler (16+ elements)
        seq.append({"call": "randn", "shape": [4, 8], "out": enc(torch.randn(4, 8))})
        seq.append({"call": "rand", "shape": [1000], "out": enc(torch.rand(1000))})
        cases.append({"seed": seed, "draws": seq})
    return cases


def factory_cases():
    c = []
    c.append({"call": "arange", "args": [5], "out": enc(torch.arange(5))})
    c.append({"call": "arange", "args": [2, 9, 3], "out": enc(torch.arange(2, 9, 3))})
    c.append({"call": "arange_f", "args": [0.0, 1.0, 0.1], "out": enc(torch.arange(0.0, 1.0, 0.1))})
    c.append({"call": "linspace", "args": [-1.0, 1.0, 7], "out": enc(torch.linspace(-1.0, 1.0, 7))})
    c.append({"call": "eye", "args": [3], "out": enc(torch.eye(3))})
    c.append({"call": "eye", "args": [2, 4], "out": enc(torch.eye(2, 4))})
    c.append({"call": "full_f", "args": [[2, 3], 1.5], "out": enc(torch.full((2, 3), 1.5))})
    c.append({"call": "full_i", "args": [[2, 2], 7], "out": enc(torch.full((2, 2), 7))})
    c.append({"call": "full_b", "args": [[3], True], "out": enc(torch.full((3,), True))})
    c.append({"call": "zeros", "args": [[2, 0, 3]], "out": enc(torch.zeros(2, 0, 3))})
    c.append({"call": "ones", "args": [[]], "out": enc(torch.ones(()))})
    return c


def reduction_cases():
    c = []
    t = torch.tensor([[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]])
    c.append({"name": "sum0", "in": enc(t), "op": "sum", "dim": 0, "out": enc(t.sum(0))})
    c.append({"name": "sum1", "in": enc(t), "op": "sum", "dim": 1, "out": enc(t.sum(1))})
    c.append({"name": "sumAll", "in": enc(t), "op": "sum", "out": enc(t.sum())})
    t = torch.tensor([[1, 0, 0, 2], [0, 3, 3, 0], [4, 0, 0, 5]])
    c.append({"name": "maxAll", "in": enc(t), "op": "max", "out": enc(t.max())})
    c.append({"name": "argmaxAll", "in": enc(t), "op": "argmax", "out": enc(t.argmax())})
    v, i = t.max(0)
    c.append({"name": "max0", "in": enc(t), "op": "max", "dim": 0, "out": enc(v), "indices": enc(i)})
    v, i = t.min(1, keepdim=True)
    c.append({"name": "min1k", "in": enc(t), "op": "min", "dim": 1, "keepDim": True, "out": enc(v),
              "indices": enc(i)})
    c.append({"name": "argmax1", "in": enc(t), "op": "argmax", "dim": 1, "out": enc(t.argmax(1))})
    c.append({"name": "argmin0", "in": enc(t), "op": "argmin", "dim": 0, "out": enc(t.argmin(0))})
    f = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
    c.append({"name": "mean0", "in": enc(f), "op": "mean", "dim": 0, "out": enc(f.mean(0))})
    c.append({"name": "meanAll", "in": enc(f), "op": "mean", "out": enc(f.mean())})
    c.append({"name": "std", "in": enc(f), "op": "std", "out": enc(f.std())})
    c.append({"name": "std1", "in": enc(f), "op": "std", "dim": 1, "out": enc(f.std(1))})
    c.append({"name": "softmax1", "in": enc(f), "op": "softmax", "dim": 1, "out": enc(f.softmax(1))})
    c.append({"name": "logSoftmax0", "in": enc(f), "op": "logSoftmax", "dim": 0, "out": enc(f.log_softmax(0))})
    # ties, NaN and negative dims
    g = torch.tensor([[3.0, 3.0, 1.0], [float("nan"), 2.0, float("nan")], [-1.0, float("inf"), float("inf")]])
    v, i = g.max(-1)
    c.append({"name": "maxTiesNaN", "in": enc(g), "op": "max", "dim": -1, "out": enc(v), "indices": enc(i)})
    c.append({"name": "argmaxTiesNaN", "in": enc(g), "op": "argmax", "dim": 1, "out": enc(g.argmax(1))})
    c.append({"name": "argminTiesNaN", "in": enc(g), "op": "argmin", "dim": 0, "out": enc(g.argmin(0))})
    c.append({"name": "maxAllNaN", "in": enc(g), "op": "max", "out": enc(g.max())})
    c.append({"name": "sumBool", "in": enc(torch.tensor([True, False, True])), "op": "sum",
              "out": enc(torch.tensor([True, False, True]).sum())})
    c.append({"name": "sumInt32Dim", "in": enc(torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)), "op": "sum",
              "dim": 1, "keepDim": True,
              "out": enc(torch.tensor([[1, 2], [3, 4]], dtype=torch.int32).sum(1, keepdim=True))})
    return c


def arith_cases():
    c = []
    a = torch.tensor([[1.5, -2.0], [3.0, 0.25]])
    b = torch.tensor([2.0, -4.0])
    i = torch.tensor([7, -7, 3])
    j = torch.tensor([2, 2, -2])
    for op in ("add", "sub", "mul", "div"):
        c.append({"op": op, "a": enc(a), "b": enc(b), "out": enc(getattr(a, op)(b))})
        c.append({"op": op, "a": enc(i), "b": enc(j), "out": enc(getattr(i, op)(j))})
    c.append({"op": "matmul", "a": enc(a), "b": enc(a.t().contiguous()), "out": enc(a.matmul(a.t()))})
    c.append({"op": "exp", "a": enc(a), "out": enc(a.exp())})
    c.append({"op": "log", "a": enc(a), "out": enc(a.log())})
    return c


def straight_through(x, dim, g):
    s = torch.softmax(x, dim)
    return s * (g - (g * s).sum(dim, keepdim=True))


def argmax_layer_cases():
    c = []
    torch.manual_seed(3)
    inputs = [
        (torch.randn(4, 5, dtype=torch.float64), 1),
        (torch.randn(4, 5, dtype=torch.float64), 0),
        (torch.randn(2, 3, 4, dtype=torch.float64), -1),
        (torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0], [0.0, -1.0, 5.0]], dtype=torch.float64), 1),
        (torch.randn(3, 4, dtype=torch.float32), 1),
    ]
    for x, dim in inputs:
        idx = x.argmax(dim, keepdim=True)
        fwd = torch.zeros_like(x).scatter_(dim, idx, 1.0)
        w = torch.randn(x.shape, dtype=x.dtype)
        grad = straight_through(x, dim, w)
        c.append({"in": enc(x), "dim": dim, "forward": enc(fwd), "weight": enc(w), "grad": enc(grad)})
    return c


def repr_cases():
    torch.manual_seed(5)
    ts = [
        torch.tensor([1.0, 2.0, 3.0]),
        torch.tensor([[1.0, 2.5], [-3.25, 4.0]]),
        torch.tensor([1e-5, 1.0, 100.0]),
        torch.tensor([1e10, 2.0]),
        torch.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1.0]),
        torch.tensor([0.03125, 0.5, 1.0 / 3.0]),
        torch.tensor([1, 2, -300]),
        torch.tensor([[1, 2], [3, 4]], dtype=torch.int32),
        torch.tensor([True, False]),
        torch.tensor(3.5),
        torch.tensor(7),
        torch.tensor([1.0, 2.0], dtype=torch.float64),
        torch.zeros(0),
        torch.zeros(2, 0),
        torch.zeros(3, dtype=torch.int8),
        torch.randn(2, 3, 4),
        torch.randn(40),
        torch.arange(2000),
        torch.randn(50, 50),
        torch.randn(10, 10, 10),
        torch.tensor([1.0, 2.0]).requires_grad_(),
        torch.tensor([0.1, 0.2], dtype=torch.float16),
        torch.full((3, 3), 123456.0),
        torch.arange(30).reshape(5, 6).float() * 1.5,
    ]
    return [{"in": enc(t), "requiresGrad": t.requires_grad, "repr": repr(t)} for t in ts]


def main():
    os.makedirs(OUT, exist_ok=True)
    golden = {
        "torch": torch.__version__,
        "random": random_cases(),
        "factories": factory_cases(),
        "reductions": reduction_cases(),
        "arithmetic": arith_cases(),
        "argmaxLayer": argmax_layer_cases(),
        "repr": repr_cases(),
    }
    path = os.path.join(OUT, "foundation.json")
    with open(path, "w") as f:
        json.dump(golden, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} with torch {torch.__version__}")


if __name__ == "__main__":
    if not torch.__version__.startswith("2.13.0"):
        sys.exit(f"goldens must come from torch 2.13.0, this is {torch.__version__}")
    main()
