#!/usr/bin/env python3
"""Parity cases for complex tensors: real/imag/angle/conj, view_as_real/view_as_complex,
torch.complex/polar, complex values through the generic ops, toComplexArray, and repr() of
complex tensors (the "repr" op compares Java's toString() with Python's repr()).

Writes java-api/src/test/resources/golden/parity/complex.json; format in golden_common.py.
"""

import torch

from golden_common import case, enc, rq, strided, t, write


def main():
    torch.manual_seed(13)
    cases = []
    c64 = rq(2, 3, dtype=torch.complex64)
    c128 = rq(4, dtype=torch.complex128)
    special = torch.tensor([complex(float("nan"), 1.0), complex(float("inf"), -2.0), complex(0.0, -0.0),
                            complex(-1.0, float("-inf")), complex(-3.0, 0.0)], dtype=torch.complex64)
    ct, ct_arg = strided(rq(3, 2, dtype=torch.complex64), [["transpose", 0, 1]])
    cs, cs_arg = strided(rq(8, dtype=torch.complex128), [["slice", 0, 1, None, 3]])
    c0 = torch.tensor(1.5 - 2.0j)
    ce = torch.zeros(0, 2, dtype=torch.complex64)
    inputs = {"complex64": (c64, t(c64)), "complex128": (c128, t(c128)), "special": (special, t(special)),
              "transposed": (ct, ct_arg), "stepped": (cs, cs_arg), "0d": (c0, t(c0)), "empty": (ce, t(ce))}
    for name, (x, xarg) in inputs.items():
        case(cases, f"real/{name}", "real", [xarg], lambda x=x: x.real)
        case(cases, f"imag/{name}", "imag", [xarg], lambda x=x: x.imag)
        case(cases, f"angle/{name}", "angle", [xarg], lambda x=x: x.angle())
        case(cases, f"conj/{name}", "conj", [xarg], lambda x=x: x.conj())
        case(cases, f"conj_physical/{name}", "conj_physical", [xarg], lambda x=x: x.conj_physical())
        case(cases, f"resolve_conj/{name}", "resolve_conj", [xarg], lambda x=x: x.conj().resolve_conj())
        case(cases, f"view_as_real/{name}", "view_as_real", [xarg], lambda x=x: torch.view_as_real(x))
        case(cases, f"complex_array/{name}", "complex_array", [xarg],
             lambda x=x: torch.view_as_real(x.resolve_conj().to(torch.complex128)).reshape(-1, 2))
        case(cases, f"is_complex/{name}", "is_complex", [xarg], lambda x=x: x.is_complex())
    r32 = torch.tensor([1.5, -2.0, 0.0, -0.0, float("nan"), float("-inf")])
    i64 = torch.tensor([3, -1, 0])
    for name, x in (("float32", r32), ("int64", i64), ("bool", torch.tensor([True, False]))):
        case(cases, f"real/{name}", "real", [t(x)], lambda x=x: x.real)
        case(cases, f"imag/error/{name}", "imag", [t(x)], lambda x=x: x.imag)
        case(cases, f"angle/{name}", "angle", [t(x)], lambda x=x: x.angle())
        case(cases, f"conj/{name}", "conj", [t(x)], lambda x=x: x.conj())
        case(cases, f"is_conj/{name}", "is_conj", [t(x)], lambda x=x: x.conj().is_conj())
        case(cases, f"is_complex/{name}", "is_complex", [t(x)], lambda x=x: x.is_complex())
        case(cases, f"complex_array/{name}", "complex_array", [t(x)],
             lambda x=x: torch.view_as_real(x.to(torch.complex128)).reshape(-1, 2))
        case(cases, f"view_as_real/error/{name}", "view_as_real", [t(x)], lambda x=x: torch.view_as_real(x))
    case(cases, "is_conj/complex64", "is_conj", [t(c64)], lambda: c64.conj().is_conj())

    # view_as_complex
    pairs = rq(3, 2)
    case(cases, "view_as_complex/float32", "view_as_complex", [t(pairs)], lambda: torch.view_as_complex(pairs))
    case(cases, "view_as_complex/float64", "view_as_complex", [t(pairs.double())], lambda: torch.view_as_complex(pairs.double()))
    case(cases, "view_as_complex/0d", "view_as_complex", [t(torch.tensor([1.0, 2.0]))], lambda: torch.view_as_complex(torch.tensor([1.0, 2.0])))
    vb = rq(2, 2, 2)
    case(cases, "view_as_complex/batch", "view_as_complex", [t(vb)], lambda: torch.view_as_complex(vb))
    case(cases, "view_as_complex/error/last-dim", "view_as_complex", [t(rq(2, 3))], lambda: torch.view_as_complex(rq(2, 3)))
    case(cases, "view_as_complex/error/int", "view_as_complex", [t(torch.ones(2, 2, dtype=torch.int64))],
         lambda: torch.view_as_complex(torch.ones(2, 2, dtype=torch.int64)))
    nt, nt_arg = strided(rq(2, 3), [["transpose", 0, 1]])
    case(cases, "view_as_complex/error/stride", "view_as_complex", [nt_arg], lambda: torch.view_as_complex(nt))
    case(cases, "view_as_complex/error/0d", "view_as_complex", [t(torch.tensor(1.0))], lambda: torch.view_as_complex(torch.tensor(1.0)))

    # torch.complex, torch.polar
    re, im = rq(3), rq(3)
    case(cases, "complex/float32", "complex", [t(re), t(im)], lambda: torch.complex(re, im))
    case(cases, "complex/float64", "complex", [t(re.double()), t(im.double())], lambda: torch.complex(re.double(), im.double()))
    col = rq(2, 1)
    case(cases, "complex/broadcast", "complex", [t(re), t(col)], lambda: torch.complex(re, col))
    case(cases, "complex/0d", "complex", [t(torch.tensor(1.0)), t(torch.tensor(-1.0))], lambda: torch.complex(torch.tensor(1.0), torch.tensor(-1.0)))
    case(cases, "complex/special", "complex", [t(r32), t(r32.flip(0))], lambda: torch.complex(r32, r32.flip(0)))
    case(cases, "complex/error/dtypes", "complex", [t(re), t(im.double())], lambda: torch.complex(re, im.double()))
    case(cases, "complex/error/int", "complex", [t(i64), t(i64)], lambda: torch.complex(i64, i64))
    case(cases, "complex/error/shape", "complex", [t(re), t(rq(2))], lambda: torch.complex(re, rq(2)))
    mag, ang = torch.rand(4) * 3, rq(4) * 3
    case(cases, "polar/float32", "polar", [t(mag), t(ang)], lambda: torch.polar(mag, ang))
    case(cases, "polar/float64", "polar", [t(mag.double()), t(ang.double())], lambda: torch.polar(mag.double(), ang.double()))
    case(cases, "polar/error/int", "polar", [t(i64), t(i64)], lambda: torch.polar(i64, i64))

    # complex values through the generic ops
    d64 = rq(2, 3, dtype=torch.complex64)
    for name, x, y in (("complex", c64, d64), ("complex-real", c64, rq(3)), ("real-complex", rq(2, 1), d64),
                       ("c128-c64", c128[:3], d64), ("int-complex", torch.tensor([1, 2, 3]), d64)):
        case(cases, f"c_add/{name}", "c_add", [t(x), t(y)], lambda x=x, y=y: x + y)
        case(cases, f"c_mul/{name}", "c_mul", [t(x), t(y)], lambda x=x, y=y: x * y)
        case(cases, f"c_div/{name}", "c_div", [t(x), t(y)], lambda x=x, y=y: x / y)
    case(cases, "c_abs/special", "c_abs", [t(special)], lambda: special.abs())
    case(cases, "c_div/by-zero", "c_div", [t(c64), t(torch.zeros(1, dtype=torch.complex64))], lambda: c64 / torch.zeros(1, dtype=torch.complex64))
    for name, (x, xarg) in inputs.items():
        if name in ("special", "empty"):
            continue
        case(cases, f"c_sum/{name}", "c_sum", [xarg], lambda x=x: x.sum())
        case(cases, f"c_mean/{name}", "c_mean", [xarg], lambda x=x: x.mean())
        case(cases, f"c_exp/{name}", "c_exp", [xarg], lambda x=x: x.exp())
        case(cases, f"c_abs/{name}", "c_abs", [xarg], lambda x=x: x.abs())
    case(cases, "c_to/c64-c128", "c_to", [t(c64), {"s": "COMPLEX128"}], lambda: c64.to(torch.complex128))
    case(cases, "c_to/c128-c64", "c_to", [t(c128), {"s": "COMPLEX64"}], lambda: c128.to(torch.complex64))
    case(cases, "c_to/f32-c64", "c_to", [t(r32), {"s": "COMPLEX64"}], lambda: r32.to(torch.complex64))
    case(cases, "c_to/i64-c128", "c_to", [t(i64), {"s": "COMPLEX128"}], lambda: i64.to(torch.complex128))
    case(cases, "c_to/c64-f64-drops-imag", "c_to", [t(c64), {"s": "FLOAT64"}], lambda: c64.to(torch.float64))
    mm1, mm2 = rq(2, 3, dtype=torch.complex128), rq(3, 2, dtype=torch.complex128)
    case(cases, "c_matmul", "matmul", [t(mm1), t(mm2)], lambda: mm1 @ mm2)

    # repr, as Python prints it
    reprs = {
        "1d": torch.tensor([1 + 2j, -3.5 - 0.25j, 0j]),
        "2d": torch.tensor([[1.25 + 1j, 2 - 3j], [-4.5 + 0j, 100 + 0.5j]]),
        "0d": torch.tensor(1.5 - 2j),
        "0d-neg-zero-imag": torch.tensor(complex(2.0, -0.0)),
        "int-valued": torch.tensor([1 + 1j, -2 + 3j]),
        "sci": torch.tensor([1e-5 + 1e6j, 3 + 4j]),
        "c128": torch.tensor([0.5 + 0.25j, -1 - 1j], dtype=torch.complex128),
        "special": special,
        "empty": ce,
        "empty-1d": torch.zeros(0, dtype=torch.complex128),
        "random": c64,
        "3d": rq(2, 2, 2, dtype=torch.complex64),
        "wide": rq(12, dtype=torch.complex64),
        "summarized": torch.complex(torch.arange(1001.0), -torch.arange(1001.0)),
        # empty tensors show every dtype but float32 (a formatter fix that came with complex printing)
        "empty-int64": torch.zeros(0, 3, dtype=torch.int64),
        "empty-bool": torch.zeros(0, dtype=torch.bool),
        "conj-view": c128.conj(),
    }
    for name, x in reprs.items():
        case(cases, f"repr/{name}", "repr", [t(x.resolve_conj()) if name != "conj-view" else t(c128), {"s": repr(x)}],
             lambda: True)
    # the conj-view case conjugates in Java: use a dedicated op
    cases[-1]["op"] = "repr_conj"

    write("complex", cases)


if __name__ == "__main__":
    main()
