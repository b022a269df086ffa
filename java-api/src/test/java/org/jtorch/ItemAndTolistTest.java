package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code item()} and {@code tolist()} give what Python's do, as Java values: {@code
 * torch.tensor(2.5).item() == 2.5}, {@code torch.tensor(7).item() == 7}, {@code
 * torch.tensor(True).item() == True == 1}, nested lists in row-major order, a bare value for 0-d;
 * and a result of autograd prints its node as Python's repr does.
 */
class ItemAndTolistTest {
  @Test
  void itemBoxesTheValueByDtypeKind() {
    try (Scope s = Scope.open()) {
      assertEquals(2.5, Torch.tensor(new float[] {2.5f}).item());
      assertEquals(Double.class, Torch.tensor(new double[] {1}).sum().item().getClass());
      assertEquals(7L, Torch.tensor(new long[] {7}).item());
      assertEquals(7L, Torch.tensor(new long[] {3, 4}).sum().item());
      assertEquals(1L, Torch.tensor(new boolean[] {true}).item());
      assertEquals(0L, Torch.tensor(new boolean[] {false}).item());
      assertTrue(Double.isNaN(Torch.tensor(new float[] {Float.NaN}).item().doubleValue()));
      assertEquals(
          Long.MIN_VALUE, Torch.tensor(new long[] {Long.MIN_VALUE}).item(), "int64 stays exact");
      // PyTorch's own errors: more than one element, or none
      assertThrows(TorchException.class, () -> Torch.tensor(new float[] {1, 2}).item());
      assertThrows(TorchException.class, () -> Torch.zeros(0).item());
      Tensor complex = Torch.tensor(new float[] {1}).to(DType.COMPLEX64);
      assertThrows(IllegalStateException.class, complex::item);
      Tensor closed = Torch.tensor(new float[] {1});
      closed.close();
      assertThrows(IllegalStateException.class, closed::item);
    }
  }

  @Test
  void tolistNestsByShape() {
    try (Scope s = Scope.open()) {
      Tensor m = Torch.arange(0.0, 6.0, 1.0).reshape(2, 3);
      assertEquals(List.of(List.of(0.0, 1.0, 2.0), List.of(3.0, 4.0, 5.0)), m.tolist());
      // a transposed (non-contiguous) view reads in its own row-major order
      assertEquals(List.of(List.of(0.0, 3.0), List.of(1.0, 4.0), List.of(2.0, 5.0)), m.t().tolist());
      assertEquals(List.of(List.of(1L, 2L)), Torch.tensor(new long[][] {{1, 2}}).tolist());
      assertEquals(List.of(true, false), Torch.tensor(new boolean[] {true, false}).tolist());
      assertEquals(5L, Torch.tensor(new long[] {5}).reshape().tolist(), "0-d: the value alone");
      assertEquals(List.of(), Torch.zeros(0).tolist());
      assertEquals(List.of(List.of(), List.of()), Torch.zeros(2, 0).tolist());
      List<?> rows = (List<?>) m.tolist();
      assertThrows(UnsupportedOperationException.class, () -> rows.remove(0));
    }
  }

  @Tag("jtorch-native")
  @Test
  void reprNamesTheGradFn() {
    // Python: x = torch.ones(2, requires_grad=True); repr(x * x), repr((x * x).sum()), repr(x[0])
    try (Scope s = Scope.open()) {
      Tensor x = Torch.ones(2).requiresGrad_(true);
      assertEquals("tensor([1., 1.], requires_grad=True)", x.toString());
      assertEquals("tensor([1., 1.], grad_fn=<MulBackward0>)", x.mul(x).toString());
      assertEquals("tensor(2., grad_fn=<SumBackward0>)", x.mul(x).sum().toString());
      assertEquals("tensor(1., grad_fn=<SelectBackward0>)", x.select(0, 0).toString());
    }
  }

  @Test
  void zeroDimensionalTensorsFromJavaValues() {
    // Python: torch.tensor(3), torch.tensor(2.5), torch.tensor(True): shape (), int64 / float32 / bool
    try (Scope s = Scope.open()) {
      Tensor i = Torch.tensor(3);
      assertEquals(0, i.dim());
      assertEquals(DType.INT64, i.dtype());
      assertEquals("tensor(3)", i.toString());
      assertEquals(Long.MAX_VALUE, Torch.tensor(Long.MAX_VALUE).item(), "exact, not through a double");
      Tensor f = Torch.tensor(2.5);
      assertEquals(DType.FLOAT32, f.dtype());
      assertEquals("tensor(2.5000)", f.toString());
      Tensor b = Torch.tensor(true);
      assertEquals(DType.BOOL, b.dtype());
      assertEquals("tensor(True)", b.toString());
      assertEquals(0, b.dim());
    }
  }
}
