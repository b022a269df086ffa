"""Checks libjtorch_ops.so from Python against PyTorch itself.

    python3 extensions-cpp/tests/test_argmax_layer.py path/to/libjtorch_ops.so

(or set JTORCH_OPS_LIB). Needs torch==2.13.0; CUDA cases run only where CUDA is available.
"""
import os
import sys
import tempfile
import unittest

import torch

LIB = os.environ.get("JTORCH_OPS_LIB")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    LIB = sys.argv.pop(1)
if not LIB:
    sys.exit("usage: test_argmax_layer.py path/to/libjtorch_ops.so  (or set JTORCH_OPS_LIB)")
torch.ops.load_library(LIB)

op = torch.ops.jtorch.argmax_layer
FLOATS = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
DEVICES = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


def reference(x, dim):
    """The documented semantics, written with stock PyTorch."""
    if x.dim() == 0:
        return torch.ones_like(x)
    out = torch.zeros_like(x, memory_format=torch.contiguous_format)
    return out.scatter_(dim, x.argmax(dim, keepdim=True), 1)


def reference_grad(x, g, dim):
    s = torch.softmax(x, dim)
    return s * (g - (g * s).sum(dim, keepdim=True))


class Forward(unittest.TestCase):
    def check(self, x, dim):
        y = op(x, dim)
        self.assertEqual(y.dtype, x.dtype)
        self.assertEqual(y.shape, x.shape)
        self.assertEqual(y.device, x.device)
        self.assertTrue(y.is_contiguous())
        torch.testing.assert_close(y, reference(x, dim), rtol=0, atol=0)
        return y

    def test_dtypes_and_dims(self):
        torch.manual_seed(0)
        for device in DEVICES:
            for dtype in FLOATS:
                x = torch.randn(3, 4, 5, device=device).to(dtype)
                for dim in range(-3, 3):
                    y = self.check(x, dim)
                    self.assertTrue(torch.all(y.sum(dim) == 1))

    def test_ties_pick_first(self):
        x = torch.tensor([[1.0, 3.0, 3.0, 0.0], [2.0, 2.0, 2.0, 2.0]])
        expected = torch.tensor([[0.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]])
        torch.testing.assert_close(op(x, 1), expected, rtol=0, atol=0)
        torch.testing.assert_close(op(x, -1), expected, rtol=0, atol=0)

    def test_nan_is_the_maximum(self):
        nan, inf = float("nan"), float("inf")
        x = torch.tensor([[1.0, nan, inf, nan], [-inf, -inf, -inf, -inf]], dtype=torch.float64)
        expected = torch.tensor([[0.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]], dtype=torch.float64)
        torch.testing.assert_close(op(x, 1), expected, rtol=0, atol=0)

    def test_zero_dim_and_empty(self):
        for dim in (0, -1):
            y = op(torch.tensor(2.5), dim)
            self.assertEqual(y.shape, torch.Size([]))
            self.assertEqual(y.item(), 1.0)
        self.assertEqual(op(torch.tensor(float("nan")), 0).item(), 1.0)
        y = op(torch.empty(0, 3), 1)  # empty, but the reduced dim is not
        self.assertEqual(y.shape, torch.Size([0, 3]))

    def test_non_contiguous(self):
        x = torch.randn(5, 6).t()
        self.assertFalse(x.is_contiguous())
        self.check(x, 0)
        self.check(x[:, ::2], 1)

    def test_meta(self):
        y = op(torch.empty(2, 3, device="meta", dtype=torch.bfloat16), 1)
        self.assertEqual((y.device.type, y.shape, y.dtype), ("meta", torch.Size([2, 3]), torch.bfloat16))
        with self.assertRaises(IndexError):
            op(torch.empty(2, 3, device="meta"), 2)


