#!/usr/bin/env python3
"""Parity cases for indexing: t[...] reads and writes, index_select, gather, scatter(_reduce),
take, masked_select/masked_fill, nonzero, index_add/index_fill/index_copy.

Writes java-api/src/test/resources/golden/parity/indexing.json; format in golden_common.py.
An index expression travels as a JSON string (the op's second argument): a list whose entries are
an integer, "..." (Ellipsis), null (None), true/false, {"slice": [start, stop, step]}, {"arg": k}
(the tensor argument k of the case), {"longs": [...]} or {"bools": [...]} (Python lists).
"""
import json

import torch

from golden_common import case, enc, rq, strided, t, write


class Arg:
    """A tensor argument of the case, referenced from an index expression."""

    def __init__(self, k):
        self.k = k


def spec(index):
    """The JSON encoding of a Python index tuple (with Arg placeholders)."""
    out = []
    for e in index:
        if e is None:
            out.append(None)
        elif e is Ellipsis:
            out.append("...")
        elif isinstance(e, bool):
            out.append(e)
        elif isinstance(e, int):
            out.append(e)
        elif isinstance(e, slice):
            out.append({"slice": [e.start, e.stop, e.step]})
        elif isinstance(e, Arg):
            out.append({"arg": e.k})
        elif isinstance(e, list) and all(isinstance(v, bool) for v in e) and e:
            out.append({"bools": e})
        elif isinstance(e, list):
            out.append({"longs": e})
        else:
            raise TypeError(e)
    return json.dumps(out)


def resolve(index, tensors):
    """The Python index tuple, with placeholders replaced by the case's tensors."""
    return tuple(tensors[e.k] if isinstance(e, Arg) else e for e in index)


