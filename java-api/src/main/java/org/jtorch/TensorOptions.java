package org.jtorch;

/**
 * The keyword arguments of PyTorch's factory functions ({@code dtype=}, {@code device=}, {@code
 * requires_grad=}), as an immutable fluent object:
 *
 * <pre>{@code
 * Torch.zeros(new long[] {2, 3}, TensorOptions.dtype(DType.FLOAT64).requiresGrad(true));
 * }</pre>
 *
 * An unset dtype means the factory's PyTorch default (float32 for floating factories such as
 * {@code zeros} and {@code rand}; int64 for {@code randint} and integer {@code arange}).
 */
public final class TensorOptions {
  private static final TensorOptions DEFAULT = new TensorOptions(null, null, false);

  private final DType dtype;
  private final Device device;
  private final boolean requiresGrad;

  private TensorOptions(DType dtype, Device device, boolean requiresGrad) {
    this.dtype = dtype;
    this.device = device;
    this.requiresGrad = requiresGrad;
  }

  /** No option set: PyTorch's defaults. */
  public static TensorOptions defaults() {
    return DEFAULT;
  }

  /** Options with element type {@code dtype}. */
  public static TensorOptions dtype(DType dtype) {
    return DEFAULT.withDtype(dtype);
  }

  /** Options on {@code device}. */
  public static TensorOptions device(Device device) {
    return DEFAULT.withDevice(device);
  }

  /** These options with element type {@code dtype}. */
  public TensorOptions withDtype(DType dtype) {
    return new TensorOptions(dtype, device, requiresGrad);
  }

  /** These options on {@code device}. */
  public TensorOptions withDevice(Device device) {
    return new TensorOptions(dtype, device, requiresGrad);
  }

  /** These options with {@code requires_grad} set. */
  public TensorOptions requiresGrad(boolean requiresGrad) {
    return new TensorOptions(dtype, device, requiresGrad);
  }

  /** The element type, or null for the factory's default. */
  public DType dtype() {
    return dtype;
  }

  /** The device, or null for the CPU. */
  public Device device() {
    return device;
  }

  /** Whether the new tensor requires grad. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  @Override
  public String toString() {
    return "TensorOptions(dtype=" + dtype + ", device=" + device + ", requiresGrad=" + requiresGrad + ")";
  }
}