class Errors(unittest.TestCase):
    def test_integer_dtype(self):
        with self.assertRaisesRegex(RuntimeError, "expected a floating-point tensor .* but got Long"):
            op(torch.arange(6).reshape(2, 3), 1)
        with self.assertRaisesRegex(RuntimeError, "but got Bool"):
            op(torch.ones(2, dtype=torch.bool), 0)

    def test_dim_out_of_range(self):
        with self.assertRaisesRegex(IndexError, r"Dimension out of range \(expected to be in range of \[-2, 1\], but got 2\)"):
            op(torch.randn(2, 3), 2)
        with self.assertRaisesRegex(IndexError, "Dimension out of range"):
            op(torch.randn(2, 3), -3)
        with self.assertRaisesRegex(IndexError, "Dimension out of range"):
            op(torch.tensor(1.0), 1)

    def test_empty_reduction_dim(self):
        with self.assertRaisesRegex(IndexError, "Expected reduction dim 1 to have non-zero size"):
            op(torch.empty(2, 0), 1)


class Backward(unittest.TestCase):
    def test_straight_through_softmax(self):
        torch.manual_seed(1)
        for device in DEVICES:
            for dtype in FLOATS:
                for shape, dim in (((4, 7), 1), ((4, 7), -2), ((2, 3, 5), 1), ((6,), 0)):
                    x = torch.randn(*shape, device=device).to(dtype).requires_grad_()
                    g = torch.randn(*shape, device=device).to(dtype)
                    op(x, dim).backward(g)
                    exact = dtype == torch.float64 or dtype == torch.float32
                    tol = dict(rtol=0, atol=0) if exact else {}
                    torch.testing.assert_close(x.grad, reference_grad(x.detach(), g, dim), **tol)

    def test_float64_autograd_grad(self):
        x = torch.randn(3, 5, dtype=torch.float64, requires_grad=True)
        g = torch.randn(3, 5, dtype=torch.float64)
        (gx,) = torch.autograd.grad(op(x, 1), x, g, create_graph=True)
        torch.testing.assert_close(gx, reference_grad(x.detach(), g, 1), rtol=1e-15, atol=1e-15)
        # The backward is made of differentiable ATen ops, so double backward works and
        # matches the formula differentiated by autograd itself.
        (ggx,) = torch.autograd.grad(gx.sum(), x)
        x2 = x.detach().requires_grad_()
        (ref,) = torch.autograd.grad(reference_grad(x2, g, 1).sum(), x2)
        torch.testing.assert_close(ggx, ref, rtol=1e-12, atol=1e-12)

    def test_zero_dim_grad(self):
        x = torch.tensor(3.0, requires_grad=True)
        op(x, 0).backward()
        self.assertEqual(x.grad.item(), 0.0)

    def test_no_grad_needed(self):
        x = torch.randn(2, 3)
        self.assertFalse(op(x, 1).requires_grad)
        with torch.inference_mode():
            self.assertEqual(op(torch.randn(2, 3), 0).shape, torch.Size([2, 3]))


class Registration(unittest.TestCase):
    def test_schema(self):
        self.assertEqual(str(op.default._schema), "jtorch::argmax_layer(Tensor self, int dim) -> Tensor")

    def test_opcheck(self):
        # Schema, autograd registration, FakeTensor (Meta kernel) and AOT dispatch.
        x = torch.randn(3, 4, requires_grad=True)
        result = torch.library.opcheck(op.default, (x, 1))
        self.assertTrue(all(v == "SUCCESS" for v in result.values()), result)


class TorchScript(unittest.TestCase):
    def test_script_save_load(self):
        @torch.jit.script
        def f(x: torch.Tensor) -> torch.Tensor:
            return torch.ops.jtorch.argmax_layer(x, -1) * 2.0

        x = torch.randn(3, 4)
        torch.testing.assert_close(f(x), reference(x, -1) * 2.0, rtol=0, atol=0)
        self.assertIn("jtorch::argmax_layer", str(f.graph))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f.pt")
            f.save(path)
            g = torch.jit.load(path)
            torch.testing.assert_close(g(x), f(x), rtol=0, atol=0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
