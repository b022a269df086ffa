#!/usr/bin/env python3
"""Python PyTorch's side of ScriptModuleBenchmark: ResNet-18 inference latency in ms per call,
the same TorchScript file, under torch.inference_mode(), batch 1 and 8; the TorchScript model as
saved ("script"), frozen ("frozen", torch.jit.freeze) and, for reference, torchvision's eager
model ("eager", when torchvision imports). Each case: warm-up, then rounds of about 2 s; the mean
of the round means is printed, like JMH's average time.

usage: resnet18.py MODEL.pt
"""
import os
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "java-api", "src", "test", "python"))


def timed(fn, warmup_s=8.0, rounds=6, round_s=2.0):
    end = time.perf_counter() + warmup_s
    while time.perf_counter() < end:
        fn()
    means = []
    for _ in range(rounds):
        n = 0
        start = time.perf_counter()
        while True:
            fn()
            n += 1
            t = time.perf_counter() - start
            if t >= round_s:
                break
        means.append(t / n)
    return sum(means) / len(means)


def main():
    path = sys.argv[1]
    script = torch.jit.load(path).eval()
    frozen = torch.jit.freeze(torch.jit.load(path).eval())
    models = {"script": script, "frozen": frozen}
    try:
        from generate_models import import_torchvision
        tv = import_torchvision()
        if tv is not None:
            models["eager"] = tv.models.resnet18(weights=None).eval()
    except Exception as e:  # eager is only a reference point
        print(f"# no eager model: {e}", file=sys.stderr)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads", file=sys.stderr)
    torch.manual_seed(0)
    for batch in (1, 8):
        x = torch.randn(batch, 3, 224, 224)
        for name, model in models.items():
            with torch.inference_mode():
                ms = timed(lambda: model(x)) * 1e3
            print(f"resnet18:batch={batch},variant={name} {ms:.3f}")


if __name__ == "__main__":
    main()
