#!/usr/bin/env python3
"""Python PyTorch's side of TensorOpsBenchmark: µs per call, same tensors, same threads."""
import timeit

import torch

torch.manual_seed(0)
one = torch.rand(1)
x10 = torch.rand(10, 10)
x100 = torch.rand(100, 100)
x1000 = torch.rand(1000, 1000)
big = torch.rand(2048, 1024)
cases = {
    "argmax10x10dim0": lambda: x10.argmax(0),
    "argmax10x10dim1": lambda: x10.argmax(1),
    "argmax100x100dim0": lambda: x100.argmax(0),
    "argmax1000x1000dim0": lambda: x1000.argmax(0),
    "min2048x1024dim1": lambda: big.min(1),
    "sum2048x1024": lambda: big.sum(),
    "mean2048x1024": lambda: big.mean(),
    "max2048x1024": lambda: big.max(),
    "add1": lambda: one.add(one),
}
LARGE = {"argmax1000x1000dim0", "min2048x1024dim1", "sum2048x1024", "mean2048x1024", "max2048x1024"}
for name, fn in cases.items():
    n = 200 if name in LARGE else 5000
    for _ in range(3):  # warm-up rounds
        timeit.timeit(fn, number=n)
    runs = [t / n for t in timeit.repeat(fn, number=n, repeat=5)]
    # best and mean of the 5 repeats: compared with the best and the mean of JMH's iterations
    print(f"{name} {min(runs) * 1e6:.3f} {sum(runs) / len(runs) * 1e6:.3f}")
