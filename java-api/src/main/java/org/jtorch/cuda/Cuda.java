package org.jtorch.cuda;

import org.bytedeco.pytorch.global.torch;
import org.jtorch.internal.Natives;

/**
 * CUDA availability and state, PyTorch's {@code torch.cuda}; obtained with {@code Torch.cuda()}.
 *
 * <p>jtorch's CPU flavour ({@code linux-x86_64} natives) never sees a GPU; the GPU flavour ({@code
 * linux-x86_64-gpu}) needs the CUDA 13 runtime libraries on the system (see the README).
 */
public final class Cuda {
  /** The one instance. */
  public static final Cuda INSTANCE = new Cuda();

  static {
    Natives.ensureLoaded();
  }

  private Cuda() {}

  /** True if LibTorch was built with CUDA and at least one GPU is usable. */
  public boolean isAvailable() {
    return torch.cuda_is_available();
  }

  /** The number of usable GPUs (0 without CUDA). */
  public int deviceCount() {
    return torch.cuda_device_count();
  }

  /**
   * The version of the NVIDIA kernel driver this machine runs ({@code /proc/driver/nvidia/version},
   * e.g. {@code "550.54.15"}), or null where there is none (no NVIDIA driver, or not Linux). A
   * driver is needed for {@link #isAvailable()}; it does not make it true by itself (LibTorch's
   * GPU natives and a usable device are needed too).
   */
  public String driverVersion() {
    return driverVersion(java.nio.file.Path.of("/proc/driver/nvidia/version"));
  }

  static String driverVersion(java.nio.file.Path file) {
    try {
      String text = java.nio.file.Files.readString(file);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("Kernel Module\\s+(?:for \\S+\\s+)?([0-9][0-9.]*)")
              .matcher(text);
      return m.find() ? m.group(1) : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * One line on CUDA for {@code Torch.config()}: the devices and the driver where CUDA is usable,
   * otherwise why not (CPU natives, no driver, driver but no usable device).
   */
  public String describe() {
    String driver = driverVersion();
    String natives = org.jtorch.bindings.NativeLibraries.platform();
    if (isAvailable()) {
      return "available, " + deviceCount() + " device(s), NVIDIA driver "
          + (driver == null ? "(version unknown)" : driver);
    }
    if (!natives.endsWith("-gpu") && !natives.equals("custom")) {
      return "not available: LibTorch's CPU natives (" + natives + "); the GPU flavour is"
          + " -Djavacpp.platform.extension=-gpu";
    }
    return driver == null
        ? "not available: GPU natives, but no NVIDIA driver (/proc/driver/nvidia/version)"
        : "not available: GPU natives and NVIDIA driver " + driver + ", but no usable device";
  }

  /** Seeds the generators of every GPU. */
  public void manualSeedAll(long seed) {
    torch.cuda_manual_seed_all(seed);
  }
}
