package org.jtorch.amp;

import java.util.Objects;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.internal.Natives;

/**
 * A try-with-resources scope in which eligible ops (matmul, linear, conv, ...) run in a lower
 * precision, PyTorch's {@code torch.autocast(device_type, dtype)}. Like PyTorch's, the mode is
 * thread-local, scopes nest, and the cache of down-cast weights is cleared when the outermost
 * scope closes.
 *
 * <pre>{@code
 * try (var ac = Torch.autocast(DType.BFLOAT16)) {
 *   Tensor y = model.forward(x);   // bfloat16 where PyTorch's CPU autocast casts
 * }
 * }</pre>
 */
public final class Autocast implements AutoCloseable {
  private final Thread thread = Thread.currentThread();
  private final torch.DeviceType deviceType;
  private final boolean previousEnabled;
  private final torch.ScalarType previousDtype;
  private boolean closed;

  private Autocast(torch.DeviceType deviceType, DType dtype, boolean enabled) {
    this.deviceType = deviceType;
    this.previousEnabled = torch.is_autocast_enabled(deviceType);
    this.previousDtype = torch.get_autocast_dtype(deviceType);
    if (enabled) {
      torch.set_autocast_dtype(deviceType, Natives.scalarType(dtype));
    }
    torch.set_autocast_enabled(deviceType, enabled);
    torch.increment_nesting();
  }

  /**
   * Enters autocast for {@code device}'s type with {@code dtype}. On the CPU only {@link
   * DType#BFLOAT16} and {@link DType#FLOAT16} are supported, as in PyTorch.
   *
   * @throws IllegalArgumentException for another dtype on the CPU, or a device without autocast
   */
  public static Autocast enter(Device device, DType dtype, boolean enabled) {
    Natives.ensureLoaded();
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(dtype, "dtype");
    torch.DeviceType type;
    if (device.isCuda()) {
      type = torch.DeviceType.CUDA;
      if (!dtype.isFloatingPoint()) {
        throw new IllegalArgumentException("CUDA autocast needs a floating dtype, got " + dtype);
      }
    } else if (device.isCpu()) {
      type = torch.DeviceType.CPU;
      if (dtype != DType.BFLOAT16 && dtype != DType.FLOAT16) {
        throw new IllegalArgumentException(
            "In CPU autocast, but the target dtype is not supported: CPU Autocast only supports"
                + " dtype of torch.bfloat16, torch.float16 (got " + dtype + ")");
      }
    } else {
      throw new IllegalArgumentException("autocast is not supported on " + device);
    }
    return new Autocast(type, dtype, enabled);
  }

  /** Whether autocast is on for the CPU on this thread, PyTorch's {@code is_autocast_enabled("cpu")}. */
  public static boolean isEnabledOnCpu() {
    Natives.ensureLoaded();
    return torch.is_autocast_enabled(torch.DeviceType.CPU);
  }

  /**
   * Restores the previous autocast state. Idempotent.
   *
   * @throws IllegalStateException on another thread than the one that opened the scope
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("an autocast scope must be closed on the thread that opened it");
    }
    closed = true;
    if (torch.decrement_nesting() == 0) {
      torch.clear_cache();
    }
    torch.set_autocast_enabled(deviceType, previousEnabled);
    torch.set_autocast_dtype(deviceType, previousDtype);
  }
}
