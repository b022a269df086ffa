#!/usr/bin/env python3
"""Parity cases for the pointwise ops: unary math, binary arithmetic (tensor, int and float
scalars, in place), rounding modes, comparisons, logical and bitwise ops, clamp, lerp, isclose,
nan_to_num, where, fill_.

Writes java-api/src/test/resources/golden/parity/pointwise.json; format in golden_common.py.
Op names: "<op>" takes tensors, "<op>.l" an integral scalar (a Java long, a Python int), "<op>.d"
a floating scalar (a Java double, a Python float); a trailing "_" is the in-place form.
"""
import torch

from golden_common import case
from parity_a import (rnd, B, F, I, INF, INTS, NAN, NONE, S, T, bools, ints, opt_f, opt_t,
                      special_floats, stepped, ties_float, transposed, write)

UNARY = {
    "neg": torch.neg, "abs": torch.abs, "sign": torch.sign, "sqrt": torch.sqrt,
    "rsqrt": torch.rsqrt, "exp": torch.exp, "expm1": torch.expm1, "log": torch.log,
    "log1p": torch.log1p, "log2": torch.log2, "log10": torch.log10, "sin": torch.sin,
    "cos": torch.cos, "tan": torch.tan, "asin": torch.asin, "acos": torch.acos,
    "atan": torch.atan, "sinh": torch.sinh, "cosh": torch.cosh, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid, "ceil": torch.ceil, "floor": torch.floor, "round": torch.round,
    "trunc": torch.trunc, "frac": torch.frac, "reciprocal": torch.reciprocal,
    "logicalNot": torch.logical_not, "bitwiseNot": torch.bitwise_not, "isnan": torch.isnan,
    "isinf": torch.isinf, "isfinite": torch.isfinite,
}
NO_INPLACE = {"isnan", "isinf", "isfinite"}
UNIT_DOMAIN = {"asin", "acos", "atan", "log1p", "sqrt", "rsqrt", "log", "sigmoid", "tanh"}

BINARY = {
    "add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div,
    "trueDivide": torch.true_divide, "floorDivide": torch.floor_divide,
    "remainder": torch.remainder, "pow": torch.pow, "atan2": torch.atan2,
    "bitwiseAnd": torch.bitwise_and, "bitwiseOr": torch.bitwise_or,
    "bitwiseXor": torch.bitwise_xor, "bitwiseLeftShift": torch.bitwise_left_shift,
    "bitwiseRightShift": torch.bitwise_right_shift, "logicalAnd": torch.logical_and,
    "logicalOr": torch.logical_or, "logicalXor": torch.logical_xor, "maximum": torch.maximum,
    "minimum": torch.minimum, "eq": torch.eq, "ne": torch.ne, "lt": torch.lt, "le": torch.le,
    "gt": torch.gt, "ge": torch.ge,
}
# the ops that run on every input pair; the others skip a few pairs whose promotion rules the
# arithmetic ops already cover
ARITHMETIC = {"add", "sub", "mul", "div", "trueDivide", "floorDivide", "remainder", "pow", "atan2"}
ARITHMETIC_ONLY_INPUTS = {"bool-i64", "i32-0d-i64", "empty", "0d"}
# which scalar forms (l: Python int, d: Python float) and in-place forms exist in Java
SCALARS = {
    "add": "ld", "sub": "ld", "mul": "ld", "div": "ld", "trueDivide": "ld", "floorDivide": "ld",
    "remainder": "ld", "pow": "ld", "bitwiseAnd": "l", "bitwiseOr": "l", "bitwiseXor": "l",
    "bitwiseLeftShift": "l", "bitwiseRightShift": "l", "eq": "ld", "ne": "ld", "lt": "ld",
    "le": "ld", "gt": "ld", "ge": "ld",
}
INPLACE = {"add", "sub", "mul", "div", "trueDivide", "floorDivide", "remainder", "pow", "atan2",
           "bitwiseAnd", "bitwiseOr", "bitwiseXor", "bitwiseLeftShift", "bitwiseRightShift",
           "logicalAnd", "logicalOr", "logicalXor"}
INPLACE_METHOD = {"trueDivide": "true_divide_", "floorDivide": "floor_divide_",
                  "bitwiseAnd": "bitwise_and_", "bitwiseOr": "bitwise_or_",
                  "bitwiseXor": "bitwise_xor_", "bitwiseLeftShift": "bitwise_left_shift_",
                  "bitwiseRightShift": "bitwise_right_shift_", "logicalAnd": "logical_and_",
                  "logicalOr": "logical_or_", "logicalXor": "logical_xor_"}


