#!/usr/bin/env python3
"""Parity cases for softmax/log_softmax (with dtype), cdist, diff, histc and bincount.

Writes java-api/src/test/resources/golden/parity/misc.json; format in golden_common.py.
"""
import torch

from golden_common import case
from parity_a import rnd, F, I, INF, NAN, NONE, S, T, bools, ints, opt_t, special_floats, transposed, write


def main():
    cases = []
    torch.manual_seed(23)
    x = rnd(3, 4) * 3
    xt, xt_arg = transposed(rnd(4, 3))
    big = torch.tensor([[1000.0, 1000.0, -1000.0], [-INF, 0.0, 1.0]])

    # softmax / log_softmax
    for name, fn in (("softmax", torch.softmax), ("logSoftmax", torch.log_softmax)):
        for iname, t, arg in (("f32", x, T(x)), ("f64", x.double(), T(x.double())), ("transposed", xt, xt_arg),
                              ("big", big, T(big)), ("nan", special_floats(), T(special_floats())),
                              ("0d", torch.tensor(2.0), T(torch.tensor(2.0))), ("empty", torch.zeros(0, 3), T(torch.zeros(0, 3)))):
            for d in (0, -1):
                case(cases, f"{name}/{iname}/{d}", name, [arg, I(d)], lambda: fn(t, d))
        case(cases, f"{name}/bad-dim", name, [T(x), I(2)], lambda: fn(x, 2))
        case(cases, f"{name}/i64-fails", name, [T(ints()), I(1)], lambda: fn(ints(), 1))
        for dt, dn in ((torch.float64, "FLOAT64"), (torch.float32, "FLOAT32")):
            case(cases, f"{name}.dtype/f32/{dn}", f"{name}.dtype", [T(x), I(1), S(dn)], lambda: fn(x, 1, dtype=dt))
            case(cases, f"{name}.dtype/i64/{dn}", f"{name}.dtype", [T(ints()), I(0), S(dn)], lambda: fn(ints(), 0, dtype=dt))
        case(cases, f"{name}.dtype/to-int-fails", f"{name}.dtype", [T(x), I(1), S("INT64")], lambda: fn(x, 1, dtype=torch.int64))

    # cdist
    a = rnd(4, 3)
    b = rnd(5, 3)
    ab = rnd(2, 3, 2)
    bb = rnd(2, 4, 2)
    for p in (2.0, 1.0, 0.0, INF, 3.0):
        case(cases, f"cdist.p/{p}", "cdist.p", [T(a), T(b), F(p)], lambda: torch.cdist(a, b, p))
        case(cases, f"cdist.p/batched/{p}", "cdist.p", [T(ab), T(bb), F(p)], lambda: torch.cdist(ab, bb, p))
    case(cases, "cdist/default", "cdist", [T(a), T(b)], lambda: torch.cdist(a, b))
    case(cases, "cdist/f64", "cdist", [T(a.double()), T(b.double())], lambda: torch.cdist(a.double(), b.double()))
    case(cases, "cdist/bcast-batch", "cdist", [T(ab), T(bb[0])], lambda: torch.cdist(ab, bb[0]))
    case(cases, "cdist/cols-mismatch", "cdist", [T(a), T(rnd(5, 2))], lambda: torch.cdist(a, rnd(5, 2)))
    case(cases, "cdist/1d-fails", "cdist", [T(a[0]), T(b[0])], lambda: torch.cdist(a[0], b[0]))
    case(cases, "cdist/negative-p", "cdist.p", [T(a), T(b), F(-1.0)], lambda: torch.cdist(a, b, -1.0))
    case(cases, "cdist/i64-fails", "cdist", [T(ints()), T(ints())], lambda: torch.cdist(ints(), ints()))
    case(cases, "cdist/empty", "cdist", [T(torch.zeros(0, 3)), T(b)], lambda: torch.cdist(torch.zeros(0, 3), b))

    # diff
    ins = (("f32", x, T(x)), ("i64", ints(), T(ints())), ("bool", bools(), T(bools())),
           ("i32", ints(torch.int32), T(ints(torch.int32))), ("transposed", xt, xt_arg),
           ("nan", special_floats(), T(special_floats())))
    for iname, t, arg in ins:
        case(cases, f"diff/{iname}", "diff", [arg], lambda: torch.diff(t))
        for n in (1, 2, 5):
            for d in (0, -1):
                case(cases, f"diff.n/{iname}/{n}/{d}", "diff.n", [arg, I(n), I(d)], lambda: torch.diff(t, n, d))
    pre = torch.tensor([[100.0], [200.0], [300.0]])
    app = torch.tensor([[-1.0, -2.0], [-3.0, -4.0], [-5.0, -6.0]])
    for pp, aa, tag in ((pre, None, "prepend"), (None, app, "append"), (pre, app, "both")):
        case(cases, f"diff.full/{tag}", "diff.full", [T(x), I(1), I(1), opt_t(pp), opt_t(aa)],
             lambda: torch.diff(x, 1, 1, pp, aa))
    case(cases, "diff.full/bad-prepend", "diff.full", [T(x), I(1), I(1), T(torch.zeros(2, 1)), NONE],
         lambda: torch.diff(x, 1, 1, torch.zeros(2, 1), None))
    case(cases, "diff.full/dtype-mismatch", "diff.full", [T(x), I(1), I(1), T(torch.zeros(3, 1, dtype=torch.int64)), NONE],
         lambda: torch.diff(x, 1, 1, torch.zeros(3, 1, dtype=torch.int64), None))
    case(cases, "diff/0d-fails", "diff", [T(torch.tensor(1.0))], lambda: torch.diff(torch.tensor(1.0)))
    case(cases, "diff.n/negative-n", "diff.n", [T(x), I(-1), I(0)], lambda: torch.diff(x, -1, 0))
    case(cases, "diff.n/bad-dim", "diff.n", [T(x), I(1), I(2)], lambda: torch.diff(x, 1, 2))

    # histc
    h = torch.tensor([0.5, 1.0, 1.0, 2.5, 3.0, 3.9, 4.0, -1.0, 7.0, 2.0, 2.0, 0.0])
    for bins, lo, hi in ((4, 0.0, 4.0), (3, 1.0, 3.0), (5, 0.0, 0.0), (1, 0.0, 0.0), (10, -2.0, 8.0)):
        case(cases, f"histc.full/{bins}/{lo}/{hi}", "histc.full", [T(h), I(bins), F(lo), F(hi)], lambda: torch.histc(h, bins, lo, hi))
        case(cases, f"histc.full/f64/{bins}/{lo}/{hi}", "histc.full", [T(h.double()), I(bins), F(lo), F(hi)],
             lambda: torch.histc(h.double(), bins, lo, hi))
    case(cases, "histc/default", "histc", [T(h)], lambda: torch.histc(h))
    case(cases, "histc/2d", "histc.full", [T(x), I(6), F(-3.0), F(3.0)], lambda: torch.histc(x, 6, -3.0, 3.0))
    case(cases, "histc/empty", "histc.full", [T(torch.zeros(0)), I(3), F(0.0), F(1.0)], lambda: torch.histc(torch.zeros(0), 3, 0.0, 1.0))
    case(cases, "histc/i64-fails", "histc.full", [T(ints()), I(3), F(0.0), F(1.0)], lambda: torch.histc(ints(), 3, 0.0, 1.0))
    case(cases, "histc/min-gt-max", "histc.full", [T(h), I(3), F(2.0), F(1.0)], lambda: torch.histc(h, 3, 2.0, 1.0))
    case(cases, "histc/zero-bins", "histc.full", [T(h), I(0), F(0.0), F(1.0)], lambda: torch.histc(h, 0, 0.0, 1.0))
    case(cases, "histc/nan-range", "histc.full", [T(special_floats()), I(3), F(0.0), F(0.0)], lambda: torch.histc(special_floats(), 3, 0.0, 0.0))

    # bincount
    bc = torch.tensor([0, 1, 1, 3, 2, 1, 7])
    w = torch.tensor([0.5, 1.0, 1.0, 2.0, -1.0, 0.25, 3.0])
    case(cases, "bincount/i64", "bincount", [T(bc)], lambda: torch.bincount(bc))
    case(cases, "bincount/i32", "bincount", [T(bc.int())], lambda: torch.bincount(bc.int()))
    case(cases, "bincount/empty", "bincount", [T(torch.zeros(0, dtype=torch.int64))], lambda: torch.bincount(torch.zeros(0, dtype=torch.int64)))
    case(cases, "bincount.full/weights", "bincount.full", [T(bc), T(w), I(0)], lambda: torch.bincount(bc, w, 0))
    case(cases, "bincount.full/weights-f64", "bincount.full", [T(bc), T(w.double()), I(0)], lambda: torch.bincount(bc, w.double(), 0))
    case(cases, "bincount.full/minlength", "bincount.full", [T(bc), NONE, I(10)], lambda: torch.bincount(bc, None, 10))
    case(cases, "bincount.full/weights-minlength", "bincount.full", [T(bc), T(w), I(12)], lambda: torch.bincount(bc, w, 12))
    case(cases, "bincount/negative", "bincount", [T(torch.tensor([1, -1]))], lambda: torch.bincount(torch.tensor([1, -1])))
    case(cases, "bincount/2d", "bincount", [T(ints().abs())], lambda: torch.bincount(ints().abs()))
    case(cases, "bincount/f32", "bincount", [T(w)], lambda: torch.bincount(w))
    case(cases, "bincount.full/weights-length", "bincount.full", [T(bc), T(w[:3]), I(0)], lambda: torch.bincount(bc, w[:3], 0))
    case(cases, "bincount.full/negative-minlength", "bincount.full", [T(bc), NONE, I(-1)], lambda: torch.bincount(bc, None, -1))
    case(cases, "bincount/bool", "bincount", [T(bools()[0])], lambda: torch.bincount(bools()[0]))

    write("misc", cases)


if __name__ == "__main__":
    main()
