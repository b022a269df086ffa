package org.jtorch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.pytorch.LongArrayRef;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.jtorch.internal.Handles;
import org.jtorch.internal.Natives;

/**
 * A multi-dimensional array of one {@link DType} on one {@link Device}, backed by a LibTorch
 * tensor: PyTorch's {@code torch.Tensor}.
 *
 * <p>Methods keep PyTorch's names in lowerCamelCase ({@code logSoftmax}, {@code requiresGrad_});
 * in-place forms keep the trailing underscore. Dims may be negative and count from the end, as in
 * PyTorch. Every operation returns a new {@code Tensor} object (which may share storage with its
 * input, like PyTorch's views).
 *
 * <h2>Native memory</h2>
 *
 * A tensor holds native memory that the garbage collector cannot see. Close it ({@link #close()},
 * idempotent), or create it inside a {@link Scope}, which closes it for you; a {@link
 * java.lang.ref.Cleaner} is only a safety net. Using a closed tensor throws {@link
 * IllegalStateException}; it never touches freed memory. Closing a tensor releases this object's
 * reference: storage shared with other tensors (views, gradients) lives on as long as they do.
 *
 * <h2>Errors</h2>
 *
 * A failure inside LibTorch (a wrong shape, dim or dtype) throws {@link TorchException} with
 * PyTorch's own message.
 *
 * <p>A tensor may be read from several threads at once; closing it while another thread uses it
 * is a race the caller must avoid.
 */
