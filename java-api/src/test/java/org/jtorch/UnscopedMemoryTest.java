package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Tensors nobody closes are freed by the garbage collector's net, which must fire on native memory
 * (the heap barely grows: a 2 MB tensor is a few dozen heap bytes). Without jtorch's net, 3,000
 * unscoped 2 MB tensors reached 12.3 GB resident under {@code -Xmx1g}. Runs in a JVM of its own
 * (a *MemoryTest, see the surefire configuration), with the suite's {@code -Xmx1g}.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the resident size from /proc")
class UnscopedMemoryTest {
  @Test
  void threeThousandUnscopedTwoMegabyteTensorsStayUnderOneAndAHalfGigabytes() {
    long peak = 0;
    double sum = 0;
    for (int i = 0; i < 3_000; i++) {
      Tensor t = Torch.randn(512 * 1024); // 2 MB of float32, written: resident, and never closed
      if (i % 500 == 0) {
        sum += t.numel();
      }
      if (i % 50 == 0) {
        peak = Math.max(peak, NativeMemory.residentBytes());
      }
    }
    peak = Math.max(peak, NativeMemory.residentBytes());
    String settings = Torch.runtimeSettings().get("native memory net");
    assertTrue(sum > 0);
    assertTrue(settings.startsWith("collects past"), settings);
    assertTrue(
        peak < 1536L << 20,
        "resident memory peaked at " + (peak >> 20) + " MB (" + settings + ")");
  }
}
