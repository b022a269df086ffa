#!/usr/bin/env python3
"""Python PyTorch's side of OpsBenchmark: µs per call, same tensors, same threads, the same
libjtorch_ops.so (JTORCH_OPS_LIBRARY, else the one the Maven build made)."""
import glob
import os
import timeit

import torch

here = os.path.dirname(os.path.abspath(__file__))
lib = os.environ.get("JTORCH_OPS_LIBRARY") or sorted(glob.glob(os.path.join(
    here, "..", "..", "native", "target", "native-linux-x86_64", "org", "jtorch", "native", "*", "libjtorch_ops.so")))[0]
torch.ops.load_library(lib)
J = torch.ops.jtorch

torch.manual_seed(0)
x = {"1000x1000": torch.rand(1000, 1000), "2048x1024": torch.rand(2048, 1024)}
huge = torch.rand(64 << 20)
huge_out = torch.empty(64 << 20)
cases = {}
for name, t in x.items():
    for d in (0, 1):
        cases[f"argmaxLayer{name}dim{d}"] = lambda t=t, d=d: J.argmax_layer(t, d)
        cases[f"atenArgmaxOneHot{name}dim{d}"] = lambda t=t, d=d: torch.zeros_like(t).scatter_(d, t.argmax(d, keepdim=True), 1.0)
        cases[f"minMax{name}dim{d}"] = lambda t=t, d=d: J.min_max(t, d, False)
        cases[f"atenAminmaxArgminArgmax{name}dim{d}"] = lambda t=t, d=d: (torch.aminmax(t, dim=d), t.argmin(d), t.argmax(d))
cases["bandwidthSum256MiB"] = lambda: huge.sum()
cases["bandwidthCopy256MiB"] = lambda: huge_out.copy_(huge)
for name, fn in cases.items():
    n = 10 if "256MiB" in name else 100
    for _ in range(3):  # warm-up rounds
        timeit.timeit(fn, number=n)
    runs = [t / n for t in timeit.repeat(fn, number=n, repeat=5)]
    # best and mean of the 5 repeats: compared with the best and the mean of JMH's iterations
    print(f"{name} {min(runs) * 1e6:.3f} {sum(runs) / len(runs) * 1e6:.3f}")
