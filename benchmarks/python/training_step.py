#!/usr/bin/env python3
"""Python PyTorch's side of TrainingStepBenchmark: µs per training step (zero_grad, forward,
cross-entropy, backward, SGD momentum 0.9), batch 64, same models, same threads."""
import timeit

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
mlp = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
cnn = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                    nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))
mlp_opt = torch.optim.SGD(mlp.parameters(), lr=0.01, momentum=0.9)
cnn_opt = torch.optim.SGD(cnn.parameters(), lr=0.01, momentum=0.9)
flat = torch.randn(64, 784)
images = torch.randn(64, 1, 28, 28)
labels = torch.randint(0, 10, (64,))


def step(model, opt, x, y):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    return loss.item()


cases = {"mlpStep": lambda: step(mlp, mlp_opt, flat, labels), "cnnStep": lambda: step(cnn, cnn_opt, images, labels)}
for name, fn in cases.items():
    n = 200 if name == "mlpStep" else 20
    for _ in range(3):
        timeit.timeit(fn, number=n)
    runs = [t / n for t in timeit.repeat(fn, number=n, repeat=5)]
    # best and mean of the 5 repeats: compared with the best and the mean of JMH's iterations
    print(f"{name} {min(runs) * 1e6:.3f} {sum(runs) / len(runs) * 1e6:.3f}")
