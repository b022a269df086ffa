package org.jtorch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
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
import org.jtorch.internal.NativeCalls;
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
 * java.lang.ref.Cleaner} is only a safety net (jtorch makes the JVM collect when the native
 * memory in use passes a budget, {@code jtorch.maxNativeBytes}, so that net fires). Using a closed
 * tensor throws {@link
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

          @Override
          public Tensor wrapUnscoped(org.bytedeco.pytorch.Tensor handle) {
            return new Tensor(handle, false);
          }

          @Override
          public boolean inScope(Tensor t) {
            return t.owner != null && !t.isClosed();
          }

          @Override
          public void unscope(Tensor t) {
            t.owner = null;
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
      MemoryNet.released();
    }
  }

  @SuppressWarnings("unused") // accessed through HANDLE
  private volatile org.bytedeco.pytorch.Tensor handle;

  private final Cleaner.Cleanable cleanable;

  /** The scope that owns this tensor, or null. Only touched by the owning thread. */
  Scope owner;

  Tensor(org.bytedeco.pytorch.Tensor handle) {
    this(handle, true);
  }

  private Tensor(org.bytedeco.pytorch.Tensor handle, boolean scoped) {
    this.handle = handle;
    this.cleanable = CLEANER.register(this, new Release(handle));
    if (scoped) {
      Scope.register(this);
    }
    MemoryNet.afterAllocation();
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
    Tensor[] r = NativeCalls.pair(call);
    return new ValuesIndices(r[0], r[1]);
  }

  private static <T> T query(Supplier<T> call) {
    return NativeCalls.query(call);
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
    LongOptional d = NativeCalls.dim(dim);
    return op(() -> a.argmax(d, keepDim));
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
    LongOptional d = NativeCalls.dim(dim);
    return op(() -> a.argmin(d, keepDim));
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
    backward(gradient, false, false);
  }

  /**
   * PyTorch's {@code backward(gradient, retain_graph, create_graph)}. {@code gradient} may be null
   * for a one-element tensor. {@code retainGraph} keeps the graph's saved tensors so that a second
   * backward can run; {@code createGraph} records the backward pass itself, for higher-order
   * derivatives (it implies {@code retainGraph}, as in PyTorch).
   */
  public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor g =
        gradient == null ? new org.bytedeco.pytorch.Tensor() : gradient.h();
    org.bytedeco.pytorch.BoolOptional retain =
        retainGraph || createGraph ? new org.bytedeco.pytorch.BoolOptional(true) : Natives.NO_BOOL;
    try (org.bytedeco.pytorch.TensorArrayRefOptional inputs =
        new org.bytedeco.pytorch.TensorArrayRefOptional()) {
      query(
          () -> {
            a.backward(g, retain, createGraph, inputs);
            return null;
          });
    } finally {
      if (gradient == null) {
        g.close();
      }
      if (retain != Natives.NO_BOOL) {
        retain.close();
      }
    }
  }

  /** {@code requiresGrad_(true)}. */
  public Tensor requiresGrad_() {
    return requiresGrad_(true);
  }

  /**
   * Sets this tensor's gradient, PyTorch's {@code t.grad = gradient}; null clears it (PyTorch's
   * {@code None}). The gradient must match this tensor's shape, dtype and device.
   *
   * @throws IllegalArgumentException if the shape differs
   */
  public void setGrad(Tensor gradient) {
    org.bytedeco.pytorch.Tensor a = h();
    if (gradient == null) {
      try (org.bytedeco.pytorch.Tensor none = new org.bytedeco.pytorch.Tensor();
          org.bytedeco.pytorch.Tensor slot = a.mutable_grad()) {
        slot.put(none);
      }
      return;
    }
    org.bytedeco.pytorch.Tensor g = gradient.h();
    if (!java.util.Arrays.equals(shape(), gradient.shape())) {
      throw new IllegalArgumentException(
          "assigned grad has data of a different size: "
              + java.util.Arrays.toString(gradient.shape())
              + " for a tensor of shape "
              + java.util.Arrays.toString(shape()));
    }
    if (gradient.dtype() != dtype()) {
      throw new IllegalArgumentException(
          "assigned grad has data of a different type: " + gradient.dtype() + " for " + dtype());
    }
    try (org.bytedeco.pytorch.Tensor slot = a.mutable_grad()) {
      slot.put(g);
    }
  }

  /** Detaches this tensor from the graph in place, making it a leaf; returns this tensor. */
  public Tensor detach_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::detach_);
  }

  /** Makes a non-leaf tensor keep its {@link #grad()} after {@code backward()}. */
  public void retainGrad() {
    org.bytedeco.pytorch.Tensor a = h();
    query(
        () -> {
          a.retain_grad();
          return null;
        });
  }

  /** Whether {@link #retainGrad()} was called on this non-leaf tensor. */
  public boolean retainsGrad() {
    return h().retains_grad();
  }

  /**
   * The name of the autograd node that produced this tensor, such as {@code "MulBackward0"} (the
   * class name Python shows for {@code t.grad_fn}), or null for a leaf or a tensor outside the
   * graph. The name comes from jtorch's operator library ({@code jtorch::_grad_fn_name}, the
   * presets do not expose it); where that library is not available this throws {@link
   * UnsatisfiedLinkError} saying why, and {@link #isLeaf()} still tells whether there is a node.
   */
  public String gradFn() {
    return org.jtorch.internal.Autograds.gradFnName(this);
  }

  /** PyTorch's {@code _version}: the counter that in-place operations on this data increment. */
  public long version() {
    return h()._version();
  }

  /** Whether this tensor was created in {@link Torch#inferenceMode()}. */
  public boolean isInference() {
    return h().is_inference();
  }

  /**
   * Registers a hook run with this tensor's gradient each time it is computed, PyTorch's {@code
   * register_hook}. The hook may return a replacement gradient, or null to keep the gradient as is.
   * The gradient passed in is valid only during the call (it is closed afterwards: use {@code
   * clone()} to keep it). Hooks run on the thread that runs the backward pass.
   *
   * @return a handle whose {@code close()} removes the hook
   */
  public AutoCloseable registerHook(java.util.function.UnaryOperator<Tensor> hook) {
    return org.jtorch.internal.Autograds.registerHook(this, hook);
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
  // In-place filling from random distributions, and copy_

  /**
   * Fills this tensor with samples of U(from, to) from the default generator, PyTorch's {@code
   * uniform_}; returns this tensor.
   */
  public Tensor uniform_(double from, double to) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.uniform_(from, to, Natives.NO_GENERATOR));
  }

  /** Fills this tensor with samples of N(mean, std²), PyTorch's {@code normal_}. */
  public Tensor normal_(double mean, double std) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.normal_(mean, std, Natives.NO_GENERATOR));
  }

  /** Fills this tensor with 0/1 samples of Bernoulli(p), PyTorch's {@code bernoulli_(p)}. */
  public Tensor bernoulli_(double p) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.bernoulli_(p, Natives.NO_GENERATOR));
  }

  /** Fills this tensor with samples of Exp(lambd), PyTorch's {@code exponential_}. */
  public Tensor exponential_(double lambd) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.exponential_(lambd, Natives.NO_GENERATOR));
  }

  /** Fills this tensor with integers uniform in [from, to), PyTorch's {@code random_(from, to)}. */
  public Tensor random_(long from, long to) {
    org.bytedeco.pytorch.Tensor a = h();
    try (org.bytedeco.pytorch.LongOptional t = new org.bytedeco.pytorch.LongOptional(to)) {
      return Calls.inPlace(this, () -> a.random_(from, t, Natives.NO_GENERATOR));
    }
  }

  /** The error function, PyTorch's {@code erf}. */
  public Tensor erf() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::erf);
  }

  /** The complementary error function, PyTorch's {@code erfc}. */
  public Tensor erfc() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::erfc);
  }

  /** The inverse error function, PyTorch's {@code erfinv}. */
  public Tensor erfinv() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::erfinv);
  }

  /** In-place {@link #erfinv()}. */
  public Tensor erfinv_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::erfinv_);
  }

  /**
   * Copies {@code src}'s elements into this tensor (broadcasting, converting dtype and device),
   * PyTorch's {@code copy_}; returns this tensor.
   */
  public Tensor copy_(Tensor src) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = src.h();
    return Calls.inPlace(this, () -> a.copy_(b));
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

  /**
   * The value of a one-element tensor as a complex number, PyTorch's {@code item()} of a complex
   * tensor (a real tensor gives a zero imaginary part).
   *
   * @throws TorchException if the tensor does not have exactly one element
   */
  public Complex complexValue() {
    org.bytedeco.pytorch.Tensor a = h();
    return query(
        () -> {
          try (org.bytedeco.pytorch.Scalar s = a.item();
              org.bytedeco.pytorch.DoubleComplex c = s.toComplexDouble()) {
            return new Complex(c.real(), c.imag());
          }
        });
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
   * The value of a one-element tensor as a Java number, PyTorch's {@code item()}: a {@link Double}
   * for floating dtypes, a {@link Long} for integer dtypes and for {@code bool} (1 or 0, as
   * Python's {@code bool} is an {@code int}; {@link #booleanValue()} gives a {@code boolean}).
   * Where the type is known, {@link #doubleValue()}, {@link #longValue()} and the like avoid the
   * boxing.
   *
   * <pre>{@code
   * System.out.println("loss " + loss.item());   // loss 0.6931471824645996
   * }</pre>
   *
   * @throws TorchException if the tensor does not have exactly one element
   * @throws IllegalStateException for a complex tensor (use {@link #complexValue()})
   */
  public Number item() {
    DType d = dtype();
    if (d.isComplex()) {
      throw new IllegalStateException(
          "item() of a complex tensor has no Java number; use complexValue()");
    }
    return d.isFloatingPoint() ? (Number) doubleValue() : (Number) longValue();
  }

  /**
   * The data as nested Java lists, PyTorch's {@code tolist()}: a {@code List} per dimension
   * (unmodifiable) holding {@link Double}s for floating dtypes, {@link Long}s for integer dtypes
   * and {@link Boolean}s for {@code bool}; a 0-d tensor gives its value alone, as in Python. For
   * bulk numeric work, the flat {@code toXxxArray()} methods and {@link #toArray(Class)} avoid the
   * boxing.
   *
   * @throws IllegalStateException for a complex tensor (use {@link #toComplexArray()})
   */
  public Object tolist() {
    DType d = dtype();
    if (d.isComplex()) {
      throw new IllegalStateException(
          "tolist() of a complex tensor has no Java number; use toComplexArray()");
    }
    long[] shape = shape();
    Object flatArray =
        d == DType.BOOL ? toBooleanArray() : d.isFloatingPoint() ? toDoubleArray() : toLongArray();
    Object[] flat = new Object[java.lang.reflect.Array.getLength(flatArray)];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = java.lang.reflect.Array.get(flatArray, i); // boxed: Boolean, Double or Long
    }
    if (shape.length == 0) {
      return flat[0];
    }
    return nest(flat, shape, 0, 0);
  }

  private static List<Object> nest(Object[] flat, long[] shape, int dim, int offset) {
    int n = (int) shape[dim];
    if (dim == shape.length - 1) {
      return java.util.Collections.unmodifiableList(
          java.util.Arrays.asList(java.util.Arrays.copyOfRange(flat, offset, offset + n)));
    }
    int stride = 1;
    for (int k = dim + 1; k < shape.length; k++) {
      stride *= (int) shape[k];
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = nest(flat, shape, dim + 1, offset + i * stride);
    }
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
  }

  /**
   * A contiguous host copy of the data in {@code dtype}: this data itself where nothing needs to
   * change, else a new native tensor that the caller must close.
   */
  private org.bytedeco.pytorch.Tensor hostData(DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    if (device().type() == Device.Type.META) {
      throw new IllegalStateException(
          "a tensor on the meta device has no data to read (shape and dtype only)");
    }
    return query(
        () -> {
          // PyTorch's lazy conjugation and negation flags are applied before the data is read
          org.bytedeco.pytorch.Tensor cpu;
          try (org.bytedeco.pytorch.Tensor conj = a.resolve_conj();
              org.bytedeco.pytorch.Tensor resolved = conj.resolve_neg()) {
            cpu = resolved.is_cuda() ? resolved.cpu() : new org.bytedeco.pytorch.Tensor(resolved);
          }
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
   * <p>The tensor's storage becomes non-resizable, as a tensor made by Python's {@code
   * torch.from_numpy} is: a later {@code resize_} that needs more memory throws {@link
   * TorchException} ("Trying to resize storage that is not resizable") instead of moving the data
   * away from under the buffer. The buffer holds the storage itself, so {@code set_} or closing
   * the tensor leaves it valid too.
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
    // a tensor of the buffer's own over the same storage (a detached alias): closing or set_ on
    // this tensor leaves it, and so the storage and its bytes, alive
    org.bytedeco.pytorch.Tensor alias =
        query(
            () -> {
              a.storage().unsafeGetStorageImpl().set_resizable(false);
              return a.detach();
            });
    ByteBuffer buffer;
    if (bytes == 0) {
      buffer = ByteBuffer.allocateDirect(0);
    } else {
      Pointer data = a.data_ptr();
      buffer = new BytePointer(data).capacity(bytes).asByteBuffer();
    }
    CLEANER.register(buffer, alias::close);
    return buffer.order(ByteOrder.nativeOrder());
  }

  // ---------------------------------------------------------------------------------------------
  // Tensor vocabulary: pointwise, comparisons, reductions, sorting, shapes (region A)

  /** In place: {@link #neg()}, written into this tensor; returns this tensor. */
  public Tensor neg_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::neg_);
  }

  /** {@code |x|}, element-wise. PyTorch's {@code abs}. */
  public Tensor abs() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::abs);
  }

  /** In place: {@link #abs()}, written into this tensor; returns this tensor. */
  public Tensor abs_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::abs_);
  }

  /** {@code -1}, {@code 0} or {@code 1} by the sign of each element (bool stays bool), element-wise. PyTorch's {@code sign}. */
  public Tensor sign() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::sign);
  }

  /** In place: {@link #sign()}, written into this tensor; returns this tensor. */
  public Tensor sign_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::sign_);
  }

  /** Square root ({@code NaN} below zero), element-wise. PyTorch's {@code sqrt}. */
  public Tensor sqrt() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::sqrt);
  }

  /** In place: {@link #sqrt()}, written into this tensor; returns this tensor. */
  public Tensor sqrt_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::sqrt_);
  }

  /** {@code 1 / sqrt(x)}, element-wise. PyTorch's {@code rsqrt}. */
  public Tensor rsqrt() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::rsqrt);
  }

  /** In place: {@link #rsqrt()}, written into this tensor; returns this tensor. */
  public Tensor rsqrt_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::rsqrt_);
  }

  /** In place: {@link #exp()}, written into this tensor; returns this tensor. */
  public Tensor exp_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::exp_);
  }

  /** {@code e^x - 1}, accurate near zero, element-wise. PyTorch's {@code expm1}. */
  public Tensor expm1() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::expm1);
  }

  /** In place: {@link #expm1()}, written into this tensor; returns this tensor. */
  public Tensor expm1_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::expm1_);
  }

  /** In place: {@link #log()}, written into this tensor; returns this tensor. */
  public Tensor log_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::log_);
  }

  /** {@code log(1 + x)}, accurate near zero, element-wise. PyTorch's {@code log1p}. */
  public Tensor log1p() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::log1p);
  }

  /** In place: {@link #log1p()}, written into this tensor; returns this tensor. */
  public Tensor log1p_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::log1p_);
  }

  /** Base-2 logarithm, element-wise. PyTorch's {@code log2}. */
  public Tensor log2() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::log2);
  }

  /** In place: {@link #log2()}, written into this tensor; returns this tensor. */
  public Tensor log2_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::log2_);
  }

  /** Base-10 logarithm, element-wise. PyTorch's {@code log10}. */
  public Tensor log10() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::log10);
  }

  /** In place: {@link #log10()}, written into this tensor; returns this tensor. */
  public Tensor log10_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::log10_);
  }

  /** Sine, element-wise. PyTorch's {@code sin}. */
  public Tensor sin() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::sin);
  }

  /** In place: {@link #sin()}, written into this tensor; returns this tensor. */
  public Tensor sin_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::sin_);
  }

  /** Cosine, element-wise. PyTorch's {@code cos}. */
  public Tensor cos() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::cos);
  }

  /** In place: {@link #cos()}, written into this tensor; returns this tensor. */
  public Tensor cos_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::cos_);
  }

  /** Tangent, element-wise. PyTorch's {@code tan}. */
  public Tensor tan() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::tan);
  }

  /** In place: {@link #tan()}, written into this tensor; returns this tensor. */
  public Tensor tan_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::tan_);
  }

  /** Arcsine, element-wise. PyTorch's {@code asin}. */
  public Tensor asin() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::asin);
  }

  /** In place: {@link #asin()}, written into this tensor; returns this tensor. */
  public Tensor asin_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::asin_);
  }

  /** Arccosine, element-wise. PyTorch's {@code acos}. */
  public Tensor acos() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::acos);
  }

  /** In place: {@link #acos()}, written into this tensor; returns this tensor. */
  public Tensor acos_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::acos_);
  }

  /** Arctangent, element-wise. PyTorch's {@code atan}. */
  public Tensor atan() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::atan);
  }

  /** In place: {@link #atan()}, written into this tensor; returns this tensor. */
  public Tensor atan_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::atan_);
  }

  /** Hyperbolic sine, element-wise. PyTorch's {@code sinh}. */
  public Tensor sinh() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::sinh);
  }

  /** In place: {@link #sinh()}, written into this tensor; returns this tensor. */
  public Tensor sinh_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::sinh_);
  }

  /** Hyperbolic cosine, element-wise. PyTorch's {@code cosh}. */
  public Tensor cosh() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::cosh);
  }

  /** In place: {@link #cosh()}, written into this tensor; returns this tensor. */
  public Tensor cosh_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::cosh_);
  }

  /** Hyperbolic tangent, element-wise. PyTorch's {@code tanh}. */
  public Tensor tanh() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::tanh);
  }

  /** In place: {@link #tanh()}, written into this tensor; returns this tensor. */
  public Tensor tanh_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::tanh_);
  }

  /** The logistic function {@code 1 / (1 + e^-x)}, element-wise. PyTorch's {@code sigmoid}. */
  public Tensor sigmoid() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::sigmoid);
  }

  /** In place: {@link #sigmoid()}, written into this tensor; returns this tensor. */
  public Tensor sigmoid_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::sigmoid_);
  }

  /** Rounds up to an integer value (integer tensors unchanged), element-wise. PyTorch's {@code ceil}. */
  public Tensor ceil() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::ceil);
  }

  /** In place: {@link #ceil()}, written into this tensor; returns this tensor. */
  public Tensor ceil_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::ceil_);
  }

  /** Rounds down to an integer value (integer tensors unchanged), element-wise. PyTorch's {@code floor}. */
  public Tensor floor() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::floor);
  }

  /** In place: {@link #floor()}, written into this tensor; returns this tensor. */
  public Tensor floor_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::floor_);
  }

  /** Rounds half to even, like PyTorch (and NumPy): {@code round(2.5) == 2}, element-wise. PyTorch's {@code round}. */
  public Tensor round() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::round);
  }

  /** In place: {@link #round()}, written into this tensor; returns this tensor. */
  public Tensor round_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::round_);
  }

  /** Rounds toward zero, element-wise. PyTorch's {@code trunc}. */
  public Tensor trunc() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::trunc);
  }

  /** In place: {@link #trunc()}, written into this tensor; returns this tensor. */
  public Tensor trunc_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::trunc_);
  }

  /** The fractional part {@code x - trunc(x)}, with the sign of {@code x}, element-wise. PyTorch's {@code frac}. */
  public Tensor frac() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::frac);
  }

  /** In place: {@link #frac()}, written into this tensor; returns this tensor. */
  public Tensor frac_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::frac_);
  }

  /** {@code 1 / x} (integer tensors give float32), element-wise. PyTorch's {@code reciprocal}. */
  public Tensor reciprocal() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::reciprocal);
  }

  /** In place: {@link #reciprocal()}, written into this tensor; returns this tensor. */
  public Tensor reciprocal_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::reciprocal_);
  }

  /** Logical not: true where the element is zero; a bool tensor, element-wise. PyTorch's {@code logical_not}. */
  public Tensor logicalNot() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::logical_not);
  }

  /** In place: {@link #logicalNot()}, written into this tensor; returns this tensor. */
  public Tensor logicalNot_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::logical_not_);
  }

  /** Bitwise not of an integer or bool tensor, element-wise. PyTorch's {@code bitwise_not}. */
  public Tensor bitwiseNot() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::bitwise_not);
  }

  /** In place: {@link #bitwiseNot()}, written into this tensor; returns this tensor. */
  public Tensor bitwiseNot_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::bitwise_not_);
  }

  /** True where the element is NaN, element-wise. PyTorch's {@code isnan}. */
  public Tensor isnan() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::isnan);
  }

  /** True where the element is positive or negative infinity, element-wise. PyTorch's {@code isinf}. */
  public Tensor isinf() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::isinf);
  }

  /** True where the element is neither NaN nor infinite, element-wise. PyTorch's {@code isfinite}. */
  public Tensor isfinite() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::isfinite);
  }

  /** {@code this + value}. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor add(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::add);
  }

  /** In place: {@link #add(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor add_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.add_(b));
  }

  /** In place: {@link #add(long)} written into this tensor; returns this tensor. */
  public Tensor add_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::add_);
  }

  /** In place: {@link #add(double)} written into this tensor; returns this tensor. */
  public Tensor add_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::add_);
  }

  /** {@code this - value}. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor sub(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::sub);
  }

  /** In place: {@link #sub(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor sub_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.sub_(b));
  }

  /** In place: {@link #sub(long)} written into this tensor; returns this tensor. */
  public Tensor sub_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::sub_);
  }

  /** In place: {@link #sub(double)} written into this tensor; returns this tensor. */
  public Tensor sub_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::sub_);
  }

  /** {@code this * value}. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor mul(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::mul);
  }

  /** In place: {@link #mul(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor mul_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.mul_(b));
  }

  /** In place: {@link #mul(long)} written into this tensor; returns this tensor. */
  public Tensor mul_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::mul_);
  }

  /** In place: {@link #mul(double)} written into this tensor; returns this tensor. */
  public Tensor mul_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::mul_);
  }

  /** {@code this / value}, true division: integer inputs give a floating result. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor div(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::div);
  }

  /** In place: {@link #div(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor div_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.div_(b));
  }

  /** In place: {@link #div(long)} written into this tensor; returns this tensor. */
  public Tensor div_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::div_);
  }

  /** In place: {@link #div(double)} written into this tensor; returns this tensor. */
  public Tensor div_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::div_);
  }

  /** {@code this / other}, true division (an alias of {@link #div(Tensor)}), broadcasting. PyTorch's {@code true_divide}. */
  public Tensor trueDivide(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.true_divide(b));
  }

  /** {@code this / value}, true division (an alias of {@link #div(Tensor)}). An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor trueDivide(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::true_divide);
  }

  /** {@code this / value}, true division (an alias of {@link #div(Tensor)}). A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor trueDivide(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::true_divide);
  }

  /** In place: {@link #trueDivide(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor trueDivide_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.true_divide_(b));
  }

  /** In place: {@link #trueDivide(long)} written into this tensor; returns this tensor. */
  public Tensor trueDivide_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::true_divide_);
  }

  /** In place: {@link #trueDivide(double)} written into this tensor; returns this tensor. */
  public Tensor trueDivide_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::true_divide_);
  }

  /** {@code floor(this / other)}, Python's {@code //}: integers stay integers, broadcasting. PyTorch's {@code floor_divide}. */
  public Tensor floorDivide(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.floor_divide(b));
  }

  /** {@code floor(this / value)}, Python's {@code //}: integers stay integers. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor floorDivide(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::floor_divide);
  }

  /** {@code floor(this / value)}, Python's {@code //}: integers stay integers. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor floorDivide(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::floor_divide);
  }

  /** In place: {@link #floorDivide(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor floorDivide_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.floor_divide_(b));
  }

  /** In place: {@link #floorDivide(long)} written into this tensor; returns this tensor. */
  public Tensor floorDivide_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::floor_divide_);
  }

  /** In place: {@link #floorDivide(double)} written into this tensor; returns this tensor. */
  public Tensor floorDivide_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::floor_divide_);
  }

  /** Python's modulus {@code this % other}: the result has the sign of the divisor, broadcasting. PyTorch's {@code remainder}. */
  public Tensor remainder(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.remainder(b));
  }

  /** Python's modulus {@code this % value}: the result has the sign of the divisor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor remainder(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::remainder);
  }

  /** Python's modulus {@code this % value}: the result has the sign of the divisor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor remainder(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::remainder);
  }

  /** In place: {@link #remainder(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor remainder_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.remainder_(b));
  }

  /** In place: {@link #remainder(long)} written into this tensor; returns this tensor. */
  public Tensor remainder_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::remainder_);
  }

  /** In place: {@link #remainder(double)} written into this tensor; returns this tensor. */
  public Tensor remainder_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::remainder_);
  }

  /** {@code this ** exponent}, with PyTorch's type promotion (an integer tensor to a negative integer power fails), broadcasting. PyTorch's {@code pow}. */
  public Tensor pow(Tensor exponent) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = exponent.h();
    return op(() -> a.pow(b));
  }

  /** {@code this ** value}, with PyTorch's type promotion (an integer tensor to a negative integer power fails). An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor pow(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::pow);
  }

  /** {@code this ** value}, with PyTorch's type promotion (an integer tensor to a negative integer power fails). A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor pow(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::pow);
  }

  /** In place: {@link #pow(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor pow_(Tensor exponent) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = exponent.h();
    return Calls.inPlace(this, () -> a.pow_(b));
  }

  /** In place: {@link #pow(long)} written into this tensor; returns this tensor. */
  public Tensor pow_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::pow_);
  }

  /** In place: {@link #pow(double)} written into this tensor; returns this tensor. */
  public Tensor pow_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::pow_);
  }

  /** The angle of the point {@code (other, this)}: {@code atan(this / other)} in the right quadrant, broadcasting. PyTorch's {@code atan2}. */
  public Tensor atan2(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.atan2(b));
  }

  /** In place: {@link #atan2(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor atan2_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.atan2_(b));
  }

  /** Bitwise and of integer or bool tensors, broadcasting. PyTorch's {@code bitwise_and}. */
  public Tensor bitwiseAnd(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.bitwise_and(b));
  }

  /** Bitwise and of integer or bool tensors. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor bitwiseAnd(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::bitwise_and);
  }

  /** In place: {@link #bitwiseAnd(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor bitwiseAnd_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.bitwise_and_(b));
  }

  /** In place: {@link #bitwiseAnd(long)} written into this tensor; returns this tensor. */
  public Tensor bitwiseAnd_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::bitwise_and_);
  }

  /** Bitwise or of integer or bool tensors, broadcasting. PyTorch's {@code bitwise_or}. */
  public Tensor bitwiseOr(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.bitwise_or(b));
  }

  /** Bitwise or of integer or bool tensors. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor bitwiseOr(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::bitwise_or);
  }

  /** In place: {@link #bitwiseOr(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor bitwiseOr_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.bitwise_or_(b));
  }

  /** In place: {@link #bitwiseOr(long)} written into this tensor; returns this tensor. */
  public Tensor bitwiseOr_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::bitwise_or_);
  }

  /** Bitwise xor of integer or bool tensors, broadcasting. PyTorch's {@code bitwise_xor}. */
  public Tensor bitwiseXor(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.bitwise_xor(b));
  }

  /** Bitwise xor of integer or bool tensors. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor bitwiseXor(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::bitwise_xor);
  }

  /** In place: {@link #bitwiseXor(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor bitwiseXor_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.bitwise_xor_(b));
  }

  /** In place: {@link #bitwiseXor(long)} written into this tensor; returns this tensor. */
  public Tensor bitwiseXor_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::bitwise_xor_);
  }

  /** {@code this << other} on integer tensors, broadcasting. PyTorch's {@code bitwise_left_shift}. */
  public Tensor bitwiseLeftShift(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.bitwise_left_shift(b));
  }

  /** {@code this << value} on integer tensors. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor bitwiseLeftShift(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::bitwise_left_shift);
  }

  /** In place: {@link #bitwiseLeftShift(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor bitwiseLeftShift_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.bitwise_left_shift_(b));
  }

  /** In place: {@link #bitwiseLeftShift(long)} written into this tensor; returns this tensor. */
  public Tensor bitwiseLeftShift_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::bitwise_left_shift_);
  }

  /** {@code this >> other} (arithmetic shift) on integer tensors, broadcasting. PyTorch's {@code bitwise_right_shift}. */
  public Tensor bitwiseRightShift(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.bitwise_right_shift(b));
  }

  /** {@code this >> value} (arithmetic shift) on integer tensors. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor bitwiseRightShift(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::bitwise_right_shift);
  }

  /** In place: {@link #bitwiseRightShift(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor bitwiseRightShift_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.bitwise_right_shift_(b));
  }

  /** In place: {@link #bitwiseRightShift(long)} written into this tensor; returns this tensor. */
  public Tensor bitwiseRightShift_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::bitwise_right_shift_);
  }

  /** Logical and (non-zero is true); a bool tensor, broadcasting. PyTorch's {@code logical_and}. */
  public Tensor logicalAnd(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.logical_and(b));
  }

  /** In place: {@link #logicalAnd(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor logicalAnd_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.logical_and_(b));
  }

  /** Logical or (non-zero is true); a bool tensor, broadcasting. PyTorch's {@code logical_or}. */
  public Tensor logicalOr(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.logical_or(b));
  }

  /** In place: {@link #logicalOr(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor logicalOr_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.logical_or_(b));
  }

  /** Logical xor (non-zero is true); a bool tensor, broadcasting. PyTorch's {@code logical_xor}. */
  public Tensor logicalXor(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.logical_xor(b));
  }

  /** In place: {@link #logicalXor(Tensor)} written into this tensor (which must be able to hold the result's dtype and shape); returns this tensor. */
  public Tensor logicalXor_(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, () -> a.logical_xor_(b));
  }

  /** Element-wise maximum (NaN wins), broadcasting, broadcasting. PyTorch's {@code maximum}. */
  public Tensor maximum(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.maximum(b));
  }

  /** Element-wise minimum (NaN wins), broadcasting, broadcasting. PyTorch's {@code minimum}. */
  public Tensor minimum(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.minimum(b));
  }

  /** {@code this == other}, a bool tensor, broadcasting. PyTorch's {@code eq}. */
  public Tensor eq(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.eq(b));
  }

  /** {@code this == value}, a bool tensor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor eq(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::eq);
  }

  /** {@code this == value}, a bool tensor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor eq(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::eq);
  }

  /** {@code this != other}, a bool tensor, broadcasting. PyTorch's {@code ne}. */
  public Tensor ne(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.ne(b));
  }

  /** {@code this != value}, a bool tensor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor ne(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::ne);
  }

  /** {@code this != value}, a bool tensor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor ne(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::ne);
  }

  /** {@code this < other}, a bool tensor, broadcasting. PyTorch's {@code lt}. */
  public Tensor lt(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.lt(b));
  }

  /** {@code this < value}, a bool tensor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor lt(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::lt);
  }

  /** {@code this < value}, a bool tensor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor lt(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::lt);
  }

  /** {@code this <= other}, a bool tensor, broadcasting. PyTorch's {@code le}. */
  public Tensor le(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.le(b));
  }

  /** {@code this <= value}, a bool tensor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor le(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::le);
  }

  /** {@code this <= value}, a bool tensor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor le(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::le);
  }

  /** {@code this > other}, a bool tensor, broadcasting. PyTorch's {@code gt}. */
  public Tensor gt(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.gt(b));
  }

  /** {@code this > value}, a bool tensor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor gt(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::gt);
  }

  /** {@code this > value}, a bool tensor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor gt(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::gt);
  }

  /** {@code this >= other}, a bool tensor, broadcasting. PyTorch's {@code ge}. */
  public Tensor ge(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.ge(b));
  }

  /** {@code this >= value}, a bool tensor. An integral scalar: an integer tensor keeps its dtype, as with a Python {@code int}. */
  public Tensor ge(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::ge);
  }

  /** {@code this >= value}, a bool tensor. A floating scalar: an integer or bool tensor gives float32, as with a Python {@code float}. */
  public Tensor ge(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(value, a::ge);
  }

  /**
   * Rounds half to even to {@code decimals} decimal places (negative: to tens, hundreds...), as
   * PyTorch's {@code round(decimals=...)} does (by scaling, so not always the nearest decimal).
   */
  public Tensor round(long decimals) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.round(decimals));
  }

  /** In place: {@link #round(long)}; returns this tensor. */
  public Tensor round_(long decimals) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.round_(decimals));
  }

  /** {@code this + alpha * other}, PyTorch's {@code add(other, alpha=alpha)}, with an integral alpha. */
  public Tensor add(Tensor other, long alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.scalar(alpha, s -> a.add(b, s));
  }

  /**
   * {@code this + alpha * other}, PyTorch's {@code add(other, alpha=alpha)}. A floating alpha with
   * integer tensors fails, as in PyTorch.
   */
  public Tensor add(Tensor other, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.scalar(alpha, s -> a.add(b, s));
  }

  /** In place: {@link #add(Tensor, long)}; returns this tensor. */
  public Tensor add_(Tensor other, long alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, alpha, s -> a.add_(b, s));
  }

  /** In place: {@link #add(Tensor, double)}; returns this tensor. */
  public Tensor add_(Tensor other, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, alpha, s -> a.add_(b, s));
  }

  /** {@code this - alpha * other}, PyTorch's {@code sub(other, alpha=alpha)}, with an integral alpha. */
  public Tensor sub(Tensor other, long alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.scalar(alpha, s -> a.sub(b, s));
  }

  /** {@code this - alpha * other}, PyTorch's {@code sub(other, alpha=alpha)}. */
  public Tensor sub(Tensor other, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.scalar(alpha, s -> a.sub(b, s));
  }

  /** In place: {@link #sub(Tensor, long)}; returns this tensor. */
  public Tensor sub_(Tensor other, long alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, alpha, s -> a.sub_(b, s));
  }

  /** In place: {@link #sub(Tensor, double)}; returns this tensor. */
  public Tensor sub_(Tensor other, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return Calls.inPlace(this, alpha, s -> a.sub_(b, s));
  }

  /**
   * {@code this / other} with PyTorch's {@code rounding_mode}: {@code null} for true division,
   * {@code "trunc"} (toward zero, C's integer division) or {@code "floor"} (Python's {@code //}).
   * With a rounding mode, integer inputs give an integer result.
   *
   * @throws TorchException for another mode, or an integer division by zero
   */
  public Tensor div(Tensor other, String roundingMode) {
    Objects.requireNonNull(other, "other");
    return roundingMode == null ? div(other) : Calls.divMode(this, other, null, roundingMode, false);
  }

  /** {@link #div(Tensor, String)} by an integral scalar. */
  public Tensor div(long value, String roundingMode) {
    if (roundingMode == null) {
      return div(value);
    }
    try (Scalar s = new Scalar(value)) {
      return Calls.divMode(this, null, s, roundingMode, false);
    }
  }

  /** {@link #div(Tensor, String)} by a floating scalar. */
  public Tensor div(double value, String roundingMode) {
    if (roundingMode == null) {
      return div(value);
    }
    try (Scalar s = new Scalar(value)) {
      return Calls.divMode(this, null, s, roundingMode, false);
    }
  }

  /** In place: {@link #div(Tensor, String)}; returns this tensor. */
  public Tensor div_(Tensor other, String roundingMode) {
    Objects.requireNonNull(other, "other");
    return roundingMode == null ? div_(other) : Calls.divMode(this, other, null, roundingMode, true);
  }

  /** In place: {@link #div(long, String)}; returns this tensor. */
  public Tensor div_(long value, String roundingMode) {
    if (roundingMode == null) {
      return div_(value);
    }
    try (Scalar s = new Scalar(value)) {
      return Calls.divMode(this, null, s, roundingMode, true);
    }
  }

  /** In place: {@link #div(double, String)}; returns this tensor. */
  public Tensor div_(double value, String roundingMode) {
    if (roundingMode == null) {
      return div_(value);
    }
    try (Scalar s = new Scalar(value)) {
      return Calls.divMode(this, null, s, roundingMode, true);
    }
  }

  /**
   * Limits every element to {@code [min, max]}, PyTorch's {@code clamp}; a null bound is no bound
   * (at least one must be given). Floating bounds make an integer tensor float32, as in PyTorch.
   * A NaN element stays NaN.
   */
  public Tensor clamp(Double min, Double max) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> Calls.scalarOptionals(min, max, a::clamp));
  }

  /** {@link #clamp(Double, Double)} with both bounds. */
  public Tensor clamp(double min, double max) {
    return clamp(Double.valueOf(min), Double.valueOf(max));
  }

  /** {@link #clamp(Double, Double)} with integral bounds: an integer tensor keeps its dtype. */
  public Tensor clamp(long min, long max) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> Calls.scalarOptionals(min, max, a::clamp));
  }

  /** {@code clamp} with element-wise bounds (broadcasting); a null tensor is no bound. */
  public Tensor clamp(Tensor min, Tensor max) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> Calls.tensorOptionals(min, max, a::clamp));
  }

  /** In place: {@link #clamp(Double, Double)}; returns this tensor. */
  public Tensor clamp_(Double min, Double max) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> Calls.scalarOptionals(min, max, a::clamp_));
  }

  /** In place: {@link #clamp(double, double)}; returns this tensor. */
  public Tensor clamp_(double min, double max) {
    return clamp_(Double.valueOf(min), Double.valueOf(max));
  }

  /** In place: {@link #clamp(long, long)}; returns this tensor. */
  public Tensor clamp_(long min, long max) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> Calls.scalarOptionals(min, max, a::clamp_));
  }

  /** In place: {@link #clamp(Tensor, Tensor)}; returns this tensor. */
  public Tensor clamp_(Tensor min, Tensor max) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> Calls.tensorOptionals(min, max, a::clamp_));
  }

  /** {@code max(this, min)} element-wise, PyTorch's {@code clamp_min} / {@code clamp(min=...)}. */
  public Tensor clampMin(double min) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(min, a::clamp_min);
  }

  /** {@link #clampMin(double)} with an integral bound: an integer tensor keeps its dtype. */
  public Tensor clampMin(long min) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(min, a::clamp_min);
  }

  /** {@code min(this, max)} element-wise, PyTorch's {@code clamp_max} / {@code clamp(max=...)}. */
  public Tensor clampMax(double max) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(max, a::clamp_max);
  }

  /** {@link #clampMax(double)} with an integral bound: an integer tensor keeps its dtype. */
  public Tensor clampMax(long max) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(max, a::clamp_max);
  }

  /** Linear interpolation {@code this + weight * (end - this)} (floating tensors). */
  public Tensor lerp(Tensor end, double weight) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = end.h();
    return Calls.scalar(weight, s -> a.lerp(b, s));
  }

  /** Linear interpolation with element-wise weights (broadcasting). */
  public Tensor lerp(Tensor end, Tensor weight) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = end.h();
    org.bytedeco.pytorch.Tensor w = weight.h();
    return op(() -> a.lerp(b, w));
  }

  /** In place: {@link #lerp(Tensor, double)}; returns this tensor. */
  public Tensor lerp_(Tensor end, double weight) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = end.h();
    return Calls.inPlace(this, weight, s -> a.lerp_(b, s));
  }

  /** {@code this + value * tensor1 * tensor2}, broadcasting, PyTorch's {@code addcmul}. */
  public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = tensor1.h();
    org.bytedeco.pytorch.Tensor c = tensor2.h();
    return Calls.scalar(value, s -> a.addcmul(b, c, s));
  }

  /** In place: {@link #addcmul}; returns this tensor. */
  public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = tensor1.h();
    org.bytedeco.pytorch.Tensor c = tensor2.h();
    return Calls.inPlace(this, value, s -> a.addcmul_(b, c, s));
  }

  /** {@code this + value * tensor1 / tensor2}, broadcasting, PyTorch's {@code addcdiv}. */
  public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = tensor1.h();
    org.bytedeco.pytorch.Tensor c = tensor2.h();
    return Calls.scalar(value, s -> a.addcdiv(b, c, s));
  }

  /** In place: {@link #addcdiv}; returns this tensor. */
  public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = tensor1.h();
    org.bytedeco.pytorch.Tensor c = tensor2.h();
    return Calls.inPlace(this, value, s -> a.addcdiv_(b, c, s));
  }

  /** In place: {@link #lerp(Tensor, Tensor)}; returns this tensor. */
  public Tensor lerp_(Tensor end, Tensor weight) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = end.h();
    org.bytedeco.pytorch.Tensor w = weight.h();
    return Calls.inPlace(this, () -> a.lerp_(b, w));
  }

  /**
   * True where {@code |this - other| <= atol + rtol * |other|}, element-wise with broadcasting
   * (PyTorch's defaults {@code rtol=1e-5}, {@code atol=1e-8}; NaNs are not equal).
   */
  public Tensor isclose(Tensor other) {
    return isclose(other, 1e-5, 1e-8, false);
  }

  /** {@link #isclose(Tensor)} with explicit tolerances; {@code equalNan} makes NaN equal NaN. */
  public Tensor isclose(Tensor other, double rtol, double atol, boolean equalNan) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.isclose(b, rtol, atol, equalNan));
  }

  /** True where {@link #isclose(Tensor)} holds for every element (PyTorch's defaults). */
  public boolean allclose(Tensor other) {
    return allclose(other, 1e-5, 1e-8, false);
  }

  /** True where {@link #isclose(Tensor, double, double, boolean)} holds for every element. */
  public boolean allclose(Tensor other, double rtol, double atol, boolean equalNan) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return NativeCalls.query(() -> a.allclose(b, rtol, atol, equalNan));
  }

  /** NaN → 0, +inf → the dtype's largest value, -inf → its lowest, PyTorch's {@code nan_to_num}. */
  public Tensor nanToNum() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::nan_to_num);
  }

  /**
   * {@code nan_to_num} with replacements; a null one keeps the default (0, the largest value, the
   * lowest value).
   */
  public Tensor nanToNum(Double nan, Double posinf, Double neginf) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (org.bytedeco.pytorch.DoubleOptional n = Calls.doubleOptional(nan);
              org.bytedeco.pytorch.DoubleOptional p = Calls.doubleOptional(posinf);
              org.bytedeco.pytorch.DoubleOptional m = Calls.doubleOptional(neginf)) {
            return a.nan_to_num(n, p, m);
          }
        });
  }

  /** In place: {@link #nanToNum()}; returns this tensor. */
  public Tensor nanToNum_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::nan_to_num_);
  }

  /** In place: {@link #nanToNum(Double, Double, Double)}; returns this tensor. */
  public Tensor nanToNum_(Double nan, Double posinf, Double neginf) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(
        this,
        () -> {
          try (org.bytedeco.pytorch.DoubleOptional n = Calls.doubleOptional(nan);
              org.bytedeco.pytorch.DoubleOptional p = Calls.doubleOptional(posinf);
              org.bytedeco.pytorch.DoubleOptional m = Calls.doubleOptional(neginf)) {
            return a.nan_to_num_(n, p, m);
          }
        });
  }

  /**
   * This tensor where {@code condition} is true, else {@code other} (broadcasting), PyTorch's
   * {@code Tensor.where(condition, other)}: the same as {@code Torch.where(condition, this, other)}.
   */
  public Tensor where(Tensor condition, Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor c = condition.h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.where(c, b));
  }

  /** {@link #where(Tensor, Tensor)} with a floating scalar for the false places. */
  public Tensor where(Tensor condition, double other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor c = condition.h();
    return Calls.scalar(other, s -> a.where(c, s));
  }

  /** {@link #where(Tensor, Tensor)} with an integral scalar for the false places. */
  public Tensor where(Tensor condition, long other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor c = condition.h();
    return Calls.scalar(other, s -> a.where(c, s));
  }

  /** Sets every element to {@code value}; returns this tensor. */
  public Tensor fill_(double value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::fill_);
  }

  /** Sets every element to the integral {@code value} (exact for large int64 values); returns this tensor. */
  public Tensor fill_(long value) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, value, a::fill_);
  }

  /** Sets every element to zero; returns this tensor. */
  public Tensor zero_() {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, a::zero_);
  }

  // Reductions. A reduction over several dims takes them as a long[]; keepDim keeps each reduced
  // dim with size 1. Negative dims count from the end.

  /** The sum of all elements, accumulated and returned in {@code dtype} (null: PyTorch's default). */
  public Tensor sum(DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.sum(Natives.dtypeOptional(dtype)));
  }

  /** The sum over {@code dims}, in {@code dtype} (null: PyTorch's default). */
  public Tensor sum(long[] dims, boolean keepDim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.sum(d, keepDim, Natives.dtypeOptional(dtype)));
  }

  /** The sum of all elements, NaN counted as zero, PyTorch's {@code nansum}. */
  public Tensor nansum() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::nansum);
  }

  /** The sum over {@code dim}, NaN counted as zero. */
  public Tensor nansum(long dim) {
    return nansum(new long[] {dim}, false);
  }

  /** The sum over {@code dim}, NaN counted as zero; {@code dim} kept with size 1 if {@code keepDim}. */
  public Tensor nansum(long dim, boolean keepDim) {
    return nansum(new long[] {dim}, keepDim);
  }

  /** The sum over {@code dims}, NaN counted as zero. */
  public Tensor nansum(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.nansum(d, keepDim, Natives.NO_DTYPE));
  }

  /** The product of all elements, as a 0-d tensor (integers and bool multiply in int64). */
  public Tensor prod() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::prod);
  }

  /** The product of all elements, in {@code dtype} (null: PyTorch's default). */
  public Tensor prod(DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.prod(Natives.dtypeOptional(dtype)));
  }

  /** The product over {@code dim} (PyTorch's {@code prod} takes one dim only). */
  public Tensor prod(long dim) {
    return prod(dim, false, null);
  }

  /** The product over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor prod(long dim, boolean keepDim) {
    return prod(dim, keepDim, null);
  }

  /** The product over {@code dim}, in {@code dtype} (null: PyTorch's default). */
  public Tensor prod(long dim, boolean keepDim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.prod(dim, keepDim, Natives.dtypeOptional(dtype)));
  }

  /** The mean of all elements, computed and returned in {@code dtype} (null: this tensor's dtype). */
  public Tensor mean(DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.mean(Natives.dtypeOptional(dtype)));
  }

  /** The mean over {@code dims}, in {@code dtype} (null: this tensor's dtype). */
  public Tensor mean(long[] dims, boolean keepDim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.mean(d, keepDim, Natives.dtypeOptional(dtype)));
  }

  /** The mean of the non-NaN elements (NaN if there are none), PyTorch's {@code nanmean}. */
  public Tensor nanmean() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::nanmean);
  }

  /** The mean over {@code dim} of the non-NaN elements. */
  public Tensor nanmean(long dim) {
    return nanmean(new long[] {dim}, false);
  }

  /** The mean over {@code dim} of the non-NaN elements, kept with size 1 if {@code keepDim}. */
  public Tensor nanmean(long dim, boolean keepDim) {
    return nanmean(new long[] {dim}, keepDim);
  }

  /** The mean over {@code dims} of the non-NaN elements. */
  public Tensor nanmean(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.nanmean(d, keepDim, Natives.NO_DTYPE));
  }

  /** The standard deviation over {@code dims}, with Bessel's correction. */
  public Tensor std(long[] dims, boolean keepDim) {
    return std(dims, 1, keepDim);
  }

  /**
   * The standard deviation over {@code dims} (null: all of them) with PyTorch's {@code
   * correction}: the divisor is {@code N - correction} (1 is Bessel's correction, 0 the population
   * value). Fewer than {@code correction + 1} elements give NaN or inf, as in PyTorch.
   */
  public Tensor std(long[] dims, double correction, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> Reductions.stdVar(a, true, dims, correction, keepDim));
  }

  /** The variance of all elements, with Bessel's correction. */
  public Tensor var() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::var);
  }

  /** The variance over {@code dim}, with Bessel's correction. */
  public Tensor var(long dim) {
    return var(new long[] {dim}, 1, false);
  }

  /** The variance over {@code dim}, with Bessel's correction, kept with size 1 if {@code keepDim}. */
  public Tensor var(long dim, boolean keepDim) {
    return var(new long[] {dim}, 1, keepDim);
  }

  /** The variance over {@code dims}, with Bessel's correction. */
  public Tensor var(long[] dims, boolean keepDim) {
    return var(dims, 1, keepDim);
  }

  /** The variance over {@code dims} (null: all of them) with PyTorch's {@code correction}. */
  public Tensor var(long[] dims, double correction, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> Reductions.stdVar(a, false, dims, correction, keepDim));
  }

  /**
   * The median of all elements, as a 0-d tensor: for an even count the lower of the two middle
   * values (PyTorch's rule, not their mean); NaN if any element is NaN.
   */
  public Tensor median() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::median);
  }

  /** The lower medians along {@code dim} and their indices. */
  public ValuesIndices median(long dim) {
    return median(dim, false);
  }

  /** The lower medians along {@code dim} and their indices, {@code dim} kept if {@code keepDim}. */
  public ValuesIndices median(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.median(dim, keepDim));
  }

  /** {@link #median()} ignoring NaNs (NaN only where every element is NaN). */
  public Tensor nanmedian() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::nanmedian);
  }

  /** {@link #median(long)} ignoring NaNs. */
  public ValuesIndices nanmedian(long dim) {
    return nanmedian(dim, false);
  }

  /** {@link #median(long, boolean)} ignoring NaNs. */
  public ValuesIndices nanmedian(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.nanmedian(dim, keepDim));
  }

  /**
   * The most frequent value along the last dim (the smallest of equally frequent ones) and an index
   * where it occurs, PyTorch's {@code mode()}.
   */
  public ValuesIndices mode() {
    return mode(-1, false);
  }

  /** The most frequent values along {@code dim} and an index of each. */
  public ValuesIndices mode(long dim) {
    return mode(dim, false);
  }

  /** The most frequent values along {@code dim}, kept with size 1 if {@code keepDim}. */
  public ValuesIndices mode(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.mode(dim, keepDim));
  }

  /** The smallest element, as a 0-d tensor, PyTorch's {@code amin()} (no indices). */
  public Tensor amin() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::amin);
  }

  /** The smallest values over {@code dim} (no indices). */
  public Tensor amin(long dim) {
    return amin(new long[] {dim}, false);
  }

  /** The smallest values over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor amin(long dim, boolean keepDim) {
    return amin(new long[] {dim}, keepDim);
  }

  /** The smallest values over {@code dims}. */
  public Tensor amin(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.amin(d, keepDim));
  }

  /** The largest element, as a 0-d tensor, PyTorch's {@code amax()} (no indices). */
  public Tensor amax() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::amax);
  }

  /** The largest values over {@code dim} (no indices). */
  public Tensor amax(long dim) {
    return amax(new long[] {dim}, false);
  }

  /** The largest values over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor amax(long dim, boolean keepDim) {
    return amax(new long[] {dim}, keepDim);
  }

  /** The largest values over {@code dims}. */
  public Tensor amax(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.amax(d, keepDim));
  }

  /** The smallest and the largest element, each a 0-d tensor, PyTorch's {@code aminmax()}. */
  public MinMax aminmax() {
    org.bytedeco.pytorch.Tensor a = h();
    Tensor[] r = NativeCalls.pair(a::aminmax);
    return new MinMax(r[0], r[1]);
  }

  /** The smallest and the largest values along {@code dim}. */
  public MinMax aminmax(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    Tensor[] r =
        NativeCalls.pair(
            () -> a.aminmax(NativeCalls.dim(dim), keepDim));
    return new MinMax(r[0], r[1]);
  }

  /** True (a 0-d bool tensor) if every element is non-zero; uint8 tensors give uint8, as in PyTorch. */
  public Tensor all() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::all);
  }

  /** {@link #all()} over {@code dim}. */
  public Tensor all(long dim) {
    return all(dim, false);
  }

  /** {@link #all()} over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor all(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.all(dim, keepDim));
  }

  /** {@link #all()} over {@code dims}. */
  public Tensor all(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.all(d, keepDim));
  }

  /** True (a 0-d bool tensor) if any element is non-zero. */
  public Tensor any() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::any);
  }

  /** {@link #any()} over {@code dim}. */
  public Tensor any(long dim) {
    return any(dim, false);
  }

  /** {@link #any()} over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor any(long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.any(dim, keepDim));
  }

  /** {@link #any()} over {@code dims}. */
  public Tensor any(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.any(d, keepDim));
  }

  /** The 2-norm of all elements (as a flat vector), PyTorch's {@code norm()}. */
  public Tensor norm() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::norm);
  }

  /**
   * The {@code p}-norm of all elements as a flat vector; {@code p} may be {@code
   * Double.POSITIVE_INFINITY} (max |x|), 0 (count of non-zeros) or any real. Floating tensors only.
   */
  public Tensor norm(double p) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.scalar(p, a::norm);
  }

  /** The {@code p}-norm over {@code dims}. */
  public Tensor norm(double p, long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(
        () -> {
          try (Scalar s = new Scalar(p);
              org.bytedeco.pytorch.ScalarOptional o = new org.bytedeco.pytorch.ScalarOptional(s)) {
            return a.norm(o, d, keepDim);
          }
        });
  }

  /** {@code log(sum(exp(x)))} over {@code dim}, computed stably. */
  public Tensor logsumexp(long dim) {
    return logsumexp(new long[] {dim}, false);
  }

  /** {@code log(sum(exp(x)))} over {@code dim}, kept with size 1 if {@code keepDim}. */
  public Tensor logsumexp(long dim, boolean keepDim) {
    return logsumexp(new long[] {dim}, keepDim);
  }

  /** {@code log(sum(exp(x)))} over {@code dims}; integer inputs give float32. */
  public Tensor logsumexp(long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.logsumexp(d, keepDim));
  }

  /** The number of non-zero elements, as a 0-d int64 tensor, PyTorch's {@code count_nonzero}. */
  public Tensor countNonzero() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::count_nonzero);
  }

  /** The number of non-zero elements over {@code dim} (never kept). */
  public Tensor countNonzero(long dim) {
    return countNonzero(new long[] {dim});
  }

  /** The number of non-zero elements over {@code dims}. */
  public Tensor countNonzero(long[] dims) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.count_nonzero(d));
  }

  /** Cumulative sums along {@code dim} (integers and bool accumulate in int64). */
  public Tensor cumsum(long dim) {
    return cumsum(dim, null);
  }

  /** Cumulative sums along {@code dim}, in {@code dtype} (null: PyTorch's default). */
  public Tensor cumsum(long dim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.cumsum(dim, Natives.dtypeOptional(dtype)));
  }

  /** In place: {@link #cumsum(long)}; returns this tensor. */
  public Tensor cumsum_(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.cumsum_(dim));
  }

  /** Cumulative products along {@code dim} (integers and bool accumulate in int64). */
  public Tensor cumprod(long dim) {
    return cumprod(dim, null);
  }

  /** Cumulative products along {@code dim}, in {@code dtype} (null: PyTorch's default). */
  public Tensor cumprod(long dim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.cumprod(dim, Natives.dtypeOptional(dtype)));
  }

  /** In place: {@link #cumprod(long)}; returns this tensor. */
  public Tensor cumprod_(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.inPlace(this, () -> a.cumprod_(dim));
  }

  /**
   * The running maximum along {@code dim} and the index where each was found (the last index on
   * ties; a NaN, once seen, stays the maximum), PyTorch's {@code cummax}.
   */
  public ValuesIndices cummax(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.cummax(dim));
  }

  /** The running minimum along {@code dim} and its indices, PyTorch's {@code cummin}. */
  public ValuesIndices cummin(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.cummin(dim));
  }

  // Sorting and selection

  /** Sorts along the last dim, ascending: the values and their original indices. */
  public ValuesIndices sort() {
    return sort(-1, false);
  }

  /** Sorts along {@code dim}, ascending (NaN sorts last, as the largest value). */
  public ValuesIndices sort(long dim) {
    return sort(dim, false);
  }

  /**
   * Sorts along {@code dim}. Without {@code stable}, the order of equal elements is what LibTorch's
   * CPU kernel gives, as in PyTorch.
   */
  public ValuesIndices sort(long dim, boolean descending) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.sort(dim, descending));
  }

  /** Sorts along {@code dim}; {@code stable} keeps equal elements in their original order. */
  public ValuesIndices sort(long dim, boolean descending, boolean stable) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(
        () -> {
          try (org.bytedeco.pytorch.BoolOptional s = new org.bytedeco.pytorch.BoolOptional(stable)) {
            return a.sort(s, dim, descending);
          }
        });
  }

  /** The indices that sort the last dim ascending, PyTorch's {@code argsort()}. */
  public Tensor argsort() {
    return argsort(-1, false);
  }

  /** The indices that sort {@code dim} ascending. */
  public Tensor argsort(long dim) {
    return argsort(dim, false);
  }

  /** The indices that sort {@code dim}. */
  public Tensor argsort(long dim, boolean descending) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.argsort(dim, descending));
  }

  /** The indices that sort {@code dim}; {@code stable} keeps equal elements in order. */
  public Tensor argsort(long dim, boolean descending, boolean stable) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.argsort(stable, dim, descending));
  }

  /** Sorts along the first dim, ascending, PyTorch's {@code msort()} (values only). */
  public Tensor msort() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::msort);
  }

  /** The {@code k} largest elements along the last dim, sorted, and their indices. */
  public ValuesIndices topk(long k) {
    return topk(k, -1, true, true);
  }

  /** The {@code k} largest elements along {@code dim}, sorted, and their indices. */
  public ValuesIndices topk(long k, long dim) {
    return topk(k, dim, true, true);
  }

  /**
   * The {@code k} largest (or, if not {@code largest}, smallest) elements along {@code dim} and
   * their indices; {@code sorted} orders them.
   *
   * @throws TorchException if {@code k} exceeds the size of {@code dim}
   */
  public ValuesIndices topk(long k, long dim, boolean largest, boolean sorted) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.topk(k, dim, largest, sorted));
  }

  /** The {@code k}-th smallest element (1-based) along the last dim and its index. */
  public ValuesIndices kthvalue(long k) {
    return kthvalue(k, -1, false);
  }

  /** The {@code k}-th smallest element (1-based) along {@code dim} and its index. */
  public ValuesIndices kthvalue(long k, long dim) {
    return kthvalue(k, dim, false);
  }

  /** The {@code k}-th smallest element along {@code dim}, kept with size 1 if {@code keepDim}. */
  public ValuesIndices kthvalue(long k, long dim, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return pair(() -> a.kthvalue(k, dim, keepDim));
  }

  /** The distinct elements, sorted, as a 1-d tensor (PyTorch's {@code unique()}). */
  public Unique unique() {
    return unique(true, false, false);
  }

  /**
   * The distinct elements of the flattened tensor, PyTorch's {@code unique(sorted, return_inverse,
   * return_counts)}. Unlike PyTorch, the result is always a {@link Unique} record, whose inverse
   * indices (shaped like this tensor) and counts are null unless asked for. Each NaN is distinct.
   */
  public Unique unique(boolean sorted, boolean returnInverse, boolean returnCounts) {
    return Reductions.unique(Calls.unique2(this, sorted, returnInverse, returnCounts), returnInverse, returnCounts);
  }

  /** The distinct slices along {@code dim} (PyTorch's {@code unique(..., dim=dim)}). */
  public Unique unique(boolean sorted, boolean returnInverse, boolean returnCounts, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    Tensor[] r =
        NativeCalls.triple(() -> org.bytedeco.pytorch.global.torch.unique_dim(a, dim, sorted, returnInverse, returnCounts));
    return Reductions.unique(r, returnInverse, returnCounts);
  }

  // Shapes. Views share this tensor's storage, as in PyTorch.

  /** All dims flattened into one: a 1-d tensor (a view where possible). 0-d gives shape [1]. */
  public Tensor flatten() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::flatten);
  }

  /** Dims {@code startDim} to the last flattened into one. */
  public Tensor flatten(long startDim) {
    return flatten(startDim, -1);
  }

  /** Dims {@code startDim} to {@code endDim} (inclusive) flattened into one. */
  public Tensor flatten(long startDim, long endDim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.flatten(startDim, endDim));
  }

  /** Dim {@code dim} split into {@code sizes} (one may be -1), PyTorch's {@code unflatten}. */
  public Tensor unflatten(long dim, long... sizes) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = sizes.clone();
    return op(() -> a.unflatten(dim, s));
  }

  /** Removes every dim of size 1. */
  public Tensor squeeze() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::squeeze);
  }

  /** Removes {@code dim} if its size is 1 (else returns the same shape, as PyTorch does). */
  public Tensor squeeze(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.squeeze(dim));
  }

  /** Removes those of {@code dims} whose size is 1. */
  public Tensor squeeze(long[] dims) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.squeeze(d));
  }

  /** Inserts a dim of size 1 at {@code dim} (from {@code -dim()-1} to {@code dim()}). */
  public Tensor unsqueeze(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.unsqueeze(dim));
  }

  /** A view with the dims reordered: dim {@code i} of the result is dim {@code dims[i]} of this. */
  public Tensor permute(long... dims) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.permute(d));
  }

  /** A view with dims {@code dim0} and {@code dim1} swapped. */
  public Tensor transpose(long dim0, long dim1) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.transpose(dim0, dim1));
  }

  /** The transpose of a tensor of at most 2 dims (0-d and 1-d come back unchanged). */
  public Tensor t() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::t);
  }

  /** The last two dims swapped (a batch of matrices transposed), PyTorch's {@code mT}. */
  public Tensor mT() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::mT);
  }

  /**
   * A view with size-1 dims repeated to {@code sizes} (-1 keeps a size; new leading dims may be
   * added), without copying.
   */
  public Tensor expand(long... sizes) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = sizes.clone();
    return op(() -> a.expand(s));
  }

  /** {@link #expand} to {@code other}'s shape. */
  public Tensor expandAs(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.expand_as(b));
  }

  /** This tensor broadcast to {@code shape}, PyTorch's {@code broadcast_to}. */
  public Tensor broadcastTo(long... shape) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = shape.clone();
    return op(() -> a.broadcast_to(s));
  }

  /** The data repeated {@code repeats[i]} times along each dim (a copy), PyTorch's {@code repeat}. */
  public Tensor repeat(long... repeats) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] r = repeats.clone();
    return op(() -> a.repeat(r));
  }

  /** {@link #repeat} that also accepts fewer repeats than dims (leading ones are 1). */
  public Tensor tile(long... dims) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.tile(d));
  }

  /** The elements in reverse order along each of {@code dims} (a copy). */
  public Tensor flip(long... dims) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] d = dims.clone();
    return op(() -> a.flip(d));
  }

  /** The flattened elements rotated by {@code shift} places, then reshaped back. */
  public Tensor roll(long shift) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = {shift};
    return op(() -> a.roll(s));
  }

  /** The elements rotated by {@code shift} places along {@code dim}. */
  public Tensor roll(long shift, long dim) {
    return roll(new long[] {shift}, new long[] {dim});
  }

  /** The elements rotated by {@code shifts[i]} places along {@code dims[i]}. */
  public Tensor roll(long[] shifts, long[] dims) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = shifts.clone();
    long[] d = dims.clone();
    return op(() -> a.roll(s, d));
  }

  /** A view of {@code length} elements of {@code dim} from {@code start} (negative counts from the end). */
  public Tensor narrow(long dim, long start, long length) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.narrow(dim, start, length));
  }

  /**
   * The view at position {@code index} of dimension {@code dim}, which that dimension is removed
   * from, PyTorch's {@code select} (what {@code t[i]} does for dim 0).
   */
  public Tensor select(long dim, long index) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.select(dim, index));
  }

  /**
   * The view of the diagonal of the 2-D slices over dims {@code dim1} and {@code dim2}, shifted by
   * {@code offset} (above the main diagonal if positive), as the last dimension, PyTorch's {@code
   * diagonal}.
   */
  public Tensor diagonal(long offset, long dim1, long dim2) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.diagonal(offset, dim1, dim2));
  }

  /** {@link #diagonal(long, long, long)} of dims 0 and 1, offset 0. */
  public Tensor diagonal() {
    return diagonal(0, 0, 1);
  }

  /** A view with dim {@code source} moved to position {@code destination}. */
  public Tensor movedim(long source, long destination) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.movedim(source, destination));
  }

  /** A view with dims {@code source[i]} moved to positions {@code destination[i]}. */
  public Tensor movedim(long[] source, long[] destination) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = source.clone();
    long[] d = destination.clone();
    return op(() -> a.movedim(s, d));
  }

  // Splitting (views of this tensor)

  /** Pieces of {@code splitSize} along dim 0 (the last may be smaller). */
  public java.util.List<Tensor> split(long splitSize) {
    return split(splitSize, 0);
  }

  /** Pieces of {@code splitSize} along {@code dim} (the last may be smaller). */
  public java.util.List<Tensor> split(long splitSize, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.list(() -> a.split(splitSize, dim));
  }

  /** Pieces of the given sizes along dim 0; the sizes must add up to its length. */
  public java.util.List<Tensor> split(long[] sizes) {
    return split(sizes, 0);
  }

  /** Pieces of the given sizes along {@code dim}; the sizes must add up to its length. */
  public java.util.List<Tensor> split(long[] sizes, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] s = sizes.clone();
    return Calls.list(() -> a.split(s, dim));
  }

  /** At most {@code chunks} pieces of equal size (the last may be smaller) along dim 0. */
  public java.util.List<Tensor> chunk(long chunks) {
    return chunk(chunks, 0);
  }

  /** At most {@code chunks} pieces along {@code dim}, PyTorch's {@code chunk}. */
  public java.util.List<Tensor> chunk(long chunks, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.list(() -> a.chunk(chunks, dim));
  }

  /** The slices along dim 0, each without that dim. */
  public java.util.List<Tensor> unbind() {
    return unbind(0);
  }

  /** The slices along {@code dim}, each without that dim. */
  public java.util.List<Tensor> unbind(long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.list(() -> a.unbind(dim));
  }

  /** {@code sections} pieces along dim 0 whose sizes differ by at most one, NumPy's {@code array_split}. */
  public java.util.List<Tensor> tensorSplit(long sections) {
    return tensorSplit(sections, 0);
  }

  /** {@code sections} pieces along {@code dim} whose sizes differ by at most one. */
  public java.util.List<Tensor> tensorSplit(long sections, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    return Calls.list(() -> a.tensor_split(sections, dim));
  }

  /** Pieces along {@code dim} cut before each of {@code indices}, PyTorch's {@code tensor_split}. */
  public java.util.List<Tensor> tensorSplit(long[] indices, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    long[] i = indices.clone();
    return Calls.list(() -> a.tensor_split(i, dim));
  }

  // Softmax, differences, histograms

  /** Softmax along {@code dim}, computed in {@code dtype} (the input is cast first). */
  public Tensor softmax(long dim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.softmax(dim, Natives.dtypeOptional(dtype)));
  }

  /** Log-softmax along {@code dim}, computed in {@code dtype} (the input is cast first). */
  public Tensor logSoftmax(long dim, DType dtype) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.log_softmax(dim, Natives.dtypeOptional(dtype)));
  }

  /** Differences of neighbours along the last dim, {@code x[i+1] - x[i]} (bool: xor). */
  public Tensor diff() {
    return diff(1, -1, null, null);
  }

  /** The {@code n}-th forward difference along {@code dim}. */
  public Tensor diff(long n, long dim) {
    return diff(n, dim, null, null);
  }

  /** {@link #diff(long, long)} of this tensor with {@code prepend} and {@code append} (nullable) joined on. */
  public Tensor diff(long n, long dim, Tensor prepend, Tensor append) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> Calls.tensorOptionals(prepend, append, (p, q) -> a.diff(n, dim, p, q)));
  }

  /** A histogram of 100 equal bins between the minimum and the maximum (floating tensors). */
  public Tensor histc() {
    return histc(100, 0, 0);
  }

  /**
   * A histogram of {@code bins} equal bins over {@code [min, max]} (both 0: the data's range);
   * elements outside are ignored.
   */
  public Tensor histc(long bins, double min, double max) {
    org.bytedeco.pytorch.Tensor a = h();
    return op(
        () -> {
          try (Scalar lo = new Scalar(min);
              Scalar hi = new Scalar(max)) {
            return a.histc(bins, lo, hi);
          }
        });
  }

  /** How often each value {@code 0..max} occurs in this 1-d non-negative integer tensor. */
  public Tensor bincount() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::bincount);
  }

  /**
   * {@link #bincount()} summing {@code weights} (nullable, same length) instead of counting, with
   * at least {@code minlength} bins.
   */
  public Tensor bincount(Tensor weights, long minlength) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor w = weights == null ? null : weights.h();
    return op(
        () -> {
          try (org.bytedeco.pytorch.TensorOptional o = w == null ? new org.bytedeco.pytorch.TensorOptional() : new org.bytedeco.pytorch.TensorOptional(w)) {
            return a.bincount(o, minlength);
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Indexing, complex numbers (region B)

  /**
   * PyTorch's {@code t[indices]}: basic indexing (integers, slices, {@link Index#ELLIPSIS}, {@link
   * Index#NONE}) gives a view of this tensor, advanced indexing (index tensors, masks) a copy.
   *
   * <pre>{@code
   * Tensor row = x.index(Index.of(-1));                          // x[-1]
   * Tensor cols = x.index(Index.ALL, Index.slice(0L, null, 2L)); // x[:, 0::2]
   * Tensor pos = x.index(Index.of(x.gt(0)));                     // x[x > 0]
   * }</pre>
   *
   * @throws TorchException for an integer out of range, too many indices, a mask of the wrong
   *     shape, a step that is not positive
   */
  public Tensor index(Index... indices) {
    return Indexing.get(this, indices);
  }

  /**
   * PyTorch's {@code t[indices] = value}: writes {@code value} (broadcast, and converted to this
   * dtype where basic indexing selects a view) into the selected elements. Returns this tensor.
   */
  public Tensor indexPut_(Index[] indices, Tensor value) {
    Indexing.put(this, indices, value);
    return this;
  }

  /** PyTorch's {@code t[indices] = value} with a number. Returns this tensor. */
  public Tensor indexPut_(Index[] indices, double value) {
    Indexing.put(this, indices, value);
    return this;
  }

  /** The entries at positions {@code index} (a 1-d integer tensor) along {@code dim}: a copy. */
  public Tensor indexSelect(long dim, Tensor index) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    return op(() -> a.index_select(dim, i));
  }

  /**
   * PyTorch's {@code gather}: {@code out[i][j] = this[index[i][j]][j]} for {@code dim = 0} (and so
   * on for other dims); the result has {@code index}'s shape.
   */
  public Tensor gather(long dim, Tensor index) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    return op(() -> a.gather(dim, i));
  }

  /** A copy of this tensor with {@code src}'s values written at {@code index} along {@code dim}. */
  public Tensor scatter(long dim, Tensor index, Tensor src) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    return op(() -> a.scatter(dim, i, s));
  }

  /** A copy of this tensor with {@code value} written at {@code index} along {@code dim}. */
  public Tensor scatter(long dim, Tensor index, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    return op(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.scatter(dim, i, v);
          }
        });
  }

  /**
   * PyTorch's {@code scatter(dim, index, src, reduce=...)} with {@code reduce} "add" or
   * "multiply"; for "sum", "prod", "mean", "amax" and "amin" use {@link #scatterReduce}.
   */
  public Tensor scatter(long dim, Tensor index, Tensor src, String reduce) {
    Objects.requireNonNull(reduce, "reduce");
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    return op(() -> a.scatter(dim, i, s, reduce));
  }

  /** {@link #scatter(long, Tensor, Tensor, String)} with a number for every source value. */
  public Tensor scatter(long dim, Tensor index, double value, String reduce) {
    Objects.requireNonNull(reduce, "reduce");
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    return op(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.scatter(dim, i, v, reduce);
          }
        });
  }

  /** In-place {@link #scatter(long, Tensor, Tensor)}; returns this tensor. */
  public Tensor scatter_(long dim, Tensor index, Tensor src) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    query(() -> a.scatter_(dim, i, s));
    return this;
  }

  /** In-place {@link #scatter(long, Tensor, double)}; returns this tensor. */
  public Tensor scatter_(long dim, Tensor index, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    query(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.scatter_(dim, i, v);
          }
        });
    return this;
  }

  /** In-place {@link #scatter(long, Tensor, Tensor, String)}; returns this tensor. */
  public Tensor scatter_(long dim, Tensor index, Tensor src, String reduce) {
    Objects.requireNonNull(reduce, "reduce");
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    query(() -> a.scatter_(dim, i, s, reduce));
    return this;
  }

  /** In-place {@link #scatter(long, Tensor, double, String)}; returns this tensor. */
  public Tensor scatter_(long dim, Tensor index, double value, String reduce) {
    Objects.requireNonNull(reduce, "reduce");
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    query(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.scatter_(dim, i, v, reduce);
          }
        });
    return this;
  }

  /** A copy of this tensor with {@code src}'s values added at {@code index} along {@code dim}. */
  public Tensor scatterAdd(long dim, Tensor index, Tensor src) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    return op(() -> a.scatter_add(dim, i, s));
  }

  /** In-place {@link #scatterAdd}; returns this tensor. */
  public Tensor scatterAdd_(long dim, Tensor index, Tensor src) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    query(() -> a.scatter_add_(dim, i, s));
    return this;
  }

  /**
   * PyTorch's {@code scatter_reduce(dim, index, src, reduce)} with {@code include_self=True}:
   * {@code reduce} is "sum", "prod", "mean", "amax" or "amin".
   */
  public Tensor scatterReduce(long dim, Tensor index, Tensor src, String reduce) {
    return scatterReduce(dim, index, src, reduce, true);
  }

  /**
   * PyTorch's {@code scatter_reduce}: reduces {@code src}'s values into the positions {@code
   * index} along {@code dim}, with this tensor's values too if {@code includeSelf}.
   */
  public Tensor scatterReduce(long dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
    Objects.requireNonNull(reduce, "reduce");
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    return op(() -> a.scatter_reduce(dim, i, s, reduce, includeSelf));
  }

  /** In-place {@link #scatterReduce(long, Tensor, Tensor, String)}; returns this tensor. */
  public Tensor scatterReduce_(long dim, Tensor index, Tensor src, String reduce) {
    return scatterReduce_(dim, index, src, reduce, true);
  }

  /** In-place {@link #scatterReduce(long, Tensor, Tensor, String, boolean)}; returns this tensor. */
  public Tensor scatterReduce_(long dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
    Objects.requireNonNull(reduce, "reduce");
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = src.h();
    query(() -> a.scatter_reduce_(dim, i, s, reduce, includeSelf));
    return this;
  }

  /** The elements at positions {@code index} of the flattened tensor; shaped like {@code index}. */
  public Tensor take(Tensor index) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    return op(() -> a.take(i));
  }

  /** The elements where {@code mask} (bool, broadcast to this shape) is true, as a 1-d copy. */
  public Tensor maskedSelect(Tensor mask) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor m = mask.h();
    return op(() -> a.masked_select(m));
  }

  /** A copy of this tensor with {@code value} where {@code mask} (bool, broadcast) is true. */
  public Tensor maskedFill(Tensor mask, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor m = mask.h();
    return op(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.masked_fill(m, v);
          }
        });
  }

  /** A copy of this tensor with {@code value} (a 0-d tensor) where {@code mask} is true. */
  public Tensor maskedFill(Tensor mask, Tensor value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor m = mask.h();
    org.bytedeco.pytorch.Tensor v = value.h();
    return op(() -> a.masked_fill(m, v));
  }

  /** In-place {@link #maskedFill(Tensor, double)}; returns this tensor. */
  public Tensor maskedFill_(Tensor mask, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor m = mask.h();
    query(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.masked_fill_(m, v);
          }
        });
    return this;
  }

  /** In-place {@link #maskedFill(Tensor, Tensor)}; returns this tensor. */
  public Tensor maskedFill_(Tensor mask, Tensor value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor m = mask.h();
    org.bytedeco.pytorch.Tensor v = value.h();
    query(() -> a.masked_fill_(m, v));
    return this;
  }

  /** The indices of the non-zero elements, one row each: an int64 tensor of shape (n, dim()). */
  public Tensor nonzero() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::nonzero);
  }

  /**
   * PyTorch's {@code nonzero(as_tuple=True)}: one 1-d int64 tensor of indices per dimension (a
   * 0-d tensor gives one, as in PyTorch).
   */
  public java.util.List<Tensor> nonzeroAsTuple() {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.TensorVector v = query(a::nonzero_numpy);
    try {
      java.util.List<Tensor> out = new java.util.ArrayList<>((int) v.size());
      for (long i = 0; i < v.size(); i++) {
        // get(i) points into the vector: take a reference of our own before it is freed
        out.add(new Tensor(new org.bytedeco.pytorch.Tensor(v.get(i))));
      }
      return out;
    } finally {
      v.close();
    }
  }

  /** PyTorch's {@code argwhere}: the same as {@link #nonzero()}. */
  public Tensor argwhere() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::argwhere);
  }

  /** A copy of this tensor with {@code source}'s slices added at {@code index} along {@code dim}. */
  public Tensor indexAdd(long dim, Tensor index, Tensor source) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = source.h();
    return op(() -> a.index_add(dim, i, s));
  }

  /** {@link #indexAdd(long, Tensor, Tensor)} with {@code source} scaled by {@code alpha}. */
  public Tensor indexAdd(long dim, Tensor index, Tensor source, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = source.h();
    return op(
        () -> {
          try (Scalar al = new Scalar(alpha)) {
            return a.index_add(dim, i, s, al);
          }
        });
  }

  /** In-place {@link #indexAdd(long, Tensor, Tensor)}; returns this tensor. */
  public Tensor indexAdd_(long dim, Tensor index, Tensor source) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = source.h();
    query(() -> a.index_add_(dim, i, s));
    return this;
  }

  /** In-place {@link #indexAdd(long, Tensor, Tensor, double)}; returns this tensor. */
  public Tensor indexAdd_(long dim, Tensor index, Tensor source, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = source.h();
    query(
        () -> {
          try (Scalar al = new Scalar(alpha)) {
            return a.index_add_(dim, i, s, al);
          }
        });
    return this;
  }

  /** A copy of this tensor with {@code value} at positions {@code index} along {@code dim}. */
  public Tensor indexFill(long dim, Tensor index, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    return op(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.index_fill(dim, i, v);
          }
        });
  }

  /** In-place {@link #indexFill}; returns this tensor. */
  public Tensor indexFill_(long dim, Tensor index, double value) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    query(
        () -> {
          try (Scalar v = new Scalar(value)) {
            return a.index_fill_(dim, i, v);
          }
        });
    return this;
  }

  /** A copy of this tensor with {@code source}'s slices copied to {@code index} along {@code dim}. */
  public Tensor indexCopy(long dim, Tensor index, Tensor source) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor i = index.h();
    org.bytedeco.pytorch.Tensor s = source.h();
    return op(() -> a.index_copy(dim, i, s));
  }

  // Linear algebra (more in org.jtorch.linalg.Linalg)

  /** The dot product of two 1-d tensors of the same size and dtype, as a 0-d tensor. */
  public Tensor dot(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.dot(b));
  }

  /** The matrix product of two 2-d tensors (no broadcasting; see {@link #matmul}). */
  public Tensor mm(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.mm(b));
  }

  /** The product of this matrix (n × m) and the vector {@code vec} (m). */
  public Tensor mv(Tensor vec) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = vec.h();
    return op(() -> a.mv(b));
  }

  /** Batched matrix product of two 3-d tensors (b × n × m and b × m × p), no broadcasting. */
  public Tensor bmm(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.bmm(b));
  }

  /** The outer product of two 1-d tensors. */
  public Tensor outer(Tensor other) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    return op(() -> a.outer(b));
  }

  /** {@code this + mat1 @ mat2} (this broadcast to the product's shape). */
  public Tensor addmm(Tensor mat1, Tensor mat2) {
    return addmm(mat1, mat2, 1, 1);
  }

  /** {@code beta * this + alpha * (mat1 @ mat2)}. */
  public Tensor addmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor m1 = mat1.h();
    org.bytedeco.pytorch.Tensor m2 = mat2.h();
    return op(
        () -> {
          try (Scalar b = new Scalar(beta);
              Scalar al = new Scalar(alpha)) {
            return a.addmm(m1, m2, b, al);
          }
        });
  }

  /** The cross product of 3-vectors along {@code dim} (sizes 3), with broadcasting. */
  public Tensor cross(Tensor other, long dim) {
    org.bytedeco.pytorch.Tensor a = h();
    org.bytedeco.pytorch.Tensor b = other.h();
    LongOptional d = NativeCalls.dim(dim);
    return op(() -> a.cross(b, d));
  }

  /** The inverse of this square matrix (or batch of them); singular input throws. */
  public Tensor inverse() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.inverse(a));
  }

  /** The determinant of this square matrix (or batch of them). */
  public Tensor det() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.det(a));
  }

  /**
   * The lower Cholesky factor of this symmetric (Hermitian) positive-definite matrix; see {@link
   * org.jtorch.linalg.Linalg#cholesky(Tensor, boolean)} for NaNs.
   */
  public Tensor cholesky() {
    return org.jtorch.linalg.Linalg.cholesky(this, false);
  }

  /** The Moore–Penrose pseudo-inverse, PyTorch's {@code pinverse()} (rcond 1e-15). */
  public Tensor pinverse() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.pinverse(a));
  }

  /**
   * This square matrix to the integer power {@code n} (negative: of the inverse); see {@link
   * org.jtorch.linalg.Linalg#matrixPower} for {@code Long.MIN_VALUE}.
   */
  public Tensor matrixPower(long n) {
    if (n == Long.MIN_VALUE) {
      return org.jtorch.linalg.Linalg.matrixPower(this, n);
    }
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> a.matrix_power(n));
  }

  // Complex numbers

  /** PyTorch's {@code is_complex()}: true for complex64 and complex128. */
  public boolean isComplex() {
    return dtype().isComplex();
  }

  /**
   * The real parts: for a complex tensor a view of float32 (complex64) or float64 (complex128);
   * a real tensor is returned as itself (a new reference), as in PyTorch.
   */
  public Tensor real() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.real(a));
  }

  /** The imaginary parts, a view; only for complex tensors (PyTorch throws otherwise). */
  public Tensor imag() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.imag(a));
  }

  /**
   * The element-wise argument (phase) in radians: {@code atan2(imag, real)}; for real tensors 0 or
   * π (integers give float32).
   */
  public Tensor angle() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::angle);
  }

  /**
   * The complex conjugate, a lazy view as in PyTorch ({@link #isConj()} is true until {@link
   * #resolveConj()}); real tensors are returned as themselves.
   */
  public Tensor conj() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::conj);
  }

  /** The complex conjugate, computed into new memory. */
  public Tensor conjPhysical() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::conj_physical);
  }

  /** A tensor with any pending lazy conjugation applied (this data if there is none). */
  public Tensor resolveConj() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::resolve_conj);
  }

  /** A tensor with any pending lazy negation applied (this data if there is none). */
  public Tensor resolveNeg() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(a::resolve_neg);
  }

  /** True for a lazily conjugated view (see {@link #conj()}). */
  public boolean isConj() {
    org.bytedeco.pytorch.Tensor a = h();
    return query(() -> org.bytedeco.pytorch.global.torch.is_conj(a));
  }

  /**
   * A real view of this complex tensor with a last dimension of size 2 (real, imaginary), PyTorch's
   * {@code torch.view_as_real}. A lazily conjugated tensor must be resolved first, as in PyTorch.
   */
  public Tensor viewAsReal() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.view_as_real(a));
  }

  /**
   * A complex view of this float32/float64 tensor whose last dimension has size 2 and stride 1,
   * PyTorch's {@code torch.view_as_complex}.
   */
  public Tensor viewAsComplex() {
    org.bytedeco.pytorch.Tensor a = h();
    return op(() -> org.bytedeco.pytorch.global.torch.view_as_complex(a));
  }

  /**
   * All elements as complex numbers, row-major and flattened, interleaved: {@code [re0, im0, re1,
   * im1, ...]} (twice {@link #numel()} doubles). Lazy conjugation is applied; real tensors give
   * zero imaginary parts (converted as by {@code to(COMPLEX128)}).
   */
  public double[] toComplexArray() {
    long n = numel();
    if (2 * n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "a tensor of " + n + " complex elements does not fit in a Java array; use asByteBuffer()");
    }
    org.bytedeco.pytorch.Tensor a = h();
    double[] out = new double[(int) (2 * n)];
    org.bytedeco.pytorch.Tensor c =
        query(
            () -> {
              try (org.bytedeco.pytorch.Tensor cpu = a.cpu();
                  org.bytedeco.pytorch.Tensor conj = cpu.resolve_conj();
                  org.bytedeco.pytorch.Tensor neg = conj.resolve_neg();
                  org.bytedeco.pytorch.Tensor typed = neg.to(Natives.scalarType(DType.COMPLEX128))) {
                return typed.contiguous();
              }
            });
    try {
      if (n > 0) {
        new DoublePointer(c.data_ptr()).get(out);
      }
    } finally {
      c.close();
    }
    return out;
  }

  /** Prints like PyTorch's {@code repr}: {@code tensor([[1., 2.], [3., 4.]])}. */
  @Override
  public String toString() {
    if (isClosed()) {
      return "tensor(<closed>)";
    }
    return TensorFormatter.format(this);
  }
}
