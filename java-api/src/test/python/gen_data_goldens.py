"""Goldens for org.jtorch.data (torch 2.13.0): the indices Python's DataLoader, samplers and
random_split draw for given seeds, a Generator's state, and the parameters torchvision's random
transforms draw (computed here with the same torch calls, in the same order, as torchvision's
get_params; torchvision itself is not needed).

Writes java-api/src/test/resources/golden/data/data.json. Run: python3 gen_data_goldens.py
"""
import hashlib
import json
import math
import os

import torch
from torch.utils.data import (BatchSampler, DataLoader, DistributedSampler, RandomSampler,
                              SequentialSampler, SubsetRandomSampler, WeightedRandomSampler,
                              random_split)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "data")


def epochs(loader, n):
    return [[b.tolist() for b in loader] for _ in range(n)]


def loaders():
    cases = []
    for seed in (0, 42, 1234):
        for n, bs, drop in ((10, 4, False), (37, 8, True), (5, 5, False)):
            g = torch.Generator().manual_seed(seed)
            dl = DataLoader(list(range(n)), batch_size=bs, shuffle=True, drop_last=drop, generator=g)
            cases.append({"seed": seed, "n": n, "batch": bs, "dropLast": drop, "generator": True,
                          "epochs": epochs(dl, 2)})
    # no generator: the default one, after torch.manual_seed
    torch.manual_seed(7)
    dl = DataLoader(list(range(12)), batch_size=5, shuffle=True)
    cases.append({"seed": 7, "n": 12, "batch": 5, "dropLast": False, "generator": False,
                  "epochs": epochs(dl, 2)})
    # persistent workers: the base seed is drawn once
    g = torch.Generator().manual_seed(5)
    dl = DataLoader(list(range(10)), batch_size=3, shuffle=True, generator=g, num_workers=2,
                    persistent_workers=True)
    cases.append({"seed": 5, "n": 10, "batch": 3, "dropLast": False, "generator": True,
                  "workers": 2, "persistent": True, "epochs": epochs(dl, 2)})
    return cases


def samplers():
    out = {}
    g = torch.Generator().manual_seed(3)
    out["random_replacement_70_of_10"] = list(RandomSampler(range(10), replacement=True,
                                                            num_samples=70, generator=g))
    out["random_replacement_70_of_10_again"] = list(RandomSampler(range(10), replacement=True,
                                                                  num_samples=70, generator=g))
    g = torch.Generator().manual_seed(4)
    out["random_25_of_10"] = list(RandomSampler(range(10), num_samples=25, generator=g))
    out["random_25_of_10_again"] = list(RandomSampler(range(10), num_samples=25, generator=g))
    g = torch.Generator().manual_seed(5)
    out["subset_random"] = list(SubsetRandomSampler([3, 9, 4, 17, 8, 100], generator=g))
    w = [0.1, 0.9, 0.4, 0.7, 3.0, 0.6]
    g = torch.Generator().manual_seed(6)
    out["weighted_replacement"] = list(WeightedRandomSampler(w, 20, replacement=True, generator=g))
    g = torch.Generator().manual_seed(6)
    out["weighted_no_replacement"] = list(WeightedRandomSampler(w, 5, replacement=False, generator=g))
    out["batch_sequential_10_3"] = list(BatchSampler(SequentialSampler(range(10)), 3, False))
    out["batch_sequential_10_3_drop"] = list(BatchSampler(SequentialSampler(range(10)), 3, True))
    dist = []
    for n, drop in ((10, False), (10, True), (11, False)):
        for rank in range(3):
            s = DistributedSampler(range(n), num_replicas=3, rank=rank, shuffle=True, seed=7,
                                   drop_last=drop)
            e0 = list(s)
            s.set_epoch(1)
            dist.append({"n": n, "dropLast": drop, "rank": rank, "epoch0": e0, "epoch1": list(s)})
    s = DistributedSampler(range(10), num_replicas=4, rank=1, shuffle=False)
    dist.append({"n": 10, "dropLast": False, "rank": 1, "replicas": 4, "shuffle": False,
                 "epoch0": list(s), "epoch1": list(s)})
    out["distributed"] = dist
    g = torch.Generator().manual_seed(42)
    out["random_split_3_7"] = [list(s.indices) for s in random_split(range(10), [3, 7], generator=g)]
    g = torch.Generator().manual_seed(42)
    out["random_split_fractions"] = [list(s.indices)
                                     for s in random_split(range(30), [0.3, 0.3, 0.4], generator=g)]
    g = torch.Generator().manual_seed(1)
    out["random_split_fractions_uneven"] = [
        list(s.indices) for s in random_split(range(11), [0.5, 0.25, 0.25], generator=g)]
    return out


def generator():
    g = torch.Generator()
    out = {"default_initial_seed": g.initial_seed()}
    g.manual_seed(3)
    st = g.get_state()
    out["state_seed3_len"] = st.numel()
    out["state_seed3_sha256"] = hashlib.sha256(bytes(st.tolist())).hexdigest()
    torch.randperm(10, generator=g)
    out["state_after_randperm_sha256"] = hashlib.sha256(bytes(g.get_state().tolist())).hexdigest()
    g = torch.Generator().manual_seed(11)
    out["rand_seed11"] = torch.rand(5, generator=g).tolist()
    out["randn_seed11_next"] = torch.randn(3, generator=g).tolist()
    out["randint_seed11_next"] = torch.randint(3, 9, (6,), generator=g).tolist()
    out["multinomial_seed11_next"] = torch.multinomial(torch.tensor([1., 2., 3., 4.]), 3,
                                                       generator=g).tolist()
    out["bernoulli_seed11_next"] = torch.bernoulli(torch.full((8,), 0.5), generator=g).tolist()
    out["normal_seed11_next"] = torch.normal(2.0, 3.0, (3,), generator=g).tolist()
    return out


