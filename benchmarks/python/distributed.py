#!/usr/bin/env python3
"""Python PyTorch's side of DistributedBenchmark: Gloo all-reduce bandwidth and the small CNN's
data-parallel training rate, run by every process of a torchrun job:

    python3 -m torch.distributed.run --nproc-per-node 2 python/distributed.py allreduce [seconds]
    python3 -m torch.distributed.run --nproc-per-node 2 python/distributed.py cnn [seconds]

Same procedure and output as the Java class (rank 0 prints):
    allreduce <MiB> <ms per call> <algbw GB/s> <busbw GB/s>
    cnn <nproc> <samples/s across all processes>
"""
import math
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

SIZES_MIB = (1, 4, 16, 64, 256)


def time_calls(call, count):
    """Seconds for `count` calls of `call`, started together after a barrier."""
    dist.barrier()
    t0 = time.perf_counter()
    for _ in range(count):
        call()
    return time.perf_counter() - t0


def agreed(value):
    """The largest of the processes' values, so that all of them choose the same counts."""
    t = torch.tensor([value], dtype=torch.float64)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return t.item()


def all_reduce(seconds):
    rank, n = dist.get_rank(), dist.get_world_size()
    for mib in SIZES_MIB:
        nbytes = mib << 20
        t = torch.zeros(nbytes // 4)
        call = lambda: dist.all_reduce(t, op=dist.ReduceOp.SUM)
        est = agreed(time_calls(call, 2) / 2)
        warm = max(1, math.ceil(0.2 * seconds / est))
        est = agreed(time_calls(call, warm) / warm)
        k = max(3, math.ceil(seconds / est))
        per_call = time_calls(call, k) / k
        algbw = nbytes / per_call / 1e9
        busbw = algbw * 2.0 * (n - 1) / n
        if rank == 0:
            print(f"allreduce {mib} {per_call * 1e3:.3f} {algbw:.3f} {busbw:.3f}", flush=True)
        del t
    t = torch.full((1024,), rank + 1.0)
    dist.all_reduce(t, op=dist.ReduceOp.SUM)
    expected = n * (n + 1) / 2
    if t.min().item() != expected or t.max().item() != expected:
        raise RuntimeError(f"all-reduce gave a wrong sum, expected {expected}")


def cnn(seconds):
    rank, n = dist.get_rank(), dist.get_world_size()
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                          nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))
    trained = DistributedDataParallel(model) if n > 1 else model
    opt = torch.optim.SGD(trained.parameters(), lr=0.01, momentum=0.9)
    torch.manual_seed(1000 + rank)
    images = torch.randn(64, 1, 28, 28)
    labels = torch.randint(0, 10, (64,))

    def step():
        opt.zero_grad()
        F.cross_entropy(trained(images), labels).backward()
        opt.step()

    est = agreed(time_calls(step, 3) / 3)
    warm = max(2, math.ceil(0.2 * seconds / est))
    est = agreed(time_calls(step, warm) / warm)
    k = max(5, math.ceil(seconds / est))
    elapsed = time_calls(step, k)
    if rank == 0:
        print(f"# {k} timed steps of {elapsed / k * 1e3:.1f} ms")
        print(f"cnn {n} {n * 64 * k / elapsed:.1f}", flush=True)


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in ("allreduce", "cnn"):
        sys.exit("usage: distributed.py allreduce|cnn [seconds]")
    mode = sys.argv[1]
    dist.init_process_group("gloo")
    try:
        if dist.get_rank() == 0:
            print(f"# python {mode}: world size {dist.get_world_size()}, intra-op threads "
                  f"{torch.get_num_threads()}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}", flush=True)
        if mode == "allreduce":
            all_reduce(float(sys.argv[2]) if len(sys.argv) > 2 else 1.5)
        else:
            cnn(float(sys.argv[2]) if len(sys.argv) > 2 else 3.0)
    finally:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
