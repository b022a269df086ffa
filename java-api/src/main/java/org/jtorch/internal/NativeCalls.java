package org.jtorch.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.LayoutOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Dispatcher;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.OperatorHandle;
import org.bytedeco.pytorch.LongArrayRef;
import org.bytedeco.pytorch.LongArrayRefOptional;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.jtorch.Tensor;

/**
 * Native calls for jtorch's sub-packages ({@code linalg}, {@code fft}): each runs a LibTorch call,
 * translates its errors into {@link org.jtorch.TorchException} and wraps the result tensors, taking
 * references of their own before the native tuple that held them is freed.
 *
 * <p>Internal: not part of jtorch's API, and may change in any release.
 */
public final class NativeCalls {
  private NativeCalls() {}

  /** Shared {@code LongOptional}s for the dims -64..63 (see {@link #dim}). */
  private static final class Dims {
    static final int OFFSET = 64;
    static final org.bytedeco.pytorch.LongOptional[] CACHE =
        new org.bytedeco.pytorch.LongOptional[2 * OFFSET];

    static {
      for (int i = 0; i < CACHE.length; i++) {
        CACHE[i] = new org.bytedeco.pytorch.LongOptional(i - OFFSET);
      }
    }
  }

  /**
   * {@code std::optional<int64_t>(dim)} for a LibTorch call that takes an optional dim. Dims in
   * -64..63 come from a cache of immutable native objects shared by all threads (a new native
   * optional per call costs about 0.3 µs, as much as a small op's kernel): callers must neither
   * close nor change the result. Other values get a new object, left to the garbage collector.
   */
  public static org.bytedeco.pytorch.LongOptional dim(long dim) {
    if (dim >= -Dims.OFFSET && dim < Dims.OFFSET) {
      return Dims.CACHE[(int) dim + Dims.OFFSET];
    }
    return new org.bytedeco.pytorch.LongOptional(dim);
  }

  /** The native handle of {@code t}; {@code name} names the argument in the null message. */
  public static org.bytedeco.pytorch.Tensor h(Tensor t, String name) {
    return Handles.unwrap(Objects.requireNonNull(t, name));
  }

