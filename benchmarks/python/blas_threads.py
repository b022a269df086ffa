#!/usr/bin/env python3
"""Python PyTorch's side of BlasThreadsBenchmark (MKL): µs per call, same shapes, same threads."""
import timeit

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x, w = torch.randn(64, 784), torch.randn(256, 784)
b1, b2 = torch.randn(64, 128, 128), torch.randn(64, 128, 128)
q, k, v = (torch.randn(4, 8, 256, 64) for _ in range(3))
image64 = torch.randn(8, 32, 28, 28, dtype=torch.float64)
filter64 = torch.randn(64, 32, 3, 3, dtype=torch.float64)

cases = {
    "linear64x784x256": (lambda: F.linear(x, w), 500),
    "bmm64x128": (lambda: torch.bmm(b1, b2), 50),
    "attention256": (lambda: F.scaled_dot_product_attention(q, k, v), 20),
    "conv2dFloat64": (lambda: F.conv2d(image64, filter64), 20),
}
with torch.no_grad():
    for name, (fn, n) in cases.items():
        for _ in range(3):
            timeit.timeit(fn, number=n)
        runs = [t / n for t in timeit.repeat(fn, number=n, repeat=5)]
        print(f"{name} {min(runs) * 1e6:.3f} {sum(runs) / len(runs) * 1e6:.3f}")
