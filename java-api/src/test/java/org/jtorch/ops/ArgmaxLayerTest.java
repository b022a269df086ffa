package org.jtorch.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** jtorch::argmax_layer called from Java: forward and straight-through backward vs Python. */
@Tag("jtorch-native") // needs jtorch's operator library (the no-native run leaves it out)
class ArgmaxLayerTest {
  private static final JsonNode G = Golden.load("foundation");

  @Test
  void forwardAndBackwardMatchPython() {
    int n = 0;
    for (JsonNode c : G.get("argmaxLayer")) {
      try (Scope scope = Scope.open()) {
        Tensor x = Golden.tensor(c.get("in")).requiresGrad_(true);
        long dim = c.get("dim").asLong();
        Tensor y = Ops.argmaxLayer(x, dim);
        Golden.assertTensor(c.get("forward"), y, 0, "forward " + n);
        Tensor w = Golden.tensor(c.get("weight"));
        y.mul(w).sum().backward();
        double tol = x.dtype() == DType.FLOAT64 ? 1e-12 : 1e-6;
        Golden.assertTensor(c.get("grad"), x.grad(), tol, "grad " + n);
        n++;
      }
    }
    assertEquals(5, n);
  }

  @Test
  void firstMaximumWinsAndNaNCountsAsMaximum() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.tensor(new float[][] {{2, 5, 5}, {Float.NaN, 1, Float.NaN}});
      assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, Ops.argmaxLayer(x, 1).toFloatArray());
      assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, Ops.argmaxLayer(x, -1).toFloatArray());
    }
  }

  @Test
  void badInputIsATorchException() {
    try (Scope scope = Scope.open()) {
      Tensor i = Torch.tensor(new long[] {1, 2});
      assertThrows(TorchException.class, () -> Ops.argmaxLayer(i, 0));
      Tensor f = Torch.ones(2, 3);
      TorchException e = assertThrows(TorchException.class, () -> Ops.argmaxLayer(f, 2));
      assertTrue(e.getMessage().contains("Dimension out of range"), e.getMessage());
      Tensor empty = Torch.zeros(2, 0);
      assertThrows(TorchException.class, () -> Ops.argmaxLayer(empty, 1));
      Tensor closed = Torch.ones(2);
      closed.close();
      assertThrows(IllegalStateException.class, () -> Ops.argmaxLayer(closed, 0));
    }
  }
}
