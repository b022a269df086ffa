package org.jtorch.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Test;

/** CPU autocast scopes and the loss scaler. */
class AmpTest {
  @Test
  void cpuAutocastRunsMatmulInBfloat16AndRestores() {
    try (Scope scope = Scope.open()) {
      Tensor a = Torch.randn(4, 4);
      assertFalse(Autocast.isEnabledOnCpu());
      try (Autocast ac = Torch.autocast(DType.BFLOAT16)) {
        assertTrue(Autocast.isEnabledOnCpu());
        assertEquals(DType.BFLOAT16, a.matmul(a).dtype());
        try (Autocast inner = Torch.autocast(DType.FLOAT16)) {
          assertEquals(DType.FLOAT16, a.matmul(a).dtype());
        }
        assertEquals(DType.BFLOAT16, a.matmul(a).dtype());
      }
      assertFalse(Autocast.isEnabledOnCpu());
      assertEquals(DType.FLOAT32, a.matmul(a).dtype());
      assertThrows(IllegalArgumentException.class, () -> Torch.autocast(DType.FLOAT64));
    }
  }

  @Test
  void gradScalerSkipsStepsWithInfAndAdjustsTheScale() {
    try (Scope scope = Scope.open()) {
      Tensor w = Torch.ones(2).requiresGrad_(true);
      SGD opt = new SGD(List.of(w), 0.5);
      GradScaler scaler = new GradScaler(Device.CPU, 1024, 2.0, 0.5, 2, true);
      assertTrue(scaler.isEnabled());
      Tensor loss = w.sum();
      scaler.scale(loss).backward();
      assertEquals(1024f, w.grad().toFloatArray()[0]);
      assertTrue(scaler.step(opt));
      assertEquals(0.5f, w.toFloatArray()[0]); // unscaled gradient 1, lr 0.5
      scaler.update();
      assertEquals(1024, scaler.getScale());
      opt.zeroGrad();
      w.setGrad(Torch.tensor(new float[] {Float.POSITIVE_INFINITY, 1}));
      assertFalse(scaler.step(opt));
      assertEquals(0.5f, w.toFloatArray()[0]); // skipped
      scaler.update();
      assertEquals(512, scaler.getScale());
      GradScaler other = new GradScaler(Device.CPU, 1, 2.0, 0.5, 2, true);
      other.loadStateDict(scaler.stateDict());
      assertEquals(512, other.getScale());
      opt.zeroGrad();
      w.setGrad(Torch.ones(2));
      scaler.unscale_(opt);
      assertThrows(IllegalStateException.class, () -> scaler.unscale_(opt));
      assertThrows(IllegalArgumentException.class, () -> new GradScaler(Device.CPU, 1, 1.0, 0.5, 2, true));
    }
  }

  @Test
  void withoutCudaTheDefaultScalerIsANoOp() {
    if (Torch.cuda().isAvailable()) {
      return;
    }
    try (Scope scope = Scope.open()) {
      GradScaler scaler = new GradScaler();
      assertFalse(scaler.isEnabled());
      Tensor loss = Torch.scalarTensor(2.0);
      assertTrue(scaler.scale(loss) == loss);
      assertEquals(1.0, scaler.getScale());
      assertTrue(scaler.stateDict().isEmpty());
    }
  }
}
