"""Shared inputs and argument encoders for the region-A parity generators (pointwise, reductions,
sorting, shapes, joining, misc): small tensors of every dtype the suite covers, with the corner
cases (0-d, empty, non-contiguous, NaN/inf, ties) built once.

Format of the cases: golden_common.py.
"""
import json
import os
import struct

import torch

from golden_common import enc, strided

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "parity")

NAN = float("nan")
INF = float("inf")


def T(x):
    return {"t": enc(x)}


def TS(xs):
    return {"ts": [enc(x) for x in xs]}


def I(v):
    return {"i": int(v)}


def F(v):
    v = float(v)
    if v != v:
        return {"f": "nan"}
    if v in (INF, -INF):
        return {"f": "inf" if v > 0 else "-inf"}
    return {"f": v}


def B(v):
    return {"b": bool(v)}


def S(v):
    return {"s": v}


def INTS(v):
    return {"ints": [int(x) for x in v]}


NONE = {"none": True}


def opt_f(v):
    return NONE if v is None else F(v)


def opt_t(x):
    return NONE if x is None else T(x)


def rnd(*shape):
    """Normal samples rounded to multiples of 1/8: exact in every float dtype and short in JSON."""
    return torch.round(torch.randn(*shape) * 8) / 8


def transposed(base):
    """`base` (2-d, contiguous) transposed: (tensor, arg)."""
    return strided(base, [["transpose", 0, 1]])


def stepped(base, dim=-1):
    """Every second element of `base` along `dim`: (tensor, arg)."""
    d = dim % base.dim()
    return strided(base, [["slice", d, 0, None, 2]])


def special_floats(dtype=torch.float32):
    """3x4 with NaN, ±inf, halves (rounding), negatives and zero."""
    return torch.tensor([[-2.5, -1.5, -0.5, 0.0],
                         [0.5, 1.5, 2.5, NAN],
                         [INF, -INF, 0.3, -7.25]], dtype=dtype)


def ties_float(dtype=torch.float32):
    """3x4 full of ties for max/min/argmax/sort/mode/median."""
    return torch.tensor([[1, 3, 3, 0],
                         [2, 2, 1, 2],
                         [0, 0, 0, 0]], dtype=dtype)


def ints(dtype=torch.int64):
    return torch.tensor([[-7, -3, -1, 0],
                         [1, 2, 5, 8],
                         [9, -9, 4, 3]], dtype=dtype)


def bools():
    return torch.tensor([[True, False, True, False],
                         [False, False, True, True],
                         [True, True, True, False]])


def short32(v):
    """The shortest decimal that reads back as the same float32 (JSON's repr of the double is up
    to 17 digits): halves the size of the files, and the Java side's float32 is the same."""
    if not isinstance(v, float):
        return v
    exact = struct.unpack("f", struct.pack("f", v))[0]
    for p in range(1, 10):
        t = float(f"{v:.{p}g}")
        if struct.unpack("f", struct.pack("f", t))[0] == exact:
            return t
    return v


def shorten(node):
    """Applies short32 to the data of every float32 tensor in an encoded case."""
    if isinstance(node, dict):
        if node.get("dtype") == "FLOAT32" and "data" in node:
            node["data"] = [short32(v) for v in node["data"]]
        for v in node.values():
            shorten(v)
    elif isinstance(node, list):
        for v in node:
            shorten(v)


def write(name, cases):
    ids = [c["id"] for c in cases]
    dup = {i for i in ids if ids.count(i) > 1}
    assert not dup, f"duplicate case ids: {sorted(dup)[:5]}"
    for c in cases:
        shorten(c["args"])
        shorten(c.get("out"))
        if len(c.get("message", "")) > 120:
            c["message"] = c["message"][:117] + "..."
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    errors = sum(1 for c in cases if "error" in c)
    print(f"{name}.json: {len(cases)} cases ({errors} errors), {os.path.getsize(path) // 1024} KiB")
