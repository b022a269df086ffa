package org.jtorch.bindings;

import java.util.List;
import java.util.Locale;

/**
 * The platform check jtorch makes before it loads any native library, so that a machine without
 * natives gets an error that says so instead of JavaCPP's {@code no jniopenblas_nolapack}.
 *
 * <p>Platforms are named as JavaCPP names them ({@code linux-x86_64}, {@code macosx-arm64},
 * {@code windows-x86_64}, ...): the system property {@code org.bytedeco.javacpp.platform} if set,
 * else derived from {@code os.name} and {@code os.arch}.
 */
final class Platforms {
  /** The platforms jtorch ships natives for (its own and LibTorch's, through the presets). */
  static final List<String> SHIPPED = List.of("linux-x86_64", "linux-x86_64-gpu");

  private Platforms() {}

  /** This JVM's platform, as JavaCPP names it. */
  static String current() {
    String forced = System.getProperty("org.bytedeco.javacpp.platform");
    if (forced != null && !forced.isBlank()) {
      return forced.strip();
    }
    return javacppName(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** JavaCPP's name of the platform with these {@code os.name} and {@code os.arch}. */
  static String javacppName(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT).replace(" ", "");
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("macosx") || os.startsWith("darwin") || os.startsWith("mac")) {
      os = "macosx";
    }
    String arch = osArch.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "amd64":
      case "x86-64":
      case "x64":
        arch = "x86_64";
        break;
      case "i386":
      case "i486":
      case "i586":
      case "i686":
        arch = "x86";
        break;
      case "aarch64":
      case "armv8":
        arch = "arm64";
        break;
      default:
        if (arch.startsWith("arm")) {
          arch = "armhf";
        }
    }
    return os + "-" + arch;
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
