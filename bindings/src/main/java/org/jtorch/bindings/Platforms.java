package org.jtorch.bindings;

import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;

/**
 * The platforms jtorch runs on, how native libraries are named on each, and the check jtorch makes
 * before it loads any native library, so that a machine without natives gets an error that says
 * so instead of JavaCPP's {@code no jniopenblas_nolapack}.
 *
 * <p>Platforms are named as JavaCPP names them ({@code linux-x86_64}, {@code macosx-arm64},
 * {@code windows-x86_64}, ...); a GPU flavour adds {@code -gpu}.
 */
final class Platforms {
  /**
   * The platforms the JavaCPP PyTorch presets publish LibTorch natives for (2.13.0-1.5.14), which
   * are the platforms jtorch runs on. jtorch's own operator library ({@code jtorch-native}) is
   * optional on each: without it everything but the {@code jtorch::} operators works.
   */
  static final List<String> SUPPORTED =
      List.of(
          "linux-x86_64",
          "linux-x86_64-gpu",
          "macosx-arm64",
          "macosx-x86_64",
          "windows-x86_64",
          "windows-x86_64-gpu");

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
   * The file name of the native library {@code name} on {@code platform}: {@code libNAME.so} on
   * Linux, {@code libNAME.dylib} on macOS, {@code NAME.dll} on Windows.
   */
  static String libraryFile(String platform, String name) {
    String p = platform.toLowerCase(Locale.ROOT);
    if (p.startsWith("windows")) {
      return name + ".dll";
    }
    return "lib" + name + (p.startsWith("macosx") || p.startsWith("ios") ? ".dylib" : ".so");
  }

  /** The flavours of {@code platform} whose natives jtorch looks for, the GPU one first. */
  static List<String> flavours(String platform) {
    String gpu = platform + "-gpu";
    return SUPPORTED.contains(gpu) ? List.of(gpu, platform) : List.of(platform);
  }

  /**
   * Throws where jtorch cannot run: a platform the presets publish no LibTorch for, or the
   * LibTorch natives of this platform missing from the class path.
   *
   * @param platform the platform, as {@link #current()} gives it
   * @param loader where the presets' native JARs would be
   * @return the flavour whose LibTorch natives are on the class path ({@code platform} or its GPU
   *     flavour; the GPU one where both are)
   * @throws UnsatisfiedLinkError saying what was detected, what is supported and what to do
   */
  static String check(String platform, ClassLoader loader) {
    if (!SUPPORTED.contains(platform)) {
      throw new UnsatisfiedLinkError(
          "jtorch does not run on this platform: detected "
              + platform
              + " (os.name="
              + System.getProperty("os.name")
              + ", os.arch="
              + System.getProperty("os.arch")
              + "), and the JavaCPP PyTorch presets jtorch runs on publish LibTorch for "
              + String.join(", ", SUPPORTED)
              + " only. Run it on one of those (on another machine: in a Linux x86-64 container"
              + " or virtual machine).");
    }
    String jni = libraryFile(platform, "jnitorch");
    for (String flavour : flavours(platform)) {
      if (loader.getResource("org/bytedeco/pytorch/" + flavour + "/" + jni) != null) {
        return flavour;
      }
    }
    throw new UnsatisfiedLinkError(
        "LibTorch's natives for "
            + platform
            + " are not on the class path (no org/bytedeco/pytorch/"
            + platform
            + "/"
            + jni
            + "): add org.bytedeco:pytorch with the classifier "
            + platform
            + (flavours(platform).size() > 1 ? " (or " + platform + "-gpu)" : "")
            + ", at the version jtorch names; the jtorch-bom keeps them in step, and building with"
            + " -Djavacpp.platform="
            + platform
            + " selects them (README, \"Add jtorch to your build\").");
  }
}
