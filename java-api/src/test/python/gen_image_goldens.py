"""Goldens for jtorch's image path (torch 2.13.0, torchvision 0.28, Pillow): torchvision's Resize on
tensors (antialiased by default, and without), and how torchvision's ImageFolder turns PNG files
of every colour mode into RGB (its default loader: PIL's convert("RGB")).

Writes java-api/src/test/resources/golden/data/images.json and the small PNG files it describes
into java-api/src/test/resources/images/. Run: python3 gen_image_goldens.py
"""
import json
import os
import sys

import numpy as np
import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from golden_common import enc  # noqa: E402
from generate_models import import_torchvision  # noqa: E402

torchvision = import_torchvision()
from torchvision.transforms import Resize  # noqa: E402

OUT = os.path.join(HERE, "..", "resources", "golden", "data")
IMAGES = os.path.join(HERE, "..", "resources", "images")


def resizes():
    g = torch.Generator().manual_seed(11)
    u8 = torch.randint(0, 256, (3, 23, 31), dtype=torch.uint8, generator=g)
    f = torch.rand(2, 3, 20, 15, generator=g)
    cases = []
    for name, x, size, aa in (
            ("u8 shorter side 10", u8, [10], True),
            ("u8 shorter side 10, no antialias", u8, [10], False),
            ("u8 to 12x40 (down and up)", u8, [12, 40], True),
            ("float batch to 9x7", f, [9, 7], True),
            ("float batch to 9x7, no antialias", f, [9, 7], False),
            ("float upscale to 26x19", f, [26, 19], True)):
        cases.append({"name": name, "in": enc(x), "size": size, "antialias": aa,
                      "out": enc(Resize(size if len(size) == 2 else size[0], antialias=aa)(x))})
    return cases


def pngs():
    os.makedirs(IMAGES, exist_ok=True)
    rng = np.random.default_rng(3)
    w, h = 6, 5
    rgba = rng.integers(0, 256, (h, w, 4), dtype=np.uint8)
    rgba[0, 0, 3] = 0  # fully transparent, with colour underneath
    gray = rng.integers(0, 256, (h, w), dtype=np.uint8)
    gray[0, :4] = [0, 64, 128, 255]
    images = {
        "rgba.png": Image.fromarray(rgba, "RGBA"),
        "rgb.png": Image.fromarray(rgba[:, :, :3].copy(), "RGB"),
        "gray.png": Image.fromarray(gray, "L"),
        "gray_alpha.png": Image.fromarray(np.stack([gray, rgba[:, :, 3]], -1), "LA"),
        "palette.png": Image.fromarray(rgba[:, :, :3].copy(), "RGB").quantize(7),
    }
    out = {}
    for name, im in images.items():
        path = os.path.join(IMAGES, name)
        im.save(path, optimize=False)
        with Image.open(path) as f:
            mode = f.mode
            pil = torch.from_numpy(np.array(f.convert("RGB"))).permute(2, 0, 1).contiguous()
        out[name] = {"mode": mode, "rgb": enc(pil)}
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    doc = {"torch": torch.__version__, "torchvision": torchvision.__version__,
           "resize": resizes(), "png": pngs()}
    path = os.path.join(OUT, "images.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
