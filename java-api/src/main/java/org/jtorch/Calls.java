package org.jtorch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.Natives;

/**
 * The plumbing of {@link Tensor}'s and {@link Torch}'s tensor vocabulary: scalars, optionals,
 * in-place calls, vectors and tuples of tensors. Every temporary native object made here is closed
 * before the method returns, every native error becomes a {@link TorchException}, and every tensor
 * taken out of a native container is a new reference of its own (the container's element pointers
 * dangle once it is freed).
 */
final class Calls {
  private Calls() {}

  /** A native call that takes one {@code Scalar}. */
  @FunctionalInterface
  interface WithScalar {
    org.bytedeco.pytorch.Tensor apply(Scalar s);
  }

  /** A native call that takes an {@code optional<Scalar>} pair. */
  @FunctionalInterface
  interface WithScalarOptionals {
    org.bytedeco.pytorch.Tensor apply(ScalarOptional a, ScalarOptional b);
  }

  /** A native call that takes an {@code optional<Tensor>} pair. */
  @FunctionalInterface
  interface WithTensorOptionals {
    org.bytedeco.pytorch.Tensor apply(TensorOptional a, TensorOptional b);
  }

  /** {@code f(Scalar(value))} with an integral scalar: int tensors stay integer, as in PyTorch. */
  static Tensor scalar(long value, WithScalar f) {
    return Tensor.op(
        () -> {
          try (Scalar s = new Scalar(value)) {
            return f.apply(s);
          }
        });
  }

  /** {@code f(Scalar(value))} with a floating scalar: int tensors promote to float32. */
  static Tensor scalar(double value, WithScalar f) {
    return Tensor.op(
        () -> {
          try (Scalar s = new Scalar(value)) {
            return f.apply(s);
          }
        });
  }

