package org.jtorch.bindings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;

/**
 * The platform check, with the platform faked (a child JVM with JavaCPP's platform property:
 * UnsupportedPlatformTest in java-api).
 */
class PlatformsTest {
  @Test
  void thisMachineIsSupportedAndHasItsNatives() {
    assertEquals("linux-x86_64", Platforms.current());
    assertEquals(
        "linux-x86_64",
        assertDoesNotThrow(
            () -> Platforms.check(Platforms.current(), PlatformsTest.class.getClassLoader())));
  }

  @Test
  void anUnsupportedPlatformIsNamedWithTheSupportedOnes() {
    for (String p : new String[] {"linux-arm64", "linux-x86", "linux-ppc64le", "android-arm64"}) {
      UnsatisfiedLinkError e =
          assertThrows(
              UnsatisfiedLinkError.class,
              () -> Platforms.check(p, PlatformsTest.class.getClassLoader()));
      assertTrue(e.getMessage().contains("detected " + p), e.getMessage());
      assertTrue(e.getMessage().contains("publish LibTorch for linux-x86_64, linux-x86_64-gpu,"
          + " macosx-arm64, macosx-x86_64, windows-x86_64, windows-x86_64-gpu only"), e.getMessage());
    }
  }

  @Test
  void everyPlatformThePresetsPublishIsSupportedWithItsLibraryNames() {
    assertEquals(
        java.util.List.of("linux-x86_64", "linux-x86_64-gpu", "macosx-arm64", "macosx-x86_64",
            "windows-x86_64", "windows-x86_64-gpu"),
        Platforms.SUPPORTED);
    assertEquals("libjtorch_ops.so", Platforms.libraryFile("linux-x86_64-gpu", "jtorch_ops"));
    assertEquals("libjtorch_ops.dylib", Platforms.libraryFile("macosx-arm64", "jtorch_ops"));
    assertEquals("jtorch_ops.dll", Platforms.libraryFile("windows-x86_64", "jtorch_ops"));
    assertEquals(java.util.List.of("windows-x86_64-gpu", "windows-x86_64"),
        Platforms.flavours("windows-x86_64"));
    assertEquals(java.util.List.of("macosx-arm64"), Platforms.flavours("macosx-arm64"));
  }

  @Test
  void aSupportedPlatformWithoutItsNativesNamesTheClassifier() {
    // this machine's class path holds linux-x86_64 natives only
    UnsatisfiedLinkError e =
        assertThrows(
            UnsatisfiedLinkError.class,
            () -> Platforms.check("windows-x86_64", PlatformsTest.class.getClassLoader()));
    assertTrue(e.getMessage().contains("(no org/bytedeco/pytorch/windows-x86_64/jnitorch.dll)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("classifier windows-x86_64 (or windows-x86_64-gpu)"),
        e.getMessage());
  }

  @Test
  void missingPresetNativesNameTheArtifact() {
    ClassLoader empty =
        new ClassLoader(null) {
          @Override
          public URL getResource(String name) {
            return null;
          }

          @Override
          public Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
          }
        };
    UnsatisfiedLinkError e =
        assertThrows(UnsatisfiedLinkError.class, () -> Platforms.check("linux-x86_64", empty));
    assertTrue(e.getMessage().contains("org.bytedeco:pytorch with the classifier linux-x86_64"),
        e.getMessage());
  }
}