def inplace(name):
    return INPLACE_METHOD.get(name, name + "_")


def unary_inputs():
    torch.manual_seed(7)
    sf = special_floats()
    xt, xt_arg = transposed(rnd(4, 3) * 2)
    xs, xs_arg = stepped(rnd(3, 8) * 2)
    unit = torch.tensor([-1.0, -0.6, -0.2, 0.0, 0.2, 0.6, 1.0, 1.5])  # asin/acos domain edges
    return [
        ("f32-special", sf, T(sf)),
        ("f64-special", special_floats(torch.float64), T(special_floats(torch.float64))),
        ("f32-unit", unit, T(unit)),
        ("i64", ints(), T(ints())),
        ("i32", ints(torch.int32), T(ints(torch.int32))),
        ("bool", bools(), T(bools())),
        ("0d", torch.tensor(0.7), T(torch.tensor(0.7))),
        ("empty", torch.zeros(0, 3), T(torch.zeros(0, 3))),
        ("transposed", xt, xt_arg),
        ("stepped", xs, xs_arg),
    ]


def binary_inputs():
    torch.manual_seed(11)
    a = rnd(3, 4) * 3
    b = rnd(3, 4) * 3
    row = torch.tensor([1.5, -2.0, 0.5, 3.0])
    ia = ints()
    ib = torch.tensor([[2, -3, 4, 5], [-1, 3, 2, -2], [7, 2, -5, 1]])
    at, at_arg = transposed(rnd(4, 3) * 3)
    bs, bs_arg = stepped(rnd(3, 8) * 3)
    fs = special_floats(torch.float64)
    fz = torch.tensor(2.0)
    return [
        ("f32", a, T(a), b, T(b)),
        ("f32-bcast-row", a, T(a), row, T(row)),
        ("i64", ia, T(ia), ib, T(ib)),
        ("i32-i64", ia.int(), T(ia.int()), ib, T(ib)),
        ("i64-f32", ia, T(ia), b, T(b)),
        ("bool", bools(), T(bools()), bools().t().reshape(3, 4), T(bools().t().reshape(3, 4))),
        ("bool-i64", bools(), T(bools()), ib, T(ib)),
        ("f64special-f32scalar0d", fs, T(fs), fz, T(fz)),
        ("i32-0d-i64", ia.int(), T(ia.int()), torch.tensor(3), T(torch.tensor(3))),
        ("strided", at, at_arg, bs, bs_arg),
        ("empty", torch.zeros(0, 4), T(torch.zeros(0, 4)), row, T(row)),
        ("0d", torch.tensor(-4.5), T(torch.tensor(-4.5)), torch.tensor(2.0), T(torch.tensor(2.0))),
        ("no-broadcast", a, T(a), torch.ones(3), T(torch.ones(3))),
    ]


