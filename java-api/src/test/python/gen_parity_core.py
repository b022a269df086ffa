#!/usr/bin/env python3
"""Parity cases for the Foundation's core ops (a first file of the parity suite).

Writes java-api/src/test/resources/golden/parity/core.json; format in golden_common.py.
"""

import torch

from golden_common import case, enc, strided, write


def main():
    torch.manual_seed(1)
    cases = []
    x = torch.randn(3, 4)
    xt, xt_arg = strided(torch.randn(4, 3), [["transpose", 0, 1]])
    xs, xs_arg = strided(torch.randn(3, 8), [["slice", 1, 0, None, 2]])
    for name, t, arg in (("plain", x, {"t": enc(x)}), ("transposed", xt, xt_arg), ("stepped", xs, xs_arg)):
        case(cases, f"sum/{name}", "sum", [arg], lambda: t.sum())
        case(cases, f"sum_dim/{name}", "sum_dim", [arg, {"i": 1}, {"b": False}], lambda: t.sum(1))
        case(cases, f"argmax_dim/{name}", "argmax_dim", [arg, {"i": 0}, {"b": True}], lambda: t.argmax(0, keepdim=True))
        case(cases, f"max_dim/{name}", "max_dim", [arg, {"i": -1}, {"b": False}], lambda: t.max(-1))
    case(cases, "sum_dim/out-of-range", "sum_dim", [{"t": enc(x)}, {"i": 2}, {"b": False}], lambda: x.sum(2))
    case(cases, "add/broadcast", "add", [{"t": enc(x)}, {"t": enc(x[0])}], lambda: x + x[0])
    case(cases, "add/no-broadcast", "add", [{"t": enc(x)}, {"t": enc(torch.ones(3))}], lambda: x + torch.ones(3))
    write("core", cases)


if __name__ == "__main__":
    main()
