#!/usr/bin/env python3
"""Parity cases for the reductions: sum/nansum/prod/mean/nanmean (with dtype), std/var (with
correction), std_mean/var_mean, median/nanmedian/mode, min/max/amin/amax/aminmax,
argmin/argmax, all/any, norm, logsumexp, count_nonzero, cumsum/cumprod/cummax/cummin.

Each reduction runs with no dim, one dim (negative too), several dims, keepdim both ways, over
float32/float64/int64/int32/bool, 0-d, empty and non-contiguous inputs, NaN/inf and ties.

Writes java-api/src/test/resources/golden/parity/reductions.json; format in golden_common.py.
"""
import torch

from golden_common import case
from parity_a import (rnd, B, F, I, INF, INTS, NAN, NONE, S, T, bools, ints, special_floats, stepped,
                      ties_float, transposed, write)


def inputs():
    """(name, tensor, arg) for the general reductions."""
    torch.manual_seed(5)
    r = rnd(3, 4)
    xt, xt_arg = transposed(rnd(4, 3))
    xs, xs_arg = stepped(rnd(3, 8))
    r3 = rnd(2, 3, 4)
    return [
        ("f32", r, T(r)),
        ("f64", r.double(), T(r.double())),
        ("ties", ties_float(), T(ties_float())),
        ("nan", special_floats(), T(special_floats())),
        ("i64", ints(), T(ints())),
        ("i32", ints(torch.int32), T(ints(torch.int32))),
        ("bool", bools(), T(bools())),
        ("0d", torch.tensor(1.25), T(torch.tensor(1.25))),
        ("empty", torch.zeros(0, 3), T(torch.zeros(0, 3))),
        ("transposed", xt, xt_arg),
        ("stepped", xs, xs_arg),
        ("3d", r3, T(r3)),
    ]


# inputs whose dtype the no-dim form covers well enough: the dim forms skip them
NO_DIM_ONLY = {"f64", "i32"}


def dims_for(x, iname):
    """Dim arguments to try: a positive one, a negative one kept, and (on some inputs) one out of
    range."""
    n = x.dim()
    out = [("d0", 0, False), ("d-1", -1, True)]
    if iname in ("f32", "0d", "empty", "3d", "i64"):
        out.append(("dbad", max(n, 1), False))
    return out


def multi_dims_for(x, iname):
    n = x.dim()
    if n >= 3:
        return [("dd02", [0, 2], False), ("dd-1-2", [-1, -2], True)]
    if n == 2:
        return [("dd01", [0, 1], True), ("dd-1", [-1], False)]
    return []


