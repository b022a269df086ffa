package org.jtorch.benchmarks;

import java.lang.management.ManagementFactory;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Prints the time from JVM start to the first tensor: loading LibTorch, jtorch's operators and
 * creating {@code Torch.ones(1)}. The first run on a machine also extracts the natives into
 * JavaCPP's cache and is slower.
 */
public final class StartupTime {
  private StartupTime() {}

  public static void main(String[] args) {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long before = System.currentTimeMillis();
    try (Tensor t = Torch.ones(1)) {
      long now = System.currentTimeMillis();
      System.out.printf(
          "first tensor %s: %d ms after JVM start (%d ms in jtorch's loading)%n",
          t, now - jvmStart, now - before);
    }
  }
}
