package org.jtorch.bindings;

import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The platform check jtorch makes before it loads any native library, so that a machine without
 * natives gets an error that says so instead of JavaCPP's {@code no jniopenblas_nolapack}.
 *
 * <p>Platforms are named as JavaCPP names them ({@code linux-x86_64}, {@code macosx-arm64},
 * {@code windows-x86_64}, ...).
 */
final class Platforms {
  /** The platforms jtorch ships natives for (its own and LibTorch's, through the presets). */
  static final List<String> SHIPPED = List.of("linux-x86_64", "linux-x86_64-gpu");

  private Platforms() {}

  /**
   * This JVM's platform, as JavaCPP names it ({@code org.bytedeco.javacpp.platform} if set, else
   * from {@code os.name} and {@code os.arch}). Reading it initialises JavaCPP's {@code Loader},
   * which reads none of the settings jtorch applies before loading (those are {@code Pointer}'s).
   */
  static String current() {
    return Loader.getPlatform();
  }

  /**
   * Throws where jtorch cannot run: a platform it ships no natives for, or the LibTorch natives
   * of this platform missing from the class path.
   *
   * @param platform the platform, as {@link #current()} gives it
   * @param loader where the presets' native JARs would be
   * @throws UnsatisfiedLinkError saying what was detected, what is supported and what to do
   */
  static void check(String platform, ClassLoader loader) {
    if (!SHIPPED.contains(platform) && !SHIPPED.contains(platform + "-gpu")) {
      throw new UnsatisfiedLinkError(
          "jtorch does not run on this platform: detected "
              + platform
              + " (os.name="
              + System.getProperty("os.name")
              + ", os.arch="
              + System.getProperty("os.arch")
              + "), and jtorch ships natives for "
              + String.join(" and ", SHIPPED)
              + " only. Run it on Linux x86-64 (on macOS or Windows: in a Linux x86-64 container"
              + " or virtual machine).");
    }
    boolean cpu = loader.getResource("org/bytedeco/pytorch/" + platform + "/libjnitorch.so") != null;
    boolean gpu =
        loader.getResource("org/bytedeco/pytorch/" + platform + "-gpu/libjnitorch.so") != null;
    if (!cpu && !gpu) {
      throw new UnsatisfiedLinkError(
          "LibTorch's natives for "
              + platform
              + " are not on the class path: add org.bytedeco:pytorch with the classifier "
              + platform
              + " (or "
              + platform
              + "-gpu), at the version jtorch names; the jtorch-bom keeps them in step (README,"
              + " \"Add jtorch to your build\").");
    }
  }
}
