package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A loop with a scope per iteration keeps resident memory flat. Runs in a JVM of its own (see the
 * surefire configuration): it measures the whole process.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the resident size from /proc")
class MemoryTest {
  @Test
  void hundredThousandScopedMegabyteTensorsDoNotGrowResidentMemory() {
    // warm up: let LibTorch, the allocator and the JIT settle before the baseline
    for (int i = 0; i < 5_000; i++) {
      try (Scope scope = Scope.open()) {
        Torch.empty(256 * 1024).add(1.0);
      }
    }
    System.gc();
    long start = NativeMemory.residentBytes();
    long peak = start;
    for (int i = 0; i < 100_000; i++) {
      try (Scope scope = Scope.open()) {
        Tensor t = Torch.empty(256 * 1024); // 1 MB of float32
        t.add(1.0); // and a second 1 MB result
      }
      if (i % 10_000 == 0) {
        peak = Math.max(peak, NativeMemory.residentBytes());
      }
    }
    long end = NativeMemory.residentBytes();
    peak = Math.max(peak, end);
    long growth = peak - start;
    assertTrue(
        growth < 50L * 1024 * 1024,
        "resident memory grew by " + growth / (1024 * 1024) + " MB (start " + start / (1 << 20) + " MB)");
  }
}
