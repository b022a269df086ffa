package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Platform detection and its errors, with the platform faked in a JVM of its own: through
 * JavaCPP's own property, or through {@code os.name} / {@code os.arch}, which JavaCPP maps to its
 * platform names. A platform the presets publish no LibTorch for gets an error that names the
 * detected platform and the supported ones; a supported platform whose LibTorch natives are not on
 * the class path gets one that names the artifact to add. Neither is JavaCPP's "no
 * jniopenblas_nolapack".
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

  private static String run(String... jvmArgs) throws Exception {
    ChildJvm r = ChildJvm.run(Child.class, List.of(jvmArgs), List.of());
    assertEquals(0, r.exitCode, r.toString());
    assertTrue(r.stdout.startsWith("java.lang.UnsatisfiedLinkError: "), r.toString());
    assertFalse(r.stdout.contains("jniopenblas"), r.toString());
    return r.stdout;
  }

  private static final String SUPPORTED =
      "publish LibTorch for linux-x86_64, linux-x86_64-gpu, macosx-arm64, macosx-x86_64,"
          + " windows-x86_64, windows-x86_64-gpu only";

  @Test
  void aSupportedPlatformWithoutItsLibTorchNativesNamesTheArtifact() throws Exception {
    String out = run("-Dorg.bytedeco.javacpp.platform=macosx-arm64");
    assertTrue(out.contains("LibTorch's natives for macosx-arm64 are not on the class path (no"
        + " org/bytedeco/pytorch/macosx-arm64/libjnitorch.dylib): add org.bytedeco:pytorch with"
        + " the classifier macosx-arm64,"), out);
    assertTrue(out.contains("-Djavacpp.platform=macosx-arm64"), out);
  }

  @Test
  void macOsAndWindowsAreDetectedFromTheOsProperties() throws Exception {
    String mac = run("-Dos.name=Mac OS X", "-Dos.arch=x86_64");
    assertTrue(mac.contains("no org/bytedeco/pytorch/macosx-x86_64/libjnitorch.dylib"), mac);
    String windows = run("-Dos.name=Windows 11", "-Dos.arch=amd64");
    assertTrue(windows.contains("no org/bytedeco/pytorch/windows-x86_64/jnitorch.dll"), windows);
    assertTrue(windows.contains("classifier windows-x86_64 (or windows-x86_64-gpu)"), windows);
  }

  @Test
  void armLinuxAnd32BitGetTheSupportedList() throws Exception {
    String arm = run("-Dos.arch=aarch64");
    assertTrue(arm.contains("detected linux-arm64 (os.name=Linux, os.arch=aarch64)"), arm);
    assertTrue(arm.contains(SUPPORTED), arm);
    String x86 = run("-Dos.arch=i386");
    assertTrue(x86.contains("detected linux-x86 "), x86);
    assertTrue(x86.contains(SUPPORTED), x86);
  }
}