def main():
    torch.manual_seed(3)
    cases = []

    def t(x):
        return {"t": enc(x)}

    # ---------------------------------------------------------------------------------------------
    # Reads: x[...] on several dtypes and layouts
    f32 = rq(2, 3, 4)
    i64 = torch.arange(24).reshape(2, 3, 4)
    f64 = rq(2, 3, 4, dtype=torch.float64)
    i32 = torch.arange(24, dtype=torch.int32).reshape(2, 3, 4)
    bo = torch.rand(2, 3, 4) > 0.5
    trans, trans_arg = strided(rq(4, 3, 2), [["transpose", 0, 2]])  # (2, 3, 4)
    stepped, stepped_arg = strided(rq(2, 3, 8), [["slice", 2, 1, None, 2]])  # (2, 3, 4)
    inputs = {
        "f32": (f32, t(f32)), "i64": (i64, t(i64)), "f64": (f64, t(f64)), "i32": (i32, t(i32)),
        "bool": (bo, t(bo)), "transposed": (trans, trans_arg), "stepped": (stepped, stepped_arg),
    }
    basic = {
        "int0": (0,), "int-neg": (-1,), "int-int": (1, 2), "int3": (1, -1, 3), "int-slice-int": (0, slice(None), 1),
        "slice": (slice(None), slice(1, 3)), "step": (slice(None, None, 2),), "ellipsis-int": (Ellipsis, 1),
        "ellipsis-neg-none": (Ellipsis, -1, None), "none": (None,), "none-ellipsis-none": (None, Ellipsis, None),
        "slice-none-step": (slice(1, None), None, slice(None, None, 3)), "neg-start": (slice(-2, None),),
        "neg-stop": (slice(None, -1),), "out-of-range-slice": (slice(5, 10),), "empty-slice": (slice(1, 1),),
        "ellipsis-step": (Ellipsis, slice(None, None, 3)), "empty-tuple": (), "ellipsis": (Ellipsis,),
        "mid-none": (1, None, slice(None), -2), "clamped": (slice(-10, 10), slice(-2, 100, 2)),
        # not an error in PyTorch: a second ellipsis stands for no dimension
        "two-ellipses": (Ellipsis, 0, Ellipsis), "none-two-ellipses": (None, Ellipsis, 1, Ellipsis),
    }
    for iname, (x, xarg) in inputs.items():
        for bname, index in basic.items():
            if iname not in ("f32", "i64") and bname not in ("int3", "slice-none-step", "ellipsis-neg-none", "mid-none"):
                continue
            case(cases, f"index/{iname}/{bname}", "index", [xarg, {"s": spec(index)}],
                 lambda x=x, index=index: x[index])

    idx = torch.tensor([0, 1, 0])
    idx2 = torch.tensor([[2, -1], [0, 1]])
    cols = torch.tensor([2, -1])
    rows = torch.tensor([1, 0])
    m3 = torch.rand(2, 3, 4) > 0.4
    m2 = torch.tensor([[True, False, True], [False, False, True]])
    m1 = torch.tensor([True, False, True])
    i32idx = torch.tensor([1, 0], dtype=torch.int32)
    zero_d = torch.tensor(1)
    zero_b = torch.tensor(True)
    advanced = {
        "tensor": ((Arg(2),), [idx]),
        "slice-tensor": ((slice(None), Arg(2)), [cols]),
        "tensor-2d": ((Arg(2),), [torch.tensor([[1, 0], [0, 1]])]),
        "tensor-2d-last": ((Ellipsis, Arg(2)), [idx2]),
        "two-tensors": ((Arg(2), Arg(3)), [rows, cols[:, None]]),
        "split-tensors": ((Arg(2), slice(None), Arg(3)), [rows, torch.tensor([3, 0])]),
        "adjacent-tensors": ((slice(None), Arg(2), Arg(3)), [torch.tensor([0, 2]), torch.tensor([1, 3])]),
        "mask3": ((Arg(2),), [m3]),
        "mask2": ((Arg(2),), [m2]),
        "mask1-after-slice": ((slice(None), Arg(2)), [m1]),
        "mask-and-int": ((Arg(2), 1), [m2]),
        "list-bools": (([False, True],), []),
        "list-longs": (([1, 0, -1],), []),
        "list-then-slice": ((slice(None), [0, 2], slice(1, 3)), []),
        "true": ((True,), []),
        "false": ((False,), []),
        "none-true": ((None, True, 0), []),
        "zero-d-int": ((Arg(2),), [zero_d]),
        "zero-d-bool": ((Arg(2), 0), [zero_b]),
        "int32-index": ((Arg(2), Arg(2)), [i32idx]),
        "none-tensor": ((None, slice(None), Arg(2)), [cols]),
        "tensor-none-tensor": ((Arg(2), None, Arg(3)), [rows, cols]),
        "uint8-mask": ((Arg(2),), [torch.tensor([1, 0], dtype=torch.uint8)]),
    }
    for iname in ("f32", "i64", "transposed", "bool"):
        x, xarg = inputs[iname]
        for aname, (index, tensors) in advanced.items():
            if iname in ("transposed", "bool") and aname not in ("mask2", "two-tensors", "split-tensors", "list-then-slice"):
                continue
            targs = [t(v) for v in tensors]
            full = [x, None] + tensors
            case(cases, f"index/{iname}/{aname}", "index", [xarg, {"s": spec(index)}] + targs,
                 lambda x=x, index=index, full=full: x[resolve(index, full)])

    # 0-d and empty inputs
    s0 = torch.tensor(2.5)
    for name, index in {"empty-tuple": (), "none": (None,), "ellipsis": (Ellipsis,), "int": (0,),
                        "true": (True,), "false": (False,), "slice": (slice(None),)}.items():
        case(cases, f"index/0d/{name}", "index", [t(s0), {"s": spec(index)}], lambda index=index: s0[index])
    e = torch.zeros(0, 3)
    for name, index in {"int": (0,), "col": (slice(None), 1), "none": (None, Ellipsis), "mask": (Arg(2),)}.items():
        extra = [torch.zeros(0, 3, dtype=torch.bool)] if name == "mask" else []
        case(cases, f"index/empty/{name}", "index", [t(e), {"s": spec(index)}] + [t(v) for v in extra],
             lambda index=index, extra=extra: e[resolve(index, [e, None] + extra)])

    # errors
    errors = {
        "int-out-of-range": ((2,), []), "neg-out-of-range": ((0, -4), []), "last-out-of-range": ((0, 0, 4), []),
        "too-many": ((0, 0, 0, 0), []),
        "negative-step": ((slice(None, None, -1),), []), "zero-step": ((slice(None, None, 0),), []),
        "tensor-out-of-range": ((Arg(2),), [torch.tensor([0, 5])]),
        "mask-shape": ((Arg(2),), [torch.tensor([True, False, True])]),
        "float-index": ((Arg(2),), [torch.tensor([0.0, 1.0])]),
        "unbroadcastable": ((Arg(2), Arg(3)), [torch.tensor([0, 1]), torch.tensor([0, 1, 2])]),
        "too-many-with-none": ((None, 0, 0, 0, 0), []),
    }
    for ename, (index, tensors) in errors.items():
        full = [f32, None] + tensors
        case(cases, f"index/error/{ename}", "index", [t(f32), {"s": spec(index)}] + [t(v) for v in tensors],
             lambda index=index, full=full: f32[resolve(index, full)])

    # ---------------------------------------------------------------------------------------------
    # Writes: x[...] = value (on a clone)
    puts = {
        "int-scalar": ((0,), {"f": 5.0}, None),
        "col-tensor": ((slice(None), 1), None, rq(4)),
        "mask-scalar": ((Arg(3),), {"f": -1.0}, None),
        "tensor-rows": ((Arg(3),), None, rq(3, 4)),
        "none-int": ((None, 0), {"f": 2.0}, None),
        "ellipsis-last": ((Ellipsis, 0), None, rq(3)),
        "step-scalar": ((slice(None), slice(None, None, 2)), {"f": 9.0}, None),
        "two-tensors": ((Arg(3), Arg(4)), None, rq(4)),
        "list-longs": (([1],), {"f": 7.5}, None),
        "true": ((True,), {"f": 1.0}, None),
    }
    extras = {"mask-scalar": [f32 > 0], "tensor-rows": [torch.tensor([1, 0])],
              "two-tensors": [torch.tensor([0, 1]), torch.tensor([2, 0])]}
    for pname, (index, scalar, value) in puts.items():
        for iname in ("f32", "f64", "transposed"):
            x, xarg = inputs[iname]
            tensors = extras.get(pname, [])
            vt = value.to(x.dtype) if value is not None else None
            varg = scalar if scalar is not None else t(vt)
            full = [x, None, None] + tensors

            def run(x=x, index=index, full=full, scalar=scalar, vt=vt):
                c = x.clone()
                c[resolve(index, full)] = scalar["f"] if scalar is not None else vt
                return c
            case(cases, f"index_put/{iname}/{pname}", "index_put", [xarg, {"s": spec(index)}, varg] + [t(v) for v in tensors], run)

    def put_case(cid, x, index, value, tensors=()):
        full = [x, None, None] + list(tensors)
        varg = {"f": value} if not isinstance(value, torch.Tensor) else t(value)

        def run():
            c = x.clone()
            c[resolve(index, full)] = value
            return c
        case(cases, cid, "index_put", [t(x), {"s": spec(index)}, varg] + [t(v) for v in tensors], run)

    put_case("index_put/i64/truncates", i64, (0, 1), 2.7)
    put_case("index_put/i64/mask", i64, (Arg(3),), -5.0, [i64 % 3 == 0])
    put_case("index_put/bool/int", bo, (0,), 0.0)
    put_case("index_put/f32/broadcast-row", f32, (Ellipsis,), rq(4))
    put_case("index_put/f32/basic-dtype-cast", f32, (0,), torch.ones(3, 4, dtype=torch.float64))
    put_case("index_put/error/advanced-dtype", f32, (Arg(3),), torch.ones(2, 3, 4, dtype=torch.float64)[:1], [torch.tensor([1])])
    put_case("index_put/error/two-tensors-shape", f32, (Arg(3), Arg(4)), torch.ones(2), [torch.tensor([0, 1]), torch.tensor([2, 0])])
    put_case("index_put/error/shape", f32, (slice(None), 0), torch.ones(3))
    put_case("index_put/error/advanced-shape", f32, (Arg(3),), torch.ones(2, 4), [torch.tensor([0, 1])])
    put_case("index_put/error/out-of-range", f32, (5,), 1.0)
    put_case("index_put/error/tensor-out-of-range", f32, (Arg(3),), 1.0, [torch.tensor([7])])
    put_case("index_put/0d", s0, (), 4.0)
    put_case("index_put/0d-none", s0, (None,), torch.tensor([3.5]))

    # basic indexing gives views (writes show in x), advanced indexing copies (x unchanged)
    for vname, index, tensors in (("int", (0,), []), ("slice", (slice(None), slice(1, 3)), []),
                                  ("none-ellipsis", (None, Ellipsis, 1), []), ("step", (slice(None, None, 2),), []),
                                  ("tensor", (Arg(3),), [torch.tensor([0])]), ("mask", (Arg(3),), [f32 > 0])):
        full = [f32, None, None] + tensors

        def run(index=index, full=full):
            c = f32.clone()
            y = c[resolve(index, full)]
            y[...] = 42.0
            return c
        case(cases, f"index_view_write/{vname}", "index_view_write",
             [t(f32), {"s": spec(index)}, {"f": 42.0}] + [t(v) for v in tensors], run)

    # ---------------------------------------------------------------------------------------------
    # index_select, gather, take
    a = rq(3, 4)
    ai = torch.arange(12).reshape(3, 4)
    at, at_arg = strided(rq(4, 3), [["transpose", 0, 1]])
    for name, x, xarg in (("f32", a, t(a)), ("i64", ai, t(ai)), ("transposed", at, at_arg)):
        for dim, ix in ((0, torch.tensor([2, 0, 2])), (1, torch.tensor([3, 1])), (-1, torch.tensor([0]))):
            case(cases, f"index_select/{name}/dim{dim}", "index_select", [xarg, {"i": dim}, t(ix)],
                 lambda x=x, dim=dim, ix=ix: x.index_select(dim, ix))
    case(cases, "index_select/int32-index", "index_select", [t(a), {"i": 1}, t(torch.tensor([1, 2], dtype=torch.int32))],
         lambda: a.index_select(1, torch.tensor([1, 2], dtype=torch.int32)))
    case(cases, "index_select/empty-index", "index_select", [t(a), {"i": 0}, t(torch.tensor([], dtype=torch.int64))],
         lambda: a.index_select(0, torch.tensor([], dtype=torch.int64)))
    case(cases, "index_select/0d", "index_select", [t(s0), {"i": 0}, t(torch.tensor([0]))],
         lambda: s0.index_select(0, torch.tensor([0])))
    case(cases, "index_select/torch", "torch_index_select", [t(a), {"i": 0}, t(torch.tensor([1]))],
         lambda: torch.index_select(a, 0, torch.tensor([1])))
    case(cases, "index_select/error/out-of-range", "index_select", [t(a), {"i": 0}, t(torch.tensor([3]))],
         lambda: a.index_select(0, torch.tensor([3])))
    case(cases, "index_select/error/negative", "index_select", [t(a), {"i": 0}, t(torch.tensor([-1]))],
         lambda: a.index_select(0, torch.tensor([-1])))
    case(cases, "index_select/error/2d-index", "index_select", [t(a), {"i": 0}, t(torch.tensor([[0]]))],
         lambda: a.index_select(0, torch.tensor([[0]])))
    case(cases, "index_select/error/float-index", "index_select", [t(a), {"i": 0}, t(torch.tensor([0.0]))],
         lambda: a.index_select(0, torch.tensor([0.0])))
    case(cases, "index_select/error/dim", "index_select", [t(a), {"i": 2}, t(torch.tensor([0]))],
         lambda: a.index_select(2, torch.tensor([0])))

    g0 = torch.tensor([[0, 1, 2, 0], [2, 2, 1, 0]])
    g1 = torch.tensor([[3, 0], [1, 1], [0, 2]])
    for name, x, xarg in (("f32", a, t(a)), ("i64", ai, t(ai)), ("transposed", at, at_arg)):
        case(cases, f"gather/{name}/dim0", "gather", [xarg, {"i": 0}, t(g0)], lambda x=x: x.gather(0, g0))
        case(cases, f"gather/{name}/dim-1", "gather", [xarg, {"i": -1}, t(g1)], lambda x=x: x.gather(-1, g1))
    case(cases, "gather/error/out-of-range", "gather", [t(a), {"i": 1}, t(torch.tensor([[4]]))],
         lambda: a.gather(1, torch.tensor([[4]])))
    case(cases, "gather/int32-index", "gather", [t(a), {"i": 1}, t(g1.int())], lambda: a.gather(1, g1.int()))
    case(cases, "gather/error/rank", "gather", [t(a), {"i": 1}, t(torch.tensor([0]))], lambda: a.gather(1, torch.tensor([0])))
    case(cases, "gather/error/size", "gather", [t(a), {"i": 1}, t(torch.zeros(4, 1, dtype=torch.int64))],
         lambda: a.gather(1, torch.zeros(4, 1, dtype=torch.int64)))

    for name, x, xarg in (("f32", a, t(a)), ("i64", ai, t(ai)), ("transposed", at, at_arg)):
        ix = torch.tensor([[0, 11], [-1, 5]])
        case(cases, f"take/{name}", "take", [xarg, t(ix)], lambda x=x, ix=ix: x.take(ix))
    case(cases, "take/empty", "take", [t(a), t(torch.tensor([], dtype=torch.int64))], lambda: a.take(torch.tensor([], dtype=torch.int64)))
    case(cases, "take/error/out-of-range", "take", [t(a), t(torch.tensor([12]))], lambda: a.take(torch.tensor([12])))
    case(cases, "take/error/float-index", "take", [t(a), t(torch.tensor([1.0]))], lambda: a.take(torch.tensor([1.0])))

    # ---------------------------------------------------------------------------------------------
    # scatter, scatter_add, scatter_reduce
    base = torch.zeros(3, 5)
    basei = torch.arange(15).reshape(3, 5)
    src = torch.arange(1, 11, dtype=torch.float32).reshape(2, 5)
    srci = src.long()
    sidx = torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]])
    dup = torch.tensor([[0, 1, 2, 0, 0], [0, 1, 2, 0, 1]])
    for name, x, s in (("f32", base, src), ("i64", basei, srci)):
        case(cases, f"scatter/{name}", "scatter", [t(x), {"i": 0}, t(sidx), t(s)], lambda x=x, s=s: x.scatter(0, sidx, s))
        case(cases, f"scatter_/{name}", "scatter_", [t(x), {"i": 0}, t(sidx), t(s)], lambda x=x, s=s: x.clone().scatter_(0, sidx, s))
        case(cases, f"scatter_value/{name}", "scatter_value", [t(x), {"i": 1}, t(sidx[:, :2]), {"f": 7.0}],
             lambda x=x: x.scatter(1, sidx[:, :2], 7.0))
        case(cases, f"scatter_value_/{name}", "scatter_value_", [t(x), {"i": 1}, t(sidx[:, :2]), {"f": -2.0}],
             lambda x=x: x.clone().scatter_(1, sidx[:, :2], -2.0))
        for reduce in ("add", "multiply"):
            case(cases, f"scatter/{name}/reduce-{reduce}", "scatter_reduce_arg", [t(x), {"i": 0}, t(dup), t(s), {"s": reduce}],
                 lambda x=x, s=s, reduce=reduce: x.scatter(0, dup, s, reduce=reduce))
            case(cases, f"scatter_/{name}/reduce-{reduce}", "scatter_reduce_arg_", [t(x), {"i": 0}, t(dup), t(s), {"s": reduce}],
                 lambda x=x, s=s, reduce=reduce: x.clone().scatter_(0, dup, s, reduce=reduce))
        case(cases, f"scatter_value/{name}/reduce-add", "scatter_value_reduce_arg", [t(x), {"i": 0}, t(dup), {"f": 3.0}, {"s": "add"}],
             lambda x=x: x.scatter(0, dup, 3.0, reduce="add"))
        case(cases, f"scatter_add/{name}", "scatter_add", [t(x), {"i": 0}, t(dup), t(s)], lambda x=x, s=s: x.scatter_add(0, dup, s))
        case(cases, f"scatter_add_/{name}", "scatter_add_", [t(x), {"i": 0}, t(dup), t(s)], lambda x=x, s=s: x.clone().scatter_add_(0, dup, s))
        for reduce in ("sum", "prod", "mean", "amax", "amin"):
            for include_self in (True, False):
                xin = x + 1
                case(cases, f"scatter_reduce/{name}/{reduce}/self-{include_self}", "scatter_reduce",
                     [t(xin), {"i": 0}, t(dup), t(s), {"s": reduce}, {"b": include_self}],
                     lambda xin=xin, s=s, reduce=reduce, include_self=include_self:
                     xin.scatter_reduce(0, dup, s, reduce, include_self=include_self))
        case(cases, f"scatter_reduce_/{name}/amax", "scatter_reduce_", [t(x), {"i": 1}, t(dup), t(s), {"s": "amax"}, {"b": True}],
             lambda x=x, s=s: x.clone().scatter_reduce_(1, dup, s, "amax"))
    sc_t, sc_arg = strided(torch.zeros(5, 3), [["transpose", 0, 1]])
    case(cases, "scatter_add/transposed", "scatter_add", [sc_arg, {"i": 1}, t(dup), t(src)], lambda: sc_t.scatter_add(1, dup, src))
    case(cases, "scatter/error/out-of-range", "scatter", [t(base), {"i": 0}, t(torch.tensor([[3]])), t(src)],
         lambda: base.scatter(0, torch.tensor([[3]]), src))
    case(cases, "scatter/error/dtype", "scatter", [t(base), {"i": 0}, t(sidx), t(srci)], lambda: base.scatter(0, sidx, srci))
    case(cases, "scatter/error/bad-reduce", "scatter_reduce_arg", [t(base), {"i": 0}, t(sidx), t(src), {"s": "max"}],
         lambda: base.scatter(0, sidx, src, reduce="max"))
    case(cases, "scatter_reduce/error/bad-reduce", "scatter_reduce", [t(base), {"i": 0}, t(sidx), t(src), {"s": "add"}, {"b": True}],
         lambda: base.scatter_reduce(0, sidx, src, "add"))
    case(cases, "scatter_add/int32-index", "scatter_add", [t(base), {"i": 0}, t(sidx.int()), t(src)],
         lambda: base.scatter_add(0, sidx.int(), src))

    # ---------------------------------------------------------------------------------------------
    # masked_select, masked_fill
    mask = a > 0
    row_mask = torch.tensor([True, False, False, True])
    for name, x, xarg in (("f32", a, t(a)), ("i64", ai, t(ai)), ("transposed", at, at_arg)):
        case(cases, f"masked_select/{name}", "masked_select", [xarg, t(mask)], lambda x=x: x.masked_select(mask))
        case(cases, f"masked_select/{name}/broadcast", "masked_select", [xarg, t(row_mask)], lambda x=x: x.masked_select(row_mask))
        case(cases, f"masked_fill/{name}", "masked_fill", [xarg, t(mask), {"f": -1.5}], lambda x=x: x.masked_fill(mask, -1.5))
        case(cases, f"masked_fill/{name}/broadcast", "masked_fill", [xarg, t(row_mask), {"f": 9.0}], lambda x=x: x.masked_fill(row_mask, 9.0))
        case(cases, f"masked_fill_/{name}", "masked_fill_", [xarg, t(mask), {"f": 0.0}], lambda x=x: x.clone().masked_fill_(mask, 0.0))
        case(cases, f"masked_fill/{name}/tensor", "masked_fill_tensor", [xarg, t(mask), t(torch.tensor(3))],
             lambda x=x: x.masked_fill(mask, torch.tensor(3)))
    case(cases, "masked_fill/bool", "masked_fill", [t(bo), t(bo), {"f": 0.0}], lambda: bo.masked_fill(bo, 0.0))
    case(cases, "masked_fill/nan", "masked_fill", [t(a), t(mask), {"f": "nan"}], lambda: a.masked_fill(mask, float("nan")))
    case(cases, "masked_select/empty", "masked_select", [t(e), t(torch.zeros(0, 3, dtype=torch.bool))],
         lambda: e.masked_select(torch.zeros(0, 3, dtype=torch.bool)))
    case(cases, "masked_select/error/not-bool", "masked_select", [t(a), t(mask.long())], lambda: a.masked_select(mask.long()))
    case(cases, "masked_select/error/shape", "masked_select", [t(a), t(torch.tensor([True, False]))],
         lambda: a.masked_select(torch.tensor([True, False])))
    case(cases, "masked_fill/error/value-not-0d", "masked_fill_tensor", [t(a), t(mask), t(torch.ones(2))],
         lambda: a.masked_fill(mask, torch.ones(2)))
    case(cases, "masked_fill/error/not-bool", "masked_fill", [t(a), t(mask.float()), {"f": 1.0}], lambda: a.masked_fill(mask.float(), 1.0))

    # ---------------------------------------------------------------------------------------------
    # nonzero, argwhere
    nz = torch.tensor([[0.0, 1.5, 0.0], [float("nan"), 0.0, -2.0]])
    for name, x in (("f32", nz), ("i64", torch.tensor([0, 3, 0, -1])), ("bool", bo), ("0d", torch.tensor(5)),
                    ("0d-zero", torch.tensor(0.0)), ("empty", e), ("all-zero", torch.zeros(2, 2))):
        case(cases, f"nonzero/{name}", "nonzero", [t(x)], lambda x=x: x.nonzero())
        case(cases, f"nonzero_tuple/{name}", "nonzero_tuple", [t(x)], lambda x=x: x.nonzero(as_tuple=True))
    case(cases, "nonzero/transposed", "nonzero", [at_arg], lambda: at.nonzero())
    case(cases, "argwhere/f32", "argwhere", [t(nz)], lambda: torch.argwhere(nz))

    # ---------------------------------------------------------------------------------------------
    # index_add, index_fill, index_copy
    ia_idx = torch.tensor([0, 2, 0])
    for name, x, s in (("f32", a, rq(3, 3)), ("i64", ai, torch.arange(9).reshape(3, 3))):
        for alpha in (1.0, 2.0):
            case(cases, f"index_add/{name}/alpha{alpha}", "index_add", [t(x), {"i": 1}, t(ia_idx), t(s), {"f": alpha}],
                 lambda x=x, s=s, alpha=alpha: x.index_add(1, ia_idx, s, alpha=alpha))
        case(cases, f"index_add_/{name}", "index_add_", [t(x), {"i": 0}, t(ia_idx), t(s[:, :1].expand(3, 4).contiguous()), {"f": 1.0}],
             lambda x=x, s=s: x.clone().index_add_(0, ia_idx, s[:, :1].expand(3, 4).contiguous()))
    case(cases, "index_add/transposed", "index_add", [at_arg, {"i": -1}, t(ia_idx), t(torch.ones(3, 3)), {"f": 0.5}],
         lambda: at.index_add(-1, ia_idx, torch.ones(3, 3), alpha=0.5))
    case(cases, "index_add/error/shape", "index_add", [t(a), {"i": 1}, t(ia_idx), t(torch.ones(3, 2)), {"f": 1.0}],
         lambda: a.index_add(1, ia_idx, torch.ones(3, 2)))
    case(cases, "index_add/error/out-of-range", "index_add", [t(a), {"i": 0}, t(torch.tensor([3])), t(torch.ones(1, 4)), {"f": 1.0}],
         lambda: a.index_add(0, torch.tensor([3]), torch.ones(1, 4)))
    case(cases, "index_add/error/dtype", "index_add", [t(a), {"i": 0}, t(torch.tensor([0])), t(torch.ones(1, 4, dtype=torch.float64)), {"f": 1.0}],
         lambda: a.index_add(0, torch.tensor([0]), torch.ones(1, 4, dtype=torch.float64)))
    case(cases, "index_fill/f32", "index_fill", [t(a), {"i": 1}, t(torch.tensor([0, 3])), {"f": -7.0}],
         lambda: a.index_fill(1, torch.tensor([0, 3]), -7.0))
    case(cases, "index_fill/i64-neg", "index_fill", [t(ai), {"i": 0}, t(torch.tensor([-1])), {"f": 0.0}],
         lambda: ai.index_fill(0, torch.tensor([-1]), 0.0))
    case(cases, "index_copy/f32", "index_copy", [t(a), {"i": 0}, t(torch.tensor([2, 0])), t(torch.ones(2, 4))],
         lambda: a.index_copy(0, torch.tensor([2, 0]), torch.ones(2, 4)))
    case(cases, "index_copy/error/shape", "index_copy", [t(a), {"i": 0}, t(torch.tensor([2, 0])), t(torch.ones(2, 3))],
         lambda: a.index_copy(0, torch.tensor([2, 0]), torch.ones(2, 3)))

    write("indexing", cases)


if __name__ == "__main__":
    main()
