package org.jtorch;

import java.util.Objects;

/**
 * Where a tensor's memory lives, PyTorch's {@code torch.device}: {@code cpu}, {@code cuda:N} or
 * {@code meta}.
 *
 * <pre>{@code
 * Device.CPU; Device.cuda(0); Device.of("cuda:1");
 * }</pre>
 */
public final class Device {
  /** The device type. */
  public enum Type {
    /** Host memory. */
    CPU("cpu"),
    /** An NVIDIA GPU. */
    CUDA("cuda"),
    /** No memory at all: shapes and dtypes only. */
    META("meta");

    private final String pythonName;

    Type(String pythonName) {
      this.pythonName = pythonName;
    }

    @Override
    public String toString() {
      return pythonName;
    }
  }

  /** The CPU. */
  public static final Device CPU = new Device(Type.CPU, -1);

  /** The meta device. */
  public static final Device META = new Device(Type.META, -1);

  private final Type type;
  private final int index;

  private Device(Type type, int index) {
    this.type = type;
    this.index = index;
  }

  /** The current CUDA device, {@code torch.device("cuda")}. */
  public static Device cuda() {
    return new Device(Type.CUDA, -1);
  }

  /**
   * CUDA device {@code index}.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public static Device cuda(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("CUDA device index must be >= 0, got " + index);
    }
    return new Device(Type.CUDA, index);
  }

  /**
   * Parses PyTorch's device strings: {@code "cpu"}, {@code "cuda"}, {@code "cuda:1"}, {@code
   * "meta"}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Device of(String spec) {
    Objects.requireNonNull(spec, "spec");
    String s = spec.trim();
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    int index = -1;
    if (colon >= 0) {
      try {
        index = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid device string: '" + spec + "'");
      }
      if (index < 0) {
        throw new IllegalArgumentException("invalid device string: '" + spec + "'");
      }
    }
    switch (name) {
      case "cpu":
        if (index > 0) {
          throw new IllegalArgumentException("CPU device index must be 0, got '" + spec + "'");
        }
        return CPU;
      case "cuda":
        return new Device(Type.CUDA, index);
      case "meta":
        return META;
      default:
        throw new IllegalArgumentException(
            "invalid device string: '" + spec + "' (expected cpu, cuda, cuda:N or meta)");
    }
  }

  /** The device type. */
  public Type type() {
    return type;
  }

  /** The device index, or -1 where none was given (PyTorch's {@code None}). */
  public int index() {
    return index;
  }

  /** True for the CPU. */
  public boolean isCpu() {
    return type == Type.CPU;
  }

  /** True for a CUDA device. */
  public boolean isCuda() {
    return type == Type.CUDA;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Device && ((Device) o).type == type && ((Device) o).index == index;
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + index;
  }

  /** PyTorch's spelling: {@code cpu}, {@code cuda:0}. */
  @Override
  public String toString() {
    return index < 0 ? type.toString() : type + ":" + index;
  }
}
