#!/usr/bin/env python3
"""Python PyTorch's side of CoreOpsBenchmark: µs per call, same tensors, same threads."""
import timeit

import torch

torch.manual_seed(0)
one = torch.rand(1)
small = torch.rand(10, 10)
big = torch.rand(2048, 1024)
cases = {
    "add1": lambda: one.add(one),
    "argmax10x10dim1": lambda: small.argmax(1),
    "sum2048x1024": lambda: big.sum(),
}
for name, fn in cases.items():
    for _ in range(3):  # warm-up rounds
        timeit.timeit(fn, number=1000)
    n = 2000 if name != "sum2048x1024" else 200
    best = min(timeit.repeat(fn, number=n, repeat=5)) / n
    print(f"{name} {best * 1e6:.3f}")
