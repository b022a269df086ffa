package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a platform jtorch ships no natives for, the first tensor operation fails with an error that
 * names the detected platform and the supported ones (not JavaCPP's "no jniopenblas_nolapack").
 * The platform is faked with JavaCPP's own property, in a JVM of its own.
 */
class UnsupportedPlatformTest {
  /** Makes a tensor and prints the chain of what was thrown. */
  public static final class Child {
    public static void main(String[] args) {
      try {
        Torch.zeros(1).close();
        System.out.println("LOADED");
      } catch (Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
          System.out.println(c.getClass().getName() + ": " + c.getMessage());
        }
      }
    }
  }

  @Test
  void macOsGetsAClearError() throws Exception {
    ChildJvm r =
        ChildJvm.run(Child.class, List.of("-Dorg.bytedeco.javacpp.platform=macosx-arm64"), List.of());
    assertEquals(0, r.exitCode, r.toString());
    assertTrue(r.stdout.contains("java.lang.UnsatisfiedLinkError"), r.toString());
    assertTrue(r.stdout.contains("detected macosx-arm64"), r.toString());
    assertTrue(r.stdout.contains("natives for linux-x86_64 and linux-x86_64-gpu only"), r.toString());
    assertTrue(!r.stdout.contains("jniopenblas"), r.toString());
  }
}
