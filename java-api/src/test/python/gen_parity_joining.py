#!/usr/bin/env python3
"""Parity cases for joining and splitting: cat, stack, hstack, vstack (type promotion, empty
tensors, negative dims, shapes that do not fit), split (by size and by sizes), chunk, unbind,
tensor_split (sections and indices).

Writes java-api/src/test/resources/golden/parity/joining.json; format in golden_common.py.
"""
import torch

from golden_common import case, enc
from parity_a import rnd, I, INTS, T, TS, bools, ints, stepped, transposed, write


def main():
    cases = []
    torch.manual_seed(19)
    a = rnd(2, 3)
    b = rnd(2, 3)
    c = rnd(4, 3)
    ia = torch.arange(6).reshape(2, 3)
    at, at_arg = transposed(rnd(3, 2))
    e0 = torch.zeros(0, 3)
    e1 = torch.zeros(0)
    v = torch.tensor([1.0, 2.0, 3.0])
    s = torch.tensor(5.0)

    # cat
    for d in (0, 1, -1, -2):
        case(cases, f"cat/f32/{d}", "cat", [TS([a, b]), I(d)], lambda: torch.cat([a, b], d))
    case(cases, "cat/f32-i64", "cat", [TS([a, ia]), I(0)], lambda: torch.cat([a, ia], 0))
    case(cases, "cat/i64-bool", "cat", [TS([ia, bools()[:2, :3]]), I(1)], lambda: torch.cat([ia, bools()[:2, :3]], 1))
    case(cases, "cat/i32-f64", "cat", [TS([ia.int(), b.double()]), I(0)], lambda: torch.cat([ia.int(), b.double()], 0))
    case(cases, "cat/uneven", "cat", [TS([a, c]), I(0)], lambda: torch.cat([a, c], 0))
    case(cases, "cat/uneven-wrong-dim", "cat", [TS([a, c]), I(1)], lambda: torch.cat([a, c], 1))
    case(cases, "cat/empty-2d", "cat", [TS([e0, a]), I(0)], lambda: torch.cat([e0, a], 0))
    case(cases, "cat/legacy-empty-1d", "cat", [TS([e1, a]), I(0)], lambda: torch.cat([e1, a], 0))
    case(cases, "cat/one", "cat", [TS([a]), I(1)], lambda: torch.cat([a], 1))
    case(cases, "cat/none", "cat", [TS([]), I(0)], lambda: torch.cat([], 0))
    case(cases, "cat/0d", "cat", [TS([s, s]), I(0)], lambda: torch.cat([s, s], 0))
    case(cases, "cat/bad-dim", "cat", [TS([a, b]), I(2)], lambda: torch.cat([a, b], 2))
    case(cases, "cat/rank-mismatch", "cat", [TS([a, v]), I(0)], lambda: torch.cat([a, v], 0))
    case(cases, "cat.default", "cat.default", [TS([a, c])], lambda: torch.cat([a, c]))
    case(cases, "cat/strided", "cat", [{"ts": [at_arg["t"], enc(b)]}, I(1)],
         lambda: torch.cat([at, b], 1))
    # stack
    for d in (0, 1, 2, -1, -3):
        case(cases, f"stack/f32/{d}", "stack", [TS([a, b]), I(d)], lambda: torch.stack([a, b], d))
    case(cases, "stack/f32-i64", "stack", [TS([a, ia]), I(0)], lambda: torch.stack([a, ia], 0))
    case(cases, "stack/mismatch", "stack", [TS([a, c]), I(0)], lambda: torch.stack([a, c], 0))
    case(cases, "stack/bad-dim", "stack", [TS([a, b]), I(3)], lambda: torch.stack([a, b], 3))
    case(cases, "stack/0d", "stack", [TS([s, s, s]), I(0)], lambda: torch.stack([s, s, s], 0))
    case(cases, "stack/empty", "stack", [TS([e0, e0]), I(1)], lambda: torch.stack([e0, e0], 1))
    case(cases, "stack/none", "stack", [TS([]), I(0)], lambda: torch.stack([], 0))
    case(cases, "stack.default", "stack.default", [TS([v, v])], lambda: torch.stack([v, v]))
    # hstack / vstack
    for name, fn in (("hstack", torch.hstack), ("vstack", torch.vstack)):
        case(cases, f"{name}/2d", name, [TS([a, b])], lambda: fn([a, b]))
        case(cases, f"{name}/1d", name, [TS([v, v * 2])], lambda: fn([v, v * 2]))
        case(cases, f"{name}/0d", name, [TS([s, s])], lambda: fn([s, s]))
        case(cases, f"{name}/mixed-dtype", name, [TS([ia, b])], lambda: fn([ia, b]))
        case(cases, f"{name}/mismatch", name, [TS([a, c.t()])], lambda: fn([a, c.t()]))
        case(cases, f"{name}/none", name, [TS([])], lambda: fn([]))
        case(cases, f"{name}/3d", name, [TS([torch.ones(2, 2, 2), torch.zeros(2, 2, 2)])],
             lambda: fn([torch.ones(2, 2, 2), torch.zeros(2, 2, 2)]))
    case(cases, "vstack/1d-2d", "vstack", [TS([v, a])], lambda: torch.vstack([v, a]))
    case(cases, "hstack/1d-2d", "hstack", [TS([v, a])], lambda: torch.hstack([v, a]))

    # split / chunk / unbind / tensor_split on several inputs
    x = torch.arange(35.0).reshape(7, 5)
    xi = ints()
    xb = bools()
    xs, xs_arg = stepped(torch.arange(28).reshape(7, 4))
    ins = [("f32", x, T(x)), ("i64", xi, T(xi)), ("bool", xb, T(xb)), ("stepped", xs, xs_arg),
           ("empty", e0, T(e0))]
    for iname, t, arg in ins:
        for size in (1, 2, 3, 10):
            case(cases, f"split/{iname}/{size}", "split", [arg, I(size)], lambda: torch.split(t, size))
            case(cases, f"split.dim/{iname}/{size}/-1", "split.dim", [arg, I(size), I(-1)], lambda: torch.split(t, size, -1))
        case(cases, f"split/{iname}/zero", "split", [arg, I(0)], lambda: torch.split(t, 0))
        n0 = t.shape[0]
        sizes = [1, n0 - 1] if n0 >= 1 else [0, 0]
        case(cases, f"split.sizes/{iname}", "split.sizes", [arg, INTS(sizes)], lambda: torch.split(t, sizes))
        case(cases, f"split.sizes/{iname}/bad-sum", "split.sizes", [arg, INTS([1, n0 + 1])], lambda: torch.split(t, [1, n0 + 1]))
        n1 = t.shape[-1]
        sizes1 = [n1 - 2, 0, 2] if n1 >= 2 else [0, n1]
        case(cases, f"split.sizes.dim/{iname}", "split.sizes.dim", [arg, INTS(sizes1), I(-1)], lambda: torch.split(t, sizes1, -1))
        for ch in (1, 2, 3, 4, 8):
            case(cases, f"chunk/{iname}/{ch}", "chunk", [arg, I(ch)], lambda: torch.chunk(t, ch))
            case(cases, f"chunk.dim/{iname}/{ch}/1", "chunk.dim", [arg, I(ch), I(1)], lambda: torch.chunk(t, ch, 1))
        case(cases, f"chunk/{iname}/zero", "chunk", [arg, I(0)], lambda: torch.chunk(t, 0))
        case(cases, f"unbind/{iname}", "unbind", [arg], lambda: torch.unbind(t))
        case(cases, f"unbind.dim/{iname}/-1", "unbind.dim", [arg, I(-1)], lambda: torch.unbind(t, -1))
        case(cases, f"unbind.dim/{iname}/bad", "unbind.dim", [arg, I(2)], lambda: torch.unbind(t, 2))
        for sec in (1, 2, 3, 6):
            case(cases, f"tensorSplit/{iname}/{sec}", "tensorSplit", [arg, I(sec)], lambda: torch.tensor_split(t, sec))
            case(cases, f"tensorSplit.dim/{iname}/{sec}/1", "tensorSplit.dim", [arg, I(sec), I(1)], lambda: torch.tensor_split(t, sec, 1))
        case(cases, f"tensorSplit/{iname}/zero", "tensorSplit", [arg, I(0)], lambda: torch.tensor_split(t, 0))
        for idx in ([1, 3], [0, 0, 2], [2, 1], [-2, 10], []):
            case(cases, f"tensorSplit.indices/{iname}/{idx}", "tensorSplit.indices", [arg, INTS(idx), I(0)],
                 lambda: torch.tensor_split(t, idx, 0))
        case(cases, f"tensorSplit.indices/{iname}/bad-dim", "tensorSplit.indices", [arg, INTS([1]), I(3)], lambda: torch.tensor_split(t, [1], 3))
    s0 = torch.tensor(2.0)
    case(cases, "split/0d", "split", [T(s0), I(1)], lambda: torch.split(s0, 1))
    case(cases, "unbind/0d", "unbind", [T(s0)], lambda: torch.unbind(s0))
    case(cases, "chunk/0d", "chunk", [T(s0), I(1)], lambda: torch.chunk(s0, 1))
    case(cases, "tensorSplit/0d", "tensorSplit", [T(s0), I(1)], lambda: torch.tensor_split(s0, 1))
    case(cases, "torch.split", "torch.split", [T(x), I(3), I(0)], lambda: torch.split(x, 3, 0))
    case(cases, "torch.chunk", "torch.chunk", [T(x), I(3), I(1)], lambda: torch.chunk(x, 3, 1))
    case(cases, "torch.unbind", "torch.unbind", [T(x), I(1)], lambda: torch.unbind(x, 1))

    write("joining", cases)


if __name__ == "__main__":
    main()
