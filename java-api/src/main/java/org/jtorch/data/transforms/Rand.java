package org.jtorch.data.transforms;

import org.jtorch.DType;
import org.jtorch.Generator;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.data.WorkerInfo;
import org.jtorch.internal.GeneratorHandles;
import org.jtorch.internal.NativeCalls;
import org.bytedeco.pytorch.global.torch;

/** The random draws of the transforms: the calls torchvision makes, on the chosen generator. */
final class Rand {
  private Rand() {}

  /** The explicit generator, else the data loader's for this thread, else null (the default). */
  static Generator source(Generator explicit) {
    return explicit != null ? explicit : WorkerInfo.currentGenerator();
  }

  private static final long[] ONE = {1};

  /** {@code torch.rand(1).item()}: straight through LibTorch, no Tensor object of ours. */
  static double rand(Generator g) {
    org.bytedeco.pytorch.GeneratorOptional opt = GeneratorHandles.optional(g);
    return NativeCalls.query(
        () -> {
          try (org.bytedeco.pytorch.Tensor t = torch.rand(ONE, opt)) {
            return (double) t.item_float();
          }
        });
  }

  /** {@code torch.empty(1).uniform_(a, b)}, float32, as a tensor. */
  static Tensor uniformTensor(double a, double b, Generator g) {
    Tensor t = Torch.empty(new long[] {1}, TensorOptions.dtype(DType.FLOAT32));
    org.bytedeco.pytorch.Tensor h = NativeCalls.h(t, "t");
    GeneratorHandles.with(
        g,
        opt ->
            NativeCalls.query(
                () -> {
                  h.uniform_(a, b, opt);
                  return null;
                }));
    return t;
  }

  /** {@code float(torch.empty(1).uniform_(a, b).item())}. */
  static double uniform(double a, double b, Generator g) {
    try (Tensor t = uniformTensor(a, b, g)) {
      return t.floatValue();
    }
  }

  /** {@code torch.exp(torch.empty(1).uniform_(a, b)).item()} (float32 throughout). */
  static double expUniform(double a, double b, Generator g) {
    try (Tensor t = uniformTensor(a, b, g);
        Tensor e = t.exp()) {
      return e.floatValue();
    }
  }

  /** {@code torch.randint(low, high, size=(1,)).item()}. */
  static long randint(long low, long high, Generator g) {
    org.bytedeco.pytorch.GeneratorOptional opt = GeneratorHandles.optional(g);
    return NativeCalls.query(
        () -> {
          try (org.bytedeco.pytorch.Tensor t = torch.randint(low, high, ONE, opt)) {
            return t.item_long();
          }
        });
  }

  /** {@code torch.randperm(n).tolist()}. */
  static int[] randperm(int n, Generator g) {
    try (Tensor t = Torch.randperm(n, g)) {
      return t.toIntArray();
    }
  }

  /** {@code torch.log(torch.tensor([a, b]))} in float32, as doubles. */
  static double[] logRatio(double a, double b) {
    try (Tensor t = Torch.tensor(new float[] {(float) a, (float) b});
        Tensor l = t.log()) {
      float[] v = l.toFloatArray();
      return new double[] {v[0], v[1]};
    }
  }

  /** Python's {@code int(round(x))}: halves to even. */
  static long round(double x) {
    return (long) Math.rint(x);
  }
}
