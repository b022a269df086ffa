package org.jtorch.internal;

import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.LayoutOptional;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.TorchException;
import org.jtorch.bindings.NativeLibraries;

/**
 * The one place where jtorch meets the JavaCPP presets' types: conversions between jtorch's value
 * types and LibTorch's, shared immutable option objects, and the translation of native errors.
 *
 * <p>Internal: not part of jtorch's API, and may change in any release.
 */
public final class Natives {
  static {
    NativeLibraries.load();
  }

  private static final ScalarType[] SCALAR_TYPES = new ScalarType[16];
  private static final ScalarTypeOptional[] SCALAR_TYPE_OPTIONALS = new ScalarTypeOptional[16];

  static {
    for (ScalarType st : ScalarType.values()) {
      if (st.value >= 0 && st.value < SCALAR_TYPES.length) {
        SCALAR_TYPES[st.value] = st;
      }
    }
    for (DType d : DType.values()) {
      SCALAR_TYPE_OPTIONALS[d.code()] = new ScalarTypeOptional(SCALAR_TYPES[d.code()]);
    }
  }

  /** An empty {@code optional<ScalarType>}; never modify it. */
  public static final ScalarTypeOptional NO_DTYPE = new ScalarTypeOptional();
  /** An empty {@code optional<Layout>}; never modify it. */
  public static final LayoutOptional NO_LAYOUT = new LayoutOptional();
  /** An empty {@code optional<Device>}; never modify it. */
  public static final DeviceOptional NO_DEVICE = new DeviceOptional();
  /** An empty {@code optional<bool>}; never modify it. */
  public static final BoolOptional NO_BOOL = new BoolOptional();
  /** An empty {@code optional<Generator>} (the default generator); never modify it. */
  public static final org.bytedeco.pytorch.GeneratorOptional NO_GENERATOR =
      new org.bytedeco.pytorch.GeneratorOptional();
  /** An empty {@code optional<MemoryFormat>}; never modify it. */
  public static final MemoryFormatOptional NO_MEMORY_FORMAT = new MemoryFormatOptional();

  private static final String BACKTRACE_MARKER = "Exception raised from ";
  private static final String FRAMES_MARKER = "\nframe #0: ";

  private Natives() {}

  /** Makes sure LibTorch and jtorch's operators are loaded. */
  public static void ensureLoaded() {
    // the static initialiser does the work
  }

  /** LibTorch's scalar type for {@code dtype}. */
  public static ScalarType scalarType(DType dtype) {
    return SCALAR_TYPES[dtype.code()];
  }

  /** A shared {@code optional<ScalarType>} holding {@code dtype}, or {@link #NO_DTYPE}. */
  public static ScalarTypeOptional dtypeOptional(DType dtype) {
    return dtype == null ? NO_DTYPE : SCALAR_TYPE_OPTIONALS[dtype.code()];
  }

  /**
   * jtorch's dtype for LibTorch's {@code scalarType}.
   *
   * @throws IllegalArgumentException for the scalar types jtorch does not support (quantized,
   *     float8, ...)
   */
  public static DType dtype(ScalarType scalarType) {
    return DType.fromCode(scalarType.value);
  }

  /** LibTorch's device for {@code device}. */
  public static org.bytedeco.pytorch.Device device(Device device) {
    DeviceType type;
    switch (device.type()) {
      case CPU:
        type = DeviceType.CPU;
        break;
      case CUDA:
        type = DeviceType.CUDA;
        break;
      case META:
        type = DeviceType.Meta;
        break;
      default:
        throw new IllegalArgumentException("unsupported device " + device);
    }
    return new org.bytedeco.pytorch.Device(type, (byte) device.index());
  }

  /** jtorch's device for LibTorch's {@code device}. */
  public static Device device(org.bytedeco.pytorch.Device device) {
    // JavaCPP hands back enum objects that are not the interned constants: compare values
    byte type = device.type().value;
    if (type == DeviceType.CPU.value) {
      return Device.CPU;
    } else if (type == DeviceType.CUDA.value) {
      return device.has_index() ? Device.cuda(device.index()) : Device.cuda();
    } else if (type == DeviceType.Meta.value) {
      return Device.META;
    }
    throw new IllegalArgumentException("unsupported device type " + type);
  }

  /** An {@code optional<Device>} for {@code device}, or {@link #NO_DEVICE} for null. */
  public static DeviceOptional deviceOptional(Device device) {
    return device == null ? NO_DEVICE : new DeviceOptional(device(device));
  }

  /** An {@code optional<bool>}. */
  public static BoolOptional boolOptional(boolean value) {
    return new BoolOptional(value);
  }

  /**
   * Turns an exception thrown by a native call into jtorch's: a plain {@link RuntimeException}
   * from JavaCPP (LibTorch's {@code c10::Error} or another {@code std::exception}) becomes a
   * {@link TorchException} with PyTorch's message, the C++ backtrace kept apart. Any other
   * exception is returned unchanged.
   */
  public static RuntimeException translate(RuntimeException e) {
    if (e.getClass() != RuntimeException.class) {
      return e;
    }
    String full = e.getMessage() == null ? "" : e.getMessage();
    int cut = full.indexOf(BACKTRACE_MARKER);
    if (cut < 0) {
      // c10::EnforceNotMet ("[enforce fail at ...] ...") has its frames and no marker
      cut = full.indexOf(FRAMES_MARKER);
    }
    String message = cut < 0 ? full : full.substring(0, cut);
    String backtrace = cut < 0 ? "" : full.substring(cut);
    message = message.strip();
    if (message.isEmpty()) {
      message = "LibTorch failed without a message";
    }
    boolean namesJtorchOps = message.contains("jtorch::") || message.contains("ops.jtorch.");
    if (namesJtorchOps && !NativeLibraries.opsAvailable()) {
      // a TorchScript model or source that calls jtorch's operators ("Unknown builtin op:
      // jtorch::argmax_layer"), where their library is missing: say why
      message += "\n(jtorch's operators are not registered: "
          + NativeLibraries.opsUnavailableReason() + ")";
    }
    TorchException t = new TorchException(message, backtrace, null);
    t.setStackTrace(e.getStackTrace());
    return t;
  }

  /** {@code torch::cuda::is_available()}. */
  public static boolean cudaAvailable() {
    return torch.cuda_is_available();
  }
}
