"""Checks jtorch::argmax_layer, jtorch::soft_argmax and jtorch::min_max from Python against
PyTorch's own ops, on the library the build made:

    python3 extensions-cpp/tests/test_ops.py path/to/libjtorch_ops.so

Forward values for every floating dtype, many shapes and dims, non-contiguous inputs, ties,
NaN and inf (exact for the one-hot, values and indices; close for soft_argmax); gradcheck in
float64 for all three backwards; torch.library.opcheck (schema, Meta kernel, autograd
registration); TorchScript; the error types. CUDA cases run where CUDA is available.
"""
import os
import sys
import tempfile
import unittest

import torch

LIB = sys.argv.pop(1) if len(sys.argv) > 1 else os.environ.get("JTORCH_OPS_LIBRARY", "build/libjtorch_ops.so")
torch.ops.load_library(LIB)
J = torch.ops.jtorch
DTYPES = [torch.float32, torch.float64, torch.float16, torch.bfloat16]
REDUCED = (torch.float16, torch.bfloat16)
DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


def soft_argmax_ref(x, dim, t):
    xf = x.float() if x.dtype in REDUCED else x
    if x.dim() == 0:
        return torch.zeros_like(x)
    d = dim % x.dim()
    shape = [1] * x.dim()
    shape[d] = x.shape[d]
    idx = torch.arange(x.shape[d], dtype=xf.dtype, device=x.device).view(shape)
    return (torch.softmax(xf / t, dim) * idx).sum(dim).to(x.dtype)