  /**
   * Runs an in-place native call on {@code self} and returns {@code self}. The native call returns
   * a reference to {@code self}'s own handle, which is not ours to free: it is dropped.
   */
  static Tensor inPlace(Tensor self, Supplier<org.bytedeco.pytorch.Tensor> call) {
    try {
      call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
    return self;
  }

  /** {@link #inPlace} with an integral scalar. */
  static Tensor inPlace(Tensor self, long value, Function<Scalar, org.bytedeco.pytorch.Tensor> f) {
    return inPlace(
        self,
        () -> {
          try (Scalar s = new Scalar(value)) {
            return f.apply(s);
          }
        });
  }

  /** {@link #inPlace} with a floating scalar. */
  static Tensor inPlace(Tensor self, double value, Function<Scalar, org.bytedeco.pytorch.Tensor> f) {
    return inPlace(
        self,
        () -> {
          try (Scalar s = new Scalar(value)) {
            return f.apply(s);
          }
        });
  }

  /** {@code f(optional(a), optional(b))} where a null bound is an empty optional. */
  static org.bytedeco.pytorch.Tensor scalarOptionals(Double a, Double b, WithScalarOptionals f) {
    try (Scalar sa = a == null ? null : new Scalar(a.doubleValue());
        Scalar sb = b == null ? null : new Scalar(b.doubleValue());
        ScalarOptional oa = sa == null ? new ScalarOptional() : new ScalarOptional(sa);
        ScalarOptional ob = sb == null ? new ScalarOptional() : new ScalarOptional(sb)) {
      return f.apply(oa, ob);
    }
  }

  /** {@code f(optional(a), optional(b))} with integral scalars. */
  static org.bytedeco.pytorch.Tensor scalarOptionals(long a, long b, WithScalarOptionals f) {
    try (Scalar sa = new Scalar(a);
        Scalar sb = new Scalar(b);
        ScalarOptional oa = new ScalarOptional(sa);
        ScalarOptional ob = new ScalarOptional(sb)) {
      return f.apply(oa, ob);
    }
  }

  /** {@code f(optional(a), optional(b))} where a null tensor is an empty optional. */
  static org.bytedeco.pytorch.Tensor tensorOptionals(Tensor a, Tensor b, WithTensorOptionals f) {
    org.bytedeco.pytorch.Tensor ha = a == null ? null : a.h();
    org.bytedeco.pytorch.Tensor hb = b == null ? null : b.h();
    try (TensorOptional oa = ha == null ? new TensorOptional() : new TensorOptional(ha);
        TensorOptional ob = hb == null ? new TensorOptional() : new TensorOptional(hb)) {
      return f.apply(oa, ob);
    }
  }

  /** An {@code optional<double>}, empty for null; the caller closes it. */
  static DoubleOptional doubleOptional(Double v) {
    return v == null ? new DoubleOptional() : new DoubleOptional(v.doubleValue());
  }

  /** The native handles of {@code tensors}, checking for nulls and closed tensors. */
  static org.bytedeco.pytorch.Tensor[] handles(List<Tensor> tensors) {
    Objects.requireNonNull(tensors, "tensors");
    org.bytedeco.pytorch.Tensor[] hs = new org.bytedeco.pytorch.Tensor[tensors.size()];
    for (int i = 0; i < hs.length; i++) {
      hs[i] = Objects.requireNonNull(tensors.get(i), "tensors[" + i + "]").h();
    }
    return hs;
  }

  /** Runs a native call that returns a vector of tensors; an unmodifiable list of new tensors. */
  static List<Tensor> list(Supplier<TensorVector> call) {
    TensorVector v = NativeCalls.query(call);
    try {
      long n = v.size();
      List<Tensor> out = new ArrayList<>((int) n);
      for (long i = 0; i < n; i++) {
        // get(i) points into the vector: take a reference of our own before it is freed
        out.add(new Tensor(new org.bytedeco.pytorch.Tensor(v.get(i))));
      }
      return Collections.unmodifiableList(out);
    } finally {
      v.close();
    }
  }

  /**
   * {@code div} with a rounding mode ("trunc" or "floor"; null is true division), in place or
   * not, by a tensor or a scalar. Goes through the dispatcher so that the mode travels as an owned
   * string.
   */
  static Tensor divMode(Tensor self, Tensor other, Scalar scalar, String mode, boolean inPlace) {
    checkTruncOverflow(self, other, scalar, mode);
    org.bytedeco.pytorch.Tensor a = self.h();
    org.bytedeco.pytorch.Tensor b = other == null ? null : other.h();
    Tensor[] r;
    try (IValue s = new IValue(a);
        IValue o = b != null ? new IValue(b) : new IValue(scalar);
        IValue m = mode == null ? new IValue() : new IValue(mode)) {
      r = NativeCalls.boxed(inPlace ? "aten::div_" : "aten::div", b != null ? "Tensor_mode" : "Scalar_mode", 1, s, o, m);
    }
    if (inPlace) {
      r[0].close();
      return self;
    }
    return r[0];
  }

  /**
   * LibTorch's CPU kernel of {@code div(..., rounding_mode="trunc")} on int32 and int64 divides
   * with the processor's integer division, which traps (SIGFPE, the end of the JVM, and of
   * Python) on the one quotient that overflows, the type's minimum divided by -1. Floor division,
   * {@code remainder} and {@code fmod} handle it; trunc does not. So it is refused here first.
   *
   * @throws ArithmeticException if some dividend is the minimum of an int32 or int64 result and
   *     its divisor is -1
   */
  private static void checkTruncOverflow(Tensor self, Tensor other, Scalar scalar, String mode) {
    if (!"trunc".equals(mode)) {
      return;
    }
    // PyTorch's promotion, 0-d tensors and scalars included (int32 / a 0-d int64 is int32)
    org.bytedeco.pytorch.Tensor a = self.h();
    DType result =
        Natives.dtype(
            NativeCalls.query(
                () ->
                    other != null
                        ? org.bytedeco.pytorch.global.torch.result_type(a, other.h())
                        : org.bytedeco.pytorch.global.torch.result_type(a, scalar)));
    if (result != DType.INT64 && result != DType.INT32) {
      return;
    }
    long min = result == DType.INT64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
    boolean overflows;
    if (other == null) {
      overflows = scalar.toLong() == -1 && anyEqual(self, min, null);
    } else {
      overflows = anyEqual(self, min, other);
    }
    if (overflows) {
      throw new ArithmeticException(
          "integer overflow: div(rounding_mode='trunc') of "
              + min
              + " by -1 does not fit "
              + result
              + " (LibTorch's kernel would trap and end the process)");
    }
  }

  /** Whether some element of {@code t} equals {@code value} where {@code divisor} (if any) is -1. */
  private static boolean anyEqual(Tensor t, long value, Tensor divisor) {
    try (Scope s = Scope.open()) {
      Tensor hit = t.eq(value);
      if (divisor != null) {
        hit = hit.logicalAnd(divisor.eq(-1));
      }
      return hit.any().booleanValue();
    }
  }

  /**
   * {@code aten::_unique2(self, sorted, return_inverse, return_counts)}, what Python's {@code
   * torch.unique} calls without a dim (the presets do not map it).
   */
  static Tensor[] unique2(Tensor self, boolean sorted, boolean returnInverse, boolean returnCounts) {
    org.bytedeco.pytorch.Tensor h = self.h();
    try (IValue s = new IValue(h);
        IValue so = new IValue(sorted);
        IValue ri = new IValue(returnInverse);
        IValue rc = new IValue(returnCounts)) {
      return NativeCalls.boxed("aten::_unique2", "", 3, s, so, ri, rc);
    }
  }
}