  /** Runs a call that returns a new native tensor and wraps it. */
  public static Tensor tensor(Supplier<org.bytedeco.pytorch.Tensor> call) {
    org.bytedeco.pytorch.Tensor r;
    try {
      r = call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
    return Handles.wrap(r);
  }

  /** Runs a call that returns a pair of tensors; returns both, wrapped. */
  public static Tensor[] pair(Supplier<T_TensorTensor_T> call) {
    T_TensorTensor_T t = query(call);
    try {
      return own(t.get0(), t.get1());
    } finally {
      t.close();
    }
  }

  /** Runs a call that returns three tensors; returns them, wrapped. */
  public static Tensor[] triple(Supplier<T_TensorTensorTensor_T> call) {
    T_TensorTensorTensor_T t = query(call);
    try {
      return own(t.get0(), t.get1(), t.get2());
    } finally {
      t.close();
    }
  }

  /**
   * Wraps tensors that point INTO a native container (a tuple, a vector, a stack): each gets a
   * reference of its own, so that it survives the container being freed.
   */
  private static Tensor[] own(org.bytedeco.pytorch.Tensor... parts) {
    Tensor[] out = new Tensor[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Handles.wrap(new org.bytedeco.pytorch.Tensor(parts[i]));
    }
    return out;
  }


  private static final ConcurrentHashMap<String, OperatorHandle> OPERATORS =
      new ConcurrentHashMap<>();

  /**
   * Calls the operator {@code name} (overload {@code overload}) through the dispatcher (the kernel Python
   * runs) with {@code args} on the stack, and returns its first {@code outputs} results, which must
   * be tensors, as new references. For operators the presets do not map, or map with arguments
   * that cannot be passed safely (a {@code string_view} made from a Java string may dangle).
   */
  public static Tensor[] boxed(String name, String overload, int outputs, IValue... args) {
    OperatorHandle op =
        OPERATORS.computeIfAbsent(
            name + "." + overload,
            k -> query(() -> Dispatcher.singleton().findSchemaOrThrow(name, overload)));
    try (IValueVector stack = new IValueVector(args)) {
      query(
          () -> {
            op.callBoxed(stack);
            return null;
          });
      Tensor[] out = new Tensor[outputs];
      for (int i = 0; i < outputs; i++) {
        try (IValue v = stack.get(i)) {
          // toTensor() points into the stack: take a reference of our own before it is freed
          out[i] = Handles.wrap(new org.bytedeco.pytorch.Tensor(v.toTensor()));
        }
      }
      return out;
    }
  }

  /**
   * A LibTorch factory call taking PyTorch's factory keywords as optionals (dtype, layout,
   * device, pin_memory).
   */
  @FunctionalInterface
  public interface Factory {
    /** Calls the factory. */
    org.bytedeco.pytorch.Tensor call(
        ScalarTypeOptional dtype, LayoutOptional layout, DeviceOptional device, BoolOptional pin);
  }

  /**
   * Runs a factory with {@code options}: its dtype (null: the factory's default) and device, and
   * {@code requires_grad} applied afterwards, as PyTorch does.
   */
  public static Tensor factory(org.jtorch.TensorOptions options, Factory f) {
    Objects.requireNonNull(options, "options");
    DeviceOptional device = Natives.deviceOptional(options.device());
    Tensor t;
    try {
      t = tensor(() -> f.call(Natives.dtypeOptional(options.dtype()), Natives.NO_LAYOUT, device, Natives.NO_BOOL));
    } finally {
      if (device != Natives.NO_DEVICE) {
        device.close();
      }
    }
    if (options.requiresGrad()) {
      try {
        t.requiresGrad_(true);
      } catch (RuntimeException e) {
        t.close();
        throw e;
      }
    }
    return t;
  }

  /** Runs a call that returns a plain value, translating LibTorch's errors. */
  public static <T> T query(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
  }

  /**
   * Calls {@code body} with an {@code optional<string_view>} holding {@code s} (empty for null).
   * The characters live in a buffer of ours until {@code body} returns: a {@code string_view}
   * built from a Java {@code String} would point at a temporary copy freed right after the
   * constructor call.
   */
  public static <T> T withString(String s, Function<StringViewOptional, T> body) {
    if (s == null) {
      try (StringViewOptional none = new StringViewOptional()) {
        return body.apply(none);
      }
    }
    try (BytePointer chars = new BytePointer(s);
        StringViewOptional opt = new StringViewOptional(chars)) {
      return body.apply(opt);
    }
  }

  /**
   * Calls {@code body} with an {@code optional<IntArrayRef>} over a copy of {@code values} (empty
   * for null), the backing memory kept alive until {@code body} returns (see DESIGN.md: an
   * {@code ArrayRef} built straight from a Java array can point at freed memory).
   */
  public static <T> T withLongs(long[] values, Function<LongArrayRefOptional, T> body) {
    if (values == null) {
      try (LongArrayRefOptional none = new LongArrayRefOptional()) {
        return body.apply(none);
      }
    }
    try (LongPointer data = new LongPointer(Math.max(1, values.length));
        LongArrayRef ref = new LongArrayRef(data.put(values), values.length);
        LongArrayRefOptional opt = new LongArrayRefOptional(ref)) {
      return body.apply(opt);
    }
  }

  /** {@link #withLongs} for an {@code optional<ArrayRef<double>>} (scale factors). */
  public static <T> T withDoubles(
      double[] values, Function<org.bytedeco.pytorch.DoubleArrayRefOptional, T> body) {
    if (values == null) {
      try (org.bytedeco.pytorch.DoubleArrayRefOptional none =
          new org.bytedeco.pytorch.DoubleArrayRefOptional()) {
        return body.apply(none);
      }
    }
    try (org.bytedeco.javacpp.DoublePointer data =
            new org.bytedeco.javacpp.DoublePointer(Math.max(1, values.length));
        org.bytedeco.pytorch.DoubleArrayRef ref =
            new org.bytedeco.pytorch.DoubleArrayRef(data.put(values), values.length);
        org.bytedeco.pytorch.DoubleArrayRefOptional opt =
            new org.bytedeco.pytorch.DoubleArrayRefOptional(ref)) {
      return body.apply(opt);
    }
  }
}
