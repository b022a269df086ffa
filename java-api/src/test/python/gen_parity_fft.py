#!/usr/bin/env python3
"""Parity cases for torch.fft: fft/ifft/rfft/irfft/hfft/ihfft, fft2/ifft2/rfft2/irfft2,
fftn/ifftn/rfftn/irfftn with n (s), dim and norm; fftfreq/rfftfreq; fftshift/ifftshift.

Writes java-api/src/test/resources/golden/parity/fft.json; format in golden_common.py.
(This wheel computes FFTs with MKL, the presets' LibTorch with pocketfft: the results agree to
rounding, within the default tolerances.)
"""

import torch

from golden_common import case, enc, rq, strided, t, write


NORMS = (None, "backward", "ortho", "forward")


def opt_i(v):
    return {"none": True} if v is None else {"i": v}


def opt_s(v):
    return {"none": True} if v is None else {"s": v}


def opt_ints(v):
    return {"none": True} if v is None else {"ints": list(v)}


def main():
    torch.manual_seed(9)
    cases = []
    fns = {"fft": torch.fft.fft, "ifft": torch.fft.ifft, "rfft": torch.fft.rfft, "irfft": torch.fft.irfft,
           "hfft": torch.fft.hfft, "ihfft": torch.fft.ihfft}

    def one(cid, op, x, xarg, n=None, dim=-1, norm=None):
        case(cases, cid, op, [xarg, opt_i(n), {"i": dim}, opt_s(norm)], lambda: fns[op](x, n=n, dim=dim, norm=norm))

    signals = {
        "float32": rq(8),
        "float64": rq(7, dtype=torch.float64),
        "complex64": rq(6, dtype=torch.complex64),
        "complex128": rq(5, dtype=torch.complex128),
        "int64": torch.tensor([1, -2, 3, 0, 5]),
    }
    for name, x in signals.items():
        for norm in NORMS:
            one(f"fft/{name}/norm-{norm}", "fft", x, t(x), norm=norm)
        one(f"ifft/{name}", "ifft", x, t(x))
        one(f"fft/{name}/pad", "fft", x, t(x), n=10)
        one(f"fft/{name}/trim", "fft", x, t(x), n=3, norm="ortho")
        one(f"ifft/{name}/forward", "ifft", x, t(x), n=4, norm="forward")
        if not x.is_complex():
            one(f"rfft/{name}", "rfft", x, t(x))
            one(f"rfft/{name}/pad-ortho", "rfft", x, t(x), n=9, norm="ortho")
            one(f"ihfft/{name}", "ihfft", x, t(x))
        else:
            one(f"irfft/{name}", "irfft", x, t(x))
            one(f"irfft/{name}/odd-n", "irfft", x, t(x), n=7, norm="forward")
            one(f"hfft/{name}", "hfft", x, t(x), n=6)
    m = rq(3, 4)
    mt, mt_arg = strided(rq(4, 3), [["transpose", 0, 1]])
    ms, ms_arg = strided(rq(3, 8), [["slice", 1, 0, None, 2]])
    for name, x, xarg in (("2d", m, t(m)), ("transposed", mt, mt_arg), ("stepped", ms, ms_arg)):
        for dim in (0, -1):
            one(f"fft/{name}/dim{dim}", "fft", x, xarg, dim=dim)
            one(f"rfft/{name}/dim{dim}", "rfft", x, xarg, dim=dim, norm="forward")
    spec = torch.fft.rfft(rq(2, 6))
    one("irfft/2d-dim0", "irfft", spec, t(spec), n=4, dim=0)
    one("irfft/real-input", "irfft", m, t(m))
    case(cases, "fft/default", "fft_default", [t(m)], lambda: torch.fft.fft(m))
    case(cases, "ifft/default", "ifft_default", [t(m)], lambda: torch.fft.ifft(m))
    case(cases, "rfft/default", "rfft_default", [t(m)], lambda: torch.fft.rfft(m))
    case(cases, "irfft/default", "irfft_default", [t(spec)], lambda: torch.fft.irfft(spec))
    one("fft/length1", "fft", torch.tensor([2.5]), t(torch.tensor([2.5])))
    one("fft/bool", "fft", torch.tensor([True, False, True]), t(torch.tensor([True, False, True])))
    one("fft/error/n0", "fft", signals["float32"], t(signals["float32"]), n=0)
    one("fft/error/0d", "fft", torch.tensor(1.0), t(torch.tensor(1.0)))
    one("fft/error/empty", "fft", torch.zeros(0), t(torch.zeros(0)))
    one("fft/error/dim", "fft", m, t(m), dim=2)
    one("fft/error/norm", "fft", m, t(m), norm="sideways")
    one("rfft/error/complex", "rfft", signals["complex64"], t(signals["complex64"]))
    one("irfft/error/n1", "irfft", torch.ones(1, dtype=torch.complex64), t(torch.ones(1, dtype=torch.complex64)))
    one("ihfft/error/complex", "ihfft", signals["complex64"], t(signals["complex64"]))

    # several dimensions
    x3 = rq(2, 3, 4)
    c3 = rq(2, 3, 4, dtype=torch.complex64)
    for name, x in (("float32", x3), ("complex64", c3), ("float64", x3.double())):
        for op, fn in (("fft2", torch.fft.fft2), ("ifft2", torch.fft.ifft2)):
            for s, dim, norm in ((None, (-2, -1), None), ((4, 4), (-2, -1), "ortho"), ((2, 5), (0, 2), "forward"),
                                 (None, (1, 0), "backward")):
                case(cases, f"{op}/{name}/s{s}/dim{dim}/{norm}", op, [t(x), opt_ints(s), {"ints": list(dim)}, opt_s(norm)],
                     lambda fn=fn, x=x, s=s, dim=dim, norm=norm: fn(x, s=s, dim=dim, norm=norm))
        case(cases, f"fft2/{name}/default", "fft2_default", [t(x)], lambda x=x: torch.fft.fft2(x))
        case(cases, f"ifft2/{name}/default", "ifft2_default", [t(x)], lambda x=x: torch.fft.ifft2(x))
        for op, fn in (("fftn", torch.fft.fftn), ("ifftn", torch.fft.ifftn)):
            for s, dim in ((None, None), ((3, 2), None), (None, (0, 2)), ((5,), (1,))):
                case(cases, f"{op}/{name}/s{s}/dim{dim}", op, [t(x), opt_ints(s), opt_ints(dim), opt_s(None)],
                     lambda fn=fn, x=x, s=s, dim=dim: fn(x, s=s, dim=dim))
    for s, dim, norm in ((None, None, None), ((4, 6), (0, 2), "ortho"), (None, (1,), "forward")):
        case(cases, f"rfftn/s{s}/dim{dim}", "rfftn", [t(x3), opt_ints(s), opt_ints(dim), opt_s(norm)],
             lambda s=s, dim=dim, norm=norm: torch.fft.rfftn(x3, s=s, dim=dim, norm=norm))
        case(cases, f"irfftn/s{s}/dim{dim}", "irfftn", [t(c3), opt_ints(s), opt_ints(dim), opt_s(norm)],
             lambda s=s, dim=dim, norm=norm: torch.fft.irfftn(c3, s=s, dim=dim, norm=norm))
    case(cases, "rfft2/default", "rfft2_default", [t(x3)], lambda: torch.fft.rfft2(x3))
    case(cases, "irfft2/default", "irfft2_default", [t(c3)], lambda: torch.fft.irfft2(c3))
    xt, xt_arg = strided(rq(4, 3, 2), [["transpose", 0, 2]])
    case(cases, "fft2/transposed", "fft2", [xt_arg, opt_ints(None), {"ints": [-2, -1]}, opt_s(None)], lambda: torch.fft.fft2(xt))
    case(cases, "fftn/int64", "fftn", [t(torch.arange(6).reshape(2, 3)), opt_ints(None), opt_ints(None), opt_s("ortho")],
         lambda: torch.fft.fftn(torch.arange(6).reshape(2, 3), norm="ortho"))
    case(cases, "fft2/error/1d", "fft2", [t(signals["float32"]), opt_ints(None), {"ints": [-2, -1]}, opt_s(None)],
         lambda: torch.fft.fft2(signals["float32"]))
    case(cases, "fft2/error/s-dim-length", "fft2", [t(x3), {"ints": [2, 2, 2]}, {"ints": [-2, -1]}, opt_s(None)],
         lambda: torch.fft.fft2(x3, s=(2, 2, 2)))
    case(cases, "fftn/error/repeated-dim", "fftn", [t(x3), opt_ints(None), {"ints": [0, 0]}, opt_s(None)],
         lambda: torch.fft.fftn(x3, dim=(0, 0)))
    case(cases, "fftn/error/s-too-long", "fftn", [t(m), {"ints": [2, 2, 2]}, opt_ints(None), opt_s(None)],
         lambda: torch.fft.fftn(m, s=(2, 2, 2)))
    case(cases, "rfftn/error/complex", "rfftn", [t(c3), opt_ints(None), opt_ints(None), opt_s(None)], lambda: torch.fft.rfftn(c3))

    # frequencies and shifts
    for n, d, dt in ((5, 1.0, None), (8, 0.5, None), (1, 1.0, None), (0, 1.0, None), (7, 0.1, "FLOAT64"), (6, 2.0, "FLOAT64")):
        tdt = getattr(torch, dt.lower()) if dt else None
        case(cases, f"fftfreq/{n}/{d}/{dt}", "fftfreq", [{"i": n}, {"f": d}, opt_s(dt)], lambda n=n, d=d, tdt=tdt: torch.fft.fftfreq(n, d, dtype=tdt))
        case(cases, f"rfftfreq/{n}/{d}/{dt}", "rfftfreq", [{"i": n}, {"f": d}, opt_s(dt)], lambda n=n, d=d, tdt=tdt: torch.fft.rfftfreq(n, d, dtype=tdt))
    case(cases, "fftfreq/default", "fftfreq_default", [{"i": 4}], lambda: torch.fft.fftfreq(4))
    case(cases, "fftfreq/error/negative", "fftfreq", [{"i": -1}, {"f": 1.0}, opt_s(None)], lambda: torch.fft.fftfreq(-1))
    case(cases, "fftfreq/error/int-dtype", "fftfreq", [{"i": 4}, {"f": 1.0}, opt_s("INT64")], lambda: torch.fft.fftfreq(4, dtype=torch.int64))
    f = torch.fft.fftfreq(5)
    g = torch.arange(12).reshape(3, 4)
    case(cases, "fftshift/all", "fftshift", [t(f), opt_ints(None)], lambda: torch.fft.fftshift(f))
    case(cases, "ifftshift/all", "ifftshift", [t(f), opt_ints(None)], lambda: torch.fft.ifftshift(f))
    case(cases, "fftshift/2d", "fftshift", [t(g), opt_ints(None)], lambda: torch.fft.fftshift(g))
    case(cases, "fftshift/dim0", "fftshift", [t(g), {"ints": [0]}], lambda: torch.fft.fftshift(g, dim=0))
    case(cases, "ifftshift/dims", "ifftshift", [t(g), {"ints": [1, 0]}], lambda: torch.fft.ifftshift(g, dim=(1, 0)))
    case(cases, "fftshift/error/dim", "fftshift", [t(g), {"ints": [2]}], lambda: torch.fft.fftshift(g, dim=2))

    write("fft", cases)


if __name__ == "__main__":
    main()