def main():
    cases = []

    # --- reductions that return one tensor, with dim / dims / keepdim -----------------------
    simple = {
        # name: (torch no-dim fn, dim fn(x, d, keep), dims fn(x, ds, keep) or None)
        "sum": (torch.sum, lambda x, d, k: torch.sum(x, d, keepdim=k), lambda x, d, k: torch.sum(x, d, keepdim=k)),
        "nansum": (torch.nansum, lambda x, d, k: torch.nansum(x, d, keepdim=k), lambda x, d, k: torch.nansum(x, d, keepdim=k)),
        "prod": (torch.prod, lambda x, d, k: torch.prod(x, d, keepdim=k), None),
        "mean": (torch.mean, lambda x, d, k: torch.mean(x, d, keepdim=k), lambda x, d, k: torch.mean(x, d, keepdim=k)),
        "nanmean": (torch.nanmean, lambda x, d, k: torch.nanmean(x, d, keepdim=k), lambda x, d, k: torch.nanmean(x, d, keepdim=k)),
        "std": (torch.std, lambda x, d, k: torch.std(x, d, keepdim=k), lambda x, d, k: torch.std(x, d, keepdim=k)),
        "var": (torch.var, lambda x, d, k: torch.var(x, d, keepdim=k), lambda x, d, k: torch.var(x, d, keepdim=k)),
        "amin": (torch.amin, lambda x, d, k: torch.amin(x, d, keepdim=k), lambda x, d, k: torch.amin(x, d, keepdim=k)),
        "amax": (torch.amax, lambda x, d, k: torch.amax(x, d, keepdim=k), lambda x, d, k: torch.amax(x, d, keepdim=k)),
        "argmin": (torch.argmin, lambda x, d, k: torch.argmin(x, d, keepdim=k), None),
        "argmax": (torch.argmax, lambda x, d, k: torch.argmax(x, d, keepdim=k), None),
        "all": (torch.all, lambda x, d, k: torch.all(x, d, keepdim=k), lambda x, d, k: torch.all(x, d, keepdim=k)),
        "any": (torch.any, lambda x, d, k: torch.any(x, d, keepdim=k), lambda x, d, k: torch.any(x, d, keepdim=k)),
        "logsumexp": (None, lambda x, d, k: torch.logsumexp(x, d, keepdim=k), lambda x, d, k: torch.logsumexp(x, d, keepdim=k)),
        "min": (torch.min, None, None),
        "max": (torch.max, None, None),
        "median": (torch.median, None, None),
        "nanmedian": (torch.nanmedian, None, None),
        "countNonzero": (torch.count_nonzero, lambda x, d, k: torch.count_nonzero(x, d), lambda x, d, k: torch.count_nonzero(x, d)),
        "norm": (torch.norm, None, None),
    }
    for name, (nodim, dimfn, dimsfn) in simple.items():
        for iname, x, arg in inputs():
            if nodim is not None:
                case(cases, f"{name}/{iname}", name, [arg], lambda: nodim(x))
            if dimfn is not None and iname not in NO_DIM_ONLY:
                for dname, d, k in dims_for(x, iname):
                    if name == "countNonzero":
                        case(cases, f"{name}.dim/{iname}/{dname}", f"{name}.dim", [arg, I(d)], lambda: dimfn(x, d, k))
                    else:
                        case(cases, f"{name}.dim/{iname}/{dname}/{k}", f"{name}.dim", [arg, I(d), B(k)], lambda: dimfn(x, d, k))
            if dimsfn is not None and iname not in NO_DIM_ONLY:
                for dname, ds, k in multi_dims_for(x, iname):
                    if name == "countNonzero":
                        case(cases, f"{name}.dims/{iname}/{dname}", f"{name}.dims", [arg, INTS(ds)], lambda: dimsfn(x, ds, False))
                        continue
                    case(cases, f"{name}.dims/{iname}/{dname}/{k}", f"{name}.dims", [arg, INTS(ds), B(k)], lambda: dimsfn(x, tuple(ds), k))
    r3 = rnd(2, 3, 4)
    case(cases, "sum.dims/dup-dim", "sum.dims", [T(r3), INTS([1, -2]), B(False)], lambda: torch.sum(r3, (1, -2)))
    case(cases, "amax.dims/bad", "amax.dims", [T(r3), INTS([0, 3]), B(False)], lambda: torch.amax(r3, (0, 3)))

    # --- dtype arguments --------------------------------------------------------------------
    x = ints()
    f = special_floats()
    b = bools()
    for dt, dn in ((torch.float64, "FLOAT64"), (torch.int32, "INT32"), (torch.float32, "FLOAT32")):
        case(cases, f"sum.dtype/i64/{dn}", "sum.dtype", [T(x), S(dn)], lambda: torch.sum(x, dtype=dt))
        case(cases, f"sum.dtype/bool/{dn}", "sum.dtype", [T(b), S(dn)], lambda: torch.sum(b, dtype=dt))
        case(cases, f"sum.dims.dtype/i64/{dn}", "sum.dims.dtype", [T(x), INTS([1]), B(True), S(dn)], lambda: torch.sum(x, (1,), keepdim=True, dtype=dt))
        case(cases, f"prod.dtype/i64/{dn}", "prod.dtype", [T(x), S(dn)], lambda: torch.prod(x, dtype=dt))
        case(cases, f"prod.dim.dtype/i64/{dn}", "prod.dim.dtype", [T(x), I(0), B(False), S(dn)], lambda: torch.prod(x, 0, dtype=dt))
    case(cases, "sum.dtype/f32-none", "sum.dtype", [T(f), NONE], lambda: torch.sum(f))
    case(cases, "sum.dtype/f32-to-i64", "sum.dtype", [T(f), S("INT64")], lambda: torch.sum(f, dtype=torch.int64))
    for dt, dn in ((torch.float64, "FLOAT64"), (torch.float32, "FLOAT32"), (torch.int64, "INT64")):
        case(cases, f"mean.dtype/i64/{dn}", "mean.dtype", [T(x), S(dn)], lambda: torch.mean(x, dtype=dt))
        case(cases, f"mean.dtype/f32/{dn}", "mean.dtype", [T(f), S(dn)], lambda: torch.mean(f, dtype=dt))
        case(cases, f"mean.dims.dtype/i32/{dn}", "mean.dims.dtype", [T(x.int()), INTS([0]), B(False), S(dn)], lambda: torch.mean(x.int(), (0,), dtype=dt))

    # --- std / var with correction, std_mean / var_mean ---------------------------------------
    torch.manual_seed(9)
    r = rnd(3, 4)
    one = torch.tensor([[2.5]])
    for c in (0, 1, 2, 0.5):
        for nm, fn in (("std", torch.std), ("var", torch.var)):
            case(cases, f"{nm}.corr/all/{c}", f"{nm}.corr", [T(r), NONE, F(c), B(False)], lambda: fn(r, None, correction=c))
            case(cases, f"{nm}.corr/d1/{c}", f"{nm}.corr", [T(r), INTS([1]), F(c), B(True)], lambda: fn(r, 1, correction=c, keepdim=True))
            case(cases, f"{nm}.corr/f64-dd/{c}", f"{nm}.corr", [T(r3.double()), INTS([0, 2]), F(c), B(False)], lambda: fn(r3.double(), (0, 2), correction=c))
            case(cases, f"{nm}.corr/one-element/{c}", f"{nm}.corr", [T(one), NONE, F(c), B(False)], lambda: fn(one, None, correction=c))
        for nm, fn in (("stdMean", torch.std_mean), ("varMean", torch.var_mean)):
            case(cases, f"{nm}.corr/all/{c}", f"{nm}.corr", [T(r), NONE, F(c), B(False)], lambda: fn(r, None, correction=c))
            case(cases, f"{nm}.corr/d-1/{c}", f"{nm}.corr", [T(r), INTS([-1]), F(c), B(True)], lambda: fn(r, -1, correction=c, keepdim=True))
    for nm, fn in (("stdMean", torch.std_mean), ("varMean", torch.var_mean)):
        for iname, xx, arg in inputs():
            case(cases, f"{nm}/{iname}", nm, [arg], lambda: fn(xx))
        case(cases, f"{nm}.dims/r3", f"{nm}.dims", [T(r3), INTS([0, 1]), B(True)], lambda: fn(r3, (0, 1), keepdim=True))
        case(cases, f"{nm}.dims/bad", f"{nm}.dims", [T(r3), INTS([3]), B(False)], lambda: fn(r3, (3,)))
    case(cases, "std.corr/i64-fails", "std.corr", [T(ints()), NONE, F(1), B(False)], lambda: torch.std(ints(), None, correction=1))
    case(cases, "var.corr/bad-dim", "var.corr", [T(r), INTS([2]), F(1), B(False)], lambda: torch.var(r, 2, correction=1))

    # --- (values, indices) reductions over a dim: min/max/median/nanmedian/mode -----------------
    vi = {
        "min": torch.min, "max": torch.max, "median": torch.median, "nanmedian": torch.nanmedian,
        "mode": torch.mode,
    }
    ties3 = torch.tensor([[[1.0, 1.0, 2.0], [3.0, 3.0, 3.0]], [[NAN, 1.0, NAN], [0.0, 5.0, 5.0]]])
    for name, fn in vi.items():
        for iname, xx, arg in inputs() + [("ties3", ties3, T(ties3))]:
            for dname, d, k in dims_for(xx, iname):
                case(cases, f"{name}.dim/{iname}/{dname}/{k}", f"{name}.dim", [arg, I(d), B(k)], lambda: fn(xx, d, keepdim=k))
    for iname, xx, arg in inputs() + [("ties3", ties3, T(ties3))]:
        case(cases, f"mode/{iname}", "mode", [arg], lambda: torch.mode(xx))

    # median / nanmedian of even counts, all-NaN rows
    ev = torch.tensor([[4.0, 1.0, 3.0, 2.0], [NAN, NAN, NAN, NAN], [NAN, 1.0, 2.0, NAN]])
    for name, fn in (("median", torch.median), ("nanmedian", torch.nanmedian)):
        case(cases, f"{name}/even", name, [T(ev[0])], lambda: fn(ev[0]))
        case(cases, f"{name}/allnan", name, [T(ev[1])], lambda: fn(ev[1]))
        case(cases, f"{name}.dim/even-nan", f"{name}.dim", [T(ev), I(1), B(False)], lambda: fn(ev, 1))

    # aminmax
    for iname, xx, arg in inputs():
        case(cases, f"aminmax/{iname}", "aminmax", [arg], lambda: torch.aminmax(xx))
        for dname, d, k in dims_for(xx, iname):
            case(cases, f"aminmax.dim/{iname}/{dname}/{k}", "aminmax.dim", [arg, I(d), B(k)], lambda: torch.aminmax(xx, dim=d, keepdim=k))

    # norm
    fr = torch.tensor([[3.0, -4.0, 0.0], [1.0, -2.0, 2.0]])
    for p in (2.0, 1.0, 3.0, 0.0, INF, -INF, 0.5):
        case(cases, f"norm.p/{p}", "norm.p", [T(fr), F(p)], lambda: torch.norm(fr, p))
        case(cases, f"norm.p.dims/{p}/d1", "norm.p.dims", [T(fr), F(p), INTS([1]), B(False)], lambda: torch.norm(fr, p, dim=(1,)))
        case(cases, f"norm.p.dims/{p}/d-2-keep", "norm.p.dims", [T(fr), F(p), INTS([-2]), B(True)], lambda: torch.norm(fr, p, dim=(-2,), keepdim=True))
    case(cases, "norm.p.dims/f64-all", "norm.p.dims", [T(fr.double()), F(2.0), INTS([0, 1]), B(False)], lambda: torch.norm(fr.double(), 2.0, dim=(0, 1)))
    case(cases, "norm.p/nan", "norm.p", [T(special_floats()), F(2.0)], lambda: torch.norm(special_floats(), 2.0))
    case(cases, "norm.p/i64-fails", "norm.p", [T(ints()), F(2.0)], lambda: torch.norm(ints(), 2.0))
    case(cases, "norm.p.dims/bad-dim", "norm.p.dims", [T(fr), F(2.0), INTS([2]), B(False)], lambda: torch.norm(fr, 2.0, dim=(2,)))

    # --- cumulative ---------------------------------------------------------------------------
    for name, fn in (("cumsum", torch.cumsum), ("cumprod", torch.cumprod)):
        for iname, xx, arg in inputs():
            for dname, d, _ in dims_for(xx, iname):
                case(cases, f"{name}/{iname}/{dname}", name, [arg, I(d)], lambda: fn(xx, d))
        for dt, dn in ((torch.float64, "FLOAT64"), (torch.int32, "INT32")):
            case(cases, f"{name}.dtype/i64/{dn}", f"{name}.dtype", [T(ints()), I(1), S(dn)], lambda: fn(ints(), 1, dtype=dt))
            case(cases, f"{name}.dtype/bool/{dn}", f"{name}.dtype", [T(bools()), I(0), S(dn)], lambda: fn(bools(), 0, dtype=dt))
        case(cases, f"{name}_/f32", name + "_", [T(fr), I(1)], lambda: getattr(fr.clone(), name + "_")(1))
        case(cases, f"{name}_/i64", name + "_", [T(ints()), I(0)], lambda: getattr(ints().clone(), name + "_")(0))
    for name, fn in (("cummax", torch.cummax), ("cummin", torch.cummin)):
        for iname, xx, arg in inputs() + [("ties3", ties3, T(ties3))]:
            for dname, d, _ in dims_for(xx, iname):
                case(cases, f"{name}/{iname}/{dname}", name, [arg, I(d)], lambda: fn(xx, d))

    # --- static forms (a sample) ----------------------------------------------------------------
    case(cases, "torch.sum.dim/f32", "torch.sum.dim", [T(fr), I(1), B(True)], lambda: torch.sum(fr, 1, keepdim=True))
    case(cases, "torch.max.dim/ties", "torch.max.dim", [T(ties_float()), I(1), B(False)], lambda: torch.max(ties_float(), 1))
    case(cases, "torch.median/ties", "torch.median", [T(ties_float())], lambda: torch.median(ties_float()))

    write("reductions", cases)


if __name__ == "__main__":
    main()
