package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ArgmaxLayer as a module: one-hot forward, straight-through backward, trainable end to end. */
@Tag("jtorch-native") // needs jtorch's operator library (the no-native run leaves it out)
class ArgmaxLayerModuleTest {
  @Test
  void forwardIsOneHotOfTheFirstMaximum() {
    try (Scope s = Scope.open()) {
      ArgmaxLayer layer = new ArgmaxLayer(1);
      Tensor x = Torch.tensor(new float[][] {{1, 3, 3}, {5, 0, 2}});
      assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, layer.forward(x).toFloatArray());
      assertEquals("ArgmaxLayer(dim=1)", layer.toString());
      assertTrue(layer.parameters().isEmpty());
      assertThrows(RuntimeException.class, () -> layer.forward(Torch.zeros(3)));
    }
  }

  @Test
  void backwardIsTheSoftmaxGradient() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.tensor(new double[][] {{0.5, -1, 2}}).requiresGrad_();
      Tensor g = Torch.tensor(new double[][] {{1, 0, -2}});
      new ArgmaxLayer().forward(x).backward(g);
      Tensor x2 = x.detach().clone().requiresGrad_();
      x2.softmax(1).backward(g);
      assertArrayEquals(x2.grad().toDoubleArray(), x.grad().toDoubleArray(), 1e-12);
    }
  }

  @Test
  void aModelWithAHardChoiceTrains() {
    // the layer picks one of 4 prototypes; the straight-through gradient teaches the scorer
    try (Scope outer = Scope.open()) {
      Torch.manualSeed(0);
      Linear scorer = new Linear(4, 4);
      ArgmaxLayer pick = new ArgmaxLayer(1);
      SGD opt = new SGD(scorer.parameters(), SGD.options().lr(0.5));
      Tensor x = Torch.eye(4);
      Tensor targets = Torch.tensor(new long[] {2, 0, 3, 1});
      Tensor wanted = F.oneHot(targets, 4).to(org.jtorch.DType.FLOAT32);
      double first = 0;
      double last = 0;
      for (int step = 0; step < 60; step++) {
        try (Scope s = Scope.open()) {
          opt.zeroGrad();
          Tensor loss = pick.forward(scorer.forward(x)).sub(wanted).pow(2.0).mean();
          loss.backward();
          opt.step();
          if (step == 0) {
            first = loss.doubleValue();
          }
          last = loss.doubleValue();
        }
      }
      assertTrue(last < first, first + " -> " + last);
      try (Scope s = Scope.open()) {
        assertArrayEquals(targets.toLongArray(), scorer.forward(x).argmax(1).toLongArray());
      }
    }
  }
}
