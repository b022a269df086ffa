package org.jtorch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jtorch.nn.Linear;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Test;

/**
 * glibc's malloc thresholds (jtorch.mallopt): a training loop on a JVM thread does not hand
 * LibTorch's buffers back to the OS and fault them in again every step. Measures the process's
 * minor page faults (/proc/self/stat), so it runs in a JVM of its own (*MemoryTest).
 *
 * <p>Measured on the 2-core machines here (MLP 784-256-10, batch 64, SGD with momentum, a Scope
 * per step, 1,000 steps after 100 of warm-up): with the recipe about 1-3 faults per step; with
 * {@code -Djtorch.mallopt=false} about 90 (run {@code main} in a JVM with and without it).
 */
class PageFaultMemoryTest {
  /** Faults per step allowed; set from the measurement above, far below the 90 without mallopt. */
  static final double BOUND = 20;

  static long minorFaults() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[7]); // field 10, minflt (fields after the command start at 3)
  }

  /** Minor page faults per MLP training step, over {@code steps} after {@code warmup}. */
  static double faultsPerStep(int warmup, int steps) throws IOException {
    Torch.manualSeed(0);
    try (Module mlp = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        Tensor x = Torch.randn(64, 784);
        Tensor y = Torch.randint(0, 10, new long[] {64}, TensorOptions.dtype(DType.INT64))) {
      SGD opt = new SGD(mlp.parameters(), SGD.options().lr(0.01).momentum(0.9));
      double loss = 0;
      long before = 0;
      for (int i = 0; i < warmup + steps; i++) {
        if (i == warmup) {
          before = minorFaults();
        }
        try (Scope s = Scope.open()) {
          opt.zeroGrad();
          Tensor l = F.crossEntropy(mlp.forward(x), y);
          l.backward();
          opt.step();
          loss = l.doubleValue();
        }
      }
      long after = minorFaults();
      assertTrue(loss < 2.3, "the loop trains: loss " + loss);
      return (after - before) / (double) steps;
    }
  }

  @Test
  void trainingStepsDoNotFaultTheirBuffersInAgain() throws IOException {
    assertEquals(3, org.jtorch.bindings.NativeLibraries.malloptResult());
    double perStep = faultsPerStep(100, 1000);
    assertTrue(perStep < BOUND, "minor page faults per step: " + perStep);
  }

  /** Prints the faults per step: compare JVMs run with and without -Djtorch.mallopt=false. */
  public static void main(String[] args) throws IOException {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    System.out.println(
        "mallopt=" + org.jtorch.bindings.NativeLibraries.malloptStatus()
            + " faults/step=" + faultsPerStep(100, steps));
  }
}