# --- torchvision's get_params, re-stated with the same torch calls, on a generator -----------

def crop_params(h, w, th, tw, g):
    if h == th and w == tw:
        return [0, 0]
    i = torch.randint(0, h - th + 1, size=(1,), generator=g).item()
    j = torch.randint(0, w - tw + 1, size=(1,), generator=g).item()
    return [i, j]


def resized_crop_params(height, width, scale, ratio, g):
    area = height * width
    log_ratio = torch.log(torch.tensor(ratio))
    for _ in range(10):
        target_area = area * torch.empty(1).uniform_(scale[0], scale[1], generator=g).item()
        aspect_ratio = torch.exp(torch.empty(1).uniform_(log_ratio[0], log_ratio[1],
                                                         generator=g)).item()
        w = int(round(math.sqrt(target_area * aspect_ratio)))
        h = int(round(math.sqrt(target_area / aspect_ratio)))
        if 0 < w <= width and 0 < h <= height:
            i = torch.randint(0, height - h + 1, size=(1,), generator=g).item()
            j = torch.randint(0, width - w + 1, size=(1,), generator=g).item()
            return [i, j, h, w]
    in_ratio = float(width) / float(height)
    if in_ratio < min(ratio):
        w = width
        h = int(round(w / min(ratio)))
    elif in_ratio > max(ratio):
        h = height
        w = int(round(h * max(ratio)))
    else:
        w, h = width, height
    return [(height - h) // 2, (width - w) // 2, h, w]


def affine_params(degrees, translate, scale, w, h, g):
    angle = float(torch.empty(1).uniform_(float(degrees[0]), float(degrees[1]), generator=g).item())
    tx = ty = 0
    if translate is not None:
        max_dx = float(translate[0] * w)
        max_dy = float(translate[1] * h)
        tx = int(round(torch.empty(1).uniform_(-max_dx, max_dx, generator=g).item()))
        ty = int(round(torch.empty(1).uniform_(-max_dy, max_dy, generator=g).item()))
    s = 1.0 if scale is None else float(torch.empty(1).uniform_(scale[0], scale[1],
                                                                  generator=g).item())
    return [angle, tx, ty, s]


def transforms():
    out = {}
    g = torch.Generator().manual_seed(21)
    out["crop_32_pad4"] = [crop_params(40, 40, 32, 32, g) for _ in range(6)]
    g = torch.Generator().manual_seed(22)
    out["resized_crop_224_from_300x400"] = [
        resized_crop_params(300, 400, (0.08, 1.0), (3 / 4, 4 / 3), g) for _ in range(6)]
    g = torch.Generator().manual_seed(23)
    out["resized_crop_fallback_10x200"] = [
        resized_crop_params(10, 200, (0.9, 1.0), (1.0, 1.0), g) for _ in range(2)]
    g = torch.Generator().manual_seed(24)
    out["affine_deg10_t01_s09_11_w28_h20"] = [
        affine_params((-10, 10), (0.1, 0.1), (0.9, 1.1), 28, 20, g) for _ in range(4)]
    g = torch.Generator().manual_seed(25)
    out["hflip_p05_draws"] = [bool(torch.rand(1, generator=g) < 0.5) for _ in range(16)]
    g = torch.Generator().manual_seed(26)
    jitter = []
    for _ in range(3):
        fn_idx = torch.randperm(4, generator=g).tolist()
        b = float(torch.empty(1).uniform_(0.6, 1.4, generator=g))
        c = float(torch.empty(1).uniform_(0.7, 1.3, generator=g))
        h = float(torch.empty(1).uniform_(-0.1, 0.1, generator=g))
        jitter.append({"order": fn_idx, "b": b, "c": c, "h": h})
    out["color_jitter_b04_c03_h01"] = jitter
    # RandomErasing(p=1, value=0) on a [3, 20, 30] image: the erased box, per call
    g = torch.Generator().manual_seed(27)
    boxes = []
    for _ in range(4):
        assert torch.rand(1, generator=g) < 1.0
        img_h, img_w = 20, 30
        area = img_h * img_w
        log_ratio = torch.log(torch.tensor((0.3, 3.3)))
        box = [0, 0, img_h, img_w]
        for _ in range(10):
            erase_area = area * torch.empty(1).uniform_(0.02, 0.33, generator=g).item()
            aspect = torch.exp(torch.empty(1).uniform_(log_ratio[0], log_ratio[1],
                                                       generator=g)).item()
            h = int(round(math.sqrt(erase_area * aspect)))
            w = int(round(math.sqrt(erase_area / aspect)))
            if not (h < img_h and w < img_w):
                continue
            i = torch.randint(0, img_h - h + 1, size=(1,), generator=g).item()
            j = torch.randint(0, img_w - w + 1, size=(1,), generator=g).item()
            box = [i, j, h, w]
            break
        boxes.append(box)
    out["erasing_boxes_20x30"] = boxes
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    data = {"torch": torch.__version__, "loaders": loaders(), "samplers": samplers(),
            "generator": generator(), "transforms": transforms()}
    with open(os.path.join(OUT, "data.json"), "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
