package org.jtorch.data.transforms;

import java.util.Arrays;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.Handles;

/**
 * {@code (input - mean[c]) / std[c]} per channel, torchvision's {@code Normalize}, on a
 * floating-point {@code [..., C, H, W]} tensor.
 */
public final class Normalize implements Transform {
  private final double[] mean;
  private final double[] std;
  // constants of our own, never in a Scope (a transform often outlives the scope it was made in)
  private final org.bytedeco.pytorch.Tensor meanF;
  private final org.bytedeco.pytorch.Tensor stdF;

  /**
   * Normalises with one mean and standard deviation per channel (one value for every channel if a
   * single one is given).
   *
   * @throws IllegalArgumentException if the lengths differ or a standard deviation is zero
   */
  public Normalize(double[] mean, double[] std) {
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException(
          "mean and std must have the same, non-zero length: "
              + Arrays.toString(mean)
              + " and "
              + Arrays.toString(std));
    }
    for (double s : std) {
      if ((float) s == 0f) {
        throw new IllegalArgumentException(
            "std evaluated to zero after conversion to torch.float32, leading to division by zero.");
      }
    }
    this.mean = mean.clone();
    this.std = std.clone();
    this.meanF = constant(mean);
    this.stdF = constant(std);
  }

  /** Normalises every channel with the same {@code mean} and {@code std}. */
  public Normalize(double mean, double std) {
    this(new double[] {mean}, new double[] {std});
  }

  private static org.bytedeco.pytorch.Tensor constant(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    try (Tensor t = Torch.tensor(f);
        Tensor c = t.reshape(-1, 1, 1)) {
      // a native reference of our own, outside any Scope
      return new org.bytedeco.pytorch.Tensor(NativeCalls.h(c, "c"));
    }
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 3, "Normalize");
    if (!Images.isFloat(input)) {
      throw new IllegalArgumentException(
          "Normalize: input tensor should be a float tensor. Got " + input.dtype());
    }
    long c = s[s.length - 3];
    if (mean.length != 1 && mean.length != c) {
      throw new IllegalArgumentException(
          "Normalize has " + mean.length + " means for an image of " + c + " channels");
    }
    org.bytedeco.pytorch.Tensor h = NativeCalls.h(input, "input");
    if (input.dtype() == DType.FLOAT32) {
      return NativeCalls.tensor(
          () -> {
            try (org.bytedeco.pytorch.Tensor centred = h.sub(meanF)) {
              return centred.div(stdF);
            }
          });
    }
    try (Tensor m32 = Handles.wrap(new org.bytedeco.pytorch.Tensor(meanF));
        Tensor s32 = Handles.wrap(new org.bytedeco.pytorch.Tensor(stdF));
        Tensor m = m32.to(input.dtype());
        Tensor sd = s32.to(input.dtype());
        Tensor centred = input.sub(m)) {
      return centred.div(sd);
    }
  }
}
