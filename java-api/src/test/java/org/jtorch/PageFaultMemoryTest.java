package org.jtorch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jtorch.nn.Conv2d;
import org.jtorch.nn.Flatten;
import org.jtorch.nn.Linear;
import org.jtorch.nn.MaxPool2d;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * glibc's malloc thresholds (jtorch.mallopt): a training loop on a JVM thread does not hand
 * LibTorch's buffers back to the OS and fault them in again every step. Counts the process's minor
 * page faults (/proc/self/stat), so it runs in a JVM of its own (*MemoryTest).
 *
 * <p>Measured on the 2-core machines here (glibc 2.36; batch 64, SGD with momentum, a Scope per
 * step, after warm-up), minor faults per step, with the recipe / with {@code -Djtorch.mallopt=false}:
 * the MLP 784-256-10 (1,000 steps) about 1.7 / 1.7: its largest buffers, 800 KB, stay under the
 * threshold glibc raises by itself after the first free; the small CNN of the nn issue (60 steps:
 * each takes 10-70 ms here) 8-15 / 1,360-7,460: its activations, up to 5.5 MB, are given back at
 * every step and faulted in again. Run {@code main} in a JVM with and without the switch to see
 * it.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the resident size from /proc")
class PageFaultMemoryTest {
  /** MLP faults per step allowed: measured 1.7 (with and without mallopt on glibc 2.36). */
  static final double MLP_BOUND = 20;
  /**
   * CNN faults per step allowed: measured 3-25 with the recipe, 1,360-7,460 without; 1,356 in 1 run
   * of 8 before M_TOP_PAD joined the recipe (a thread arena's emptied heap unmapped every step).
   */
  static final double CNN_BOUND = 100;

  static long minorFaults() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[7]); // field 10, minflt (fields after the command start at 3)
  }

  static Module mlp() {
    return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
  }

  static Module cnn() {
    return new Sequential(
        new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
        new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
        new Flatten(), new Linear(1600, 128), new ReLU(), new Linear(128, 10));
  }

  /** Minor page faults per training step of {@code model}, over {@code steps} after {@code warmup}. */
  static double faultsPerStep(Module model, long[] inputShape, int warmup, int steps)
      throws IOException {
    Torch.manualSeed(0);
    try (model;
        Tensor x = Torch.randn(inputShape);
        Tensor y = Torch.randint(0, 10, new long[] {64}, TensorOptions.dtype(DType.INT64))) {
      SGD opt = new SGD(model.parameters(), SGD.options().lr(0.01).momentum(0.9));
      double first = Double.NaN;
      double loss = 0;
      long before = 0;
      for (int i = 0; i < warmup + steps; i++) {
        if (i == warmup) {
          before = minorFaults();
        }
        try (Scope s = Scope.open()) {
          opt.zeroGrad();
          Tensor l = F.crossEntropy(model.forward(x), y);
          l.backward();
          opt.step();
          loss = l.doubleValue();
          if (i == 0) {
            first = loss;
          }
        }
      }
      long after = minorFaults();
      assertTrue(loss < first, "the loop trains: loss " + first + " -> " + loss);
      return (after - before) / (double) steps;
    }
  }

  @Test
  void mlpTrainingStepsDoNotFaultTheirBuffersInAgain() throws IOException {
    double perStep = faultsPerStep(mlp(), new long[] {64, 784}, 100, 1000);
    assertTrue(perStep < MLP_BOUND, "MLP minor page faults per step: " + perStep);
  }

  @Test
  void cnnTrainingStepsDoNotFaultTheirBuffersInAgain() throws IOException {
    double perStep = faultsPerStep(cnn(), new long[] {64, 1, 28, 28}, 10, 60);
    assertTrue(perStep < CNN_BOUND, "CNN minor page faults per step: " + perStep);
  }

  /** Prints faults per step of both models: compare JVMs with and without -Djtorch.mallopt=false. */
  public static void main(String[] args) throws IOException {
    System.out.println("mallopt: " + org.jtorch.bindings.NativeLibraries.malloptStatus());
    System.out.println("mlp faults/step=" + faultsPerStep(mlp(), new long[] {64, 784}, 100, 1000));
    System.out.println(
        "cnn faults/step=" + faultsPerStep(cnn(), new long[] {64, 1, 28, 28}, 10, 60));
  }
}
