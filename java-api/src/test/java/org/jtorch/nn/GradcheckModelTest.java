package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.autograd.Autograd;
import org.junit.jupiter.api.Test;

/**
 * gradcheck of a model mixing Conv2d, BatchNorm2d, LSTM and Linear in float64: the gradients of
 * the input and of every parameter match central differences.
 */
class GradcheckModelTest {
  /** conv → batch norm → ReLU → rows as a sequence → LSTM → last step → linear. */
  static final class Mixed extends Module {
    final Conv2d conv = registerModule("conv", new Conv2d(Conv2d.options(1, 2, 3).padding(1)));
    final BatchNorm2d norm = registerModule("norm", new BatchNorm2d(2));
    final LSTM lstm = registerModule("lstm", new LSTM(LSTM.options(8, 3).batchFirst(true)));
    final Linear head = registerModule("head", new Linear(3, 2));
    boolean brokenBackward;

    @Override
    public Tensor forward(Tensor x) {
      Tensor c = conv.forward(x);
      if (brokenBackward) {
        c.registerHook(g -> g.mul(1.5)); // the backward pass no longer matches the forward
      }
      Tensor h = new Tanh().forward(norm.forward(c)); // (N, 2, 4, 4)
      Tensor seq = h.permute(0, 2, 1, 3).reshape(x.size(0), 4, 8); // rows as steps: (N, 4, 8)
      Tensor out = lstm.forward(seq); // (N, 4, 3)
      return head.forward(out.select(1, 3));
    }
  }

  @Test
  void mixedModelPassesGradcheck() {
    try (Scope s = Scope.open()) {
      Torch.manualSeed(3);
      Mixed model = new Mixed();
      model.to(DType.FLOAT64);
      Tensor x = Torch.randn(new long[] {2, 1, 4, 4}, TensorOptions.dtype(DType.FLOAT64)).requiresGrad_();
      List<Tensor> inputs = new ArrayList<>();
      inputs.add(x);
      inputs.addAll(model.parameters());
      assertTrue(Autograd.gradcheck(in -> model.forward(in.get(0)), inputs));
      model.close();
    }
  }

  @Test
  void aBrokenGradientIsCaught() {
    try (Scope s = Scope.open()) {
      Torch.manualSeed(3);
      Mixed model = new Mixed();
      model.to(DType.FLOAT64);
      Tensor x = Torch.randn(new long[] {2, 1, 4, 4}, TensorOptions.dtype(DType.FLOAT64)).requiresGrad_();
      model.brokenBackward = true;
      assertThrows(
          Autograd.GradcheckError.class,
          () -> Autograd.gradcheck(in -> model.forward(in.get(0)), List.of(x, model.conv.weight)));
      model.close();
    }
  }
}
