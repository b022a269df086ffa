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
    assertDoesNotThrow(
        () -> Platforms.check(Platforms.current(), PlatformsTest.class.getClassLoader()));
  }

  @Test
  void anUnsupportedPlatformIsNamedWithTheSupportedOnes() {
    for (String p : new String[] {"macosx-arm64", "windows-x86_64", "linux-arm64", "linux-x86"}) {
      UnsatisfiedLinkError e =
          assertThrows(
              UnsatisfiedLinkError.class,
              () -> Platforms.check(p, PlatformsTest.class.getClassLoader()));
      assertTrue(e.getMessage().contains("detected " + p), e.getMessage());
      assertTrue(e.getMessage().contains("linux-x86_64 and linux-x86_64-gpu only"), e.getMessage());
      assertTrue(e.getMessage().contains("container or virtual machine"), e.getMessage());
    }
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
