"""Shared encoding of tensors and parity cases for the golden generators (torch 2.13.0).

Tensor encoding ("enc"): {"dtype": "FLOAT32", "shape": [2, 3], "data": [...]} with the data
flattened row-major; NaN/inf as the strings "nan", "inf", "-inf"; complex data as [re, im] pairs.
A non-contiguous input is {"base": enc, "views": [["transpose", d0, d1] | ["slice", dim, start,
end, step], ...]}: the Java side rebuilds the same strided view from the contiguous base.

A parity case: {"id": str, "op": str, "args": [arg, ...], "out": result} or, where PyTorch
raises, {"id", "op", "args", "error": "RuntimeError" | "IndexError" | "ValueError"}.
  arg:    {"t": enc} a tensor | {"ts": [enc, ...]} a list of tensors | {"f": 1.5} a double
          | {"i": 3} a long | {"b": true} | {"s": "floor"} a string | {"ints": [0, 1]} a long[]
          | {"none": true} Java null
  result: enc | {"tuple": [result, ...]} | {"bool": true} | {"f": 1.5} | {"i": 3}
Optional "tol": absolute and relative tolerance for floating results (default: 1e-5 for
float32/complex64/float16/bfloat16 results, 1e-10 for float64/complex128).
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "parity")

DTYPES = {
    torch.float32: "FLOAT32", torch.float64: "FLOAT64", torch.float16: "FLOAT16",
    torch.bfloat16: "BFLOAT16", torch.int64: "INT64", torch.int32: "INT32",
    torch.int16: "INT16", torch.int8: "INT8", torch.uint8: "UINT8", torch.bool: "BOOL",
    torch.complex64: "COMPLEX64", torch.complex128: "COMPLEX128",
}


def num(x):
    """JSON has no NaN/inf: encode them as strings the Java side understands."""
    if isinstance(x, bool):
        return x
    if isinstance(x, complex):
        return [num(x.real), num(x.imag)]
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
    return x


def enc(t):
    """Encodes a tensor's dtype, shape and values (row-major), whatever its strides."""
    t = t.detach()
    flat = t.reshape(-1)
    if t.dtype in (torch.float16, torch.bfloat16):
        flat = flat.float()
    return {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data": [num(v) for v in flat.tolist()]}


def strided(base, views):
    """A non-contiguous input: `base` (contiguous) seen through `views`; returns (tensor, arg)."""
    t = base
    for v in views:
        if v[0] == "transpose":
            t = t.transpose(v[1], v[2])
        elif v[0] == "slice":
            _, dim, start, end, step = v
            idx = [slice(None)] * t.dim()
            idx[dim] = slice(start, end, step)
            t = t[tuple(idx)]
        else:
            raise ValueError(v)
    assert not t.is_contiguous() or t.numel() <= 1, views
    return t, {"t": {"base": enc(base), "views": views}}


def result(r):
    """Encodes an op's result the way the Java replay compares it."""
    if isinstance(r, torch.Tensor):
        return enc(r)
    if isinstance(r, (tuple, list)):
        return {"tuple": [result(x) for x in r]}
    if isinstance(r, bool):
        return {"bool": r}
    if isinstance(r, int):
        return {"i": r}
    if isinstance(r, float):
        return {"f": num(r)}
    raise TypeError(type(r))


def case(cases, cid, op, args, fn, tol=None):
    """Runs fn() with torch and appends the case (its result or PyTorch's error) to `cases`."""
    c = {"id": cid, "op": op, "args": args}
    try:
        c["out"] = result(fn())
    except (RuntimeError, IndexError, ValueError) as e:
        c["error"] = type(e).__name__
        c["message"] = str(e).split("\n")[0]
    if tol is not None:
        c["tol"] = tol
    cases.append(c)
    return c


def rq(*shape, dtype=torch.float32):
    """torch.randn rounded to multiples of 1/8: short, exact JSON for the inputs."""
    x = torch.randn(*shape, dtype=dtype)
    if x.is_complex():
        return torch.view_as_complex((torch.view_as_real(x) * 8).round() / 8)
    return (x * 8).round() / 8


def t(x):
    """A contiguous tensor argument."""
    return {"t": enc(x)}


def write(name, cases):
    """Writes golden/parity/<name>.json (NaN in a case is a bug: JSON has none) and says so."""
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=None, allow_nan=False)
        f.write("\n")
    print(f"{name}.json: {len(cases)} cases ({sum('error' in c for c in cases)} errors)")
