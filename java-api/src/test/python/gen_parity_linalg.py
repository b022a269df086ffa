#!/usr/bin/env python3
"""Parity cases for linear algebra: the matrix products (dot, mm, mv, bmm, outer, matmul, addmm,
einsum, cross) and torch.linalg (inv, det, slogdet, solve, cholesky, qr, eig, eigh, svd, pinv,
norms, matrix_rank, matrix_power, ...).

Writes java-api/src/test/resources/golden/parity/linalg.json; format in golden_common.py.

Two LAPACKs: the presets' LibTorch runs OpenBLAS's LAPACK, this wheel MKL's. Their answers agree to
rounding, except for what a decomposition leaves free: the sign (phase, for complex) of each
eigenvector, singular vector pair and Q column, the order of non-symmetric eigenvalues. The
decomposition cases therefore compare invariants, computed identically on the Java side
(ParityOpsB): for qr, Q@R, |R|^2 and Q^H Q; for svd, S, U diag(S) Vh, U^H U, Vh Vh^H, |U|^2 and
|Vh|^2 (singular values distinct); for eigh, the eigenvalues, |V|^2 and V diag(L) V^H; for eig,
the eigenvalues sorted by (real, imag), |V|^2 in that order and the residual A V - V diag(L).
Decompositions and solvers get a looser tolerance (1e-4 float32/complex64, 1e-9 float64/complex128)
for the different LAPACK's rounding.
"""

import torch

from golden_common import case, enc, rq, strided, t, write


LOOSE = {torch.float32: 1e-4, torch.complex64: 1e-4, torch.float64: 1e-9, torch.complex128: 1e-9}


def abs2(x):
    return (x * x.conj()).real if x.is_complex() else x * x


def qr_inv(a, mode):
    q, r = torch.linalg.qr(a, mode)
    if mode == "r":
        return [abs2(r)]
    return [q @ r, abs2(r), torch.einsum("...ji,...jk->...ik", q.conj(), q)]


def svd_inv(a, full):
    u, s, vh = torch.linalg.svd(a, full_matrices=full)
    k = min(a.shape[-2], a.shape[-1])
    uk = u[..., :, :k]
    vk = vh[..., :k, :]
    recon = (uk * s[..., None, :]) @ vk
    return [s, recon, torch.einsum("...ji,...jk->...ik", u.conj(), u),
            torch.einsum("...ij,...kj->...ik", vh, vh.conj()), abs2(uk), abs2(vk)]


def eigh_inv(a, uplo):
    w, v = torch.linalg.eigh(a, UPLO=uplo)
    vh = torch.einsum("...ij->...ji", v.conj())
    return [w, abs2(v), (v * w[..., None, :]) @ vh]


def complex_order(values):
    vals = values.tolist()
    return sorted(range(len(vals)), key=lambda i: (round(vals[i].real * 1e4) / 1e4, vals[i].imag))


def eig_inv(a):
    w, v = torch.linalg.eig(a)
    order = torch.tensor(complex_order(w))
    w = w.index_select(-1, order)
    v = v.index_select(-1, order)
    return [w, abs2(v), a.to(v.dtype) @ v - v * w[None, :]]


