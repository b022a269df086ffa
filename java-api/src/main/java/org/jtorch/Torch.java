package org.jtorch;

import java.nio.Buffer;
import java.util.List;
import java.util.Objects;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.cuda.Cuda;
import org.jtorch.internal.NativeCalls;
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

  /**
   * A 0-d int64 tensor, as Python's {@code torch.tensor(3)} makes of an int (exact for every
   * long, such as a class label).
   */
  public static Tensor tensor(long value) {
    try (Tensor one = tensor(new long[] {value})) {
      return one.reshape();
    }
  }

  /** A 0-d float32 tensor, as Python's {@code torch.tensor(2.5)} makes of a float. */
  public static Tensor tensor(double value) {
    return scalarTensor(value);
  }

  /** A 0-d bool tensor, as Python's {@code torch.tensor(True)}. */
  public static Tensor tensor(boolean value) {
    try (Tensor one = tensor(new boolean[] {value})) {
      return one.reshape();
    }
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
   * A tensor over the memory of {@code buffer}, without a copy where the buffer is direct and
   * writable: writes to either are seen by the other, and the buffer is kept reachable until
   * LibTorch frees the storage. A heap buffer or a read-only buffer (such as a file mapped {@code
   * READ_ONLY}, which no one may write) is copied. The buffer's remaining bytes (from its
   * position) must be exactly what {@code shape} of {@code dtype} needs, in the machine's byte
   * order.
   *
   * @throws IllegalArgumentException if the sizes do not match or the byte order is not native
   */
  public static Tensor fromBuffer(Buffer buffer, DType dtype, long... shape) {
    return BufferTensors.fromBuffer(buffer, dtype, shape);
  }

  // ---------------------------------------------------------------------------------------------
  // Factories

  private static Tensor factory(TensorOptions options, NativeCalls.Factory f) {
    return NativeCalls.factory(options, f);
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
    org.bytedeco.pytorch.Tensor[] hs = Calls.handles(tensors);
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.stack(v, dim);
          }
        });
  }

  /** Concatenates tensors along the existing dimension {@code dim}. */
  public static Tensor cat(List<Tensor> tensors, long dim) {
    org.bytedeco.pytorch.Tensor[] hs = Calls.handles(tensors);
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.cat(v, dim);
          }
        });
  }



  // ---------------------------------------------------------------------------------------------
  // Tensor vocabulary as torch.xxx functions (region A)

  /**
   * {@code x} where {@code condition} is true, else {@code y}, broadcasting all three, PyTorch's
   * {@code torch.where(condition, x, y)}. The result has the promoted dtype of {@code x} and
   * {@code y}.
   */
  public static Tensor where(Tensor condition, Tensor x, Tensor y) {
    org.bytedeco.pytorch.Tensor c = condition.h();
    org.bytedeco.pytorch.Tensor a = x.h();
    org.bytedeco.pytorch.Tensor b = y.h();
    return Tensor.op(() -> torch.where(c, a, b));
  }

  /** {@link #where(Tensor, Tensor, Tensor)} with a floating scalar {@code y}. */
  public static Tensor where(Tensor condition, Tensor x, double y) {
    return x.where(condition, y);
  }

  /** {@link #where(Tensor, Tensor, Tensor)} with an integral scalar {@code y}. */
  public static Tensor where(Tensor condition, Tensor x, long y) {
    return x.where(condition, y);
  }

  /** {@link #where(Tensor, Tensor, Tensor)} with a floating scalar {@code x}. */
  public static Tensor where(Tensor condition, double x, Tensor y) {
    org.bytedeco.pytorch.Tensor c = condition.h();
    org.bytedeco.pytorch.Tensor b = y.h();
    return Calls.scalar(x, s -> torch.where(c, s, b));
  }

  /** {@link #where(Tensor, Tensor, Tensor)} with an integral scalar {@code x}. */
  public static Tensor where(Tensor condition, long x, Tensor y) {
    org.bytedeco.pytorch.Tensor c = condition.h();
    org.bytedeco.pytorch.Tensor b = y.h();
    return Calls.scalar(x, s -> torch.where(c, s, b));
  }

  /** {@link #where(Tensor, Tensor, Tensor)} with two floating scalars: a float32 tensor. */
  public static Tensor where(Tensor condition, double x, double y) {
    org.bytedeco.pytorch.Tensor c = condition.h();
    return Tensor.op(
        () -> {
          try (Scalar a = new Scalar(x);
              Scalar b = new Scalar(y)) {
            return torch.where(c, a, b);
          }
        });
  }

  /** {@link #where(Tensor, Tensor, Tensor)} with two integral scalars: an int64 tensor. */
  public static Tensor where(Tensor condition, long x, long y) {
    org.bytedeco.pytorch.Tensor c = condition.h();
    return Tensor.op(
        () -> {
          try (Scalar a = new Scalar(x);
              Scalar b = new Scalar(y)) {
            return torch.where(c, a, b);
          }
        });
  }

  /** {@code base ** exponent} element-wise for a floating scalar base, PyTorch's {@code torch.pow(base, t)}. */
  public static Tensor pow(double base, Tensor exponent) {
    org.bytedeco.pytorch.Tensor e = exponent.h();
    return Calls.scalar(base, s -> torch.pow(s, e));
  }

  /** {@code base ** exponent} element-wise for an integral scalar base (integer tensors stay integer). */
  public static Tensor pow(long base, Tensor exponent) {
    org.bytedeco.pytorch.Tensor e = exponent.h();
    return Calls.scalar(base, s -> torch.pow(s, e));
  }

  /**
   * The standard deviation and the mean of all elements in one pass, with Bessel's correction,
   * PyTorch's {@code torch.std_mean}.
   */
  public static StdMean stdMean(Tensor input) {
    return stdMean(input, null, 1, false);
  }

  /** {@link #stdMean(Tensor)} over {@code dims}. */
  public static StdMean stdMean(Tensor input, long[] dims, boolean keepDim) {
    return stdMean(input, dims, 1, keepDim);
  }

  /**
   * {@link #stdMean(Tensor)} over {@code dims} (null: all) with PyTorch's {@code correction} (see
   * {@link Tensor#std(long[], double, boolean)}).
   */
  public static StdMean stdMean(Tensor input, long[] dims, double correction, boolean keepDim) {
    Tensor[] r = Reductions.stdVarMean(input, true, dims, correction, keepDim);
    return new StdMean(r[0], r[1]);
  }

  /** The variance and the mean of all elements in one pass, PyTorch's {@code torch.var_mean}. */
  public static VarMean varMean(Tensor input) {
    return varMean(input, null, 1, false);
  }

  /** {@link #varMean(Tensor)} over {@code dims}. */
  public static VarMean varMean(Tensor input, long[] dims, boolean keepDim) {
    return varMean(input, dims, 1, keepDim);
  }

  /** {@link #varMean(Tensor)} over {@code dims} (null: all) with PyTorch's {@code correction}. */
  public static VarMean varMean(Tensor input, long[] dims, double correction, boolean keepDim) {
    Tensor[] r = Reductions.stdVarMean(input, false, dims, correction, keepDim);
    return new VarMean(r[0], r[1]);
  }

  /** Concatenates tensors along dim 0, PyTorch's {@code torch.cat(tensors)}. */
  public static Tensor cat(List<Tensor> tensors) {
    return cat(tensors, 0);
  }

  /** Joins tensors of the same shape along a new dim 0, PyTorch's {@code torch.stack(tensors)}. */
  public static Tensor stack(List<Tensor> tensors) {
    return stack(tensors, 0);
  }

  /**
   * Concatenates tensors horizontally: along dim 1, or dim 0 for 1-d tensors, PyTorch's {@code
   * torch.hstack}.
   */
  public static Tensor hstack(List<Tensor> tensors) {
    org.bytedeco.pytorch.Tensor[] hs = Calls.handles(tensors);
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.hstack(v);
          }
        });
  }

  /**
   * Concatenates tensors vertically, along dim 0, after making 0-d and 1-d tensors rows of shape
   * {@code [1, n]}, PyTorch's {@code torch.vstack}.
   */
  public static Tensor vstack(List<Tensor> tensors) {
    org.bytedeco.pytorch.Tensor[] hs = Calls.handles(tensors);
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.vstack(v);
          }
        });
  }

  /**
   * The Euclidean distances between each row of {@code x1} ({@code [..., P, M]}) and each row of
   * {@code x2} ({@code [..., R, M]}): a {@code [..., P, R]} tensor, PyTorch's {@code torch.cdist}.
   */
  public static Tensor cdist(Tensor x1, Tensor x2) {
    return cdist(x1, x2, 2);
  }

  /** {@link #cdist(Tensor, Tensor)} with the {@code p}-norm distance ({@code p >= 0}, may be inf). */
  public static Tensor cdist(Tensor x1, Tensor x2, double p) {
    org.bytedeco.pytorch.Tensor a = x1.h();
    org.bytedeco.pytorch.Tensor b = x2.h();
    return Tensor.op(
        () -> {
          try (org.bytedeco.pytorch.LongOptional mode = new org.bytedeco.pytorch.LongOptional()) {
            return torch.cdist(a, b, p, mode);
          }
        });
  }

  /** {@link Tensor#clone()} of {@code input}: PyTorch's {@code torch.clone}. */
  public static Tensor clone(Tensor input) {
    return input.clone();
  }

  /** {@link Tensor#detach()} of {@code input}: PyTorch's {@code torch.detach}. */
  public static Tensor detach(Tensor input) {
    return input.detach();
  }

  /** {@link Tensor#reshape(long...)} of {@code input}: PyTorch's {@code torch.reshape}. */
  public static Tensor reshape(Tensor input, long... shape) {
    return input.reshape(shape);
  }

  /** {@link Tensor#add(Tensor)} of {@code input}: PyTorch's {@code torch.add}. */
  public static Tensor add(Tensor input, Tensor other) {
    return input.add(other);
  }

  /** {@link Tensor#add(double)} of {@code input}: PyTorch's {@code torch.add}. */
  public static Tensor add(Tensor input, double value) {
    return input.add(value);
  }

  /** {@link Tensor#sub(Tensor)} of {@code input}: PyTorch's {@code torch.sub}. */
  public static Tensor sub(Tensor input, Tensor other) {
    return input.sub(other);
  }

  /** {@link Tensor#sub(double)} of {@code input}: PyTorch's {@code torch.sub}. */
  public static Tensor sub(Tensor input, double value) {
    return input.sub(value);
  }

  /** {@link Tensor#mul(Tensor)} of {@code input}: PyTorch's {@code torch.mul}. */
  public static Tensor mul(Tensor input, Tensor other) {
    return input.mul(other);
  }

  /** {@link Tensor#mul(double)} of {@code input}: PyTorch's {@code torch.mul}. */
  public static Tensor mul(Tensor input, double value) {
    return input.mul(value);
  }

  /** {@link Tensor#div(Tensor)} of {@code input}: PyTorch's {@code torch.div}. */
  public static Tensor div(Tensor input, Tensor other) {
    return input.div(other);
  }

  /** {@link Tensor#div(double)} of {@code input}: PyTorch's {@code torch.div}. */
  public static Tensor div(Tensor input, double value) {
    return input.div(value);
  }

  /** {@link Tensor#neg()} of {@code input}: PyTorch's {@code torch.neg}. */
  public static Tensor neg(Tensor input) {
    return input.neg();
  }

  /** {@link Tensor#exp()} of {@code input}: PyTorch's {@code torch.exp}. */
  public static Tensor exp(Tensor input) {
    return input.exp();
  }

  /** {@link Tensor#log()} of {@code input}: PyTorch's {@code torch.log}. */
  public static Tensor log(Tensor input) {
    return input.log();
  }

  /** {@link Tensor#sum()} of {@code input}: PyTorch's {@code torch.sum}. */
  public static Tensor sum(Tensor input) {
    return input.sum();
  }

  /** {@link Tensor#sum(long)} of {@code input}: PyTorch's {@code torch.sum}. */
  public static Tensor sum(Tensor input, long dim) {
    return input.sum(dim);
  }

  /** {@link Tensor#sum(long, boolean)} of {@code input}: PyTorch's {@code torch.sum}. */
  public static Tensor sum(Tensor input, long dim, boolean keepDim) {
    return input.sum(dim, keepDim);
  }

  /** {@link Tensor#sum(long[], boolean)} of {@code input}: PyTorch's {@code torch.sum}. */
  public static Tensor sum(Tensor input, long[] dims, boolean keepDim) {
    return input.sum(dims, keepDim);
  }

  /** {@link Tensor#mean()} of {@code input}: PyTorch's {@code torch.mean}. */
  public static Tensor mean(Tensor input) {
    return input.mean();
  }

  /** {@link Tensor#mean(long)} of {@code input}: PyTorch's {@code torch.mean}. */
  public static Tensor mean(Tensor input, long dim) {
    return input.mean(dim);
  }

  /** {@link Tensor#mean(long, boolean)} of {@code input}: PyTorch's {@code torch.mean}. */
  public static Tensor mean(Tensor input, long dim, boolean keepDim) {
    return input.mean(dim, keepDim);
  }

  /** {@link Tensor#mean(long[], boolean)} of {@code input}: PyTorch's {@code torch.mean}. */
  public static Tensor mean(Tensor input, long[] dims, boolean keepDim) {
    return input.mean(dims, keepDim);
  }

  /** {@link Tensor#std()} of {@code input}: PyTorch's {@code torch.std}. */
  public static Tensor std(Tensor input) {
    return input.std();
  }

  /** {@link Tensor#std(long)} of {@code input}: PyTorch's {@code torch.std}. */
  public static Tensor std(Tensor input, long dim) {
    return input.std(dim);
  }

  /** {@link Tensor#std(long, boolean)} of {@code input}: PyTorch's {@code torch.std}. */
  public static Tensor std(Tensor input, long dim, boolean keepDim) {
    return input.std(dim, keepDim);
  }

  /** {@link Tensor#max()} of {@code input}: PyTorch's {@code torch.max}. */
  public static Tensor max(Tensor input) {
    return input.max();
  }

  /** {@link Tensor#max(long)} of {@code input}: PyTorch's {@code torch.max}. */
  public static ValuesIndices max(Tensor input, long dim) {
    return input.max(dim);
  }

  /** {@link Tensor#max(long, boolean)} of {@code input}: PyTorch's {@code torch.max}. */
  public static ValuesIndices max(Tensor input, long dim, boolean keepDim) {
    return input.max(dim, keepDim);
  }

  /** {@link Tensor#max(Tensor)} of {@code input}: PyTorch's {@code torch.max}. */
  public static Tensor max(Tensor input, Tensor other) {
    return input.max(other);
  }

  /** {@link Tensor#min()} of {@code input}: PyTorch's {@code torch.min}. */
  public static Tensor min(Tensor input) {
    return input.min();
  }

  /** {@link Tensor#min(long)} of {@code input}: PyTorch's {@code torch.min}. */
  public static ValuesIndices min(Tensor input, long dim) {
    return input.min(dim);
  }

  /** {@link Tensor#min(long, boolean)} of {@code input}: PyTorch's {@code torch.min}. */
  public static ValuesIndices min(Tensor input, long dim, boolean keepDim) {
    return input.min(dim, keepDim);
  }

  /** {@link Tensor#min(Tensor)} of {@code input}: PyTorch's {@code torch.min}. */
  public static Tensor min(Tensor input, Tensor other) {
    return input.min(other);
  }

  /** {@link Tensor#argmax()} of {@code input}: PyTorch's {@code torch.argmax}. */
  public static Tensor argmax(Tensor input) {
    return input.argmax();
  }

  /** {@link Tensor#argmax(long)} of {@code input}: PyTorch's {@code torch.argmax}. */
  public static Tensor argmax(Tensor input, long dim) {
    return input.argmax(dim);
  }

  /** {@link Tensor#argmax(long, boolean)} of {@code input}: PyTorch's {@code torch.argmax}. */
  public static Tensor argmax(Tensor input, long dim, boolean keepDim) {
    return input.argmax(dim, keepDim);
  }

  /** {@link Tensor#argmin()} of {@code input}: PyTorch's {@code torch.argmin}. */
  public static Tensor argmin(Tensor input) {
    return input.argmin();
  }

  /** {@link Tensor#argmin(long)} of {@code input}: PyTorch's {@code torch.argmin}. */
  public static Tensor argmin(Tensor input, long dim) {
    return input.argmin(dim);
  }

  /** {@link Tensor#argmin(long, boolean)} of {@code input}: PyTorch's {@code torch.argmin}. */
  public static Tensor argmin(Tensor input, long dim, boolean keepDim) {
    return input.argmin(dim, keepDim);
  }

  /** {@link Tensor#softmax(long)} of {@code input}: PyTorch's {@code torch.softmax}. */
  public static Tensor softmax(Tensor input, long dim) {
    return input.softmax(dim);
  }

  /** {@link Tensor#logSoftmax(long)} of {@code input}: PyTorch's {@code torch.log_softmax}. */
  public static Tensor logSoftmax(Tensor input, long dim) {
    return input.logSoftmax(dim);
  }

  /** {@link Tensor#equal(Tensor)} of {@code input}: PyTorch's {@code torch.equal}. */
  public static boolean equal(Tensor input, Tensor other) {
    return input.equal(other);
  }

  /** {@link Tensor#abs()} of {@code input}: PyTorch's {@code torch.abs}. */
  public static Tensor abs(Tensor input) {
    return input.abs();
  }

  /** {@link Tensor#sign()} of {@code input}: PyTorch's {@code torch.sign}. */
  public static Tensor sign(Tensor input) {
    return input.sign();
  }

  /** {@link Tensor#sqrt()} of {@code input}: PyTorch's {@code torch.sqrt}. */
  public static Tensor sqrt(Tensor input) {
    return input.sqrt();
  }

  /** {@link Tensor#rsqrt()} of {@code input}: PyTorch's {@code torch.rsqrt}. */
  public static Tensor rsqrt(Tensor input) {
    return input.rsqrt();
  }

  /** {@link Tensor#expm1()} of {@code input}: PyTorch's {@code torch.expm1}. */
  public static Tensor expm1(Tensor input) {
    return input.expm1();
  }

  /** {@link Tensor#log1p()} of {@code input}: PyTorch's {@code torch.log1p}. */
  public static Tensor log1p(Tensor input) {
    return input.log1p();
  }

  /** {@link Tensor#log2()} of {@code input}: PyTorch's {@code torch.log2}. */
  public static Tensor log2(Tensor input) {
    return input.log2();
  }

  /** {@link Tensor#log10()} of {@code input}: PyTorch's {@code torch.log10}. */
  public static Tensor log10(Tensor input) {
    return input.log10();
  }

  /** {@link Tensor#sin()} of {@code input}: PyTorch's {@code torch.sin}. */
  public static Tensor sin(Tensor input) {
    return input.sin();
  }

  /** {@link Tensor#cos()} of {@code input}: PyTorch's {@code torch.cos}. */
  public static Tensor cos(Tensor input) {
    return input.cos();
  }

  /** {@link Tensor#tan()} of {@code input}: PyTorch's {@code torch.tan}. */
  public static Tensor tan(Tensor input) {
    return input.tan();
  }

  /** {@link Tensor#asin()} of {@code input}: PyTorch's {@code torch.asin}. */
  public static Tensor asin(Tensor input) {
    return input.asin();
  }

  /** {@link Tensor#acos()} of {@code input}: PyTorch's {@code torch.acos}. */
  public static Tensor acos(Tensor input) {
    return input.acos();
  }

  /** {@link Tensor#atan()} of {@code input}: PyTorch's {@code torch.atan}. */
  public static Tensor atan(Tensor input) {
    return input.atan();
  }

  /** {@link Tensor#sinh()} of {@code input}: PyTorch's {@code torch.sinh}. */
  public static Tensor sinh(Tensor input) {
    return input.sinh();
  }

  /** {@link Tensor#cosh()} of {@code input}: PyTorch's {@code torch.cosh}. */
  public static Tensor cosh(Tensor input) {
    return input.cosh();
  }

  /** {@link Tensor#tanh()} of {@code input}: PyTorch's {@code torch.tanh}. */
  public static Tensor tanh(Tensor input) {
    return input.tanh();
  }

  /** {@link Tensor#sigmoid()} of {@code input}: PyTorch's {@code torch.sigmoid}. */
  public static Tensor sigmoid(Tensor input) {
    return input.sigmoid();
  }

  /** {@link Tensor#ceil()} of {@code input}: PyTorch's {@code torch.ceil}. */
  public static Tensor ceil(Tensor input) {
    return input.ceil();
  }

  /** {@link Tensor#floor()} of {@code input}: PyTorch's {@code torch.floor}. */
  public static Tensor floor(Tensor input) {
    return input.floor();
  }

  /** {@link Tensor#round()} of {@code input}: PyTorch's {@code torch.round}. */
  public static Tensor round(Tensor input) {
    return input.round();
  }

  /** {@link Tensor#trunc()} of {@code input}: PyTorch's {@code torch.trunc}. */
  public static Tensor trunc(Tensor input) {
    return input.trunc();
  }

  /** {@link Tensor#frac()} of {@code input}: PyTorch's {@code torch.frac}. */
  public static Tensor frac(Tensor input) {
    return input.frac();
  }

  /** {@link Tensor#reciprocal()} of {@code input}: PyTorch's {@code torch.reciprocal}. */
  public static Tensor reciprocal(Tensor input) {
    return input.reciprocal();
  }

  /** {@link Tensor#logicalNot()} of {@code input}: PyTorch's {@code torch.logical_not}. */
  public static Tensor logicalNot(Tensor input) {
    return input.logicalNot();
  }

  /** {@link Tensor#bitwiseNot()} of {@code input}: PyTorch's {@code torch.bitwise_not}. */
  public static Tensor bitwiseNot(Tensor input) {
    return input.bitwiseNot();
  }

  /** {@link Tensor#isnan()} of {@code input}: PyTorch's {@code torch.isnan}. */
  public static Tensor isnan(Tensor input) {
    return input.isnan();
  }

  /** {@link Tensor#isinf()} of {@code input}: PyTorch's {@code torch.isinf}. */
  public static Tensor isinf(Tensor input) {
    return input.isinf();
  }

  /** {@link Tensor#isfinite()} of {@code input}: PyTorch's {@code torch.isfinite}. */
  public static Tensor isfinite(Tensor input) {
    return input.isfinite();
  }

  /** {@link Tensor#add(long)} of {@code input}: PyTorch's {@code torch.add}. */
  public static Tensor add(Tensor input, long value) {
    return input.add(value);
  }

  /** {@link Tensor#sub(long)} of {@code input}: PyTorch's {@code torch.sub}. */
  public static Tensor sub(Tensor input, long value) {
    return input.sub(value);
  }

  /** {@link Tensor#mul(long)} of {@code input}: PyTorch's {@code torch.mul}. */
  public static Tensor mul(Tensor input, long value) {
    return input.mul(value);
  }

  /** {@link Tensor#div(long)} of {@code input}: PyTorch's {@code torch.div}. */
  public static Tensor div(Tensor input, long value) {
    return input.div(value);
  }

  /** {@link Tensor#trueDivide(Tensor)} of {@code input}: PyTorch's {@code torch.true_divide}. */
  public static Tensor trueDivide(Tensor input, Tensor other) {
    return input.trueDivide(other);
  }

  /** {@link Tensor#trueDivide(long)} of {@code input}: PyTorch's {@code torch.true_divide}. */
  public static Tensor trueDivide(Tensor input, long value) {
    return input.trueDivide(value);
  }

  /** {@link Tensor#trueDivide(double)} of {@code input}: PyTorch's {@code torch.true_divide}. */
  public static Tensor trueDivide(Tensor input, double value) {
    return input.trueDivide(value);
  }

  /** {@link Tensor#floorDivide(Tensor)} of {@code input}: PyTorch's {@code torch.floor_divide}. */
  public static Tensor floorDivide(Tensor input, Tensor other) {
    return input.floorDivide(other);
  }

  /** {@link Tensor#floorDivide(long)} of {@code input}: PyTorch's {@code torch.floor_divide}. */
  public static Tensor floorDivide(Tensor input, long value) {
    return input.floorDivide(value);
  }

  /** {@link Tensor#floorDivide(double)} of {@code input}: PyTorch's {@code torch.floor_divide}. */
  public static Tensor floorDivide(Tensor input, double value) {
    return input.floorDivide(value);
  }

  /** {@link Tensor#remainder(Tensor)} of {@code input}: PyTorch's {@code torch.remainder}. */
  public static Tensor remainder(Tensor input, Tensor other) {
    return input.remainder(other);
  }

  /** {@link Tensor#remainder(long)} of {@code input}: PyTorch's {@code torch.remainder}. */
  public static Tensor remainder(Tensor input, long value) {
    return input.remainder(value);
  }

  /** {@link Tensor#remainder(double)} of {@code input}: PyTorch's {@code torch.remainder}. */
  public static Tensor remainder(Tensor input, double value) {
    return input.remainder(value);
  }

  /** {@link Tensor#pow(Tensor)} of {@code input}: PyTorch's {@code torch.pow}. */
  public static Tensor pow(Tensor input, Tensor exponent) {
    return input.pow(exponent);
  }

  /** {@link Tensor#pow(long)} of {@code input}: PyTorch's {@code torch.pow}. */
  public static Tensor pow(Tensor input, long value) {
    return input.pow(value);
  }

  /** {@link Tensor#pow(double)} of {@code input}: PyTorch's {@code torch.pow}. */
  public static Tensor pow(Tensor input, double value) {
    return input.pow(value);
  }

  /** {@link Tensor#atan2(Tensor)} of {@code input}: PyTorch's {@code torch.atan2}. */
  public static Tensor atan2(Tensor input, Tensor other) {
    return input.atan2(other);
  }

  /** {@link Tensor#bitwiseAnd(Tensor)} of {@code input}: PyTorch's {@code torch.bitwise_and}. */
  public static Tensor bitwiseAnd(Tensor input, Tensor other) {
    return input.bitwiseAnd(other);
  }

  /** {@link Tensor#bitwiseAnd(long)} of {@code input}: PyTorch's {@code torch.bitwise_and}. */
  public static Tensor bitwiseAnd(Tensor input, long value) {
    return input.bitwiseAnd(value);
  }

  /** {@link Tensor#bitwiseOr(Tensor)} of {@code input}: PyTorch's {@code torch.bitwise_or}. */
  public static Tensor bitwiseOr(Tensor input, Tensor other) {
    return input.bitwiseOr(other);
  }

  /** {@link Tensor#bitwiseOr(long)} of {@code input}: PyTorch's {@code torch.bitwise_or}. */
  public static Tensor bitwiseOr(Tensor input, long value) {
    return input.bitwiseOr(value);
  }

  /** {@link Tensor#bitwiseXor(Tensor)} of {@code input}: PyTorch's {@code torch.bitwise_xor}. */
  public static Tensor bitwiseXor(Tensor input, Tensor other) {
    return input.bitwiseXor(other);
  }

  /** {@link Tensor#bitwiseXor(long)} of {@code input}: PyTorch's {@code torch.bitwise_xor}. */
  public static Tensor bitwiseXor(Tensor input, long value) {
    return input.bitwiseXor(value);
  }

  /** {@link Tensor#bitwiseLeftShift(Tensor)}: {@code torch.bitwise_left_shift}. */
  public static Tensor bitwiseLeftShift(Tensor input, Tensor other) {
    return input.bitwiseLeftShift(other);
  }

  /** {@link Tensor#bitwiseLeftShift(long)}: {@code torch.bitwise_left_shift}. */
  public static Tensor bitwiseLeftShift(Tensor input, long value) {
    return input.bitwiseLeftShift(value);
  }

  /** {@link Tensor#bitwiseRightShift(Tensor)}: {@code torch.bitwise_right_shift}. */
  public static Tensor bitwiseRightShift(Tensor input, Tensor other) {
    return input.bitwiseRightShift(other);
  }

  /** {@link Tensor#bitwiseRightShift(long)}: {@code torch.bitwise_right_shift}. */
  public static Tensor bitwiseRightShift(Tensor input, long value) {
    return input.bitwiseRightShift(value);
  }

  /** {@link Tensor#logicalAnd(Tensor)} of {@code input}: PyTorch's {@code torch.logical_and}. */
  public static Tensor logicalAnd(Tensor input, Tensor other) {
    return input.logicalAnd(other);
  }

  /** {@link Tensor#logicalOr(Tensor)} of {@code input}: PyTorch's {@code torch.logical_or}. */
  public static Tensor logicalOr(Tensor input, Tensor other) {
    return input.logicalOr(other);
  }

  /** {@link Tensor#logicalXor(Tensor)} of {@code input}: PyTorch's {@code torch.logical_xor}. */
  public static Tensor logicalXor(Tensor input, Tensor other) {
    return input.logicalXor(other);
  }

  /** {@link Tensor#maximum(Tensor)} of {@code input}: PyTorch's {@code torch.maximum}. */
  public static Tensor maximum(Tensor input, Tensor other) {
    return input.maximum(other);
  }

  /** {@link Tensor#minimum(Tensor)} of {@code input}: PyTorch's {@code torch.minimum}. */
  public static Tensor minimum(Tensor input, Tensor other) {
    return input.minimum(other);
  }

  /** {@link Tensor#eq(Tensor)} of {@code input}: PyTorch's {@code torch.eq}. */
  public static Tensor eq(Tensor input, Tensor other) {
    return input.eq(other);
  }

  /** {@link Tensor#eq(long)} of {@code input}: PyTorch's {@code torch.eq}. */
  public static Tensor eq(Tensor input, long value) {
    return input.eq(value);
  }

  /** {@link Tensor#eq(double)} of {@code input}: PyTorch's {@code torch.eq}. */
  public static Tensor eq(Tensor input, double value) {
    return input.eq(value);
  }

  /** {@link Tensor#ne(Tensor)} of {@code input}: PyTorch's {@code torch.ne}. */
  public static Tensor ne(Tensor input, Tensor other) {
    return input.ne(other);
  }

  /** {@link Tensor#ne(long)} of {@code input}: PyTorch's {@code torch.ne}. */
  public static Tensor ne(Tensor input, long value) {
    return input.ne(value);
  }

  /** {@link Tensor#ne(double)} of {@code input}: PyTorch's {@code torch.ne}. */
  public static Tensor ne(Tensor input, double value) {
    return input.ne(value);
  }

  /** {@link Tensor#lt(Tensor)} of {@code input}: PyTorch's {@code torch.lt}. */
  public static Tensor lt(Tensor input, Tensor other) {
    return input.lt(other);
  }

  /** {@link Tensor#lt(long)} of {@code input}: PyTorch's {@code torch.lt}. */
  public static Tensor lt(Tensor input, long value) {
    return input.lt(value);
  }

  /** {@link Tensor#lt(double)} of {@code input}: PyTorch's {@code torch.lt}. */
  public static Tensor lt(Tensor input, double value) {
    return input.lt(value);
  }

  /** {@link Tensor#le(Tensor)} of {@code input}: PyTorch's {@code torch.le}. */
  public static Tensor le(Tensor input, Tensor other) {
    return input.le(other);
  }

  /** {@link Tensor#le(long)} of {@code input}: PyTorch's {@code torch.le}. */
  public static Tensor le(Tensor input, long value) {
    return input.le(value);
  }

  /** {@link Tensor#le(double)} of {@code input}: PyTorch's {@code torch.le}. */
  public static Tensor le(Tensor input, double value) {
    return input.le(value);
  }

  /** {@link Tensor#gt(Tensor)} of {@code input}: PyTorch's {@code torch.gt}. */
  public static Tensor gt(Tensor input, Tensor other) {
    return input.gt(other);
  }

  /** {@link Tensor#gt(long)} of {@code input}: PyTorch's {@code torch.gt}. */
  public static Tensor gt(Tensor input, long value) {
    return input.gt(value);
  }

  /** {@link Tensor#gt(double)} of {@code input}: PyTorch's {@code torch.gt}. */
  public static Tensor gt(Tensor input, double value) {
    return input.gt(value);
  }

  /** {@link Tensor#ge(Tensor)} of {@code input}: PyTorch's {@code torch.ge}. */
  public static Tensor ge(Tensor input, Tensor other) {
    return input.ge(other);
  }

  /** {@link Tensor#ge(long)} of {@code input}: PyTorch's {@code torch.ge}. */
  public static Tensor ge(Tensor input, long value) {
    return input.ge(value);
  }

  /** {@link Tensor#ge(double)} of {@code input}: PyTorch's {@code torch.ge}. */
  public static Tensor ge(Tensor input, double value) {
    return input.ge(value);
  }

  /** {@link Tensor#round(long)} of {@code input}: PyTorch's {@code torch.round}. */
  public static Tensor round(Tensor input, long decimals) {
    return input.round(decimals);
  }

  /** {@link Tensor#add(Tensor, long)} of {@code input}: PyTorch's {@code torch.add}. */
  public static Tensor add(Tensor input, Tensor other, long alpha) {
    return input.add(other, alpha);
  }

  /** {@link Tensor#add(Tensor, double)} of {@code input}: PyTorch's {@code torch.add}. */
  public static Tensor add(Tensor input, Tensor other, double alpha) {
    return input.add(other, alpha);
  }

  /** {@link Tensor#sub(Tensor, long)} of {@code input}: PyTorch's {@code torch.sub}. */
  public static Tensor sub(Tensor input, Tensor other, long alpha) {
    return input.sub(other, alpha);
  }

  /** {@link Tensor#sub(Tensor, double)} of {@code input}: PyTorch's {@code torch.sub}. */
  public static Tensor sub(Tensor input, Tensor other, double alpha) {
    return input.sub(other, alpha);
  }

  /** {@link Tensor#div(Tensor, String)} of {@code input}: PyTorch's {@code torch.div}. */
  public static Tensor div(Tensor input, Tensor other, String roundingMode) {
    return input.div(other, roundingMode);
  }

  /** {@link Tensor#div(long, String)} of {@code input}: PyTorch's {@code torch.div}. */
  public static Tensor div(Tensor input, long value, String roundingMode) {
    return input.div(value, roundingMode);
  }

  /** {@link Tensor#div(double, String)} of {@code input}: PyTorch's {@code torch.div}. */
  public static Tensor div(Tensor input, double value, String roundingMode) {
    return input.div(value, roundingMode);
  }

  /** {@link Tensor#clamp(Double, Double)} of {@code input}: PyTorch's {@code torch.clamp}. */
  public static Tensor clamp(Tensor input, Double min, Double max) {
    return input.clamp(min, max);
  }

  /** {@link Tensor#clamp(double, double)} of {@code input}: PyTorch's {@code torch.clamp}. */
  public static Tensor clamp(Tensor input, double min, double max) {
    return input.clamp(min, max);
  }

  /** {@link Tensor#clamp(long, long)} of {@code input}: PyTorch's {@code torch.clamp}. */
  public static Tensor clamp(Tensor input, long min, long max) {
    return input.clamp(min, max);
  }

  /** {@link Tensor#clamp(Tensor, Tensor)} of {@code input}: PyTorch's {@code torch.clamp}. */
  public static Tensor clamp(Tensor input, Tensor min, Tensor max) {
    return input.clamp(min, max);
  }

  /** {@link Tensor#clampMin(double)} of {@code input}: PyTorch's {@code torch.clamp_min}. */
  public static Tensor clampMin(Tensor input, double min) {
    return input.clampMin(min);
  }

  /** {@link Tensor#clampMin(long)} of {@code input}: PyTorch's {@code torch.clamp_min}. */
  public static Tensor clampMin(Tensor input, long min) {
    return input.clampMin(min);
  }

  /** {@link Tensor#clampMax(double)} of {@code input}: PyTorch's {@code torch.clamp_max}. */
  public static Tensor clampMax(Tensor input, double max) {
    return input.clampMax(max);
  }

  /** {@link Tensor#clampMax(long)} of {@code input}: PyTorch's {@code torch.clamp_max}. */
  public static Tensor clampMax(Tensor input, long max) {
    return input.clampMax(max);
  }

  /** {@link Tensor#lerp(Tensor, double)} of {@code input}: PyTorch's {@code torch.lerp}. */
  public static Tensor lerp(Tensor input, Tensor end, double weight) {
    return input.lerp(end, weight);
  }

  /** {@link Tensor#lerp(Tensor, Tensor)} of {@code input}: PyTorch's {@code torch.lerp}. */
  public static Tensor lerp(Tensor input, Tensor end, Tensor weight) {
    return input.lerp(end, weight);
  }

  /** {@link Tensor#isclose(Tensor)} of {@code input}: PyTorch's {@code torch.isclose}. */
  public static Tensor isclose(Tensor input, Tensor other) {
    return input.isclose(other);
  }

  /** {@link Tensor#isclose(Tensor, double, double, boolean)}: {@code torch.isclose}. */
  public static Tensor isclose(Tensor input, Tensor other, double rtol, double atol, boolean equalNan) {
    return input.isclose(other, rtol, atol, equalNan);
  }

  /** {@link Tensor#allclose(Tensor)} of {@code input}: PyTorch's {@code torch.allclose}. */
  public static boolean allclose(Tensor input, Tensor other) {
    return input.allclose(other);
  }

  /** {@link Tensor#allclose(Tensor, double, double, boolean)}: {@code torch.allclose}. */
  public static boolean allclose(Tensor input, Tensor other, double rtol, double atol, boolean equalNan) {
    return input.allclose(other, rtol, atol, equalNan);
  }

  /** {@link Tensor#nanToNum()} of {@code input}: PyTorch's {@code torch.nan_to_num}. */
  public static Tensor nanToNum(Tensor input) {
    return input.nanToNum();
  }

  /** {@link Tensor#nanToNum(Double, Double, Double)}: {@code torch.nan_to_num}. */
  public static Tensor nanToNum(Tensor input, Double nan, Double posinf, Double neginf) {
    return input.nanToNum(nan, posinf, neginf);
  }

  /** {@link Tensor#sum(DType)} of {@code input}: PyTorch's {@code torch.sum}. */
  public static Tensor sum(Tensor input, DType dtype) {
    return input.sum(dtype);
  }

  /** {@link Tensor#sum(long[], boolean, DType)} of {@code input}: PyTorch's {@code torch.sum}. */
  public static Tensor sum(Tensor input, long[] dims, boolean keepDim, DType dtype) {
    return input.sum(dims, keepDim, dtype);
  }

  /** {@link Tensor#nansum()} of {@code input}: PyTorch's {@code torch.nansum}. */
  public static Tensor nansum(Tensor input) {
    return input.nansum();
  }

  /** {@link Tensor#nansum(long)} of {@code input}: PyTorch's {@code torch.nansum}. */
  public static Tensor nansum(Tensor input, long dim) {
    return input.nansum(dim);
  }

  /** {@link Tensor#nansum(long, boolean)} of {@code input}: PyTorch's {@code torch.nansum}. */
  public static Tensor nansum(Tensor input, long dim, boolean keepDim) {
    return input.nansum(dim, keepDim);
  }

  /** {@link Tensor#nansum(long[], boolean)} of {@code input}: PyTorch's {@code torch.nansum}. */
  public static Tensor nansum(Tensor input, long[] dims, boolean keepDim) {
    return input.nansum(dims, keepDim);
  }

  /** {@link Tensor#prod()} of {@code input}: PyTorch's {@code torch.prod}. */
  public static Tensor prod(Tensor input) {
    return input.prod();
  }

  /** {@link Tensor#prod(DType)} of {@code input}: PyTorch's {@code torch.prod}. */
  public static Tensor prod(Tensor input, DType dtype) {
    return input.prod(dtype);
  }

  /** {@link Tensor#prod(long)} of {@code input}: PyTorch's {@code torch.prod}. */
  public static Tensor prod(Tensor input, long dim) {
    return input.prod(dim);
  }

  /** {@link Tensor#prod(long, boolean)} of {@code input}: PyTorch's {@code torch.prod}. */
  public static Tensor prod(Tensor input, long dim, boolean keepDim) {
    return input.prod(dim, keepDim);
  }

  /** {@link Tensor#prod(long, boolean, DType)} of {@code input}: PyTorch's {@code torch.prod}. */
  public static Tensor prod(Tensor input, long dim, boolean keepDim, DType dtype) {
    return input.prod(dim, keepDim, dtype);
  }

  /** {@link Tensor#mean(DType)} of {@code input}: PyTorch's {@code torch.mean}. */
  public static Tensor mean(Tensor input, DType dtype) {
    return input.mean(dtype);
  }

  /** {@link Tensor#mean(long[], boolean, DType)}: {@code torch.mean}. */
  public static Tensor mean(Tensor input, long[] dims, boolean keepDim, DType dtype) {
    return input.mean(dims, keepDim, dtype);
  }

  /** {@link Tensor#nanmean()} of {@code input}: PyTorch's {@code torch.nanmean}. */
  public static Tensor nanmean(Tensor input) {
    return input.nanmean();
  }

  /** {@link Tensor#nanmean(long)} of {@code input}: PyTorch's {@code torch.nanmean}. */
  public static Tensor nanmean(Tensor input, long dim) {
    return input.nanmean(dim);
  }

  /** {@link Tensor#nanmean(long, boolean)} of {@code input}: PyTorch's {@code torch.nanmean}. */
  public static Tensor nanmean(Tensor input, long dim, boolean keepDim) {
    return input.nanmean(dim, keepDim);
  }

  /** {@link Tensor#nanmean(long[], boolean)} of {@code input}: PyTorch's {@code torch.nanmean}. */
  public static Tensor nanmean(Tensor input, long[] dims, boolean keepDim) {
    return input.nanmean(dims, keepDim);
  }

  /** {@link Tensor#std(long[], boolean)} of {@code input}: PyTorch's {@code torch.std}. */
  public static Tensor std(Tensor input, long[] dims, boolean keepDim) {
    return input.std(dims, keepDim);
  }

  /** {@link Tensor#std(long[], double, boolean)} of {@code input}: PyTorch's {@code torch.std}. */
  public static Tensor std(Tensor input, long[] dims, double correction, boolean keepDim) {
    return input.std(dims, correction, keepDim);
  }

  /** {@link Tensor#var()} of {@code input}: PyTorch's {@code torch.var}. */
  public static Tensor var(Tensor input) {
    return input.var();
  }

  /** {@link Tensor#var(long)} of {@code input}: PyTorch's {@code torch.var}. */
  public static Tensor var(Tensor input, long dim) {
    return input.var(dim);
  }

  /** {@link Tensor#var(long, boolean)} of {@code input}: PyTorch's {@code torch.var}. */
  public static Tensor var(Tensor input, long dim, boolean keepDim) {
    return input.var(dim, keepDim);
  }

  /** {@link Tensor#var(long[], boolean)} of {@code input}: PyTorch's {@code torch.var}. */
  public static Tensor var(Tensor input, long[] dims, boolean keepDim) {
    return input.var(dims, keepDim);
  }

  /** {@link Tensor#var(long[], double, boolean)} of {@code input}: PyTorch's {@code torch.var}. */
  public static Tensor var(Tensor input, long[] dims, double correction, boolean keepDim) {
    return input.var(dims, correction, keepDim);
  }

  /** {@link Tensor#median()} of {@code input}: PyTorch's {@code torch.median}. */
  public static Tensor median(Tensor input) {
    return input.median();
  }

  /** {@link Tensor#median(long)} of {@code input}: PyTorch's {@code torch.median}. */
  public static ValuesIndices median(Tensor input, long dim) {
    return input.median(dim);
  }

  /** {@link Tensor#median(long, boolean)} of {@code input}: PyTorch's {@code torch.median}. */
  public static ValuesIndices median(Tensor input, long dim, boolean keepDim) {
    return input.median(dim, keepDim);
  }

  /** {@link Tensor#nanmedian()} of {@code input}: PyTorch's {@code torch.nanmedian}. */
  public static Tensor nanmedian(Tensor input) {
    return input.nanmedian();
  }

  /** {@link Tensor#nanmedian(long)} of {@code input}: PyTorch's {@code torch.nanmedian}. */
  public static ValuesIndices nanmedian(Tensor input, long dim) {
    return input.nanmedian(dim);
  }

  /** {@link Tensor#nanmedian(long, boolean)}: {@code torch.nanmedian}. */
  public static ValuesIndices nanmedian(Tensor input, long dim, boolean keepDim) {
    return input.nanmedian(dim, keepDim);
  }

  /** {@link Tensor#mode()} of {@code input}: PyTorch's {@code torch.mode}. */
  public static ValuesIndices mode(Tensor input) {
    return input.mode();
  }

  /** {@link Tensor#mode(long)} of {@code input}: PyTorch's {@code torch.mode}. */
  public static ValuesIndices mode(Tensor input, long dim) {
    return input.mode(dim);
  }

  /** {@link Tensor#mode(long, boolean)} of {@code input}: PyTorch's {@code torch.mode}. */
  public static ValuesIndices mode(Tensor input, long dim, boolean keepDim) {
    return input.mode(dim, keepDim);
  }

  /** {@link Tensor#amin()} of {@code input}: PyTorch's {@code torch.amin}. */
  public static Tensor amin(Tensor input) {
    return input.amin();
  }

  /** {@link Tensor#amin(long)} of {@code input}: PyTorch's {@code torch.amin}. */
  public static Tensor amin(Tensor input, long dim) {
    return input.amin(dim);
  }

  /** {@link Tensor#amin(long, boolean)} of {@code input}: PyTorch's {@code torch.amin}. */
  public static Tensor amin(Tensor input, long dim, boolean keepDim) {
    return input.amin(dim, keepDim);
  }

  /** {@link Tensor#amin(long[], boolean)} of {@code input}: PyTorch's {@code torch.amin}. */
  public static Tensor amin(Tensor input, long[] dims, boolean keepDim) {
    return input.amin(dims, keepDim);
  }

  /** {@link Tensor#amax()} of {@code input}: PyTorch's {@code torch.amax}. */
  public static Tensor amax(Tensor input) {
    return input.amax();
  }

  /** {@link Tensor#amax(long)} of {@code input}: PyTorch's {@code torch.amax}. */
  public static Tensor amax(Tensor input, long dim) {
    return input.amax(dim);
  }

  /** {@link Tensor#amax(long, boolean)} of {@code input}: PyTorch's {@code torch.amax}. */
  public static Tensor amax(Tensor input, long dim, boolean keepDim) {
    return input.amax(dim, keepDim);
  }

  /** {@link Tensor#amax(long[], boolean)} of {@code input}: PyTorch's {@code torch.amax}. */
  public static Tensor amax(Tensor input, long[] dims, boolean keepDim) {
    return input.amax(dims, keepDim);
  }

  /** {@link Tensor#aminmax()} of {@code input}: PyTorch's {@code torch.aminmax}. */
  public static MinMax aminmax(Tensor input) {
    return input.aminmax();
  }

  /** {@link Tensor#aminmax(long, boolean)} of {@code input}: PyTorch's {@code torch.aminmax}. */
  public static MinMax aminmax(Tensor input, long dim, boolean keepDim) {
    return input.aminmax(dim, keepDim);
  }

  /** {@link Tensor#all()} of {@code input}: PyTorch's {@code torch.all}. */
  public static Tensor all(Tensor input) {
    return input.all();
  }

  /** {@link Tensor#all(long)} of {@code input}: PyTorch's {@code torch.all}. */
  public static Tensor all(Tensor input, long dim) {
    return input.all(dim);
  }

  /** {@link Tensor#all(long, boolean)} of {@code input}: PyTorch's {@code torch.all}. */
  public static Tensor all(Tensor input, long dim, boolean keepDim) {
    return input.all(dim, keepDim);
  }

  /** {@link Tensor#all(long[], boolean)} of {@code input}: PyTorch's {@code torch.all}. */
  public static Tensor all(Tensor input, long[] dims, boolean keepDim) {
    return input.all(dims, keepDim);
  }

  /** {@link Tensor#any()} of {@code input}: PyTorch's {@code torch.any}. */
  public static Tensor any(Tensor input) {
    return input.any();
  }

  /** {@link Tensor#any(long)} of {@code input}: PyTorch's {@code torch.any}. */
  public static Tensor any(Tensor input, long dim) {
    return input.any(dim);
  }

  /** {@link Tensor#any(long, boolean)} of {@code input}: PyTorch's {@code torch.any}. */
  public static Tensor any(Tensor input, long dim, boolean keepDim) {
    return input.any(dim, keepDim);
  }

  /** {@link Tensor#any(long[], boolean)} of {@code input}: PyTorch's {@code torch.any}. */
  public static Tensor any(Tensor input, long[] dims, boolean keepDim) {
    return input.any(dims, keepDim);
  }

  /** {@link Tensor#norm()} of {@code input}: PyTorch's {@code torch.norm}. */
  public static Tensor norm(Tensor input) {
    return input.norm();
  }

  /** {@link Tensor#norm(double)} of {@code input}: PyTorch's {@code torch.norm}. */
  public static Tensor norm(Tensor input, double p) {
    return input.norm(p);
  }

  /** {@link Tensor#norm(double, long[], boolean)}: {@code torch.norm}. */
  public static Tensor norm(Tensor input, double p, long[] dims, boolean keepDim) {
    return input.norm(p, dims, keepDim);
  }

  /** {@link Tensor#logsumexp(long)} of {@code input}: PyTorch's {@code torch.logsumexp}. */
  public static Tensor logsumexp(Tensor input, long dim) {
    return input.logsumexp(dim);
  }

  /** {@link Tensor#logsumexp(long, boolean)}: {@code torch.logsumexp}. */
  public static Tensor logsumexp(Tensor input, long dim, boolean keepDim) {
    return input.logsumexp(dim, keepDim);
  }

  /** {@link Tensor#logsumexp(long[], boolean)}: {@code torch.logsumexp}. */
  public static Tensor logsumexp(Tensor input, long[] dims, boolean keepDim) {
    return input.logsumexp(dims, keepDim);
  }

  /** {@link Tensor#countNonzero()} of {@code input}: PyTorch's {@code torch.count_nonzero}. */
  public static Tensor countNonzero(Tensor input) {
    return input.countNonzero();
  }

  /** {@link Tensor#countNonzero(long)} of {@code input}: PyTorch's {@code torch.count_nonzero}. */
  public static Tensor countNonzero(Tensor input, long dim) {
    return input.countNonzero(dim);
  }

  /** {@link Tensor#countNonzero(long[])}: {@code torch.count_nonzero}. */
  public static Tensor countNonzero(Tensor input, long[] dims) {
    return input.countNonzero(dims);
  }

  /** {@link Tensor#cumsum(long)} of {@code input}: PyTorch's {@code torch.cumsum}. */
  public static Tensor cumsum(Tensor input, long dim) {
    return input.cumsum(dim);
  }

  /** {@link Tensor#cumsum(long, DType)} of {@code input}: PyTorch's {@code torch.cumsum}. */
  public static Tensor cumsum(Tensor input, long dim, DType dtype) {
    return input.cumsum(dim, dtype);
  }

  /** {@link Tensor#cumprod(long)} of {@code input}: PyTorch's {@code torch.cumprod}. */
  public static Tensor cumprod(Tensor input, long dim) {
    return input.cumprod(dim);
  }

  /** {@link Tensor#cumprod(long, DType)} of {@code input}: PyTorch's {@code torch.cumprod}. */
  public static Tensor cumprod(Tensor input, long dim, DType dtype) {
    return input.cumprod(dim, dtype);
  }

  /** {@link Tensor#cummax(long)} of {@code input}: PyTorch's {@code torch.cummax}. */
  public static ValuesIndices cummax(Tensor input, long dim) {
    return input.cummax(dim);
  }

  /** {@link Tensor#cummin(long)} of {@code input}: PyTorch's {@code torch.cummin}. */
  public static ValuesIndices cummin(Tensor input, long dim) {
    return input.cummin(dim);
  }

  /** {@link Tensor#sort()} of {@code input}: PyTorch's {@code torch.sort}. */
  public static ValuesIndices sort(Tensor input) {
    return input.sort();
  }

  /** {@link Tensor#sort(long)} of {@code input}: PyTorch's {@code torch.sort}. */
  public static ValuesIndices sort(Tensor input, long dim) {
    return input.sort(dim);
  }

  /** {@link Tensor#sort(long, boolean)} of {@code input}: PyTorch's {@code torch.sort}. */
  public static ValuesIndices sort(Tensor input, long dim, boolean descending) {
    return input.sort(dim, descending);
  }

  /** {@link Tensor#sort(long, boolean, boolean)}: {@code torch.sort}. */
  public static ValuesIndices sort(Tensor input, long dim, boolean descending, boolean stable) {
    return input.sort(dim, descending, stable);
  }

  /** {@link Tensor#argsort()} of {@code input}: PyTorch's {@code torch.argsort}. */
  public static Tensor argsort(Tensor input) {
    return input.argsort();
  }

  /** {@link Tensor#argsort(long)} of {@code input}: PyTorch's {@code torch.argsort}. */
  public static Tensor argsort(Tensor input, long dim) {
    return input.argsort(dim);
  }

  /** {@link Tensor#argsort(long, boolean)} of {@code input}: PyTorch's {@code torch.argsort}. */
  public static Tensor argsort(Tensor input, long dim, boolean descending) {
    return input.argsort(dim, descending);
  }

  /** {@link Tensor#argsort(long, boolean, boolean)}: {@code torch.argsort}. */
  public static Tensor argsort(Tensor input, long dim, boolean descending, boolean stable) {
    return input.argsort(dim, descending, stable);
  }

  /** {@link Tensor#msort()} of {@code input}: PyTorch's {@code torch.msort}. */
  public static Tensor msort(Tensor input) {
    return input.msort();
  }

  /** {@link Tensor#topk(long)} of {@code input}: PyTorch's {@code torch.topk}. */
  public static ValuesIndices topk(Tensor input, long k) {
    return input.topk(k);
  }

  /** {@link Tensor#topk(long, long)} of {@code input}: PyTorch's {@code torch.topk}. */
  public static ValuesIndices topk(Tensor input, long k, long dim) {
    return input.topk(k, dim);
  }

  /** {@link Tensor#topk(long, long, boolean, boolean)}: {@code torch.topk}. */
  public static ValuesIndices topk(Tensor input, long k, long dim, boolean largest, boolean sorted) {
    return input.topk(k, dim, largest, sorted);
  }

  /** {@link Tensor#kthvalue(long)} of {@code input}: PyTorch's {@code torch.kthvalue}. */
  public static ValuesIndices kthvalue(Tensor input, long k) {
    return input.kthvalue(k);
  }

  /** {@link Tensor#kthvalue(long, long)} of {@code input}: PyTorch's {@code torch.kthvalue}. */
  public static ValuesIndices kthvalue(Tensor input, long k, long dim) {
    return input.kthvalue(k, dim);
  }

  /** {@link Tensor#kthvalue(long, long, boolean)}: {@code torch.kthvalue}. */
  public static ValuesIndices kthvalue(Tensor input, long k, long dim, boolean keepDim) {
    return input.kthvalue(k, dim, keepDim);
  }

  /** {@link Tensor#unique()} of {@code input}: PyTorch's {@code torch.unique}. */
  public static Unique unique(Tensor input) {
    return input.unique();
  }

  /** {@link Tensor#unique(boolean, boolean, boolean)}: {@code torch.unique}. */
  public static Unique unique(Tensor input, boolean sorted, boolean returnInverse, boolean returnCounts) {
    return input.unique(sorted, returnInverse, returnCounts);
  }

  /** {@link Tensor#unique(boolean, boolean, boolean, long)}: {@code torch.unique}. */
  public static Unique unique(Tensor input, boolean sorted, boolean returnInverse, boolean returnCounts, long dim) {
    return input.unique(sorted, returnInverse, returnCounts, dim);
  }

  /** {@link Tensor#flatten()} of {@code input}: PyTorch's {@code torch.flatten}. */
  public static Tensor flatten(Tensor input) {
    return input.flatten();
  }

  /** {@link Tensor#flatten(long)} of {@code input}: PyTorch's {@code torch.flatten}. */
  public static Tensor flatten(Tensor input, long startDim) {
    return input.flatten(startDim);
  }

  /** {@link Tensor#flatten(long, long)} of {@code input}: PyTorch's {@code torch.flatten}. */
  public static Tensor flatten(Tensor input, long startDim, long endDim) {
    return input.flatten(startDim, endDim);
  }

  /** {@link Tensor#unflatten(long, long...)}: {@code torch.unflatten}. */
  public static Tensor unflatten(Tensor input, long dim, long... sizes) {
    return input.unflatten(dim, sizes);
  }

  /** {@link Tensor#squeeze()} of {@code input}: PyTorch's {@code torch.squeeze}. */
  public static Tensor squeeze(Tensor input) {
    return input.squeeze();
  }

  /** {@link Tensor#squeeze(long)} of {@code input}: PyTorch's {@code torch.squeeze}. */
  public static Tensor squeeze(Tensor input, long dim) {
    return input.squeeze(dim);
  }

  /** {@link Tensor#squeeze(long[])} of {@code input}: PyTorch's {@code torch.squeeze}. */
  public static Tensor squeeze(Tensor input, long[] dims) {
    return input.squeeze(dims);
  }

  /** {@link Tensor#unsqueeze(long)} of {@code input}: PyTorch's {@code torch.unsqueeze}. */
  public static Tensor unsqueeze(Tensor input, long dim) {
    return input.unsqueeze(dim);
  }

  /** {@link Tensor#permute(long...)} of {@code input}: PyTorch's {@code torch.permute}. */
  public static Tensor permute(Tensor input, long... dims) {
    return input.permute(dims);
  }

  /** {@link Tensor#transpose(long, long)} of {@code input}: PyTorch's {@code torch.transpose}. */
  public static Tensor transpose(Tensor input, long dim0, long dim1) {
    return input.transpose(dim0, dim1);
  }

  /** {@link Tensor#t()} of {@code input}: PyTorch's {@code torch.t}. */
  public static Tensor t(Tensor input) {
    return input.t();
  }

  /** {@link Tensor#broadcastTo(long...)}: {@code torch.broadcast_to}. */
  public static Tensor broadcastTo(Tensor input, long... shape) {
    return input.broadcastTo(shape);
  }

  /** {@link Tensor#tile(long...)} of {@code input}: PyTorch's {@code torch.tile}. */
  public static Tensor tile(Tensor input, long... dims) {
    return input.tile(dims);
  }

  /** {@link Tensor#flip(long...)} of {@code input}: PyTorch's {@code torch.flip}. */
  public static Tensor flip(Tensor input, long... dims) {
    return input.flip(dims);
  }

  /** {@link Tensor#roll(long)} of {@code input}: PyTorch's {@code torch.roll}. */
  public static Tensor roll(Tensor input, long shift) {
    return input.roll(shift);
  }

  /** {@link Tensor#roll(long, long)} of {@code input}: PyTorch's {@code torch.roll}. */
  public static Tensor roll(Tensor input, long shift, long dim) {
    return input.roll(shift, dim);
  }

  /** {@link Tensor#roll(long[], long[])} of {@code input}: PyTorch's {@code torch.roll}. */
  public static Tensor roll(Tensor input, long[] shifts, long[] dims) {
    return input.roll(shifts, dims);
  }

  /** {@link Tensor#narrow(long, long, long)} of {@code input}: PyTorch's {@code torch.narrow}. */
  public static Tensor narrow(Tensor input, long dim, long start, long length) {
    return input.narrow(dim, start, length);
  }

  /** {@link Tensor#movedim(long, long)} of {@code input}: PyTorch's {@code torch.movedim}. */
  public static Tensor movedim(Tensor input, long source, long destination) {
    return input.movedim(source, destination);
  }

  /** {@link Tensor#movedim(long[], long[])} of {@code input}: PyTorch's {@code torch.movedim}. */
  public static Tensor movedim(Tensor input, long[] source, long[] destination) {
    return input.movedim(source, destination);
  }

  /** {@link Tensor#split(long)} of {@code input}: PyTorch's {@code torch.split}. */
  public static List<Tensor> split(Tensor input, long splitSize) {
    return input.split(splitSize);
  }

  /** {@link Tensor#split(long, long)} of {@code input}: PyTorch's {@code torch.split}. */
  public static List<Tensor> split(Tensor input, long splitSize, long dim) {
    return input.split(splitSize, dim);
  }

  /** {@link Tensor#split(long[])} of {@code input}: PyTorch's {@code torch.split}. */
  public static List<Tensor> split(Tensor input, long[] sizes) {
    return input.split(sizes);
  }

  /** {@link Tensor#split(long[], long)} of {@code input}: PyTorch's {@code torch.split}. */
  public static List<Tensor> split(Tensor input, long[] sizes, long dim) {
    return input.split(sizes, dim);
  }

  /** {@link Tensor#chunk(long)} of {@code input}: PyTorch's {@code torch.chunk}. */
  public static List<Tensor> chunk(Tensor input, long chunks) {
    return input.chunk(chunks);
  }

  /** {@link Tensor#chunk(long, long)} of {@code input}: PyTorch's {@code torch.chunk}. */
  public static List<Tensor> chunk(Tensor input, long chunks, long dim) {
    return input.chunk(chunks, dim);
  }

  /** {@link Tensor#unbind()} of {@code input}: PyTorch's {@code torch.unbind}. */
  public static List<Tensor> unbind(Tensor input) {
    return input.unbind();
  }

  /** {@link Tensor#unbind(long)} of {@code input}: PyTorch's {@code torch.unbind}. */
  public static List<Tensor> unbind(Tensor input, long dim) {
    return input.unbind(dim);
  }

  /** {@link Tensor#tensorSplit(long)} of {@code input}: PyTorch's {@code torch.tensor_split}. */
  public static List<Tensor> tensorSplit(Tensor input, long sections) {
    return input.tensorSplit(sections);
  }

  /** {@link Tensor#tensorSplit(long, long)}: {@code torch.tensor_split}. */
  public static List<Tensor> tensorSplit(Tensor input, long sections, long dim) {
    return input.tensorSplit(sections, dim);
  }

  /** {@link Tensor#tensorSplit(long[], long)}: {@code torch.tensor_split}. */
  public static List<Tensor> tensorSplit(Tensor input, long[] indices, long dim) {
    return input.tensorSplit(indices, dim);
  }

  /** {@link Tensor#softmax(long, DType)} of {@code input}: PyTorch's {@code torch.softmax}. */
  public static Tensor softmax(Tensor input, long dim, DType dtype) {
    return input.softmax(dim, dtype);
  }

  /** {@link Tensor#logSoftmax(long, DType)}: {@code torch.log_softmax}. */
  public static Tensor logSoftmax(Tensor input, long dim, DType dtype) {
    return input.logSoftmax(dim, dtype);
  }

  /** {@link Tensor#diff()} of {@code input}: PyTorch's {@code torch.diff}. */
  public static Tensor diff(Tensor input) {
    return input.diff();
  }

  /** {@link Tensor#diff(long, long)} of {@code input}: PyTorch's {@code torch.diff}. */
  public static Tensor diff(Tensor input, long n, long dim) {
    return input.diff(n, dim);
  }

  /** {@link Tensor#diff(long, long, Tensor, Tensor)}: {@code torch.diff}. */
  public static Tensor diff(Tensor input, long n, long dim, Tensor prepend, Tensor append) {
    return input.diff(n, dim, prepend, append);
  }

  /** {@link Tensor#histc()} of {@code input}: PyTorch's {@code torch.histc}. */
  public static Tensor histc(Tensor input) {
    return input.histc();
  }

  /** {@link Tensor#histc(long, double, double)}: {@code torch.histc}. */
  public static Tensor histc(Tensor input, long bins, double min, double max) {
    return input.histc(bins, min, max);
  }

  /** {@link Tensor#bincount()} of {@code input}: PyTorch's {@code torch.bincount}. */
  public static Tensor bincount(Tensor input) {
    return input.bincount();
  }

  /** {@link Tensor#bincount(Tensor, long)} of {@code input}: PyTorch's {@code torch.bincount}. */
  public static Tensor bincount(Tensor input, Tensor weights, long minlength) {
    return input.bincount(weights, minlength);
  }

  // ---------------------------------------------------------------------------------------------
  // Indexing and complex functions (region B)

  /** {@code input.indexSelect(dim, index)}: the entries at {@code index} along {@code dim}. */
  public static Tensor indexSelect(Tensor input, long dim, Tensor index) {
    return input.indexSelect(dim, index);
  }

  /** {@code input.gather(dim, index)}. */
  public static Tensor gather(Tensor input, long dim, Tensor index) {
    return input.gather(dim, index);
  }

  /** {@code input.scatter(dim, index, src)}: a copy with {@code src}'s values written at {@code index}. */
  public static Tensor scatter(Tensor input, long dim, Tensor index, Tensor src) {
    return input.scatter(dim, index, src);
  }

  /** {@code input.scatter(dim, index, value)}. */
  public static Tensor scatter(Tensor input, long dim, Tensor index, double value) {
    return input.scatter(dim, index, value);
  }

  /** {@code input.scatterAdd(dim, index, src)}. */
  public static Tensor scatterAdd(Tensor input, long dim, Tensor index, Tensor src) {
    return input.scatterAdd(dim, index, src);
  }

  /** {@code input.scatterReduce(dim, index, src, reduce)} ("sum", "prod", "mean", "amax", "amin"). */
  public static Tensor scatterReduce(Tensor input, long dim, Tensor index, Tensor src, String reduce) {
    return input.scatterReduce(dim, index, src, reduce);
  }

  /** {@code input.scatterReduce(dim, index, src, reduce, includeSelf)}. */
  public static Tensor scatterReduce(
      Tensor input, long dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
    return input.scatterReduce(dim, index, src, reduce, includeSelf);
  }

  /** {@code input.take(index)}: elements of the flattened input. */
  public static Tensor take(Tensor input, Tensor index) {
    return input.take(index);
  }

  /** {@code input.maskedSelect(mask)}. */
  public static Tensor maskedSelect(Tensor input, Tensor mask) {
    return input.maskedSelect(mask);
  }

  /** {@code input.maskedFill(mask, value)}. */
  public static Tensor maskedFill(Tensor input, Tensor mask, double value) {
    return input.maskedFill(mask, value);
  }

  /** {@code input.nonzero()}: the indices of the non-zero elements, shape (n, input.dim()). */
  public static Tensor nonzero(Tensor input) {
    return input.nonzero();
  }

  /** {@code input.argwhere()}. */
  public static Tensor argwhere(Tensor input) {
    return input.argwhere();
  }

  /** {@code input.indexAdd(dim, index, source)}. */
  public static Tensor indexAdd(Tensor input, long dim, Tensor index, Tensor source) {
    return input.indexAdd(dim, index, source);
  }

  /** {@code input.indexAdd(dim, index, source, alpha)}. */
  public static Tensor indexAdd(Tensor input, long dim, Tensor index, Tensor source, double alpha) {
    return input.indexAdd(dim, index, source, alpha);
  }

  /** Matrix product with broadcasting, PyTorch's {@code torch.matmul}. */
  public static Tensor matmul(Tensor input, Tensor other) {
    return input.matmul(other);
  }

  /** The dot product of two 1-d tensors. */
  public static Tensor dot(Tensor input, Tensor other) {
    return input.dot(other);
  }

  /** The product of two 2-d tensors. */
  public static Tensor mm(Tensor input, Tensor mat2) {
    return input.mm(mat2);
  }

  /** Matrix × vector. */
  public static Tensor mv(Tensor input, Tensor vec) {
    return input.mv(vec);
  }

  /** Batched matrix product of two 3-d tensors. */
  public static Tensor bmm(Tensor input, Tensor mat2) {
    return input.bmm(mat2);
  }

  /** The outer product of two 1-d tensors. */
  public static Tensor outer(Tensor input, Tensor vec2) {
    return input.outer(vec2);
  }

  /** {@code input + mat1 @ mat2}. */
  public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
    return input.addmm(mat1, mat2);
  }

  /** {@code beta * input + alpha * (mat1 @ mat2)}. */
  public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha) {
    return input.addmm(mat1, mat2, beta, alpha);
  }

  /**
   * Einstein summation, PyTorch's {@code torch.einsum}:
   *
   * <pre>{@code
   * Tensor c = Torch.einsum("ij,jk->ik", a, b);     // a @ b
   * Tensor tr = Torch.einsum("ii", m);              // trace
   * }</pre>
   */
  public static Tensor einsum(String equation, Tensor... operands) {
    Objects.requireNonNull(equation, "equation");
    org.bytedeco.pytorch.Tensor[] hs = Calls.handles(java.util.Arrays.asList(operands));
    return Tensor.op(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.einsum(equation, v);
          }
        });
  }

  /** The cross product of 3-vectors along {@code dim}, PyTorch's {@code torch.cross}. */
  public static Tensor cross(Tensor input, Tensor other, long dim) {
    return input.cross(other, dim);
  }

  /** The inverse of a square matrix (or batch), PyTorch's {@code torch.inverse}. */
  public static Tensor inverse(Tensor input) {
    return input.inverse();
  }

  /** The determinant of a square matrix (or batch). */
  public static Tensor det(Tensor input) {
    return input.det();
  }

  /** The lower Cholesky factor, PyTorch's {@code torch.cholesky}. */
  public static Tensor cholesky(Tensor input) {
    return input.cholesky();
  }

  /** The pseudo-inverse, PyTorch's {@code torch.pinverse}. */
  public static Tensor pinverse(Tensor input) {
    return input.pinverse();
  }

  /** A square matrix to the integer power {@code n}. */
  public static Tensor matrixPower(Tensor input, long n) {
    return input.matrixPower(n);
  }

  private static volatile org.bytedeco.pytorch.OperatorHandle complexOp;

  /**
   * A complex tensor from its real and imaginary parts (same floating dtype, broadcast), PyTorch's
   * {@code torch.complex}: float32 gives complex64, float64 complex128.
   *
   * @throws TorchException for integer inputs or different dtypes
   */
  public static Tensor complex(Tensor real, Tensor imag) {
    org.bytedeco.pytorch.Tensor r = real.h();
    org.bytedeco.pytorch.Tensor i = imag.h();
    return Tensor.op(
        () -> {
          // the presets do not bind at::complex: call it through the dispatcher
          org.bytedeco.pytorch.OperatorHandle op = complexOp;
          if (op == null) {
            op = complexOp = org.bytedeco.pytorch.Dispatcher.singleton().findSchemaOrThrow("aten::complex", "");
          }
          try (org.bytedeco.pytorch.IValue a = new org.bytedeco.pytorch.IValue(r);
              org.bytedeco.pytorch.IValue b = new org.bytedeco.pytorch.IValue(i);
              org.bytedeco.pytorch.IValueVector stack = new org.bytedeco.pytorch.IValueVector(a, b)) {
            op.callBoxed(stack);
            try (org.bytedeco.pytorch.IValue out = stack.get(0)) {
              // toTensor() points into the stack: take a reference of our own before it is freed
              return new org.bytedeco.pytorch.Tensor(out.toTensor());
            }
          }
        });
  }

  /** A complex tensor {@code abs * (cos(angle) + i sin(angle))}, PyTorch's {@code torch.polar}. */
  public static Tensor polar(Tensor abs, Tensor angle) {
    org.bytedeco.pytorch.Tensor a = abs.h();
    org.bytedeco.pytorch.Tensor b = angle.h();
    return Tensor.op(() -> torch.polar(a, b));
  }

  /** {@code input.real()}. */
  public static Tensor real(Tensor input) {
    return input.real();
  }

  /** {@code input.imag()}. */
  public static Tensor imag(Tensor input) {
    return input.imag();
  }

  /** {@code input.angle()}. */
  public static Tensor angle(Tensor input) {
    return input.angle();
  }

  /** {@code input.conj()}. */
  public static Tensor conj(Tensor input) {
    return input.conj();
  }

  /** {@code input.viewAsReal()}. */
  public static Tensor viewAsReal(Tensor input) {
    return input.viewAsReal();
  }

  /** {@code input.viewAsComplex()}. */
  public static Tensor viewAsComplex(Tensor input) {
    return input.viewAsComplex();
  }

  /** {@code input.isComplex()}. */
  public static boolean isComplex(Tensor input) {
    return input.isComplex();
  }

  // ---------------------------------------------------------------------------------------------
  // Sampling with a Generator of one's own (generator=g in Python); a null generator means the
  // default one that manualSeed seeds

  /** Uniform samples from [0, 1), float32, drawn from {@code generator}. */
  public static Tensor rand(long[] shape, Generator generator) {
    long[] s = shape.clone();
    return org.jtorch.internal.GeneratorHandles.with(
        generator,
        g -> factory(TensorOptions.defaults(), (dt, l, d, pin) -> torch.rand(s, g, dt, l, d, pin)));
  }

  /** Standard normal samples, float32, drawn from {@code generator}. */
  public static Tensor randn(long[] shape, Generator generator) {
    long[] s = shape.clone();
    return org.jtorch.internal.GeneratorHandles.with(
        generator,
        g -> factory(TensorOptions.defaults(), (dt, l, d, pin) -> torch.randn(s, g, dt, l, d, pin)));
  }

  /** Uniform integers in [low, high), int64, drawn from {@code generator}. */
  public static Tensor randint(long low, long high, long[] shape, Generator generator) {
    long[] s = shape.clone();
    return org.jtorch.internal.GeneratorHandles.with(
        generator,
        g ->
            factory(
                TensorOptions.dtype(DType.INT64),
                (dt, l, d, pin) -> torch.randint(low, high, s, g, dt, l, d, pin)));
  }

  /** A random permutation of {@code 0 .. n-1}, int64, like {@code torch.randperm(n)}. */
  public static Tensor randperm(long n) {
    return randperm(n, null);
  }

  /**
   * A random permutation of {@code 0 .. n-1}, int64, drawn from {@code generator}: Python's {@code
   * torch.randperm(n, generator=g)} for a generator with the same state.
   */
  public static Tensor randperm(long n, Generator generator) {
    return org.jtorch.internal.GeneratorHandles.with(
        generator,
        g ->
            factory(
                TensorOptions.dtype(DType.INT64),
                (dt, l, d, pin) -> torch.randperm(n, g, dt, l, d, pin)));
  }

  /**
   * {@code numSamples} indices drawn from the rows of {@code input} (non-negative weights, 1-d or
   * 2-d), with or without replacement, like {@code torch.multinomial}.
   */
  public static Tensor multinomial(Tensor input, long numSamples, boolean replacement) {
    return multinomial(input, numSamples, replacement, null);
  }

  /** {@link #multinomial(Tensor, long, boolean)} drawn from {@code generator}. */
  public static Tensor multinomial(
      Tensor input, long numSamples, boolean replacement, Generator generator) {
    org.bytedeco.pytorch.Tensor h = NativeCalls.h(input, "input");
    return org.jtorch.internal.GeneratorHandles.with(
        generator, g -> Tensor.op(() -> torch.multinomial(h, numSamples, replacement, g)));
  }

  /** 0/1 samples with the probabilities in {@code p}, like {@code torch.bernoulli(p)}. */
  public static Tensor bernoulli(Tensor p) {
    return bernoulli(p, null);
  }

  /** {@link #bernoulli(Tensor)} drawn from {@code generator}. */
  public static Tensor bernoulli(Tensor p, Generator generator) {
    org.bytedeco.pytorch.Tensor h = NativeCalls.h(p, "p");
    return org.jtorch.internal.GeneratorHandles.with(
        generator, g -> Tensor.op(() -> torch.bernoulli(h, g)));
  }

  /** Normal samples with {@code mean} and {@code std}, float32, drawn from {@code generator}. */
  public static Tensor normal(double mean, double std, long[] shape, Generator generator) {
    long[] s = shape.clone();
    return org.jtorch.internal.GeneratorHandles.with(
        generator,
        g ->
            factory(
                TensorOptions.defaults(),
                (dt, l, d, pin) -> torch.normal(mean, std, s, g, dt, l, d, pin)));
  }

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

  // ---------------------------------------------------------------------------------------------
  // Autograd modes (thread-local, as in PyTorch)

  /**
   * Turns gradient recording off on this thread until the returned scope closes, PyTorch's {@code
   * with torch.no_grad():}.
   */
  public static GradMode noGrad() {
    return GradMode.grad(false);
  }

  /** Turns gradient recording on until the returned scope closes, PyTorch's {@code enable_grad}. */
  public static GradMode enableGrad() {
    return GradMode.grad(true);
  }

  /**
   * Enters inference mode until the returned scope closes, PyTorch's {@code inference_mode()}:
   * like {@link #noGrad()}, and faster, but tensors made inside can never join a graph later.
   */
  public static GradMode inferenceMode() {
    return GradMode.inference(true);
  }

  /** {@link #inferenceMode()}, or (with false) a scope that leaves inference mode. */
  public static GradMode inferenceMode(boolean enabled) {
    return GradMode.inference(enabled);
  }

  /** Whether this thread records gradients, PyTorch's {@code is_grad_enabled()}. */
  public static boolean isGradEnabled() {
    return GradMode.isEnabled();
  }

  /** Turns gradient recording on or off on this thread, PyTorch's {@code set_grad_enabled}. */
  public static void setGradEnabled(boolean enabled) {
    GradMode.setEnabled(enabled);
  }

  /** Whether this thread is in inference mode, PyTorch's {@code is_inference_mode_enabled()}. */
  public static boolean isInferenceModeEnabled() {
    return GradMode.isInferenceEnabled();
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpoints in PyTorch's file format, and autocast

  /**
   * Saves {@code stateDict} (tensors, or a whole training checkpoint of nested maps, lists,
   * numbers and strings) in PyTorch's format: Python reads it with {@code torch.load(path,
   * weights_only=True)}. See {@link org.jtorch.serialization.Checkpoints}.
   *
   * @throws IllegalArgumentException if a value cannot be saved
   * @throws java.io.UncheckedIOException if writing fails
   */
  public static void save(java.util.Map<String, ?> stateDict, java.nio.file.Path path) {
    org.jtorch.serialization.Checkpoints.save(stateDict, path);
  }

  /**
   * Loads a state dict ({@code name → tensor}) saved by Python's {@code torch.save(
   * model.state_dict(), path)} or by {@link #save}. Only what {@code weights_only=True} accepts is
   * read; for other checkpoints use {@link org.jtorch.serialization.Checkpoints#load}.
   *
   * @throws org.jtorch.serialization.CheckpointException for a corrupt, truncated or refused file
   */
  public static java.util.Map<String, Tensor> load(java.nio.file.Path path) {
    return org.jtorch.serialization.Checkpoints.loadStateDict(path);
  }

  /**
   * CPU autocast with {@code dtype} ({@link DType#BFLOAT16} or {@link DType#FLOAT16}) until the
   * returned scope closes, PyTorch's {@code torch.autocast("cpu", dtype)}.
   */
  public static org.jtorch.amp.Autocast autocast(DType dtype) {
    return org.jtorch.amp.Autocast.enter(Device.CPU, dtype, true);
  }

  /** Autocast on {@code device}'s type, PyTorch's {@code torch.autocast(device_type, dtype)}. */
  public static org.jtorch.amp.Autocast autocast(Device device, DType dtype) {
    return org.jtorch.amp.Autocast.enter(device, dtype, true);
  }

  /** CUDA: availability, device count, seeding. */
  public static Cuda cuda() {
    return Cuda.INSTANCE;
  }

  /** The version of LibTorch jtorch runs on, such as {@code 2.13.0}. */
  public static String libtorchVersion() {
    return org.jtorch.internal.Versions.LIBTORCH;
  }

  // ---------------------------------------------------------------------------------------------
  // Threads and configuration

  /**
   * The most intra-op threads {@link #setNumThreads} accepts: 4 per processor the JVM sees, and
   * at least 256.
   */
  public static final int MAX_NUM_THREADS =
      Math.max(256, 4 * Runtime.getRuntime().availableProcessors());

  /**
   * Sets the number of threads LibTorch uses inside one operation (intra-op parallelism),
   * PyTorch's {@code torch.set_num_threads}. The default is what LibTorch picks at start: the
   * number of physical cores, or {@code OMP_NUM_THREADS} where the environment sets it, as in
   * Python. OpenBLAS's matrix products follow it (unless {@code jtorch.openblasThreads} fixes
   * their count), as MKL's do in PyTorch, up to the most threads OpenBLAS was built for (64 in
   * the presets' build): past that they stay at that count.
   *
   * <p>Differs from PyTorch: a count above {@link #MAX_NUM_THREADS} is refused. PyTorch passes any
   * count to the OpenMP runtime, which ends the process when it cannot create that many threads
   * ("Out of memory allocating ..."); a JVM library must not.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive or above {@link
   *     #MAX_NUM_THREADS}
   */
  public static void setNumThreads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("set_num_threads expects a positive integer, got " + threads);
    }
    if (threads > MAX_NUM_THREADS) {
      throw new IllegalArgumentException(
          "set_num_threads: "
              + threads
              + " threads is more than jtorch allows ("
              + MAX_NUM_THREADS
              + ": 4 per processor, at least 256); the OpenMP runtime would end the process"
              + " when it cannot create them");
    }
    NativeCalls.query(
        () -> {
          torch.set_num_threads(threads);
          return null;
        });
    org.jtorch.bindings.NativeLibraries.followIntraOpThreads(threads);
  }

  /** The number of intra-op threads, PyTorch's {@code torch.get_num_threads}. */
  public static int getNumThreads() {
    return torch.get_num_threads();
  }

  /**
   * Sets the number of threads for running independent operations in parallel (inter-op
   * parallelism, used by TorchScript's fork), PyTorch's {@code torch.set_num_interop_threads}. Like
   * PyTorch, it can be called once, before any inter-op work has started.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive or above {@link
   *     #MAX_NUM_THREADS}
   * @throws TorchException if inter-op work has already started or the number was already set
   */
  public static void setNumInteropThreads(int threads) {
    if (threads <= 0 || threads > MAX_NUM_THREADS) {
      throw new IllegalArgumentException(
          "set_num_interop_threads expects a positive integer of at most "
              + MAX_NUM_THREADS
              + ", got "
              + threads);
    }
    NativeCalls.query(
        () -> {
          torch.set_num_interop_threads(threads);
          return null;
        });
  }

  /** The number of inter-op threads, PyTorch's {@code torch.get_num_interop_threads}. */
  public static int getNumInteropThreads() {
    return (int) torch.get_num_interop_threads();
  }

  /**
   * What is in effect, PyTorch's {@code torch.__config__.show()} and {@code parallel_info()} for
   * Java: LibTorch's build configuration (version, BLAS, CPU capability), its threading, and the
   * settings jtorch applied when it loaded (see the README's "Performance and configuration").
   */
  public static String config() {
    StringBuilder sb = new StringBuilder();
    sb.append("jtorch on LibTorch ").append(libtorchVersion()).append('\n');
    try (org.bytedeco.javacpp.BytePointer show = torch.show_config();
        org.bytedeco.javacpp.BytePointer parallel = torch.get_parallel_info()) {
      sb.append(show.getString()).append(parallel.getString());
    }
    sb.append("jtorch runtime:\n");
    for (java.util.Map.Entry<String, String> e : runtimeSettings().entrySet()) {
      sb.append("  - ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The settings jtorch's loader applied (or left alone), by name: JavaCPP's {@code
   * maxPhysicalBytes}, OpenBLAS's thread count, the intra-op and inter-op thread counts, the
   * natives' platform, jtorch's operator library (its file, or why it is not loaded), CUDA (the
   * devices and the NVIDIA driver, or why CUDA is not usable) and where the CUDA libraries of the
   * GPU flavour were loaded from.
   */
  public static java.util.Map<String, String> runtimeSettings() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("platform", org.jtorch.bindings.NativeLibraries.platform());
    java.nio.file.Path ops = org.jtorch.bindings.NativeLibraries.opsLibrary();
    m.put(
        "operator library",
        ops != null
            ? ops.toString()
            : "not loaded: " + org.jtorch.bindings.NativeLibraries.opsUnavailableReason());
    m.put("CUDA", cuda().describe());
    m.put("CUDA libraries", org.jtorch.bindings.NativeLibraries.cudaLibraries());
    m.put(
        "org.bytedeco.javacpp.maxPhysicalBytes",
        String.valueOf(org.bytedeco.javacpp.Pointer.maxPhysicalBytes()));
    m.put("OpenBLAS threads", String.valueOf(org.jtorch.bindings.NativeLibraries.openblasThreads()));
    m.put("OpenBLAS threading", org.jtorch.bindings.NativeLibraries.openblasStatus());
    m.put("intra-op threads", String.valueOf(getNumThreads()));
    m.put("inter-op threads", String.valueOf(getNumInteropThreads()));
    m.put("glibc malloc", org.jtorch.bindings.NativeLibraries.malloptStatus());
    m.put("native memory net", MemoryNet.status());
    m.put(
        "LibTorch warnings",
        org.jtorch.bindings.LibTorchWarnings.installed()
            ? "logger org.jtorch, mode " + getWarningMode().name().toLowerCase(java.util.Locale.ROOT)
            : "standard error (handler not installed)");
    return m;
  }

  /**
   * Sets what happens to LibTorch's warnings from now on, on every thread (see {@link
   * WarningMode}), and forgets which were already logged, like changing Python's {@code warnings}
   * filter. The default is {@link WarningMode#DEFAULT}, or the system property {@code
   * jtorch.warnings}.
   *
   * @throws IllegalStateException if jtorch could not install its warning handler at load (it
   *     logs why)
   */
  public static void setWarningMode(WarningMode mode) {
    java.util.Objects.requireNonNull(mode, "mode");
    // WarningMode's order is LibTorchWarnings' codes (DEFAULT 0, ALWAYS 1, ERROR 2, IGNORE 3)
    org.jtorch.bindings.LibTorchWarnings.setMode(mode.ordinal());
  }

  /** What happens to LibTorch's warnings now (see {@link #setWarningMode}). */
  public static WarningMode getWarningMode() {
    return WarningMode.values()[org.jtorch.bindings.LibTorchWarnings.mode()];
  }
}