def samples(dtype, device, seed=0):
    """(tensor, dim) pairs: contiguous and not, ties, NaN, +-inf, long rows and columns."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for shape in [(1,), (7,), (33,), (5, 37), (37, 5), (3, 40, 6), (2, 3, 300), (300, 2), (4, 1, 9), (2, 1000)]:
        x = torch.randn(shape, generator=g, dtype=torch.float64).to(dtype).to(device)
        for dim in range(-x.dim(), x.dim()):
            out.append((x, dim))
        t = torch.randint(0, 3, shape, generator=g).to(dtype).to(device)  # ties
        out.append((t, -1))
        out.append((t, 0))
        if x.numel() > 4:
            n = x.clone()
            flat = n.view(-1)
            flat[3] = flat[x.numel() // 2] = float("nan")
            flat[1] = float("inf")
            flat[-1] = -float("inf")
            out.append((n, -1))
            out.append((n, 0))
        if x.dim() > 1:
            out.append((x.transpose(0, -1), 0))
            out.append((x.transpose(0, -1), -1))
            out.append((x[..., ::2], -1))
            out.append((x[::2], 0))
    out.append((torch.tensor(1.5, dtype=dtype, device=device), 0))
    return out


class Forward(unittest.TestCase):
    def test_argmax_layer_is_one_hot_of_first_maximum(self):
        for device in DEVICES:
            for dtype in DTYPES:
                for x, dim in samples(dtype, device):
                    got = J.argmax_layer(x, dim)
                    if x.dim() == 0:
                        want = torch.ones_like(x)
                    else:
                        want = torch.zeros_like(x).scatter_(dim, x.argmax(dim, keepdim=True), 1)
                    self.assertTrue(torch.equal(got, want), (device, dtype, x.shape, dim))
                    self.assertTrue(got.is_contiguous())

    def test_min_max_matches_torch_min_and_max(self):
        for device in DEVICES:
            for dtype in DTYPES:
                for x, dim in samples(dtype, device):
                    for keepdim in (False, True):
                        mn, imn, mx, imx = J.min_max(x, dim, keepdim)
                        rmn, rimn = torch.min(x, dim, keepdim)
                        rmx, rimx = torch.max(x, dim, keepdim)
                        what = (device, dtype, x.shape, dim, keepdim)
                        self.assertTrue(torch.equal(imn, rimn), what)
                        self.assertTrue(torch.equal(imx, rimx), what)
                        self.assertTrue(torch.allclose(mn, rmn, equal_nan=True, rtol=0, atol=0), what)
                        self.assertTrue(torch.allclose(mx, rmx, equal_nan=True, rtol=0, atol=0), what)
                        self.assertEqual(mn.dtype, dtype)
                        self.assertEqual(imn.dtype, torch.int64)

    def test_soft_argmax_matches_softmax_weighted_index(self):
        for device in DEVICES:
            for dtype in DTYPES:
                tol = 2e-2 if dtype in REDUCED else (1e-5 if dtype == torch.float32 else 1e-10)
                for x, dim in samples(dtype, device):
                    for t in (1.0, 0.3, 4.0):
                        got = J.soft_argmax(x, dim, t)
                        want = soft_argmax_ref(x, dim, t)
                        scale = max(1.0, x.shape[dim] if x.dim() else 1.0)
                        self.assertTrue(torch.allclose(got.double(), want.double(), rtol=tol, atol=tol * scale,
                                                       equal_nan=True), (device, dtype, x.shape, dim, t))

    def test_default_arguments(self):
        x = torch.randn(3, 4)
        self.assertTrue(torch.equal(J.soft_argmax(x, 1), J.soft_argmax(x, 1, 1.0)))
        self.assertEqual(J.min_max(x, 1)[0].shape, (3,))

    def test_empty_outer_dims(self):
        x = torch.zeros(0, 5)
        self.assertEqual(J.argmax_layer(x, 1).shape, (0, 5))
        self.assertEqual(J.soft_argmax(x, 1, 1.0).shape, (0,))
        self.assertEqual(J.min_max(x, 1, True)[1].shape, (0, 1))

    def test_meta_tensors_get_shapes(self):
        x = torch.empty(3, 4, 5, device="meta")
        self.assertEqual(J.argmax_layer(x, 1).shape, (3, 4, 5))
        self.assertEqual(J.soft_argmax(x, 1, 1.0).shape, (3, 5))
        mn, imn, mx, imx = J.min_max(x, -1, True)
        self.assertEqual((mn.shape, imn.dtype), ((3, 4, 1), torch.int64))


class Backward(unittest.TestCase):
    def test_gradcheck_float64(self):
        g = torch.Generator().manual_seed(1)
        for shape, dim in [((3, 5), 1), ((3, 5), 0), ((2, 3, 4), -2), ((4,), 0)]:
            x = torch.randn(shape, generator=g, dtype=torch.float64, requires_grad=True)
            self.assertTrue(torch.autograd.gradcheck(lambda t: J.soft_argmax(t, dim, 0.7), (x,)))
            self.assertTrue(torch.autograd.gradgradcheck(lambda t: J.soft_argmax(t, dim, 0.7), (x,)))
            # min/max values are piecewise linear: gradcheck holds away from ties
            self.assertTrue(torch.autograd.gradcheck(
                lambda t: tuple(o for o in J.min_max(t, dim, False) if o.is_floating_point()), (x,)))

    def test_argmax_layer_backward_is_straight_through_softmax(self):
        # The forward is piecewise constant (finite differences give 0 almost everywhere); the
        # defined backward is softmax's: the gradient equals that of softmax(x, dim).
        g = torch.Generator().manual_seed(2)
        for shape, dim in [((3, 5), 1), ((3, 5), 0), ((2, 3, 4), 1)]:
            x = torch.randn(shape, generator=g, dtype=torch.float64, requires_grad=True)
            w = torch.randn(shape, generator=g, dtype=torch.float64)
            (ga,) = torch.autograd.grad((J.argmax_layer(x, dim) * w).sum(), x)
            (gs,) = torch.autograd.grad((torch.softmax(x, dim) * w).sum(), x)
            self.assertTrue(torch.allclose(ga, gs, rtol=0, atol=1e-14))

            # gradcheck of the backward: a function valued softmax(x) whose gradient is the op's
            def straight_through(t):
                hard = J.argmax_layer(t, dim)
                return hard - hard.detach() + torch.softmax(t, dim).detach()
            self.assertTrue(torch.autograd.gradcheck(straight_through, (x,)))
            # and its own backward is differentiable (double backward through softmax)
            self.assertTrue(torch.autograd.gradgradcheck(lambda t: J.argmax_layer(t, dim), (x,),
                                                         check_undefined_grad=False))

    def test_min_max_gradient_goes_to_the_indices(self):
        x = torch.tensor([[1.0, 5.0, 5.0, -2.0], [3.0, 3.0, 3.0, 3.0]], requires_grad=True)
        mn, imn, mx, imx = J.min_max(x, 1, False)
        (mn * torch.tensor([10.0, 20.0]) + mx * torch.tensor([1.0, 2.0])).sum().backward()
        self.assertTrue(torch.equal(x.grad, torch.tensor([[0.0, 1.0, 0.0, 10.0], [22.0, 0.0, 0.0, 0.0]])))
        self.assertFalse(imn.requires_grad)
        y = torch.randn(3, 4, requires_grad=True)
        J.min_max(y, 0, True)[2].sum().backward()  # only max used
        self.assertTrue(torch.equal(y.grad, torch.zeros(3, 4).scatter_(0, y.argmax(0, keepdim=True), 1)))

    def test_opcheck(self):
        x = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
        torch.library.opcheck(torch.ops.jtorch.soft_argmax.default, (x, 1, 0.5))
        torch.library.opcheck(torch.ops.jtorch.min_max.default, (x, 0, True))
        torch.library.opcheck(torch.ops.jtorch.argmax_layer.default, (x, 1))


class Errors(unittest.TestCase):
    def test_bad_arguments(self):
        x = torch.randn(2, 3)
        for op in (lambda t, d: J.argmax_layer(t, d), lambda t, d: J.soft_argmax(t, d, 1.0),
                   lambda t, d: J.min_max(t, d, False)):
            with self.assertRaisesRegex(IndexError, "Dimension out of range"):
                op(x, 2)
            with self.assertRaisesRegex(RuntimeError, "floating-point"):
                op(torch.tensor([1, 2]), 0)
            with self.assertRaisesRegex(IndexError, "non-zero size"):
                op(torch.zeros(2, 0), 1)
        with self.assertRaisesRegex(ValueError, "temperature"):
            J.soft_argmax(x, 1, 0.0)
        with self.assertRaisesRegex(ValueError, "temperature"):
            J.soft_argmax(x, 1, float("nan"))


class Scripted(unittest.TestCase):
    def test_torchscript_calls_all_three(self):
        @torch.jit.script
        def f(x: torch.Tensor):
            mn, imn, mx, imx = torch.ops.jtorch.min_max(x, 0, False)
            return torch.ops.jtorch.argmax_layer(x, 1), torch.ops.jtorch.soft_argmax(x, 1, 2.0), imn, mx
        x = torch.randn(4, 6)
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "f.pt")
            f.save(p)
            g = torch.jit.load(p)
            for a, b in zip(g(x), f(x)):
                self.assertTrue(torch.equal(a, b))


if __name__ == "__main__":
    unittest.main()
