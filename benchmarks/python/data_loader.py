#!/usr/bin/env python3
"""Python PyTorch's side of DataLoaderBenchmark: ms per epoch of Fashion-MNIST's training set
(938 batches of 64) through torch.utils.data.DataLoader, shuffled, with per-image ToTensor +
Normalize(0.2860, 0.3530) + RandomHorizontalFlip written as torchvision's tensor transforms do
them (torchvision itself is not needed), with 0, 1 and 2 worker processes (persistent, as the Java
side keeps its threads). Each case: one warm-up epoch, then the mean of 2 epochs.

usage: data_loader.py FOLDER   (the four IDX .gz files, as Debian's dataset-fashion-mnist)
"""
import gzip
import os
import sys
import time

import torch
from torch.utils.data import DataLoader, Dataset


def read_idx(path):
    with (gzip.open(path) if path.endswith(".gz") else open(path, "rb")) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


class FashionMNIST(Dataset):
    def __init__(self, root):
        def find(base):
            for f in (base, base + ".gz"):
                if os.path.exists(os.path.join(root, f)):
                    return os.path.join(root, f)
            raise FileNotFoundError(base)
        self.data = read_idx(find("train-images-idx3-ubyte"))
        self.targets = read_idx(find("train-labels-idx1-ubyte")).long()
        self.mean = torch.tensor([0.2860]).view(-1, 1, 1)
        self.std = torch.tensor([0.3530]).view(-1, 1, 1)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        img = self.data[i].unsqueeze(0)                     # uint8 [1, 28, 28]
        img = img.to(dtype=torch.float32).div(255)          # ToTensor
        img = img.sub(self.mean).div(self.std)              # Normalize
        if torch.rand(1) < 0.5:                             # RandomHorizontalFlip
            img = img.flip(-1)
        return img, int(self.targets[i])


def main():
    root = sys.argv[1]
    ds = FashionMNIST(root)
    for workers in (0, 1, 2):
        kw = {"num_workers": workers, "persistent_workers": True} if workers else {}
        loader = DataLoader(ds, batch_size=64, shuffle=True,
                            generator=torch.Generator().manual_seed(0), **kw)
        for _ in loader:
            pass
        times = []
        for _ in range(2):
            start = time.perf_counter()
            n = 0
            for _ in loader:
                n += 1
            times.append(time.perf_counter() - start)
        ms = 1000 * sum(times) / len(times)
        print(f"epoch:workers={workers} {ms:.3f} {n}")
        del loader


if __name__ == "__main__":
    main()
