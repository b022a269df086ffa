package org.jtorch.distributed;

import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.nn.Conv2d;
import org.jtorch.nn.Flatten;
import org.jtorch.nn.Linear;
import org.jtorch.nn.MaxPool2d;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.SGD;

/** The model, data and optimizer shared by {@link DdpWorker} and {@link DdpTest}'s reference. */
final class DdpFixtures {
  static final int STEPS = 20;
  static final int GLOBAL_BATCH = 64;

  private DdpFixtures() {}

  /** The small CNN of the training benchmark, initialised from {@code seed}. */
  static Module smallCnn(long seed) {
    Torch.manualSeed(seed);
    return new Sequential(
        new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
        new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
        new Flatten(), new Linear(1600, 128), new ReLU(), new Linear(128, 10));
  }

  /** Images and labels for all steps: {@code [STEPS * GLOBAL_BATCH, 1, 28, 28]} and labels. */
  static Tensor[] data() {
    Torch.manualSeed(123);
    Tensor x = Torch.randn(STEPS * GLOBAL_BATCH, 1, 28, 28);
    Tensor y =
        Torch.randint(0, 10, new long[] {STEPS * GLOBAL_BATCH}, TensorOptions.dtype(DType.INT64));
    return new Tensor[] {x, y};
  }

  static SGD sgd(Module m) {
    return new SGD(m.parameters(), SGD.options().lr(0.05).momentum(0.9));
  }

  static Tensor loss(Module m, Tensor[] data, long start, long length) {
    return F.crossEntropy(
        m.forward(data[0].narrow(0, start, length)), data[1].narrow(0, start, length));
  }
}
