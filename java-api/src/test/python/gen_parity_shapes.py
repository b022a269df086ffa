#!/usr/bin/env python3
"""Parity cases for the shape ops: view, reshape, flatten, unflatten, squeeze, unsqueeze, permute,
transpose, t, mT, contiguous, expand/expand_as, broadcast_to, repeat, tile, flip, roll, narrow,
movedim, clone, detach — over several dtypes, 0-d, empty and non-contiguous inputs, and the
shapes PyTorch refuses.

Writes java-api/src/test/resources/golden/parity/shapes.json; format in golden_common.py.
"""
import torch

from golden_common import case
from parity_a import rnd, B, I, INTS, T, bools, ints, special_floats, stepped, transposed, write


def main():
    cases = []
    torch.manual_seed(17)
    x3 = torch.arange(24.0).reshape(2, 3, 4)
    xi = torch.arange(24).reshape(2, 3, 4).int()
    xb = (torch.arange(24) % 3 == 0).reshape(2, 3, 4)
    xt, xt_arg = transposed(torch.arange(12.0).reshape(4, 3))
    xs, xs_arg = stepped(torch.arange(16).reshape(2, 8))
    s0 = torch.tensor(4.5)
    e = torch.zeros(0, 3)
    ins = [("f32-3d", x3, T(x3)), ("i32-3d", xi, T(xi)), ("bool-3d", xb, T(xb)),
           ("transposed", xt, xt_arg), ("stepped-i64", xs, xs_arg), ("0d", s0, T(s0)), ("empty", e, T(e)),
           ("nan", special_floats(), T(special_floats()))]

    for iname, x, arg in ins:
        n = x.dim()
        # reshape / view
        case(cases, f"reshape/{iname}/-1", "reshape", [arg, INTS([-1])], lambda: x.reshape(-1))
        if x.numel() > 0:
            case(cases, f"reshape/{iname}/col", "reshape", [arg, INTS([-1, 1])], lambda: x.reshape(-1, 1))
        case(cases, f"reshape/{iname}/bad", "reshape", [arg, INTS([5, -1])], lambda: x.reshape(5, -1))
        case(cases, f"reshape/{iname}/two-inferred", "reshape", [arg, INTS([-1, -1])], lambda: x.reshape(-1, -1))
        case(cases, f"view/{iname}/-1", "view", [arg, INTS([-1])], lambda: x.view(-1))
        # flatten
        case(cases, f"flatten/{iname}", "flatten", [arg], lambda: x.flatten())
        if n >= 2:
            case(cases, f"flatten.range/{iname}/1:-1", "flatten.range", [arg, I(1), I(-1)], lambda: x.flatten(1, -1))
            case(cases, f"flatten.start/{iname}/-2", "flatten.start", [arg, I(-2)], lambda: x.flatten(-2))
            case(cases, f"flatten.range/{iname}/bad-order", "flatten.range", [arg, I(1), I(0)], lambda: x.flatten(1, 0))
        case(cases, f"flatten.range/{iname}/bad-dim", "flatten.range", [arg, I(0), I(n + 1)], lambda: x.flatten(0, n + 1))
        # squeeze / unsqueeze
        for d in dict.fromkeys((0, -1, n)):
            case(cases, f"unsqueeze/{iname}/{d}", "unsqueeze", [arg, I(d)], lambda: x.unsqueeze(d))
        case(cases, f"unsqueeze/{iname}/bad", "unsqueeze", [arg, I(n + 2)], lambda: x.unsqueeze(n + 2))
        u = x.unsqueeze(0).unsqueeze(-1)
        case(cases, f"squeeze/{iname}", "squeeze", [T(u)], lambda: u.squeeze())
        case(cases, f"squeeze.dim/{iname}/0", "squeeze.dim", [T(u), I(0)], lambda: u.squeeze(0))
        case(cases, f"squeeze.dim/{iname}/-1", "squeeze.dim", [T(u), I(-1)], lambda: u.squeeze(-1))
        case(cases, f"squeeze.dims/{iname}/0,-1", "squeeze.dims", [T(u), INTS([0, -1])], lambda: u.squeeze((0, -1)))
        case(cases, f"squeeze.dim/{iname}/bad", "squeeze.dim", [T(u), I(u.dim())], lambda: u.squeeze(u.dim()))
        if n >= 1:
            case(cases, f"squeeze.dim/{iname}/not-one", "squeeze.dim", [arg, I(0)], lambda: x.squeeze(0))
        # permute / transpose / t / mT / movedim
        perm = list(range(n))[::-1]
        case(cases, f"permute/{iname}/rev", "permute", [arg, INTS(perm)], lambda: x.permute(perm))
        case(cases, f"permute/{iname}/short", "permute", [arg, INTS(perm[:-1] if n else [0])], lambda: x.permute(perm[:-1] if n else [0]))
        if n >= 2:
            case(cases, f"permute/{iname}/dup", "permute", [arg, INTS([0] * n)], lambda: x.permute([0] * n))
            case(cases, f"transpose/{iname}/0,-1", "transpose", [arg, I(0), I(-1)], lambda: x.transpose(0, -1))
            case(cases, f"mT/{iname}", "mT", [arg], lambda: x.mT)
            case(cases, f"movedim/{iname}/0,-1", "movedim", [arg, I(0), I(-1)], lambda: torch.movedim(x, 0, -1))
            case(cases, f"movedim.dims/{iname}", "movedim.dims", [arg, INTS([0, 1]), INTS([-1, 0])], lambda: torch.movedim(x, (0, 1), (-1, 0)))
            case(cases, f"movedim.dims/{iname}/dup", "movedim.dims", [arg, INTS([0, 0]), INTS([1, 0])], lambda: torch.movedim(x, (0, 0), (1, 0)))
        else:
            case(cases, f"mT/{iname}", "mT", [arg], lambda: x.mT)
        case(cases, f"transpose/{iname}/bad", "transpose", [arg, I(0), I(n + 1)], lambda: x.transpose(0, n + 1))
        case(cases, f"t/{iname}", "t", [arg], lambda: x.t())
        # expand / broadcast_to
        if n == 0:
            case(cases, f"expand/{iname}", "expand", [arg, INTS([2, 3])], lambda: x.expand(2, 3))
        ex = x.unsqueeze(0)
        shape = [3] + list(ex.shape[1:])
        case(cases, f"expand/{iname}/lead", "expand", [T(ex), INTS(shape)], lambda: ex.expand(shape))
        keep = [2] + [-1] * (ex.dim() - 1)
        case(cases, f"expand/{iname}/keep", "expand", [T(ex), INTS(keep)], lambda: ex.expand(keep))
        case(cases, f"broadcastTo/{iname}", "broadcastTo", [T(ex), INTS([2] + shape)], lambda: torch.broadcast_to(ex, [2] + shape))
        if n >= 1 and x.shape[-1] != 1:
            bad = list(x.shape)
            bad[-1] = bad[-1] + 1
            case(cases, f"expand/{iname}/bad", "expand", [arg, INTS(bad)], lambda: x.expand(bad))
            case(cases, f"broadcastTo/{iname}/bad", "broadcastTo", [arg, INTS(bad)], lambda: torch.broadcast_to(x, bad))
        fewer = list(x.shape[1:])
        case(cases, f"expand/{iname}/fewer-dims", "expand", [arg, INTS(fewer)], lambda: x.expand(fewer))
        # repeat / tile
        reps = [2] * n + [1] if n else [3]
        case(cases, f"repeat/{iname}", "repeat", [arg, INTS(reps)], lambda: x.repeat(reps))
        case(cases, f"repeat/{iname}/too-few", "repeat", [arg, INTS([2] * max(n - 1, 0))], lambda: x.repeat([2] * max(n - 1, 0)))
        case(cases, f"tile/{iname}", "tile", [arg, INTS([2])], lambda: torch.tile(x, (2,)))
        case(cases, f"tile/{iname}/more", "tile", [arg, INTS([2, 1, 1, 2])], lambda: torch.tile(x, (2, 1, 1, 2)))
        # flip / roll / narrow
        case(cases, f"flip/{iname}/0", "flip", [arg, INTS([0])], lambda: torch.flip(x, (0,)))
        if n >= 2:
            case(cases, f"flip/{iname}/0,-1", "flip", [arg, INTS([0, -1])], lambda: torch.flip(x, (0, -1)))
            case(cases, f"flip/{iname}/dup", "flip", [arg, INTS([0, -n])], lambda: torch.flip(x, (0, -n)))
        case(cases, f"roll/{iname}/3", "roll", [arg, I(3)], lambda: torch.roll(x, 3))
        case(cases, f"roll.dim/{iname}/-1,0", "roll.dim", [arg, I(-1), I(0)], lambda: torch.roll(x, -1, 0))
        if n >= 2:
            case(cases, f"roll.dims/{iname}", "roll.dims", [arg, INTS([1, 5]), INTS([0, -1])], lambda: torch.roll(x, (1, 5), (0, -1)))
            case(cases, f"roll.dims/{iname}/mismatch", "roll.dims", [arg, INTS([1, 2]), INTS([0])], lambda: torch.roll(x, (1, 2), (0,)))
        if n >= 1:
            size = x.shape[-1]
            case(cases, f"narrow/{iname}/-1", "narrow", [arg, I(-1), I(1), I(max(size - 1, 0))], lambda: x.narrow(-1, 1 if size else 0, max(size - 1, 0)))
            case(cases, f"narrow/{iname}/neg-start", "narrow", [arg, I(0), I(-1), I(1)], lambda: x.narrow(0, -1, 1))
            case(cases, f"narrow/{iname}/too-long", "narrow", [arg, I(-1), I(0), I(size + 1)], lambda: x.narrow(-1, 0, size + 1))
        else:
            case(cases, f"narrow/{iname}/0d", "narrow", [arg, I(0), I(0), I(1)], lambda: x.narrow(0, 0, 1))
        # unflatten
        if n >= 1 and x.shape[0] > 0 and x.shape[0] % 2 == 0:
            case(cases, f"unflatten/{iname}", "unflatten", [arg, I(0), INTS([2, -1])], lambda: x.unflatten(0, (2, -1)))
        if n >= 1:
            case(cases, f"unflatten/{iname}/bad", "unflatten", [arg, I(-1), INTS([7, 5])], lambda: x.unflatten(-1, (7, 5)))
        # copies and views
        case(cases, f"contiguous/{iname}", "contiguous", [arg], lambda: x.contiguous())
        case(cases, f"clone/{iname}", "clone", [arg], lambda: x.clone())
        case(cases, f"detach/{iname}", "detach", [arg], lambda: x.detach())

    # view where the strides do not allow it; expand_as; a 3-d t(); unflatten of a size-1 dim
    case(cases, "view/transposed-fails", "view", [xt_arg, INTS([-1])], lambda: xt.view(-1))
    case(cases, "view/stepped-ok", "view", [xs_arg, INTS([2, 2, 2])], lambda: xs.view(2, 2, 2))
    case(cases, "view/bad-size", "view", [T(x3), INTS([5, 5])], lambda: x3.view(5, 5))
    row = torch.tensor([1.0, 2.0, 3.0])
    case(cases, "expandAs/row", "expandAs", [T(row), T(torch.zeros(2, 3))], lambda: row.expand_as(torch.zeros(2, 3)))
    case(cases, "expandAs/col", "expandAs", [T(row.reshape(3, 1)), T(torch.zeros(3, 4, dtype=torch.int64))],
         lambda: row.reshape(3, 1).expand_as(torch.zeros(3, 4, dtype=torch.int64)))
    case(cases, "expandAs/bad", "expandAs", [T(row), T(torch.zeros(2, 4))], lambda: row.expand_as(torch.zeros(2, 4)))
    case(cases, "t/3d-fails", "t", [T(x3)], lambda: x3.t())
    case(cases, "t/1d", "t", [T(row)], lambda: row.t())
    case(cases, "unflatten/size1", "unflatten", [T(torch.zeros(2, 1, 3)), I(1), INTS([1, 1])],
         lambda: torch.zeros(2, 1, 3).unflatten(1, (1, 1)))
    case(cases, "permute/bad-dim", "permute", [T(x3), INTS([0, 1, 3])], lambda: x3.permute(0, 1, 3))
    case(cases, "torch.reshape", "torch.reshape", [T(x3), INTS([4, -1])], lambda: torch.reshape(x3, (4, -1)))
    case(cases, "torch.flatten", "torch.flatten", [T(x3), I(1), I(2)], lambda: torch.flatten(x3, 1, 2))
    case(cases, "torch.squeeze", "torch.squeeze", [T(torch.zeros(1, 3, 1))], lambda: torch.squeeze(torch.zeros(1, 3, 1)))
    case(cases, "torch.permute", "torch.permute", [T(x3), INTS([2, 0, 1])], lambda: torch.permute(x3, (2, 0, 1)))
    case(cases, "torch.transpose", "torch.transpose", [T(x3), I(0), I(2)], lambda: torch.transpose(x3, 0, 2))

    write("shapes", cases)


if __name__ == "__main__":
    main()
