package org.jtorch.autograd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AutogradTest {
  private Scope scope;

  @BeforeEach
  void open() {
    scope = Scope.open();
  }

  @AfterEach
  void close() {
    scope.close();
  }

  private static Tensor leaf(double... v) {
    return Torch.tensor(v).requiresGrad_();
  }

  @Test
  void noGradStopsRecordingAndRestores() {
    Tensor x = leaf(1, 2);
    assertTrue(Torch.isGradEnabled());
    try (GradMode g = Torch.noGrad()) {
      assertFalse(Torch.isGradEnabled());
      assertFalse(x.mul(x).requiresGrad());
      try (GradMode e = Torch.enableGrad()) {
        assertTrue(x.mul(x).requiresGrad());
      }
      assertFalse(Torch.isGradEnabled());
    }
    assertTrue(Torch.isGradEnabled());
    assertTrue(x.mul(x).requiresGrad());
  }

  @Test
  void gradModeIsThreadLocal() throws Exception {
    try (GradMode g = Torch.noGrad()) {
      boolean[] other = new boolean[1];
      Thread t = new Thread(() -> other[0] = Torch.isGradEnabled());
      t.start();
      t.join();
      assertTrue(other[0]);
    }
  }

  @Test
  void inferenceModeMarksTensors() {
    Tensor x = leaf(1, 2);
    try (GradMode g = Torch.inferenceMode()) {
      assertTrue(Torch.isInferenceModeEnabled());
      Tensor y = x.mul(x);
      assertTrue(y.isInference());
      assertFalse(y.requiresGrad());
    }
    assertFalse(Torch.isInferenceModeEnabled());
    assertFalse(x.mul(x).isInference());
  }

  @Tag("jtorch-native")
  @Test
  void gradFnNamesMatchPython() {
    Tensor x = leaf(1, 2);
    assertNull(x.gradFn());
    assertEquals("MulBackward0", x.mul(x).gradFn());
    assertEquals("SumBackward0", x.sum().gradFn());
    assertEquals("ExpBackward0", x.exp().gradFn());
    assertNull(Torch.tensor(new double[] {1}).exp().gradFn());
  }

  @Test
  void backwardTwiceNeedsRetainGraph() {
    Tensor x = leaf(1, 2, 3);
    Tensor y = x.mul(x).sum();
    y.backward(null, true, false);
    y.backward();
    assertArrayEquals(new double[] {4, 8, 12}, x.grad().toDoubleArray());
    Tensor z = x.exp().sum();
    z.backward();
    TorchException e = assertThrows(TorchException.class, z::backward);
    assertTrue(e.getMessage().contains("Trying to backward through the graph a second time"), e.getMessage());
  }

  @Test
  void backwardOnNonScalarNeedsGradient() {
    Tensor x = leaf(1, 2, 3);
    Tensor y = x.mul(x);
    TorchException e = assertThrows(TorchException.class, y::backward);
    assertTrue(e.getMessage().contains("grad can be implicitly created only for scalar outputs"), e.getMessage());
    y.backward(Torch.tensor(new double[] {1, 0, 2}));
    assertArrayEquals(new double[] {2, 0, 12}, x.grad().toDoubleArray());
  }

  @Test
  void retainGradKeepsNonLeafGradient() {
    Tensor x = leaf(1, 2);
    Tensor h = x.mul(x);
    assertFalse(h.isLeaf());
    h.retainGrad();
    assertTrue(h.retainsGrad());
    h.sum().backward();
    assertArrayEquals(new double[] {1, 1}, h.grad().toDoubleArray());
  }

  @Test
  void setGradAndClear() {
    Tensor x = leaf(1, 2);
    assertNull(x.grad());
    x.setGrad(Torch.tensor(new double[] {5, 6}));
    assertArrayEquals(new double[] {5, 6}, x.grad().toDoubleArray());
    x.mul(x).sum().backward();
    assertArrayEquals(new double[] {7, 10}, x.grad().toDoubleArray());
    x.setGrad(null);
    assertNull(x.grad());
    assertThrows(IllegalArgumentException.class, () -> x.setGrad(Torch.zeros(3).to(DType.FLOAT64)));
    assertThrows(IllegalArgumentException.class, () -> x.setGrad(Torch.zeros(2)));
  }

  @Test
  void detachInPlaceMakesLeaf() {
    Tensor x = leaf(1, 2);
    Tensor y = x.mul(2.0);
    assertFalse(y.isLeaf());
    assertSame(y, y.detach_());
    assertTrue(y.isLeaf());
    assertFalse(y.requiresGrad());
  }

  @Test
  void higherOrderGradients() {
    Tensor x = leaf(1, 2, 3);
    Tensor y = x.pow(3.0).sum();
    Tensor dy = Autograd.grad(y, List.of(x), true).get(0);
    assertArrayEquals(new double[] {3, 12, 27}, dy.toDoubleArray(), 1e-12);
    Tensor d2 = Autograd.grad(dy.sum(), List.of(x)).get(0);
    assertArrayEquals(new double[] {6, 12, 18}, d2.toDoubleArray(), 1e-12);
    assertNull(x.grad(), "Autograd.grad must not accumulate into .grad");
  }

  @Test
  void gradOfUnusedInput() {
    Tensor x = leaf(1);
    Tensor w = leaf(2);
    Tensor y = x.mul(3.0).sum();
    assertThrows(TorchException.class, () -> Autograd.grad(y, List.of(x, w)));
    List<Tensor> g = Autograd.grad(List.of(y), List.of(x, w), null, false, false, true);
    assertEquals(3.0, g.get(0).doubleValue());
    assertNull(g.get(1));
  }

  @Test
  void hooksReplaceAndObserveGradients() throws Exception {
    Tensor x = leaf(1, 2);
    double[][] seen = new double[1][];
    AutoCloseable h1 =
        x.registerHook(
            g -> {
              seen[0] = g.toDoubleArray();
              return g.mul(10.0);
            });
    x.mul(x).sum().backward();
    assertArrayEquals(new double[] {2, 4}, seen[0]);
    assertArrayEquals(new double[] {20, 40}, x.grad().toDoubleArray());
    h1.close();
    x.setGrad(null);
    x.mul(x).sum().backward();
    assertArrayEquals(new double[] {2, 4}, x.grad().toDoubleArray());
    h1.close(); // idempotent
  }

  @Test
  void hookReturningNullKeepsGradient() {
    Tensor x = leaf(3);
    int[] calls = {0};
    x.registerHook(
        g -> {
          calls[0]++;
          return null;
        });
    x.mul(x).sum().backward();
    assertEquals(1, calls[0]);
    assertEquals(6.0, x.grad().doubleValue());
  }

  @Test
  void hookExceptionReachesCaller() {
    Tensor x = leaf(3);
    x.registerHook(
        g -> {
          throw new IllegalStateException("boom from hook");
        });
    RuntimeException e = assertThrows(RuntimeException.class, () -> x.mul(x).sum().backward());
    assertTrue(String.valueOf(e.getMessage()).contains("boom from hook"), String.valueOf(e.getMessage()));
  }

  @Test
  void anomalyDetectionNamesTheForwardOp() throws Exception {
    Tensor x = leaf(-1, 4);
    try (AutoCloseable a = Autograd.detectAnomaly()) {
      assertTrue(Autograd.isAnomalyEnabled());
      Tensor y = x.sqrt().sum();
      TorchException e = assertThrows(TorchException.class, y::backward);
      assertTrue(e.getMessage().contains("SqrtBackward0"), e.getMessage());
    }
    assertFalse(Autograd.isAnomalyEnabled());
  }

  @Test
  void gradcheckPassesAndCatchesWrongGradients() {
    Torch.manualSeed(0);
    Tensor a = Torch.randn(new long[] {3, 4}, TensorOptions.dtype(DType.FLOAT64)).requiresGrad_();
    Tensor b = Torch.randn(new long[] {4, 2}, TensorOptions.dtype(DType.FLOAT64)).requiresGrad_();
    assertTrue(Autograd.gradcheck(in -> in.get(0).matmul(in.get(1)).tanh(), List.of(a, b)));
    // a hook that scales the gradient makes the analytical Jacobian wrong
    Autograd.GradcheckError e =
        assertThrows(
            Autograd.GradcheckError.class,
            () ->
                Autograd.gradcheck(
                    in -> {
                      Tensor h = in.get(0).mul(2.0);
                      h.registerHook(g -> g.mul(1.5));
                      return h.sin();
                    },
                    List.of(a)));
    assertTrue(e.getMessage().contains("Jacobian mismatch"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Autograd.gradcheck(in -> in.get(0).sum(), List.of(Torch.ones(2))));
  }

  @Test
  void closedTensorIsRejected() {
    Tensor x = leaf(1);
    x.close();
    assertThrows(IllegalStateException.class, x::gradFn);
    assertThrows(IllegalStateException.class, () -> x.registerHook(g -> g));
  }
}
