#!/usr/bin/env python3
"""Parity cases for sorting and selection: sort (stable, descending), argsort, msort, topk,
kthvalue and unique (sorted, return_inverse, return_counts, dim), with ties, NaN/inf, negative
dims, 0-d, empty and non-contiguous inputs.

Writes java-api/src/test/resources/golden/parity/sorting.json; format in golden_common.py.
"""
import torch

from golden_common import case
from parity_a import (rnd, B, I, INF, NAN, T, bools, ints, special_floats, stepped, ties_float,
                      transposed, write)


def inputs():
    torch.manual_seed(13)
    xt, xt_arg = transposed(torch.tensor([[3.0, 1.0, 3.0], [1.0, 2.0, 2.0], [0.0, 3.0, 1.0], [2.0, 2.0, 0.0]]))
    xs, xs_arg = stepped(rnd(3, 8))
    long_ties = torch.tensor([2.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 1.0, 0.0, 2.0, 1.0, 1.0, 2.0, 0.0,
                              1.0, 2.0, 0.0, 0.0, 2.0, 1.0, 1.0, 2.0, 0.0, 2.0, 1.0, 0.0, 2.0, 1.0, 0.0, 1.0,
                              2.0, 1.0])
    return [
        ("f32", rnd(3, 4), None),
        ("ties", ties_float(), None),
        ("long-ties", long_ties, None),
        ("nan", special_floats(), None),
        ("f64", special_floats(torch.float64), None),
        ("i64", ints(), None),
        ("i32", ints(torch.int32), None),
        ("bool", bools(), None),
        ("0d", torch.tensor(3.5), None),
        ("empty", torch.zeros(0, 4), None),
        ("transposed", xt, xt_arg),
        ("stepped", xs, xs_arg),
    ]


def arg_of(x, a):
    return a if a is not None else T(x)


def main():
    cases = []
    for iname, x, a in inputs():
        arg = arg_of(x, a)
        n = max(x.dim(), 1)
        # sort
        case(cases, f"sort/{iname}", "sort", [arg], lambda: torch.sort(x))
        for d, desc in ((0, False), (-1, True)):
            case(cases, f"sort.dim/{iname}/{d}/{desc}", "sort.dim", [arg, I(d), B(desc)],
                 lambda: torch.sort(x, dim=d, descending=desc))
            case(cases, f"argsort.dim/{iname}/{d}/{desc}", "argsort.dim", [arg, I(d), B(desc)],
                 lambda: torch.argsort(x, dim=d, descending=desc))
        for d, desc in ((0, True), (-1, False)):
            case(cases, f"sort.stable/{iname}/{d}/{desc}", "sort.stable", [arg, I(d), B(desc), B(True)],
                 lambda: torch.sort(x, dim=d, descending=desc, stable=True))
            case(cases, f"argsort.stable/{iname}/{d}/{desc}", "argsort.stable", [arg, I(d), B(desc), B(True)],
                 lambda: torch.argsort(x, dim=d, descending=desc, stable=True))
        case(cases, f"sort.dim/{iname}/bad", "sort.dim", [arg, I(n), B(False)], lambda: torch.sort(x, dim=n))
        case(cases, f"argsort/{iname}", "argsort", [arg], lambda: torch.argsort(x))
        case(cases, f"msort/{iname}", "msort", [arg], lambda: torch.msort(x))
        # topk
        last = x.shape[-1] if x.dim() > 0 else 1
        for k in sorted({0, 1, last}):
            case(cases, f"topk/{iname}/{k}", "topk", [arg, I(k)], lambda: torch.topk(x, k))
        for k, d, largest in ((min(2, last), -1, False), (1, 0, True), (min(2, x.shape[0] if x.dim() else 1), 0, False)):
            case(cases, f"topk.full/{iname}/{k}/{d}/{largest}", "topk.full", [arg, I(k), I(d), B(largest), B(True)],
                 lambda: torch.topk(x, k, dim=d, largest=largest, sorted=True))
        case(cases, f"topk/{iname}/too-big", "topk", [arg, I(last + 1)], lambda: torch.topk(x, last + 1))
        case(cases, f"topk.dim/{iname}/bad-dim", "topk.dim", [arg, I(1), I(n)], lambda: torch.topk(x, 1, n))
        # kthvalue
        for k in sorted({1, max(1, last // 2), last}):
            case(cases, f"kthvalue/{iname}/{k}", "kthvalue", [arg, I(k)], lambda: torch.kthvalue(x, k))
            case(cases, f"kthvalue.dim/{iname}/{k}/0/keep", "kthvalue.dim", [arg, I(k), I(0), B(True)],
                 lambda: torch.kthvalue(x, k, 0, keepdim=True))
        case(cases, f"kthvalue/{iname}/zero", "kthvalue", [arg, I(0)], lambda: torch.kthvalue(x, 0))
        case(cases, f"kthvalue/{iname}/too-big", "kthvalue", [arg, I(last + 1)], lambda: torch.kthvalue(x, last + 1))
        # unique (sort-based on CPU; NaNs are each distinct)
        case(cases, f"unique/{iname}", "unique", [arg], lambda: torch.unique(x))
        for srt, inv, cnt in ((True, True, True), (True, True, False), (True, False, True), (False, True, True)):
            case(cases, f"unique.full/{iname}/{srt}/{inv}/{cnt}", "unique.full", [arg, B(srt), B(inv), B(cnt)],
                 lambda: unique_all(x, srt, inv, cnt))
        for d in (0, -1):
            case(cases, f"unique.dim/{iname}/{d}", "unique.dim", [arg, B(True), B(True), B(True), I(d)],
                 lambda: unique_all(x, True, True, True, d))

    # the k-th value of the sorted part of ties, a sorted=False topk of distinct values
    d = torch.tensor([5.0, 1.0, 4.0, 2.0, 3.0, 0.0, 6.0])
    case(cases, "topk.full/distinct-unsorted", "topk.full", [T(d), I(3), I(0), B(True), B(False)],
         lambda: torch.topk(d, 3, 0, True, False))
    case(cases, "sort.stable/unstable-flag", "sort.stable", [T(ties_float()), I(1), B(True), B(False)],
         lambda: torch.sort(ties_float(), dim=1, descending=True, stable=False))
    case(cases, "argsort.stable/unstable-flag", "argsort.stable", [T(ties_float()), I(1), B(False), B(False)],
         lambda: torch.argsort(ties_float(), dim=1, descending=False, stable=False))
    case(cases, "torch.sort/ties", "torch.sort", [T(ties_float()), I(1), B(True)], lambda: torch.sort(ties_float(), 1, True))
    case(cases, "torch.topk/ties", "torch.topk", [T(ties_float()), I(2)], lambda: torch.topk(ties_float(), 2))

    write("sorting", cases)


def unique_all(x, srt, inv, cnt, dim=None):
    """torch.unique: the values, then the inverse and the counts where asked for (the Java replay
    lists the non-null parts of its Unique record)."""
    return torch.unique(x, sorted=srt, return_inverse=inv, return_counts=cnt, dim=dim)


if __name__ == "__main__":
    main()
