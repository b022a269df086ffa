package org.jtorch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Threads and Torch.config(): what is in effect after jtorch loads LibTorch. */
class RuntimeConfigTest {
  @Test
  void intraOpThreadsCanBeChangedAndRestored() {
    int before = Torch.getNumThreads();
    assertTrue(before >= 1);
    try {
      Torch.setNumThreads(1);
      assertEquals(1, Torch.getNumThreads());
      try (Scope s = Scope.open()) {
        assertEquals(6.0, Torch.ones(2, 3).sum().doubleValue());
      }
    } finally {
      Torch.setNumThreads(before);
    }
    assertEquals(before, Torch.getNumThreads());
    assertThrows(IllegalArgumentException.class, () -> Torch.setNumThreads(0));
    assertThrows(IllegalArgumentException.class, () -> Torch.setNumInteropThreads(-2));
  }

  @Test
  void interOpThreadsAreReported() {
    assertTrue(Torch.getNumInteropThreads() >= 1);
  }

  @Tag("jtorch-native")
  @Test
  void configShowsLibTorchAndTheLoadRecipe() {
    String c = Torch.config();
    assertTrue(c.startsWith("jtorch on LibTorch 2.13.0"), c);
    assertTrue(c.contains("PyTorch built with"), c);
    assertTrue(c.contains("ATen/Parallel"), c);
    Map<String, String> s = Torch.runtimeSettings();
    assertEquals("0", s.get("org.bytedeco.javacpp.maxPhysicalBytes"));
    // OpenBLAS follows LibTorch's intra-op threads (OpenBlasThreadsTest has the details)
    assertEquals(String.valueOf(Torch.getNumThreads()), s.get("OpenBLAS threads"));
    assertTrue(c.contains("  - OpenBLAS threading: on LibTorch's OpenMP threads"), c);
    assertEquals(String.valueOf(Torch.getNumThreads()), s.get("intra-op threads"));
  }
}
