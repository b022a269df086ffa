package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The budget setting of the native-memory net (its effect: UnscopedMemoryTest). */
class MemoryNetTest {
  @Test
  void budgetsParseWithSuffixes() {
    assertEquals(0, MemoryNet.budget("0"));
    assertEquals(123, MemoryNet.budget("123"));
    assertEquals(2L << 10, MemoryNet.budget("2k"));
    assertEquals(512L << 20, MemoryNet.budget("512M"));
    assertEquals(3L << 30, MemoryNet.budget(" 3g "));
    assertEquals(Math.max(Runtime.getRuntime().maxMemory(), 256L << 20), MemoryNet.budget(null));
    for (String bad : new String[] {"-1", "lots", "9999999999g", "g"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MemoryNet.budget(bad));
      assertTrue(e.getMessage().contains("jtorch.maxNativeBytes"), e.getMessage());
    }
  }

  @Tag("jtorch-native")
  @Test
  void theNetIsOnByDefaultAndSaysSo() {
    try (Tensor t = Torch.zeros(1)) {
      assertTrue(t.numel() == 1);
    }
    String s = Torch.runtimeSettings().get("native memory net");
    assertTrue(s.startsWith("collects past"), s);
  }

  /** Creates a tensor and prints the net's status. */
  public static final class Child {
    public static void main(String[] args) {
      try (Tensor t = Torch.ones(2)) {
        System.out.println("SUM " + t.sum().doubleValue());
      }
      System.out.println("NET " + Torch.runtimeSettings().get("native memory net"));
    }
  }

  @Test
  void aBadBudgetTurnsTheNetOffInsteadOfBreakingTensors() throws Exception {
    ChildJvm r =
        ChildJvm.run(Child.class, java.util.List.of("-Djtorch.maxNativeBytes=lots"), java.util.List.of());
    assertEquals(0, r.exitCode, r.toString());
    assertTrue(r.stdout.contains("SUM 2.0"), r.toString());
    assertTrue(r.stdout.contains("NET off: jtorch.maxNativeBytes must be a number of bytes"), r.toString());
  }
}