def main():
    torch.manual_seed(5)
    cases = []

    def lcase(cid, op, args, fn, dtype=None):
        """A decomposition / solver case: looser tolerance for the other LAPACK."""
        return case(cases, cid, op, args, fn, tol=LOOSE.get(dtype) if dtype is not None else None)

    def well(n, dtype=torch.float32, batch=()):
        """A well-conditioned square matrix."""
        return rq(*batch, n, n, dtype=dtype) + 3 * torch.eye(n, dtype=dtype)

    def spd(n, dtype=torch.float32, batch=()):
        m = rq(*batch, n, n, dtype=dtype)
        return m @ m.mT.conj() + n * torch.eye(n, dtype=dtype)

    # ---------------------------------------------------------------------------------------------
    # Products
    for dt in (torch.float32, torch.float64, torch.int64, torch.complex64):
        n = str(dt).split(".")[1]
        v1 = (rq(5) * 4).to(dt) if dt != torch.complex64 else rq(5, dtype=dt)
        v2 = (rq(5) * 4).to(dt) if dt != torch.complex64 else rq(5, dtype=dt)
        m1 = (rq(3, 4) * 4).to(dt) if dt != torch.complex64 else rq(3, 4, dtype=dt)
        m2 = (rq(4, 2) * 4).to(dt) if dt != torch.complex64 else rq(4, 2, dtype=dt)
        b1 = (rq(2, 3, 4) * 4).to(dt) if dt != torch.complex64 else rq(2, 3, 4, dtype=dt)
        b2 = (rq(2, 4, 2) * 4).to(dt) if dt != torch.complex64 else rq(2, 4, 2, dtype=dt)
        case(cases, f"dot/{n}", "dot", [t(v1), t(v2)], lambda v1=v1, v2=v2: v1.dot(v2))
        case(cases, f"mm/{n}", "mm", [t(m1), t(m2)], lambda m1=m1, m2=m2: m1.mm(m2))
        case(cases, f"mv/{n}", "mv", [t(m1), t(v1[:4])], lambda m1=m1, v1=v1: m1.mv(v1[:4]))
        case(cases, f"bmm/{n}", "bmm", [t(b1), t(b2)], lambda b1=b1, b2=b2: b1.bmm(b2))
        case(cases, f"outer/{n}", "outer", [t(v1), t(v2[:3])], lambda v1=v1, v2=v2: v1.outer(v2[:3]))
        case(cases, f"matmul/{n}/batch-broadcast", "matmul", [t(b1), t(m2)], lambda b1=b1, m2=m2: b1 @ m2)
    a34 = rq(3, 4)
    a42 = rq(4, 2)
    mt, mt_arg = strided(rq(4, 3), [["transpose", 0, 1]])
    vs, vs_arg = strided(rq(8), [["slice", 0, 0, None, 2]])
    case(cases, "dot/stepped", "dot", [vs_arg, t(a34[0])], lambda: vs.dot(a34[0]))
    case(cases, "dot/empty", "dot", [t(torch.zeros(0)), t(torch.zeros(0))], lambda: torch.zeros(0).dot(torch.zeros(0)))
    case(cases, "mm/transposed", "mm", [mt_arg, t(a42)], lambda: mt.mm(a42))
    case(cases, "mm/empty", "mm", [t(torch.zeros(0, 4)), t(a42)], lambda: torch.zeros(0, 4).mm(a42))
    case(cases, "mm/empty-inner", "mm", [t(torch.zeros(3, 0)), t(torch.zeros(0, 2))], lambda: torch.zeros(3, 0).mm(torch.zeros(0, 2)))
    case(cases, "mv/transposed", "mv", [mt_arg, t(vs[:4].contiguous())], lambda: mt.mv(vs[:4]))
    r2 = rq(2)
    case(cases, "outer/mixed", "outer", [t(torch.arange(3)), t(r2)], lambda: torch.arange(3).outer(r2))
    case(cases, "dot/error/dtype", "dot", [t(rq(3)), t(rq(3, dtype=torch.float64))],
         lambda: rq(3).dot(rq(3, dtype=torch.float64)))
    case(cases, "dot/error/2d", "dot", [t(a34), t(a34)], lambda: a34.dot(a34))
    case(cases, "dot/error/size", "dot", [t(rq(3)), t(rq(4))], lambda: rq(3).dot(rq(4)))
    case(cases, "mm/error/shape", "mm", [t(a34), t(a34)], lambda: a34.mm(a34))
    case(cases, "mm/error/3d", "mm", [t(rq(2, 3, 4)), t(a42)], lambda: rq(2, 3, 4).mm(a42))
    case(cases, "mv/error/size", "mv", [t(a34), t(rq(3))], lambda: a34.mv(rq(3)))
    case(cases, "bmm/error/2d", "bmm", [t(a34), t(a42)], lambda: a34.bmm(a42))
    case(cases, "bmm/error/batch", "bmm", [t(rq(2, 3, 4)), t(rq(3, 4, 2))],
         lambda: rq(2, 3, 4).bmm(rq(3, 4, 2)))

    mm_shapes = {"vec-vec": ((3,), (3,)), "vec-mat": ((4,), (2, 4, 3)), "mat-vec": ((2, 3, 4), (4,)),
                 "4d-3d": ((2, 1, 3, 4), (5, 4, 2)), "mat-mat": ((3, 4), (4, 5))}
    for name, (sa, sb) in mm_shapes.items():
        x, y = rq(*sa), rq(*sb)
        case(cases, f"matmul/{name}", "matmul", [t(x), t(y)], lambda x=x, y=y: x @ y)
    case(cases, "matmul/error/shape", "matmul", [t(rq(2, 3)), t(rq(4))],
         lambda: rq(2, 3) @ rq(4))
    case(cases, "matmul/error/0d", "matmul", [t(torch.tensor(2.0)), t(rq(3))],
         lambda: torch.tensor(2.0) @ rq(3))

    bias = rq(2)
    for name, inp, beta, alpha in (("bias-row", bias, 1.0, 1.0), ("scaled", rq(3, 2), 0.5, -2.0),
                                   ("beta0", torch.full((3, 2), float("nan")), 0.0, 1.0)):
        case(cases, f"addmm/{name}", "addmm", [t(inp), t(a34), t(a42), {"f": beta}, {"f": alpha}],
             lambda inp=inp, beta=beta, alpha=alpha: torch.addmm(inp, a34, a42, beta=beta, alpha=alpha))
    ai = torch.arange(6).reshape(2, 3)
    case(cases, "addmm/int64", "addmm", [t(torch.ones(2, 2, dtype=torch.int64)), t(ai), t(ai.T.contiguous()), {"f": 2.0}, {"f": 3.0}],
         lambda: torch.addmm(torch.ones(2, 2, dtype=torch.int64), ai, ai.T, beta=2, alpha=3))
    case(cases, "addmm/error/shape", "addmm", [t(bias), t(a34), t(a34), {"f": 1.0}, {"f": 1.0}], lambda: torch.addmm(bias, a34, a34))

    sq = rq(3, 3)
    bt = rq(2, 3, 4)
    einsums = {
        "matmul": ("ij,jk->ik", [a34, a42]), "diag": ("ii->i", [sq]), "trace": ("ii", [sq]),
        "batch": ("bij,bjk->bik", [bt, rq(2, 4, 2)]), "outer": ("i,j->ij", [a34[0], a42[:, 0]]),
        "transpose": ("...ij->...ji", [bt]), "sum": ("ij->", [a34]), "implicit": ("ij,jk", [a34, a42]),
        "three": ("ij,jk,kl->il", [a34, a42, rq(2, 5)]), "int": ("ij,j->i", [ai, torch.arange(3)]),
        "complex": ("ij,jk->ik", [rq(2, 3, dtype=torch.complex64), rq(3, 2, dtype=torch.complex64)]),
    }
    for name, (eq, ops) in einsums.items():
        case(cases, f"einsum/{name}", "einsum", [{"s": eq}, {"ts": [enc(o) for o in ops]}],
             lambda eq=eq, ops=ops: torch.einsum(eq, *ops))
    case(cases, "einsum/error/operands", "einsum", [{"s": "ij,jk->ik"}, {"ts": [enc(a34)]}], lambda: torch.einsum("ij,jk->ik", a34))
    case(cases, "einsum/error/sizes", "einsum", [{"s": "ij,jk->ik"}, {"ts": [enc(a34), enc(a34)]}], lambda: torch.einsum("ij,jk->ik", a34, a34))
    case(cases, "einsum/error/syntax", "einsum", [{"s": "ij->k"}, {"ts": [enc(a34)]}], lambda: torch.einsum("ij->k", a34))

    c1, c2 = rq(4, 3), rq(4, 3)
    case(cases, "cross/dim1", "cross", [t(c1), t(c2), {"i": 1}], lambda: torch.cross(c1, c2, dim=1))
    case(cases, "cross/dim0", "cross", [t(c1.T.contiguous()), t(c2.T.contiguous()), {"i": 0}], lambda: torch.cross(c1.T, c2.T, dim=0))
    case(cases, "cross/broadcast", "cross", [t(c1), t(c2[:1]), {"i": -1}], lambda: torch.cross(c1, c2[:1], dim=-1))
    case(cases, "cross/int64", "cross", [t(torch.tensor([1, 0, 0])), t(torch.tensor([0, 1, 0])), {"i": 0}],
         lambda: torch.cross(torch.tensor([1, 0, 0]), torch.tensor([0, 1, 0]), dim=0))
    case(cases, "cross/error/size", "cross", [t(a34), t(a34), {"i": 1}], lambda: torch.cross(a34, a34, dim=1))
    case(cases, "linalg_cross/default", "linalg_cross", [t(c1), t(c2)], lambda: torch.linalg.cross(c1, c2))
    case(cases, "linalg_cross/complex", "linalg_cross", [t(c1.to(torch.complex64) * 1j), t(c2.to(torch.complex64))],
         lambda: torch.linalg.cross(c1.to(torch.complex64) * 1j, c2.to(torch.complex64)))

    # ---------------------------------------------------------------------------------------------
    # Inverses, determinants, solvers
    singular = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
    for dt in (torch.float32, torch.float64, torch.complex64, torch.complex128):
        n = str(dt).split(".")[1]
        a = well(3, dt)
        ab = well(3, dt, (2,))
        lcase(f"inv/{n}", "inv", [t(a)], lambda a=a: torch.linalg.inv(a), dt)
        lcase(f"inv/{n}/batch", "inv", [t(ab)], lambda ab=ab: torch.linalg.inv(ab), dt)
        lcase(f"det/{n}", "det", [t(a)], lambda a=a: torch.linalg.det(a), dt)
        lcase(f"det/{n}/batch", "det", [t(ab)], lambda ab=ab: torch.linalg.det(ab), dt)
        lcase(f"slogdet/{n}", "slogdet", [t(a)], lambda a=a: tuple(torch.linalg.slogdet(a)), dt)
        b = rq(3, 2, dtype=dt)
        lcase(f"solve/{n}", "solve", [t(a), t(b), {"b": True}], lambda a=a, b=b: torch.linalg.solve(a, b), dt)
        lcase(f"solve/{n}/right", "solve", [t(a), t(b.mT.contiguous()), {"b": False}],
              lambda a=a, b=b: torch.linalg.solve(a, b.mT, left=False), dt)
        p = spd(3, dt)
        lcase(f"cholesky/{n}", "cholesky", [t(p), {"b": False}], lambda p=p: torch.linalg.cholesky(p), dt)
        lcase(f"cholesky/{n}/upper", "cholesky", [t(p), {"b": True}], lambda p=p: torch.linalg.cholesky(p, upper=True), dt)
        lcase(f"matrix_power/{n}/3", "matrix_power", [t(a), {"i": 3}], lambda a=a: torch.linalg.matrix_power(a, 3), dt)
        lcase(f"matrix_power/{n}/-2", "matrix_power", [t(a), {"i": -2}], lambda a=a: torch.linalg.matrix_power(a, -2), dt)
        lcase(f"pinv/{n}", "pinv", [t(a[:, :2].contiguous()), {"b": False}], lambda a=a: torch.linalg.pinv(a[:, :2]), dt)
        lcase(f"svdvals/{n}", "svdvals", [t(ab)], lambda ab=ab: torch.linalg.svdvals(ab), dt)
        lcase(f"eigvalsh/{n}", "eigvalsh", [t(p), {"s": "L"}], lambda p=p: torch.linalg.eigvalsh(p), dt)
        lcase(f"matrix_exp/{n}", "matrix_exp", [t(a / 4)], lambda a=a: torch.linalg.matrix_exp(a / 4), dt)
    at, at_arg = strided(well(3).T.contiguous(), [["transpose", 0, 1]])
    a3 = well(3)
    lcase("inv/transposed", "inv", [at_arg], lambda: torch.linalg.inv(at), torch.float32)
    lcase("inverse/tensor", "inverse", [t(a3)], lambda: a3.inverse(), torch.float32)
    lcase("inv/empty", "inv", [t(torch.zeros(0, 0))], lambda: torch.linalg.inv(torch.zeros(0, 0)), torch.float32)
    case(cases, "inv/error/singular", "inv", [t(singular)], lambda: torch.linalg.inv(singular))
    case(cases, "inv/error/zeros", "inv", [t(torch.zeros(3, 3, dtype=torch.float64))], lambda: torch.linalg.inv(torch.zeros(3, 3, dtype=torch.float64)))
    case(cases, "inverse/error/singular", "inverse", [t(singular)], lambda: singular.inverse())
    case(cases, "inv/error/non-square", "inv", [t(a34)], lambda: torch.linalg.inv(a34))
    case(cases, "inv/error/int", "inv", [t(torch.eye(3, dtype=torch.int64))], lambda: torch.linalg.inv(torch.eye(3, dtype=torch.int64)))
    case(cases, "inv/error/1d", "inv", [t(rq(3))], lambda: torch.linalg.inv(rq(3)))
    lcase("det/singular", "det", [t(singular)], lambda: torch.linalg.det(singular), torch.float32)
    lcase("det/transposed", "det", [at_arg], lambda: torch.linalg.det(at), torch.float32)
    lcase("det/tensor", "tensor_det", [t(a3)], lambda: a3.det(), torch.float32)
    case(cases, "det/error/int", "det", [t(torch.eye(2, dtype=torch.int64))], lambda: torch.linalg.det(torch.eye(2, dtype=torch.int64)))
    case(cases, "det/error/non-square", "det", [t(a34)], lambda: torch.linalg.det(a34))
    neg = torch.tensor([[0.0, 2.0], [3.0, 1.0]], dtype=torch.float64)
    lcase("slogdet/negative", "slogdet", [t(neg)], lambda: tuple(torch.linalg.slogdet(neg)), torch.float64)
    lcase("slogdet/singular", "slogdet", [t(singular)], lambda: tuple(torch.linalg.slogdet(singular)), torch.float32)
    sb = well(2, torch.float64, (3,))
    lcase("slogdet/batch", "slogdet", [t(sb)], lambda: tuple(torch.linalg.slogdet(sb)), torch.float64)
    case(cases, "slogdet/error/int", "slogdet", [t(torch.eye(2, dtype=torch.int64))], lambda: torch.linalg.slogdet(torch.eye(2, dtype=torch.int64)))
    bv = rq(3)
    lcase("solve/vector", "solve", [t(a3), t(bv), {"b": True}], lambda: torch.linalg.solve(a3, bv), torch.float32)
    bb = rq(2, 1, 3, 3) + 3 * torch.eye(3)
    bm = rq(4, 3, 2)
    lcase("solve/broadcast", "solve", [t(bb), t(bm), {"b": True}], lambda: torch.linalg.solve(bb, bm), torch.float32)
    case(cases, "solve/error/singular", "solve", [t(singular), t(torch.ones(2)), {"b": True}], lambda: torch.linalg.solve(singular, torch.ones(2)))
    case(cases, "solve/error/shape", "solve", [t(a3), t(torch.ones(4)), {"b": True}], lambda: torch.linalg.solve(a3, torch.ones(4)))
    case(cases, "solve/error/dtype", "solve", [t(a3), t(torch.ones(3, dtype=torch.float64)), {"b": True}],
         lambda: torch.linalg.solve(a3, torch.ones(3, dtype=torch.float64)))
    pb = spd(3, torch.float64, (2,))
    lcase("cholesky/batch", "cholesky", [t(pb), {"b": False}], lambda: torch.linalg.cholesky(pb), torch.float64)
    p3 = spd(3)
    lcase("cholesky/tensor", "tensor_cholesky", [t(p3)], lambda: p3.cholesky(), torch.float32)
    case(cases, "cholesky/error/not-pd", "cholesky", [t(torch.tensor([[1.0, 2.0], [2.0, 1.0]])), {"b": False}],
         lambda: torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]])))
    case(cases, "cholesky/error/int", "cholesky", [t(torch.eye(2, dtype=torch.int64)), {"b": False}],
         lambda: torch.linalg.cholesky(torch.eye(2, dtype=torch.int64)))
    case(cases, "cholesky/error/non-square", "cholesky", [t(a34), {"b": False}], lambda: torch.linalg.cholesky(a34))

    rect = rq(4, 3, dtype=torch.float64)
    lcase("pinv/rank-deficient", "pinv", [t(singular.double()), {"b": False}], lambda: torch.linalg.pinv(singular.double()), torch.float64)
    lcase("pinv/wide", "pinv", [t(rect.T.contiguous()), {"b": False}], lambda: torch.linalg.pinv(rect.T), torch.float64)
    ph = spd(3, torch.float64)
    lcase("pinv/hermitian", "pinv", [t(ph), {"b": True}], lambda: torch.linalg.pinv(ph, hermitian=True), torch.float64)
    lcase("pinverse/tensor", "pinverse", [t(rect)], lambda: rect.pinverse(), torch.float64)
    case(cases, "pinv/error/int", "pinv", [t(torch.eye(2, dtype=torch.int64)), {"b": False}], lambda: torch.linalg.pinv(torch.eye(2, dtype=torch.int64)))

    low = rq(5, 2, dtype=torch.float64) @ rq(2, 4, dtype=torch.float64)
    for name, x, herm in (("full", rect, False), ("rank2", low, False), ("singular", singular, False),
                          ("hermitian", ph, True), ("zeros", torch.zeros(3, 3), False), ("batch", well(3, batch=(2,)), False)):
        case(cases, f"matrix_rank/{name}", "matrix_rank", [t(x), {"b": herm}], lambda x=x, herm=herm: torch.linalg.matrix_rank(x, hermitian=herm))
    diag = torch.diag(torch.tensor([10.0, 1.0, 0.01], dtype=torch.float64))
    for name, atol, rtol in (("atol", 0.5, None), ("rtol", None, 0.05), ("both", 0.001, 0.2), ("defaults", None, None)):
        case(cases, f"matrix_rank/tol-{name}", "matrix_rank_tol",
             [t(diag), {"f": atol} if atol is not None else {"none": True}, {"f": rtol} if rtol is not None else {"none": True}, {"b": False}],
             lambda atol=atol, rtol=rtol: torch.linalg.matrix_rank(diag, atol=atol, rtol=rtol))
    case(cases, "matrix_rank/error/int", "matrix_rank", [t(torch.eye(2, dtype=torch.int64)), {"b": False}],
         lambda: torch.linalg.matrix_rank(torch.eye(2, dtype=torch.int64)))

    mi = torch.tensor([[1, 2], [3, 4]])
    for k in (0, 1, 2, 5):
        case(cases, f"matrix_power/int64/{k}", "matrix_power", [t(mi), {"i": k}], lambda k=k: torch.linalg.matrix_power(mi, k))
    case(cases, "matrix_power/tensor", "tensor_matrix_power", [t(a3), {"i": 2}], lambda: a3.matrix_power(2))
    mpb = well(2, batch=(3,))
    lcase("matrix_power/batch", "matrix_power", [t(mpb), {"i": -1}], lambda: torch.linalg.matrix_power(mpb, -1), torch.float32)
    case(cases, "matrix_power/error/non-square", "matrix_power", [t(a34), {"i": 2}], lambda: torch.linalg.matrix_power(a34, 2))
    case(cases, "matrix_power/error/int-negative", "matrix_power", [t(mi), {"i": -1}], lambda: torch.linalg.matrix_power(mi, -1))
    case(cases, "matrix_power/error/singular", "matrix_power", [t(singular), {"i": -1}], lambda: torch.linalg.matrix_power(singular, -1))

    md = [rq(2, 3), rq(3, 4), rq(4, 2)]
    case(cases, "multi_dot/three", "multi_dot", [{"ts": [enc(m) for m in md]}], lambda: torch.linalg.multi_dot(md))
    mdv = [rq(3), rq(3, 4), rq(4)]
    case(cases, "multi_dot/vector-ends", "multi_dot", [{"ts": [enc(m) for m in mdv]}], lambda: torch.linalg.multi_dot(mdv))
    case(cases, "multi_dot/error/one", "multi_dot", [{"ts": [enc(a34)]}], lambda: torch.linalg.multi_dot([a34]))
    case(cases, "multi_dot/error/shape", "multi_dot", [{"ts": [enc(a34), enc(a34)]}], lambda: torch.linalg.multi_dot([a34, a34]))
    vx, vy = rq(3, 4), rq(4)
    case(cases, "vecdot/broadcast", "vecdot", [t(vx), t(vy), {"i": -1}], lambda: torch.linalg.vecdot(vx, vy))
    cx, cy = rq(2, 3, dtype=torch.complex64), rq(2, 3, dtype=torch.complex64)
    case(cases, "vecdot/complex-dim0", "vecdot", [t(cx), t(cy), {"i": 0}], lambda: torch.linalg.vecdot(cx, cy, dim=0))
    case(cases, "vecdot/error/size", "vecdot", [t(vx), t(rq(3)), {"i": -1}], lambda: torch.linalg.vecdot(vx, rq(3)))

    # ---------------------------------------------------------------------------------------------
    # Decompositions: invariants only (see the module docstring)
    for dt in (torch.float32, torch.float64, torch.complex64):
        n = str(dt).split(".")[1]
        tall = rq(4, 3, dtype=dt)
        wide = rq(3, 4, dtype=dt)
        batch = rq(2, 3, 2, dtype=dt)
        for mode in ("reduced", "complete", "r"):
            lcase(f"qr/{n}/tall/{mode}", "qr_inv", [t(tall), {"s": mode}], lambda tall=tall, mode=mode: qr_inv(tall, mode), dt)
        lcase(f"qr/{n}/wide", "qr_inv", [t(wide), {"s": "reduced"}], lambda wide=wide: qr_inv(wide, "reduced"), dt)
        lcase(f"qr/{n}/batch", "qr_inv", [t(batch), {"s": "complete"}], lambda batch=batch: qr_inv(batch, "complete"), dt)
        for full in (True, False):
            lcase(f"svd/{n}/tall/full-{full}", "svd_inv", [t(tall), {"b": full}], lambda tall=tall, full=full: svd_inv(tall, full), dt)
            lcase(f"svd/{n}/wide/full-{full}", "svd_inv", [t(wide), {"b": full}], lambda wide=wide, full=full: svd_inv(wide, full), dt)
        lcase(f"svd/{n}/batch", "svd_inv", [t(batch), {"b": False}], lambda batch=batch: svd_inv(batch, False), dt)
        sym = rq(4, 4, dtype=dt)
        sym = sym + sym.mT.conj()
        for uplo in ("L", "U"):
            lcase(f"eigh/{n}/{uplo}", "eigh_inv", [t(sym), {"s": uplo}], lambda sym=sym, uplo=uplo: eigh_inv(sym, uplo), dt)
        lower_only = torch.tril(sym)  # eigh reads one triangle: the other is ignored
        lcase(f"eigh/{n}/lower-only", "eigh_inv", [t(lower_only), {"s": "L"}], lambda lower_only=lower_only: eigh_inv(lower_only, "L"), dt)
        sb3 = spd(3, dt, (2,))
        lcase(f"eigh/{n}/batch", "eigh_inv", [t(sb3), {"s": "L"}], lambda sb3=sb3: eigh_inv(sb3, "L"), dt)
        gen = rq(4, 4, dtype=dt)
        lcase(f"eig/{n}", "eig_inv", [t(gen)], lambda gen=gen: eig_inv(gen), dt)
        lcase(f"eigvals/{n}", "eigvals_sorted", [t(gen)],
              lambda gen=gen: (lambda w: w.index_select(-1, torch.tensor(complex_order(w))))(torch.linalg.eigvals(gen)), dt)
    rot = torch.tensor([[0.0, -2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 3.0]], dtype=torch.float64)
    lcase("eig/complex-pair", "eig_inv", [t(rot)], lambda: eig_inv(rot), torch.float64)
    tri = torch.tensor([[1.0, 5.0, 2.0], [0.0, 2.0, -1.0], [0.0, 0.0, 3.0]])
    lcase("eig/triangular", "eig_inv", [t(tri)], lambda: eig_inv(tri), torch.float32)
    lcase("eigh/transposed", "eigh_inv", [at_arg, {"s": "U"}], lambda: eigh_inv(at, "U"), torch.float32)
    lcase("svd/transposed", "svd_inv", [at_arg, {"b": True}], lambda: svd_inv(at, True), torch.float32)
    case(cases, "qr/error/mode", "qr_inv", [t(a34), {"s": "full"}], lambda: qr_inv(a34, "full"))
    case(cases, "qr/error/int", "qr_inv", [t(torch.eye(2, dtype=torch.int64)), {"s": "reduced"}], lambda: qr_inv(torch.eye(2, dtype=torch.int64), "reduced"))
    case(cases, "svd/error/int", "svd_inv", [t(torch.eye(2, dtype=torch.int64)), {"b": True}], lambda: svd_inv(torch.eye(2, dtype=torch.int64), True))
    case(cases, "svd/error/1d", "svd_inv", [t(rq(3)), {"b": True}], lambda: svd_inv(rq(3), True))
    case(cases, "eig/error/non-square", "eig_inv", [t(a34)], lambda: eig_inv(a34))
    case(cases, "eigh/error/uplo", "eigh_inv", [t(sq), {"s": "X"}], lambda: eigh_inv(sq, "X"))
    case(cases, "eigh/error/non-square", "eigh_inv", [t(a34), {"s": "L"}], lambda: eigh_inv(a34, "L"))
    case(cases, "eigvalsh/error/int", "eigvalsh", [t(torch.eye(2, dtype=torch.int64)), {"s": "L"}], lambda: torch.linalg.eigvalsh(torch.eye(2, dtype=torch.int64)))

    # ---------------------------------------------------------------------------------------------
    # Norms
    nm = rq(3, 4)
    nb = rq(2, 3, 3, dtype=torch.float64)
    ncx = rq(3, 3, dtype=torch.complex64)
    for ordv in ("fro", "nuc", 1.0, -1.0, float("inf"), float("-inf"), 2.0, -2.0):
        oarg = {"s": ordv} if isinstance(ordv, str) else {"f": str(ordv) if ordv in (float("inf"), float("-inf")) else ordv}
        tol = LOOSE[torch.float32] if ordv in ("nuc", 2.0, -2.0) else None
        case(cases, f"matrix_norm/{ordv}", "matrix_norm", [t(nm), oarg, {"ints": [-2, -1]}, {"b": False}],
             lambda ordv=ordv: torch.linalg.matrix_norm(nm, ordv), tol=tol)
        case(cases, f"matrix_norm/{ordv}/batch-dims-keep", "matrix_norm", [t(nb), oarg, {"ints": [0, 2]}, {"b": True}],
             lambda ordv=ordv: torch.linalg.matrix_norm(nb, ordv, dim=(0, 2), keepdim=True), tol=1e-9 if tol else None)
    case(cases, "matrix_norm/complex", "matrix_norm", [t(ncx), {"s": "fro"}, {"ints": [-2, -1]}, {"b": False}], lambda: torch.linalg.matrix_norm(ncx))
    case(cases, "matrix_norm/default", "matrix_norm_default", [t(nb)], lambda: torch.linalg.matrix_norm(nb))
    case(cases, "matrix_norm/error/ord", "matrix_norm", [t(nm), {"s": "bogus"}, {"ints": [-2, -1]}, {"b": False}], lambda: torch.linalg.matrix_norm(nm, "bogus"))
    case(cases, "matrix_norm/error/ord3", "matrix_norm", [t(nm), {"f": 3.0}, {"ints": [-2, -1]}, {"b": False}], lambda: torch.linalg.matrix_norm(nm, 3.0))
    case(cases, "matrix_norm/error/int", "matrix_norm", [t(mi), {"s": "fro"}, {"ints": [-2, -1]}, {"b": False}], lambda: torch.linalg.matrix_norm(mi))
    case(cases, "matrix_norm/error/1d", "matrix_norm", [t(bv), {"s": "fro"}, {"ints": [-2, -1]}, {"b": False}], lambda: torch.linalg.matrix_norm(bv))
    case(cases, "matrix_norm/error/same-dims", "matrix_norm", [t(nm), {"s": "fro"}, {"ints": [0, 0]}, {"b": False}], lambda: torch.linalg.matrix_norm(nm, dim=(0, 0)))

    vn_t, vn_arg = strided(rq(4, 3), [["transpose", 0, 1]])
    for ordv in (2.0, 1.0, float("inf"), float("-inf"), 0.0, 3.5, -1.0):
        oarg = {"f": str(ordv) if ordv in (float("inf"), float("-inf")) else ordv}
        case(cases, f"vector_norm/{ordv}/all", "vector_norm", [t(nm), oarg, {"none": True}, {"b": False}], lambda ordv=ordv: torch.linalg.vector_norm(nm, ordv))
        case(cases, f"vector_norm/{ordv}/dim1-keep", "vector_norm", [vn_arg, oarg, {"ints": [1]}, {"b": True}],
             lambda ordv=ordv: torch.linalg.vector_norm(vn_t, ordv, dim=1, keepdim=True))
    case(cases, "vector_norm/dims", "vector_norm", [t(nb), {"f": 2.0}, {"ints": [0, -1]}, {"b": False}], lambda: torch.linalg.vector_norm(nb, 2, dim=(0, -1)))
    case(cases, "vector_norm/complex", "vector_norm", [t(ncx), {"f": 2.0}, {"ints": [1]}, {"b": False}], lambda: torch.linalg.vector_norm(ncx, dim=1))
    case(cases, "vector_norm/0d", "vector_norm", [t(torch.tensor(-3.0)), {"f": 2.0}, {"none": True}, {"b": False}], lambda: torch.linalg.vector_norm(torch.tensor(-3.0)))
    case(cases, "vector_norm/empty", "vector_norm", [t(torch.zeros(0)), {"f": 2.0}, {"none": True}, {"b": False}], lambda: torch.linalg.vector_norm(torch.zeros(0)))
    case(cases, "vector_norm/nan", "vector_norm", [t(torch.tensor([1.0, float("nan")])), {"f": 2.0}, {"none": True}, {"b": False}],
         lambda: torch.linalg.vector_norm(torch.tensor([1.0, float("nan")])))
    case(cases, "vector_norm/default", "vector_norm_default", [t(nm)], lambda: torch.linalg.vector_norm(nm))
    case(cases, "vector_norm/error/int", "vector_norm", [t(mi), {"f": 2.0}, {"none": True}, {"b": False}], lambda: torch.linalg.vector_norm(mi))
    case(cases, "vector_norm/error/dim", "vector_norm", [t(nm), {"f": 2.0}, {"ints": [2]}, {"b": False}], lambda: torch.linalg.vector_norm(nm, dim=2))
    case(cases, "vector_norm/error/empty-inf", "vector_norm", [t(torch.zeros(0)), {"f": "inf"}, {"none": True}, {"b": False}],
         lambda: torch.linalg.vector_norm(torch.zeros(0), float("inf")))

    write("linalg", cases)


if __name__ == "__main__":
    main()
