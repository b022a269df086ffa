package org.jtorch;

import java.nio.Buffer;
import java.util.List;
import java.util.Objects;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.LayoutOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.cuda.Cuda;
import org.jtorch.internal.Natives;

/**
 * PyTorch's {@code torch.} namespace: tensor factories, seeding and the functions that combine
 * tensors.
 *
 * <p>Java arrays map to dtypes by their element type, like NumPy arrays: {@code float} →
 * float32, {@code double} → float64, {@code long} → int64, {@code int} → int32, {@code short} →
 * int16, {@code byte} → int8, {@code boolean} → bool. Nested arrays must be rectangular; a ragged
 * one is an {@link IllegalArgumentException}. Factories without a dtype use PyTorch's defaults.
 *
 * <pre>{@code
 * Torch.manualSeed(42);
 * Tensor x = Torch.randn(64, 784);
 * Tensor t = Torch.tensor(new float[][] {{1, 2}, {3, 4}});
 * }</pre>
 */
public final class Torch {
  static {
    Natives.ensureLoaded();
  }

  private Torch() {}

  // ---------------------------------------------------------------------------------------------
  // From Java arrays (copies)

  /** A 1-d float32 tensor holding a copy of {@code data}. */
  public static Tensor tensor(float[] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 2-d float32 tensor holding a copy of {@code data}. */
  public static Tensor tensor(float[][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 3-d float32 tensor holding a copy of {@code data}. */
  public static Tensor tensor(float[][][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 1-d float64 tensor holding a copy of {@code data}. */
  public static Tensor tensor(double[] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 2-d float64 tensor holding a copy of {@code data}. */
  public static Tensor tensor(double[][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 3-d float64 tensor holding a copy of {@code data}. */
  public static Tensor tensor(double[][][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 1-d int64 tensor holding a copy of {@code data}. */
  public static Tensor tensor(long[] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 2-d int64 tensor holding a copy of {@code data}. */
  public static Tensor tensor(long[][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 3-d int64 tensor holding a copy of {@code data}. */
  public static Tensor tensor(long[][][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 1-d int32 tensor holding a copy of {@code data}. */
  public static Tensor tensor(int[] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 2-d int32 tensor holding a copy of {@code data}. */
  public static Tensor tensor(int[][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 3-d int32 tensor holding a copy of {@code data}. */
  public static Tensor tensor(int[][][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 1-d int8 tensor holding a copy of {@code data} (see {@link #fromBytes} for uint8). */
  public static Tensor tensor(byte[] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 2-d int8 tensor holding a copy of {@code data}. */
  public static Tensor tensor(byte[][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 3-d int8 tensor holding a copy of {@code data}. */
  public static Tensor tensor(byte[][][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 1-d bool tensor holding a copy of {@code data}. */
  public static Tensor tensor(boolean[] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 2-d bool tensor holding a copy of {@code data}. */
  public static Tensor tensor(boolean[][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 3-d bool tensor holding a copy of {@code data}. */
  public static Tensor tensor(boolean[][][] data) {
    return NestedArrays.fromArray(data);
  }

  /** A 0-d float32 tensor, PyTorch's {@code torch.scalar_tensor(value)}. */
  public static Tensor scalarTensor(double value) {
    return scalarTensor(value, TensorOptions.defaults());
  }

  /** A 0-d tensor holding {@code value}. */
  public static Tensor scalarTensor(double value, TensorOptions options) {
    return factory(
        options,
        (dt, l, d, pin) -> {
          try (Scalar s = new Scalar(value)) {
            return torch.scalar_tensor(s, dt, l, d, pin);
          }
        });
  }

  /**
   * A tensor of {@code dtype} and {@code shape} whose bytes are a copy of {@code raw} (in the
   * machine's byte order): {@code fromBytes(pixels, DType.UINT8, 28, 28)} for image data.
   *
   * @throws IllegalArgumentException if {@code raw.length} is not the size the shape needs
   */
  public static Tensor fromBytes(byte[] raw, DType dtype, long... shape) {
    Objects.requireNonNull(raw, "raw");
    long n = numel(shape);
    if (n * dtype.itemSize() != raw.length) {
      throw new IllegalArgumentException(
          "shape "
              + java.util.Arrays.toString(shape)
              + " of "
              + dtype
              + " needs "
              + n * dtype.itemSize()
              + " bytes, got "
              + raw.length);
    }
    Tensor bytes = NestedArrays.fromFlat(raw, DType.INT8, new long[] {raw.length});
    if (dtype == DType.INT8) {
      return reshapeOwned(bytes, shape);
    }
    try (bytes) {
      Tensor typed = Tensor.op(() -> bytes.h().view(Natives.scalarType(dtype)));
      return reshapeOwned(typed, shape);
    }
  }

  private static Tensor reshapeOwned(Tensor t, long[] shape) {
    try (t) {
      return t.reshape(shape).contiguous();
    }
  }

  /**
   * A tensor over the memory of {@code buffer}, without a copy where the buffer is direct: writes
   * to either are seen by the other, and the buffer is kept reachable until LibTorch frees the
   * storage. A heap buffer is copied. The buffer's remaining bytes (from its position) must be
   * exactly what {@code shape} of {@code dtype} needs, in the machine's byte order.
   *
   * @throws IllegalArgumentException if the sizes do not match or the byte order is not native
   */
  public static Tensor fromBuffer(Buffer buffer, DType dtype, long... shape) {
    return BufferTensors.fromBuffer(buffer, dtype, shape);
  }

  // ---------------------------------------------------------------------------------------------
  // Factories

  @FunctionalInterface
  private interface Factory {
    org.bytedeco.pytorch.Tensor call(
        ScalarTypeOptional dtype, LayoutOptional layout, DeviceOptional device, BoolOptional pin);
  }

  private static Tensor factory(TensorOptions options, Factory f) {
    Objects.requireNonNull(options, "options");
    DeviceOptional device = Natives.deviceOptional(options.device());
    Tensor t;
    try {
      t =
          Tensor.op(
              () -> f.call(Natives.dtypeOptional(options.dtype()), Natives.NO_LAYOUT, device, Natives.NO_BOOL));
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

  private static long numel(long[] shape) {
    long n = 1;
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException(
            "negative size in shape " + java.util.Arrays.toString(shape));
      }
      n *= s;
    }
    return n;
  }

  /** A float32 tensor of zeros. */
  public static Tensor zeros(long... shape) {
    return zeros(shape, TensorOptions.defaults());
  }

  /** A tensor of zeros. */
  public static Tensor zeros(long[] shape, TensorOptions options) {
    long[] s = shape.clone();
    return factory(options, (dt, l, d, pin) -> torch.zeros(s, dt, l, d, pin));
  }

  /** A float32 tensor of ones. */
  public static Tensor ones(long... shape) {
    return ones(shape, TensorOptions.defaults());
  }

  /** A tensor of ones. */
  public static Tensor ones(long[] shape, TensorOptions options) {
    long[] s = shape.clone();
    return factory(options, (dt, l, d, pin) -> torch.ones(s, dt, l, d, pin));
  }

  /** An uninitialised float32 tensor. */
  public static Tensor empty(long... shape) {
    return empty(shape, TensorOptions.defaults());
  }

  /** An uninitialised tensor. */
  public static Tensor empty(long[] shape, TensorOptions options) {
    long[] s = shape.clone();
    return factory(options, (dt, l, d, pin) -> torch.empty(s, dt, l, d, pin, Natives.NO_MEMORY_FORMAT));
  }

  /** A float32 tensor filled with {@code value}. */
  public static Tensor full(long[] shape, double value) {
    return full(shape, value, TensorOptions.defaults());
  }

  /** An int64 tensor filled with {@code value}, as PyTorch infers from an integer fill value. */
  public static Tensor full(long[] shape, long value) {
    return full(shape, value, TensorOptions.dtype(DType.INT64));
  }

  /** A bool tensor filled with {@code value}. */
  public static Tensor full(long[] shape, boolean value) {
    return full(shape, value ? 1 : 0, TensorOptions.dtype(DType.BOOL));
  }

  /** A tensor filled with {@code value} (float32 unless {@code options} say otherwise). */
  public static Tensor full(long[] shape, double value, TensorOptions options) {
    long[] s = shape.clone();
    return factory(
        options.dtype() == null ? options.withDtype(DType.FLOAT32) : options,
        (dt, l, d, pin) -> {
          try (Scalar v = new Scalar(value)) {
            return torch.full(s, v, dt, l, d, pin);
          }
        });
  }

  /** A tensor filled with the integer {@code value} (int64 unless {@code options} say otherwise). */
  public static Tensor full(long[] shape, long value, TensorOptions options) {
    long[] s = shape.clone();
    return factory(
        options.dtype() == null ? options.withDtype(DType.INT64) : options,
        (dt, l, d, pin) -> {
          try (Scalar v = new Scalar(value)) {
            return torch.full(s, v, dt, l, d, pin);
          }
        });
  }

  /** Uniform samples from [0, 1), float32; the same numbers as Python after the same seed. */
  public static Tensor rand(long... shape) {
    return rand(shape, TensorOptions.defaults());
  }

  /** Uniform samples from [0, 1). */
  public static Tensor rand(long[] shape, TensorOptions options) {
    long[] s = shape.clone();
    return factory(options, (dt, l, d, pin) -> torch.rand(s, dt, l, d, pin));
  }

  /** Standard normal samples, float32; the same numbers as Python after the same seed. */
  public static Tensor randn(long... shape) {
    return randn(shape, TensorOptions.defaults());
  }

  /** Standard normal samples. */
  public static Tensor randn(long[] shape, TensorOptions options) {
    long[] s = shape.clone();
    return factory(options, (dt, l, d, pin) -> torch.randn(s, dt, l, d, pin));
  }

  /** Uniform integers in [0, high), int64. */
  public static Tensor randint(long high, long... shape) {
    return randint(0, high, shape, TensorOptions.defaults());
  }

  /** Uniform integers in [low, high), int64. */
  public static Tensor randint(long low, long high, long[] shape) {
    return randint(low, high, shape, TensorOptions.defaults());
  }

  /** Uniform integers in [low, high) (int64 unless {@code options} say otherwise). */
  public static Tensor randint(long low, long high, long[] shape, TensorOptions options) {
    long[] s = shape.clone();
    return factory(
        options.dtype() == null ? options.withDtype(DType.INT64) : options,
        (dt, l, d, pin) -> torch.randint(low, high, s, dt, l, d, pin));
  }

  /** {@code [0, 1, ..., end-1]}, int64. */
  public static Tensor arange(long end) {
    return arange(0, end, 1);
  }

  /** {@code [start, ..., end-1]}, int64. */
  public static Tensor arange(long start, long end) {
    return arange(start, end, 1);
  }

  /** {@code start, start+step, ...} below {@code end}, int64. */
  public static Tensor arange(long start, long end, long step) {
    return arangeImpl(new Scalar(start), new Scalar(end), new Scalar(step), TensorOptions.dtype(DType.INT64));
  }

  /** {@code start, start+step, ...} below {@code end}, float32 (PyTorch's default dtype). */
  public static Tensor arange(double start, double end, double step) {
    return arange(start, end, step, TensorOptions.defaults());
  }

  /** {@code start, start+step, ...} below {@code end}. */
  public static Tensor arange(double start, double end, double step, TensorOptions options) {
    return arangeImpl(new Scalar(start), new Scalar(end), new Scalar(step), options);
  }

  private static Tensor arangeImpl(Scalar start, Scalar end, Scalar step, TensorOptions options) {
    try (start;
        end;
        step) {
      return factory(options, (dt, l, d, pin) -> torch.arange(start, end, step, dt, l, d, pin));
    }
  }

  /** {@code steps} evenly spaced values from {@code start} to {@code end}, float32. */
  public static Tensor linspace(double start, double end, long steps) {
    return linspace(start, end, steps, TensorOptions.defaults());
  }

  /** {@code steps} evenly spaced values from {@code start} to {@code end}. */
  public static Tensor linspace(double start, double end, long steps, TensorOptions options) {
    return factory(
        options,
        (dt, l, d, pin) -> {
          try (Scalar a = new Scalar(start);
              Scalar b = new Scalar(end)) {
            return torch.linspace(a, b, steps, dt, l, d, pin);
          }
        });
  }

  /** The {@code n × n} identity matrix, float32. */
  public static Tensor eye(long n) {
    return eye(n, n, TensorOptions.defaults());
  }

  /** An {@code n × m} matrix with ones on the diagonal, float32. */
  public static Tensor eye(long n, long m) {
    return eye(n, m, TensorOptions.defaults());
  }

  /** An {@code n × m} matrix with ones on the diagonal. */
  public static Tensor eye(long n, long m, TensorOptions options) {
    return factory(options, (dt, l, d, pin) -> torch.eye(n, m, dt, l, d, pin));
  }

  // ---------------------------------------------------------------------------------------------
  // ...Like factories: the shape, dtype and device of a model tensor

  /** Zeros shaped like {@code t}. */
  public static Tensor zerosLike(Tensor t) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(() -> torch.zeros_like(h));
  }

  /** Ones shaped like {@code t}. */
  public static Tensor onesLike(Tensor t) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(() -> torch.ones_like(h));
  }

  /** An uninitialised tensor shaped like {@code t}. */
  public static Tensor emptyLike(Tensor t) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(() -> torch.empty_like(h));
  }

  /** A tensor shaped like {@code t} filled with {@code value}. */
  public static Tensor fullLike(Tensor t, double value) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return torch.full_like(h, v);
          }
        });
  }

  /** Uniform samples in [0, 1) shaped like {@code t} (which must be floating). */
  public static Tensor randLike(Tensor t) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(() -> torch.rand_like(h));
  }

  /** Normal samples shaped like {@code t} (which must be floating). */
  public static Tensor randnLike(Tensor t) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(() -> torch.randn_like(h));
  }

  /** Integers in [0, high) shaped like {@code t}, with its dtype. */
  public static Tensor randintLike(Tensor t, long high) {
    org.bytedeco.pytorch.Tensor h = t.h();
    return Tensor.op(() -> torch.randint_like(h, high));
  }

  // ---------------------------------------------------------------------------------------------
  // Combining

  /** Joins tensors of the same shape along a new dimension {@code dim}. */
  public static Tensor stack(List<Tensor> tensors, long dim) {
    org.bytedeco.pytorch.Tensor[] hs = handles(tensors);
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.stack(v, dim);
          }
        });
  }

  /** Concatenates tensors along the existing dimension {@code dim}. */
  public static Tensor cat(List<Tensor> tensors, long dim) {
    org.bytedeco.pytorch.Tensor[] hs = handles(tensors);
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.cat(v, dim);
          }
        });
  }

  private static org.bytedeco.pytorch.Tensor[] handles(List<Tensor> tensors) {
    Objects.requireNonNull(tensors, "tensors");
    org.bytedeco.pytorch.Tensor[] hs = new org.bytedeco.pytorch.Tensor[tensors.size()];
    for (int i = 0; i < hs.length; i++) {
      hs[i] = Objects.requireNonNull(tensors.get(i), "tensors[" + i + "]").h();
    }
    return hs;
  }

  // ---------------------------------------------------------------------------------------------
  // Tensor vocabulary as torch.xxx functions (region A)

  // ---------------------------------------------------------------------------------------------
  // Indexing and complex functions (region B)

  // ---------------------------------------------------------------------------------------------
  // Random state and devices

  /**
   * Seeds LibTorch's default generators (CPU and, where present, CUDA), like Python's {@code
   * torch.manual_seed}: the same seed gives the same {@code rand}, {@code randn} and {@code
   * randint} numbers as Python on the CPU.
   */
  public static void manualSeed(long seed) {
    torch.manual_seed(seed);
  }

  /** CUDA: availability, device count, seeding. */
  public static Cuda cuda() {
    return Cuda.INSTANCE;
  }

  /** The version of LibTorch jtorch runs on, such as {@code 2.13.0}. */
  public static String libtorchVersion() {
    return org.jtorch.internal.Versions.LIBTORCH;
  }
}