def main():
    cases = []

    # unary ops, out of place on every input, in place on float32 (and on int, where it fails)
    for name, fn in UNARY.items():
        for iname, x, arg in unary_inputs():
            if iname == "f32-unit" and name not in UNIT_DOMAIN:
                continue
            case(cases, f"{name}/{iname}", name, [arg], lambda: fn(x))
        if name not in NO_INPLACE:
            m = {"logicalNot": "logical_not_", "bitwiseNot": "bitwise_not_"}.get(name, name + "_")
            sf = special_floats()
            case(cases, f"{name}_/f32", name + "_", [T(sf)], lambda: getattr(sf.clone(), m)())
            ia = ints()
            case(cases, f"{name}_/i64", name + "_", [T(ia)], lambda: getattr(ia.clone(), m)())

    # round with decimals
    r = torch.tensor([1.2345, -2.5678, 15.5, 25.0, 0.125, -0.005, NAN, 1234.5678])
    for dec in (0, 1, 2, -1, -2):
        case(cases, f"round.decimals/{dec}", "round.decimals", [T(r), I(dec)], lambda: torch.round(r, decimals=dec))
        case(cases, f"round_.decimals/{dec}", "round_.decimals", [T(r), I(dec)], lambda: r.clone().round_(decimals=dec))
    case(cases, "round.decimals/f64", "round.decimals", [T(r.double()), I(3)], lambda: torch.round(r.double(), decimals=3))
    case(cases, "round.decimals/i64", "round.decimals", [T(ints()), I(1)], lambda: torch.round(ints(), decimals=1))

    # binary ops
    for name, fn in BINARY.items():
        for iname, x, xa, y, ya in binary_inputs():
            if name not in ARITHMETIC and iname in ARITHMETIC_ONLY_INPUTS:
                continue
            case(cases, f"{name}/{iname}", name, [xa, ya], lambda: fn(x, y))
        for kind in SCALARS.get(name, ""):
            for iname, x in (("f32", special_floats()), ("i64", ints()), ("bool", bools()), ("i32", ints(torch.int32))):
                for v in ((3, -2, 0) if kind == "l" and iname == "i64" else (3,) if kind == "l" else (2.5, -0.5)):
                    if kind == "l" and name.startswith("bitwise") and "Shift" in name and v < 0:
                        continue
                    pv = int(v) if kind == "l" else float(v)
                    arg = I(v) if kind == "l" else F(v)
                    case(cases, f"{name}.{kind}/{iname}/{v}", f"{name}.{kind}", [T(x), arg], lambda: fn(x, pv))
        if name in INPLACE:
            m = inplace(name)
            a = torch.tensor([[1.5, -2.0, 3.25], [4.0, -0.5, 6.0]])
            b = torch.tensor([2.0, -4.0, 0.5])
            ia = torch.tensor([[6, -7, 8], [9, 10, -11]])
            ib = torch.tensor([2, 3, -4])
            if name.startswith("bitwise") or name.startswith("logical"):
                case(cases, f"{name}_/i64", name + "_", [T(ia), T(ib)], lambda: getattr(ia.clone(), m)(ib))
                case(cases, f"{name}_/bool", name + "_", [T(bools()), T(bools()[0])], lambda: getattr(bools(), m)(bools()[0]))
                case(cases, f"{name}_/f32-fails" if name.startswith("bitwise") else f"{name}_/f32", name + "_",
                     [T(a), T(b)], lambda: getattr(a.clone(), m)(b))
            else:
                case(cases, f"{name}_/f32", name + "_", [T(a), T(b)], lambda: getattr(a.clone(), m)(b))
                case(cases, f"{name}_/i64", name + "_", [T(ia), T(ib)], lambda: getattr(ia.clone(), m)(ib))
                # the result must fit self: int64 self with a float32 other
                case(cases, f"{name}_/i64-f32", name + "_", [T(ia), T(b)], lambda: getattr(ia.clone(), m)(b))
                # self cannot grow by broadcasting
                case(cases, f"{name}_/grow", name + "_", [T(b), T(a)], lambda: getattr(b.clone(), m)(a))
            for kind in SCALARS.get(name, ""):
                v = 3 if kind == "l" else 2.5
                pv = int(v) if kind == "l" else float(v)
                arg = I(v) if kind == "l" else F(v)
                case(cases, f"{name}_.{kind}/f32", f"{name}_.{kind}", [T(a), arg], lambda: getattr(a.clone(), m)(pv))
                case(cases, f"{name}_.{kind}/i64", f"{name}_.{kind}", [T(ia), arg], lambda: getattr(ia.clone(), m)(pv))

    # integer division by zero, and negative powers of integers
    z = torch.tensor([[1, 0], [3, 4]])
    iz = torch.tensor([[5, -5], [7, 8]])
    case(cases, "floorDivide/i64-by-zero", "floorDivide", [T(iz), T(z)], lambda: torch.floor_divide(iz, z))
    case(cases, "remainder/i64-by-zero", "remainder", [T(iz), T(z)], lambda: torch.remainder(iz, z))
    case(cases, "div/i64-by-zero", "div", [T(iz), T(z)], lambda: torch.div(iz, z))
    case(cases, "pow.l/i64-negative", "pow.l", [T(iz), I(-1)], lambda: torch.pow(iz, -1))
    case(cases, "pow/i64-negative-tensor", "pow", [T(iz), T(torch.tensor([-1, 2]))], lambda: torch.pow(iz, torch.tensor([-1, 2])))

    # add / sub with alpha
    a = torch.tensor([[1.5, -2.0, 3.25], [4.0, -0.5, 6.0]])
    b = torch.tensor([2.0, -4.0, 0.5])
    ia = torch.tensor([[6, -7, 8], [9, 10, -11]])
    ib = torch.tensor([2, 3, -4])
    for op in ("add", "sub"):
        fn = BINARY[op]
        case(cases, f"{op}.alpha.d/f32", f"{op}.alpha.d", [T(a), T(b), F(0.5)], lambda: fn(a, b, alpha=0.5))
        case(cases, f"{op}.alpha.l/i64", f"{op}.alpha.l", [T(ia), T(ib), I(3)], lambda: fn(ia, ib, alpha=3))
        case(cases, f"{op}.alpha.d/i64-fails", f"{op}.alpha.d", [T(ia), T(ib), F(0.5)], lambda: fn(ia, ib, alpha=0.5))
        case(cases, f"{op}_.alpha.d/f32", f"{op}_.alpha.d", [T(a), T(b), F(-2.0)], lambda: getattr(a.clone(), op + "_")(b, alpha=-2.0))
        case(cases, f"{op}_.alpha.l/i64", f"{op}_.alpha.l", [T(ia), T(ib), I(-2)], lambda: getattr(ia.clone(), op + "_")(ib, alpha=-2))
    case(cases, "sub/bool-bool", "sub", [T(bools()), T(bools())], lambda: torch.sub(bools(), bools()))

    # div with rounding modes
    fa = torch.tensor([[7.5, -7.5, 3.0], [-0.5, 9.0, -11.25]])
    fb = torch.tensor([2.0, 2.0, -0.75])
    na = torch.tensor([[7, -7, 9], [-1, 10, -11]])
    nb = torch.tensor([2, 2, -4])
    for mode in (None, "trunc", "floor"):
        mk = NONE if mode is None else S(mode)
        tag = str(mode)
        case(cases, f"div.mode/f32/{tag}", "div.mode", [T(fa), T(fb), mk], lambda: torch.div(fa, fb, rounding_mode=mode))
        case(cases, f"div.mode/i64/{tag}", "div.mode", [T(na), T(nb), mk], lambda: torch.div(na, nb, rounding_mode=mode))
        case(cases, f"div.mode/i32-i64/{tag}", "div.mode", [T(na.int()), T(nb), mk], lambda: torch.div(na.int(), nb, rounding_mode=mode))
        case(cases, f"div.mode/special/{tag}", "div.mode", [T(special_floats()), T(torch.tensor([2.0, -2.0, 0.0, 0.5])), mk],
             lambda: torch.div(special_floats(), torch.tensor([2.0, -2.0, 0.0, 0.5]), rounding_mode=mode))
        case(cases, f"div.mode.l/i64/{tag}", "div.mode.l", [T(na), I(-3), mk], lambda: torch.div(na, -3, rounding_mode=mode))
        case(cases, f"div.mode.d/i64/{tag}", "div.mode.d", [T(na), F(2.5), mk], lambda: torch.div(na, 2.5, rounding_mode=mode))
        case(cases, f"div.mode.l/f32/{tag}", "div.mode.l", [T(fa), I(4), mk], lambda: torch.div(fa, 4, rounding_mode=mode))
        case(cases, f"div_.mode/f32/{tag}", "div_.mode", [T(fa), T(fb), mk], lambda: fa.clone().div_(fb, rounding_mode=mode))
        case(cases, f"div_.mode/i64/{tag}", "div_.mode", [T(na), T(nb), mk], lambda: na.clone().div_(nb, rounding_mode=mode))
        case(cases, f"div_.mode.l/i64/{tag}", "div_.mode.l", [T(na), I(3), mk], lambda: na.clone().div_(3, rounding_mode=mode))
        case(cases, f"div_.mode.d/f32/{tag}", "div_.mode.d", [T(fa), F(-1.5), mk], lambda: fa.clone().div_(-1.5, rounding_mode=mode))
    case(cases, "div.mode/i64-by-zero/trunc", "div.mode", [T(iz), T(z), S("trunc")], lambda: torch.div(iz, z, rounding_mode="trunc"))
    case(cases, "div.mode/i64-by-zero/floor", "div.mode", [T(iz), T(z), S("floor")], lambda: torch.div(iz, z, rounding_mode="floor"))
    case(cases, "div.mode/bad-mode", "div.mode", [T(fa), T(fb), S("round")], lambda: torch.div(fa, fb, rounding_mode="round"))
    case(cases, "div.mode/no-broadcast", "div.mode", [T(fa), T(torch.ones(2)), S("floor")], lambda: torch.div(fa, torch.ones(2), rounding_mode="floor"))

    # reverse-scalar pow: torch.pow(scalar, tensor)
    e = torch.tensor([[0.0, 1.0, -1.0], [2.5, 0.5, 3.0]])
    ie = torch.tensor([0, 1, 2, 5])
    case(cases, "pow.scalarBase.d/f32", "pow.scalarBase.d", [F(2.0), T(e)], lambda: torch.pow(2.0, e))
    case(cases, "pow.scalarBase.l/i64", "pow.scalarBase.l", [I(3), T(ie)], lambda: torch.pow(3, ie))
    case(cases, "pow.scalarBase.d/i64", "pow.scalarBase.d", [F(1.5), T(ie)], lambda: torch.pow(1.5, ie))
    case(cases, "pow.scalarBase.l/f64", "pow.scalarBase.l", [I(2), T(e.double())], lambda: torch.pow(2, e.double()))

    # clamp
    sf = special_floats()
    ia = ints()
    for lo, hi in ((-1.0, 1.0), (None, 0.5), (-0.25, None), (2.0, -2.0)):
        tag = f"{lo}:{hi}"
        case(cases, f"clamp/f32/{tag}", "clamp", [T(sf), opt_f(lo), opt_f(hi)], lambda: torch.clamp(sf, lo, hi))
        case(cases, f"clamp/i64/{tag}", "clamp", [T(ia), opt_f(lo), opt_f(hi)], lambda: torch.clamp(ia, lo, hi))
        case(cases, f"clamp_/f32/{tag}", "clamp_", [T(sf), opt_f(lo), opt_f(hi)], lambda: sf.clone().clamp_(lo, hi))
    case(cases, "clamp/none-none", "clamp", [T(sf), NONE, NONE], lambda: torch.clamp(sf, None, None))
    case(cases, "clamp/f64", "clamp", [T(sf.double()), F(-1.0), F(1.0)], lambda: torch.clamp(sf.double(), -1.0, 1.0))
    case(cases, "clamp_/i64-float-bounds", "clamp_", [T(ia), F(-1.5), F(1.5)], lambda: ia.clone().clamp_(-1.5, 1.5))
    for lo, hi in ((-2, 4), (5, 1)):
        case(cases, f"clamp.l/i64/{lo}:{hi}", "clamp.l", [T(ia), I(lo), I(hi)], lambda: torch.clamp(ia, lo, hi))
        case(cases, f"clamp.l/i32/{lo}:{hi}", "clamp.l", [T(ia.int()), I(lo), I(hi)], lambda: torch.clamp(ia.int(), lo, hi))
        case(cases, f"clamp.l/f32/{lo}:{hi}", "clamp.l", [T(sf), I(lo), I(hi)], lambda: torch.clamp(sf, lo, hi))
        case(cases, f"clamp_.l/i64/{lo}:{hi}", "clamp_.l", [T(ia), I(lo), I(hi)], lambda: ia.clone().clamp_(lo, hi))
    tlo = torch.tensor([-1.0, 0.0, -2.0, 1.0])
    thi = torch.tensor([[1.0], [2.0], [0.5]])
    for lo, hi, tag in ((tlo, thi, "both"), (tlo, None, "min"), (None, thi, "max")):
        case(cases, f"clamp.t/f32/{tag}", "clamp.t", [T(sf), opt_t(lo), opt_t(hi)], lambda: torch.clamp(sf, lo, hi))
        case(cases, f"clamp_.t/f32/{tag}", "clamp_.t", [T(sf), opt_t(lo), opt_t(hi)], lambda: sf.clone().clamp_(lo, hi))
    case(cases, "clamp.t/i64-f32", "clamp.t", [T(ia), T(tlo), NONE], lambda: torch.clamp(ia, tlo, None))
    case(cases, "clamp.t/no-broadcast", "clamp.t", [T(sf), T(torch.zeros(3)), NONE], lambda: torch.clamp(sf, torch.zeros(3), None))
    case(cases, "clamp.t/none-none", "clamp.t", [T(sf), NONE, NONE], lambda: torch.clamp(sf, None, None))
    for v, kind in ((0.5, "d"), (2, "l")):
        arg = F(v) if kind == "d" else I(v)
        case(cases, f"clampMin.{kind}/f32", f"clampMin.{kind}", [T(sf), arg], lambda: torch.clamp_min(sf, v))
        case(cases, f"clampMin.{kind}/i64", f"clampMin.{kind}", [T(ia), arg], lambda: torch.clamp_min(ia, v))
        case(cases, f"clampMax.{kind}/f32", f"clampMax.{kind}", [T(sf), arg], lambda: torch.clamp_max(sf, v))
        case(cases, f"clampMax.{kind}/i64", f"clampMax.{kind}", [T(ia), arg], lambda: torch.clamp_max(ia, v))
    xt, xt_arg = transposed(torch.arange(12.0).reshape(4, 3) - 6)
    case(cases, "clamp/transposed", "clamp", [xt_arg, F(-2.0), F(3.0)], lambda: torch.clamp(xt, -2.0, 3.0))

    # lerp
    torch.manual_seed(3)
    s0 = rnd(2, 3)
    e0 = rnd(2, 3)
    w = torch.tensor([0.0, 0.5, 1.5])
    for wv in (0.0, 0.25, 1.0, -0.5):
        case(cases, f"lerp.d/f32/{wv}", "lerp.d", [T(s0), T(e0), F(wv)], lambda: torch.lerp(s0, e0, wv))
    case(cases, "lerp.d/f64", "lerp.d", [T(s0.double()), T(e0.double()), F(0.3)], lambda: torch.lerp(s0.double(), e0.double(), 0.3))
    case(cases, "lerp.d/bcast", "lerp.d", [T(s0), T(e0[0]), F(0.3)], lambda: torch.lerp(s0, e0[0], 0.3))
    case(cases, "lerp.t/f32", "lerp.t", [T(s0), T(e0), T(w)], lambda: torch.lerp(s0, e0, w))
    case(cases, "lerp.t/nan", "lerp.t", [T(special_floats()), T(torch.zeros(3, 4)), T(torch.tensor(0.5))],
         lambda: torch.lerp(special_floats(), torch.zeros(3, 4), torch.tensor(0.5)))
    case(cases, "lerp.d/i64-fails", "lerp.d", [T(ints()), T(ints()), F(0.5)], lambda: torch.lerp(ints(), ints(), 0.5))
    case(cases, "lerp.d/mixed-dtype-fails", "lerp.d", [T(s0), T(e0.double()), F(0.5)], lambda: torch.lerp(s0, e0.double(), 0.5))
    case(cases, "lerp_.d/f32", "lerp_.d", [T(s0), T(e0), F(0.75)], lambda: s0.clone().lerp_(e0, 0.75))
    case(cases, "lerp_.t/f32", "lerp_.t", [T(s0), T(e0), T(w)], lambda: s0.clone().lerp_(e0, w))

    # addcmul / addcdiv (no RNG draws: the later cases keep their inputs)
    d0 = e0.abs() + 0.5
    case(cases, "addcmul/f32", "addcmul", [T(s0), T(e0), T(d0), F(0.5)], lambda: torch.addcmul(s0, e0, d0, value=0.5))
    case(cases, "addcmul/bcast", "addcmul", [T(s0), T(e0[0]), T(d0[:, :1]), F(-2.0)], lambda: torch.addcmul(s0, e0[0], d0[:, :1], value=-2.0))
    case(cases, "addcmul/f64", "addcmul", [T(s0.double()), T(e0.double()), T(d0.double()), F(1e-3)],
         lambda: torch.addcmul(s0.double(), e0.double(), d0.double(), value=1e-3))
    case(cases, "addcmul/shape-fails", "addcmul", [T(s0), T(torch.ones(4)), T(d0), F(1.0)], lambda: torch.addcmul(s0, torch.ones(4), d0))
    case(cases, "addcmul_/f32", "addcmul_", [T(s0), T(e0), T(d0), F(0.25)], lambda: s0.clone().addcmul_(e0, d0, value=0.25))
    case(cases, "addcdiv/f32", "addcdiv", [T(s0), T(e0), T(d0), F(0.5)], lambda: torch.addcdiv(s0, e0, d0, value=0.5))
    case(cases, "addcdiv/zero-div", "addcdiv", [T(s0), T(e0), T(torch.zeros(2, 3)), F(1.0)], lambda: torch.addcdiv(s0, e0, torch.zeros(2, 3)))
    case(cases, "addcdiv/int-fails", "addcdiv", [T(ints()), T(ints()), T(ints()), F(1.0)], lambda: torch.addcdiv(ints(), ints(), ints()))
    case(cases, "addcdiv_/f32", "addcdiv_", [T(s0), T(e0), T(d0), F(-1.5)], lambda: s0.clone().addcdiv_(e0, d0, value=-1.5))

    # isclose / allclose / equal
    p = torch.tensor([1.0, 1.0 + 1e-6, 1.0 + 1e-4, NAN, INF, -INF, 0.0, 1e-9])
    q = torch.tensor([1.0, 1.0, 1.0, NAN, INF, INF, 1e-9, 0.0])
    case(cases, "isclose/default", "isclose", [T(p), T(q)], lambda: torch.isclose(p, q))
    case(cases, "isclose/default-f64", "isclose", [T(p.double()), T(q.double())], lambda: torch.isclose(p.double(), q.double()))
    for rtol, atol, en in ((1e-3, 0.0, False), (0.0, 1e-8, True), (0.0, 0.0, True)):
        case(cases, f"isclose.tol/{rtol}/{atol}/{en}", "isclose.tol", [T(p), T(q), F(rtol), F(atol), B(en)],
             lambda: torch.isclose(p, q, rtol=rtol, atol=atol, equal_nan=en))
    case(cases, "isclose/i64", "isclose", [T(ints()), T(ints().flip(0))], lambda: torch.isclose(ints(), ints().flip(0)))
    case(cases, "isclose/bcast", "isclose", [T(torch.ones(3, 4)), T(torch.ones(4))], lambda: torch.isclose(torch.ones(3, 4), torch.ones(4)))
    case(cases, "isclose/dtype-mismatch", "isclose", [T(p), T(q.double())], lambda: torch.isclose(p, q.double()))
    case(cases, "isclose/bool", "isclose", [T(bools()), T(bools().flip(1))], lambda: torch.isclose(bools(), bools().flip(1)))
    fin = torch.tensor([1.0, 2.0, 3.0])
    case(cases, "allclose/true", "allclose", [T(fin), T(fin + 1e-7)], lambda: torch.allclose(fin, fin + 1e-7))
    case(cases, "allclose/false", "allclose", [T(fin), T(fin + 1e-3)], lambda: torch.allclose(fin, fin + 1e-3))
    case(cases, "allclose/nan", "allclose", [T(p), T(p)], lambda: torch.allclose(p, p))
    case(cases, "allclose.tol/nan-equal", "allclose.tol", [T(p), T(p), F(1e-5), F(1e-8), B(True)], lambda: torch.allclose(p, p, 1e-5, 1e-8, True))
    case(cases, "allclose.tol/loose", "allclose.tol", [T(fin), T(fin + 1e-3), F(1e-2), F(0.0), B(False)], lambda: torch.allclose(fin, fin + 1e-3, 1e-2, 0.0))
    case(cases, "allclose/no-broadcast", "allclose", [T(fin), T(torch.ones(2))], lambda: torch.allclose(fin, torch.ones(2)))
    case(cases, "equal/same", "equal", [T(ints()), T(ints())], lambda: torch.equal(ints(), ints()))
    case(cases, "equal/different", "equal", [T(ints()), T(ints() + 1)], lambda: torch.equal(ints(), ints() + 1))
    case(cases, "equal/shape", "equal", [T(fin), T(fin.reshape(3, 1))], lambda: torch.equal(fin, fin.reshape(3, 1)))
    case(cases, "equal/nan", "equal", [T(p), T(p)], lambda: torch.equal(p, p))

    # nan_to_num
    for dt in (torch.float32, torch.float64):
        x = special_floats(dt)
        tag = "f32" if dt == torch.float32 else "f64"
        case(cases, f"nanToNum/{tag}", "nanToNum", [T(x)], lambda: torch.nan_to_num(x))
        for n, pi, ni in ((0.5, None, None), (None, 100.0, -100.0), (-1.0, 1e30, None)):
            case(cases, f"nanToNum.vals/{tag}/{n}/{pi}/{ni}", "nanToNum.vals", [T(x), opt_f(n), opt_f(pi), opt_f(ni)],
                 lambda: torch.nan_to_num(x, n, pi, ni))
        case(cases, f"nanToNum_/{tag}", "nanToNum_", [T(x)], lambda: x.clone().nan_to_num_())
        case(cases, f"nanToNum_.vals/{tag}", "nanToNum_.vals", [T(x), F(9.0), F(8.0), F(-8.0)], lambda: x.clone().nan_to_num_(9.0, 8.0, -8.0))
    case(cases, "nanToNum/i64", "nanToNum", [T(ints())], lambda: torch.nan_to_num(ints()))
    case(cases, "nanToNum/bool", "nanToNum", [T(bools())], lambda: torch.nan_to_num(bools()))

    # where
    c = torch.tensor([[True, False, True], [False, True, False]])
    wx = torch.tensor([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]])
    wy = torch.tensor([-1.0, -2.0, -3.0])
    wi = torch.tensor([[1, 2, 3], [4, 5, 6]])
    case(cases, "where/f32", "where", [T(c), T(wx), T(wy)], lambda: torch.where(c, wx, wy))
    case(cases, "where/i64-f32", "where", [T(c), T(wi), T(wy)], lambda: torch.where(c, wi, wy))
    case(cases, "where/i32-i64", "where", [T(c), T(wi.int()), T(wi)], lambda: torch.where(c, wi.int(), wi))
    case(cases, "where/bcast-cond", "where", [T(c[0]), T(wx), T(wy)], lambda: torch.where(c[0], wx, wy))
    case(cases, "where/no-broadcast", "where", [T(c), T(wx), T(torch.ones(2))], lambda: torch.where(c, wx, torch.ones(2)))
    case(cases, "where/int-cond", "where", [T(wi), T(wx), T(wy)], lambda: torch.where(wi, wx, wy))
    case(cases, "where/empty", "where", [T(torch.zeros(0, 3, dtype=torch.bool)), T(torch.zeros(0, 3)), T(wy)],
         lambda: torch.where(torch.zeros(0, 3, dtype=torch.bool), torch.zeros(0, 3), wy))
    case(cases, "where.TD/f32", "where.TD", [T(c), T(wx), F(0.25)], lambda: torch.where(c, wx, 0.25))
    case(cases, "where.TD/i64", "where.TD", [T(c), T(wi), F(0.25)], lambda: torch.where(c, wi, 0.25))
    case(cases, "where.TL/i64", "where.TL", [T(c), T(wi), I(-9)], lambda: torch.where(c, wi, -9))
    case(cases, "where.TL/i32", "where.TL", [T(c), T(wi.int()), I(-9)], lambda: torch.where(c, wi.int(), -9))
    case(cases, "where.DT/f32", "where.DT", [T(c), F(7.5), T(wy)], lambda: torch.where(c, 7.5, wy))
    case(cases, "where.LT/i64", "where.LT", [T(c), I(7), T(wi)], lambda: torch.where(c, 7, wi))
    case(cases, "where.DD", "where.DD", [T(c), F(1.0), F(0.0)], lambda: torch.where(c, 1.0, 0.0))
    case(cases, "where.LL", "where.LL", [T(c), I(1), I(0)], lambda: torch.where(c, 1, 0))
    case(cases, "where.method/f32", "where.method", [T(wx), T(c), T(wy)], lambda: wx.where(c, wy))
    case(cases, "where.method.d/f32", "where.method.d", [T(wx), T(c), F(-0.5)], lambda: wx.where(c, -0.5))
    case(cases, "where.method.l/i64", "where.method.l", [T(wi), T(c), I(0)], lambda: wi.where(c, 0))

    # fill_ / zero_
    big = 2 ** 62 + 1
    case(cases, "fill_.l/i64-big", "fill_.l", [T(ints()), I(big)], lambda: ints().fill_(big))
    case(cases, "fill_.l/f32", "fill_.l", [T(special_floats()), I(-3)], lambda: special_floats().fill_(-3))
    case(cases, "fill_.d/f32", "fill_.d", [T(special_floats()), F(0.1)], lambda: special_floats().fill_(0.1))
    case(cases, "fill_.d/i64", "fill_.d", [T(ints()), F(2.9)], lambda: ints().fill_(2.9))
    case(cases, "fill_.d/bool", "fill_.d", [T(bools()), F(0.0)], lambda: bools().fill_(0.0))
    case(cases, "fill_.d/f64-nan", "fill_.d", [T(special_floats(torch.float64)), F(NAN)], lambda: special_floats(torch.float64).fill_(NAN))
    xt, xt_arg = transposed(torch.arange(12.0).reshape(4, 3))
    case(cases, "fill_.d/transposed", "fill_.d", [xt_arg, F(5.0)], lambda: xt.clone().fill_(5.0))
    case(cases, "zero_/f32", "zero_", [T(special_floats())], lambda: special_floats().zero_())
    case(cases, "zero_/i32", "zero_", [T(ints(torch.int32))], lambda: ints(torch.int32).zero_())
    xs, xs_arg = stepped(torch.arange(16.0).reshape(2, 8))
    case(cases, "zero_/stepped", "zero_", [xs_arg], lambda: xs.clone().zero_())

    # statics spelled as torch.xxx in Java too (a sample: they delegate to the methods)
    case(cases, "torch.add/f32", "torch.add", [T(wx), T(wy)], lambda: torch.add(wx, wy))
    case(cases, "torch.sqrt/f32", "torch.sqrt", [T(wx)], lambda: torch.sqrt(wx))
    case(cases, "torch.eq.l/i64", "torch.eq.l", [T(wi), I(2)], lambda: torch.eq(wi, 2))
    case(cases, "torch.clamp/f32", "torch.clamp", [T(wx), F(2.0), F(5.0)], lambda: torch.clamp(wx, 2.0, 5.0))

    write("pointwise", cases)


if __name__ == "__main__":
    main()