public final class Tensor implements AutoCloseable {
  static {
    Natives.ensureLoaded();
    Handles.install(
        new Handles.Bridge() {
          @Override
          public org.bytedeco.pytorch.Tensor unwrap(Tensor t) {
            return t.h();
          }

          @Override
          public Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
            return new Tensor(handle);
          }
        });
  }

  private static final Cleaner CLEANER = Cleaner.create();
  private static final VarHandle HANDLE;

  static {
    try {
      HANDLE = MethodHandles.lookup().findVarHandle(Tensor.class, "handle", org.bytedeco.pytorch.Tensor.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Frees the native handle: run by close() or, as a net, by the Cleaner. */
  private static final class Release implements Runnable {
    private final org.bytedeco.pytorch.Tensor handle;

    Release(org.bytedeco.pytorch.Tensor handle) {
      this.handle = handle;
    }

    @Override
    public void run() {
      handle.close();
    }
  }

  @SuppressWarnings("unused") // accessed through HANDLE
  private volatile org.bytedeco.pytorch.Tensor handle;

  private final Cleaner.Cleanable cleanable;

  /** The scope that owns this tensor, or null. Only touched by the owning thread. */
  Scope owner;

  Tensor(org.bytedeco.pytorch.Tensor handle) {
    this.handle = handle;
    this.cleanable = CLEANER.register(this, new Release(handle));
    Scope.register(this);
  }

  /** The native handle; throws if this tensor is closed. */
  org.bytedeco.pytorch.Tensor h() {
    org.bytedeco.pytorch.Tensor h = handle;
    if (h == null) {
      throw new IllegalStateException("this Tensor is closed");
    }
    return h;
  }

  /** Runs a native call that returns a new tensor, translating LibTorch's errors. */
  static Tensor op(Supplier<org.bytedeco.pytorch.Tensor> call) {
    org.bytedeco.pytorch.Tensor result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
    return new Tensor(result);
  }

  /** Runs a native call that returns a (values, indices) pair. */
  static ValuesIndices pair(Supplier<T_TensorTensor_T> call) {
    T_TensorTensor_T t;
    try {
      t = call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
    try {
      // get0()/get1() point into the tuple: take references of our own before freeing it
      return new ValuesIndices(
          new Tensor(new org.bytedeco.pytorch.Tensor(t.get0())),
          new Tensor(new org.bytedeco.pytorch.Tensor(t.get1())));
    } finally {
      t.close();
    }
  }

  private static <T> T query(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lifetime

  /**
   * Releases this tensor's native reference now. Idempotent; later use throws {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    if (HANDLE.getAndSet(this, null) != null) {
      cleanable.clean();
    }
  }

  /** True once {@link #close()} has run (directly, or through the owning {@link Scope}). */
  public boolean isClosed() {
    return handle == null;
  }

  // ---------------------------------------------------------------------------------------------
  // Attributes

  /** The size of each dimension, PyTorch's {@code shape}; a new array each call. */
  public long[] shape() {
    org.bytedeco.pytorch.Tensor h = h();
    try (LongArrayRef sizes = h.sizes()) {
      long[] out = new long[(int) sizes.size()];
      if (out.length > 0) {
        sizes.data().get(out);
      }
      return out;
    }
  }

  /** The size of dimension {@code dim} (negative counts from the end). */
  public long size(long dim) {
    org.bytedeco.pytorch.Tensor h = h();
    return query(() -> h.size(dim));
  }

  /** The strides of each dimension, in elements. */
  public long[] stride() {
    org.bytedeco.pytorch.Tensor h = h();
    try (LongArrayRef strides = h.strides()) {
      long[] out = new long[(int) strides.size()];
      if (out.length > 0) {
        strides.data().get(out);
      }
      return out;
    }
  }

  /** The number of dimensions. */
  public long dim() {
    return h().dim();
  }

  /** The number of elements. */
  public long numel() {
    return h().numel();
  }

  /** The element type. */
  public DType dtype() {
    return Natives.dtype(h().scalar_type());
  }

  /** The device the data lives on. */
  public Device device() {
    try (org.bytedeco.pytorch.Device d = h().device()) {
      return Natives.device(d);
    }
  }

  /** PyTorch's {@code is_contiguous()}. */
  public boolean isContiguous() {
    return h().is_contiguous();
  }

  /** Whether autograd records operations on this tensor. */
  public boolean requiresGrad() {
    return h().requires_grad();
  }

  /** True for a tensor that autograd did not compute (a leaf of the graph). */
  public boolean isLeaf() {
    return h().is_leaf();
  }

  // ---------------------------------------------------------------------------------------------
  // Conversion

  /** A copy with element type {@code dtype}, or this data unchanged if it already has it. */
  public Tensor to(DType dtype) {
    Objects.requireNonNull(dtype, "dtype");
    org.bytedeco.pytorch.Tensor h = h();
    return op(() -> h.to(Natives.scalarType(dtype)));
  }

  /**
   * This tensor on {@code device}. Asking for CUDA where there is none throws {@link
   * TorchException} that says so.
   */
  public Tensor to(Device device) {
    Objects.requireNonNull(device, "device");
    org.bytedeco.pytorch.Tensor h = h();
    return op(
        () -> {
          try (org.bytedeco.pytorch.Device d = Natives.device(device)) {
            return h.to(d, h.scalar_type());
          }
        });
  }

  /** This tensor on {@code device} with element type {@code dtype}. */
  public Tensor to(Device device, DType dtype) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(dtype, "dtype");
    org.bytedeco.pytorch.Tensor h = h();
    return op(
        () -> {
          try (org.bytedeco.pytorch.Device d = Natives.device(device)) {
            return h.to(d, Natives.scalarType(dtype));
          }
        });
  }

  /** This tensor in host memory. */
  public Tensor cpu() {
    org.bytedeco.pytorch.Tensor h = h();
    return op(h::cpu);
  }

  /** A contiguous tensor with the same data (this data, if already contiguous). */
  public Tensor contiguous() {
    org.bytedeco.pytorch.Tensor h = h();
    return op(h::contiguous);
  }

  /** A copy with its own storage, recorded by autograd like PyTorch's {@code clone()}. */
  public Tensor clone() {
    org.bytedeco.pytorch.Tensor h = h();
    return op(h::clone);
  }

  /** A tensor sharing this data, outside the autograd graph. */
  public Tensor detach() {
    org.bytedeco.pytorch.Tensor h = h();
    return op(h::detach);
  }

  // ---------------------------------------------------------------------------------------------
  // Shapes

  /** PyTorch's {@code reshape}: a view where possible, else a copy; one size may be -1. */
  public Tensor reshape(long... shape) {
    org.bytedeco.pytorch.Tensor h = h();
    long[] s = shape.clone();
    return op(() -> h.reshape(s));
  }

  /** PyTorch's {@code view}: a view with another shape; fails where strides do not allow it. */
  public Tensor view(long... shape) {
    org.bytedeco.pytorch.Tensor h = h();
    long[] s = shape.clone();
    return op(() -> h.view(s));
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic (broadcasting, PyTorch's type promotion)

  /** {@code this + other}. */
  public Tensor add(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.add(b));
  }

  /** {@code this + value}. */
  public Tensor add(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (Scalar s = new Scalar(value)) {
            return a.add(s);
          }
        });
  }

  /** {@code this - other}. */
  public Tensor sub(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.sub(b));
  }

  /** {@code this - value}. */
  public Tensor sub(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (Scalar s = new Scalar(value)) {
            return a.sub(s);
          }
        });
  }

  /** {@code this * other}. */
  public Tensor mul(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.mul(b));
  }

  /** {@code this * value}. */
  public Tensor mul(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (Scalar s = new Scalar(value)) {
            return a.mul(s);
          }
        });
  }

  /** {@code this / other}: true division, so integer inputs give a floating result. */
  public Tensor div(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.div(b));
  }

  /** {@code this / value}: true division. */
  public Tensor div(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (Scalar s = new Scalar(value)) {
            return a.div(s);
          }
        });
  }

  /** {@code -this}. */
  public Tensor neg() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::neg);
  }

  /** Matrix product with PyTorch's {@code matmul} broadcasting rules. */
  public Tensor matmul(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.matmul(b));
  }

  /** Element-wise {@code e^x}. */
  public Tensor exp() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::exp);
  }

  /** Element-wise natural logarithm. */
  public Tensor log() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::log);
  }

  // ---------------------------------------------------------------------------------------------
  // Reductions

  /** The sum of all elements, as a 0-d tensor (integers and bool sum to int64). */
  public Tensor sum() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::sum);
  }

  /** The sum over {@code dim}, which is removed. */
  public Tensor sum(long dim) {
    return sum(new long[] {dim}, false);
  }

  /** The sum over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor sum(long dim, boolean keepDim) {
    return sum(new long[] {dim}, keepDim);
  }

  /** The sum over several dims. */
  public Tensor sum(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.sum(d, keepDim, Natives.NO_DTYPE));
  }

  /** The mean of all elements (floating and complex tensors only, as in PyTorch). */
  public Tensor mean() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::mean);
  }

  /** The mean over {@code dim}. */
  public Tensor mean(long dim) {
    return mean(new long[] {dim}, false);
  }

  /** The mean over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor mean(long dim, boolean keepDim) {
    return mean(new long[] {dim}, keepDim);
  }

  /** The mean over several dims. */
  public Tensor mean(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.mean(d, keepDim, Natives.NO_DTYPE));
  }

  /** The standard deviation of all elements, with Bessel's correction (PyTorch's default). */
  public Tensor std() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::std);
  }

  /** The standard deviation over {@code dim}, with Bessel's correction. */
  public Tensor std(long dim) {
    return std(dim, false);
  }

  /** The standard deviation over {@code dim}, with Bessel's correction. */
  public Tensor std(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = {dim};
    return op(() -> a.std(d, true, keepDim));
  }

  /** The largest element, as a 0-d tensor (NaN if any element is NaN). */
  public Tensor max() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::max);
  }

  /** The largest values along {@code dim} and the index of the first of each. */
  public ValuesIndices max(long dim) {
    return max(dim, false);
  }

  /** The largest values along {@code dim} and their indices, {@code dim} kept if {@code keepDim}. */
  public ValuesIndices max(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.max(dim, keepDim));
  }

  /** Element-wise maximum of this and {@code other} (broadcasting), PyTorch's {@code max(other)}. */
  public Tensor max(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.max(b));
  }

  /** The smallest element, as a 0-d tensor (NaN if any element is NaN). */
  public Tensor min() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::min);
  }

  /** The smallest values along {@code dim} and the index of the first of each. */
  public ValuesIndices min(long dim) {
    return min(dim, false);
  }

  /** The smallest values along {@code dim} and their indices, {@code dim} kept if {@code keepDim}. */
  public ValuesIndices min(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.min(dim, keepDim));
  }

  /** Element-wise minimum of this and {@code other} (broadcasting), PyTorch's {@code min(other)}. */
  public Tensor min(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.min(b));
  }

  /** The index of the first maximum in the flattened tensor, as a 0-d int64 tensor. */
  public Tensor argmax() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::argmax);
  }

  /** The index of the first maximum along {@code dim}. */
  public Tensor argmax(long dim) {
    return argmax(dim, false);
  }

  /** The index of the first maximum along {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor argmax(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (LongOptional d = new LongOptional(dim)) {
            return a.argmax(d, keepDim);
          }
        });
  }

  /** The index of the first minimum in the flattened tensor, as a 0-d int64 tensor. */
  public Tensor argmin() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::argmin);
  }

  /** The index of the first minimum along {@code dim}. */
  public Tensor argmin(long dim) {
    return argmin(dim, false);
  }

  /** The index of the first minimum along {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor argmin(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (LongOptional d = new LongOptional(dim)) {
            return a.argmin(d, keepDim);
          }
        });
  }

  /** Softmax along {@code dim}. */
  public Tensor softmax(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.softmax(dim));
  }

  /** Log-softmax along {@code dim}. */
  public Tensor logSoftmax(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.log_softmax(dim));
  }

  /** True where all elements equal {@code other}'s and the shapes are the same. */
  public boolean equal(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return query(() -> a.equal(b));
  }

  // ---------------------------------------------------------------------------------------------
  // Autograd

  /** Sets whether autograd records operations on this (leaf) tensor; returns this tensor. */
  public Tensor requiresGrad_(boolean requiresGrad) {
    org.bytedeco.pytorch.Tensor a = h();
    query(() -> a.requires_grad_(requiresGrad));
    return this;
  }

  /**
   * Computes the gradient of this scalar with respect to the graph's leaves, accumulating into
   * their {@link #grad()}.
   */
  public void backward() {
    org.bytedeco.pytorch.Tensor a = h();
    query(
        () -> {
          a.backward();
          return null;
        });
  }

  /** Backpropagates {@code gradient} (shaped like this tensor) through the graph. */
  public void backward(Tensor gradient) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor g = gradient.h();
    query(
        () -> {
          a.backward(g, Natives.NO_BOOL, false, new org.bytedeco.pytorch.TensorArrayRefOptional());
          return null;
        });
  }

  /**
   * The gradient accumulated by {@link #backward()}, or {@code null} where none has been computed
   * (PyTorch's {@code None}). The result shares storage with the gradient.
   */
  public Tensor grad() {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor g = query(a::grad);
    if (!g.defined()) {
      g.close();
      return null;
    }
    return new Tensor(g);
  }

  // ---------------------------------------------------------------------------------------------
  // Data out

  /** The value of a one-element tensor as a float, PyTorch's {@code item()}. */
  public float floatValue() {
    org.bytedeco.pytorch.Tensor a = h();
    return query(a::item_float);
  }

  /** The value of a one-element tensor as a double. */
  public double doubleValue() {
    org.bytedeco.pytorch.Tensor a = h();
    return query(a::item_double);
  }

  /** The value of a one-element tensor as a long (floating values are truncated toward zero). */
  public long longValue() {
    org.bytedeco.pytorch.Tensor a = h();
    return query(a::item_long);
  }

  /** The value of a one-element tensor as an int (see {@link #longValue()}). */
  public int intValue() {
    return (int) longValue();
  }

  /** The truth of a one-element tensor, like Python's {@code bool(t)}: non-zero is true. */
  public boolean booleanValue() {
    org.bytedeco.pytorch.Tensor a = h();
    return query(
        () -> {
          try (Scalar s = a.item()) {
            return s.toBool();
          }
        });
  }

  /**
   * A contiguous host copy of the data in {@code dtype}: this data itself where nothing needs to
   * change, else a new native tensor that the caller must close.
   */
  private org.bytedeco.pytorch.Tensor hostData(DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return query(
        () -> {
          org.bytedeco.pytorch.Tensor cpu = a.is_cuda() ? a.cpu() : new org.bytedeco.pytorch.Tensor(a);
          org.bytedeco.pytorch.Tensor typed =
              cpu.scalar_type().value == dtype.code() ? cpu : cpu.to(Natives.scalarType(dtype));
          if (typed != cpu) {
            cpu.close();
          }
          org.bytedeco.pytorch.Tensor c = typed.contiguous();
          if (c != typed) {
            typed.close();
          }
          return c;
        });
  }

  private int checkedLength() {
    long n = numel();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "a tensor of " + n + " elements does not fit in a Java array; use asByteBuffer()");
    }
    return (int) n;
  }

  /**
   * All elements as floats, row-major and flattened; other dtypes are converted first, as by
   * {@code to(FLOAT32)}. CUDA data is copied to the host.
   */
  public float[] toFloatArray() {
    float[] out = new float[checkedLength()];
    try (org.bytedeco.pytorch.Tensor c = hostData(DType.FLOAT32)) {
      if (out.length > 0) {
        new FloatPointer(c.data_ptr()).get(out);
      }
    }
    return out;
  }

  /** All elements as doubles, row-major and flattened (converted as by {@code to(FLOAT64)}). */
  public double[] toDoubleArray() {
    double[] out = new double[checkedLength()];
    try (org.bytedeco.pytorch.Tensor c = hostData(DType.FLOAT64)) {
      if (out.length > 0) {
        new DoublePointer(c.data_ptr()).get(out);
      }
    }
    return out;
  }

  /** All elements as longs, row-major and flattened (converted as by {@code to(INT64)}). */
  public long[] toLongArray() {
    long[] out = new long[checkedLength()];
    try (org.bytedeco.pytorch.Tensor c = hostData(DType.INT64)) {
      if (out.length > 0) {
        new LongPointer(c.data_ptr()).get(out);
      }
    }
    return out;
  }

  /** All elements as ints, row-major and flattened (converted as by {@code to(INT32)}). */
  public int[] toIntArray() {
    int[] out = new int[checkedLength()];
    try (org.bytedeco.pytorch.Tensor c = hostData(DType.INT32)) {
      if (out.length > 0) {
        new IntPointer(c.data_ptr()).get(out);
      }
    }
    return out;
  }

  /** All elements as shorts, row-major and flattened (converted as by {@code to(INT16)}). */
  public short[] toShortArray() {
    short[] out = new short[checkedLength()];
    try (org.bytedeco.pytorch.Tensor c = hostData(DType.INT16)) {
      if (out.length > 0) {
        new ShortPointer(c.data_ptr()).get(out);
      }
    }
    return out;
  }

  /**
   * All elements as bytes, row-major and flattened: the raw bytes of a {@link DType#UINT8} or
   * {@link DType#INT8} tensor, else converted as by {@code to(INT8)}.
   */
  public byte[] toByteArray() {
    byte[] out = new byte[checkedLength()];
    DType source = dtype();
    DType as = source == DType.UINT8 || source == DType.BOOL ? source : DType.INT8;
    try (org.bytedeco.pytorch.Tensor c = hostData(as)) {
      if (out.length > 0) {
        new BytePointer(c.data_ptr()).get(out);
      }
    }
    return out;
  }

  /** All elements as booleans (non-zero is true), row-major and flattened. */
  public boolean[] toBooleanArray() {
    byte[] raw = new byte[checkedLength()];
    try (org.bytedeco.pytorch.Tensor c = hostData(DType.BOOL)) {
      if (raw.length > 0) {
        new BytePointer(c.data_ptr()).get(raw);
      }
    }
    boolean[] out = new boolean[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = raw[i] != 0;
    }
    return out;
  }

  /**
   * The data as a nested Java array whose rank equals {@link #dim()}, such as {@code float[][]}
   * for a 2-D tensor:
   *
   * <pre>{@code
   * float[][] rows = t.toArray(float[][].class);
   * }</pre>
   *
   * The component type picks the conversion, as in the flat {@code toXxxArray()} methods ({@code
   * float}, {@code double}, {@code long}, {@code int}, {@code short}, {@code byte}, {@code
   * boolean}).
   *
   * @throws IllegalArgumentException if {@code type} is not an array of that rank and kind
   */
  public <A> A toArray(Class<A> type) {
    return NestedArrays.toNested(this, type);
  }

  /**
   * A direct, native-ordered {@link ByteBuffer} over this tensor's memory, without a copy. The
   * tensor must be contiguous and on the CPU. Writes through the buffer change the tensor. The
   * buffer keeps the memory alive on its own: it stays valid after this tensor is closed, until
   * the buffer itself is garbage-collected.
   *
   * @throws IllegalStateException if the tensor is not contiguous or not on the CPU
   */
  public ByteBuffer asByteBuffer() {
    org.bytedeco.pytorch.Tensor a = h();
    if (a.is_cuda() || !device().isCpu()) {
      throw new IllegalStateException("asByteBuffer() needs a CPU tensor; call cpu() first");
    }
    if (!a.is_contiguous()) {
      throw new IllegalStateException(
          "asByteBuffer() needs a contiguous tensor; call contiguous() first");
    }
    long bytes = a.nbytes();
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalStateException("a tensor of " + bytes + " bytes does not fit a ByteBuffer");
    }
    org.bytedeco.pytorch.Tensor ref = new org.bytedeco.pytorch.Tensor(a);
    ByteBuffer buffer;
    if (bytes == 0) {
      buffer = ByteBuffer.allocateDirect(0);
    } else {
      Pointer data = a.data_ptr();
      buffer = new BytePointer(data).capacity(bytes).asByteBuffer();
    }
    CLEANER.register(buffer, new Release(ref));
    return buffer.order(ByteOrder.nativeOrder());
  }

  // ---------------------------------------------------------------------------------------------
  // Tensor vocabulary: pointwise, comparisons, reductions, sorting, shapes (region A)

  // ---------------------------------------------------------------------------------------------
  // Indexing, complex numbers (region B)

  /** Prints like PyTorch's {@code repr}: {@code tensor([[1., 2.], [3., 4.]])}. */
  @Override
  public String toString() {
    if (isClosed()) {
      return "tensor(<closed>)";
    }
    return TensorFormatter.format(this);
  }
}
