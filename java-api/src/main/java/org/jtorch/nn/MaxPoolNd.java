package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.ValuesIndices;
import org.jtorch.nn.functional.F;

/**
  * The common base of {@link MaxPool1d} and {@link MaxPool2d}, PyTorch's {@code _MaxPoolNd}.
  * PyTorch's
 * {@code return_indices=True} is the separate method {@link #forwardWithIndices(Tensor)}.
 */
public abstract class MaxPoolNd extends Module {
  private final int dims;
  private final long[] kernelSize;
  private final long[] stride;
  private final long[] padding;
  private final long[] dilation;
  private final boolean ceilMode;

  /**
   * The keyword arguments of a max-pooling layer, with PyTorch's defaults: stride = kernel size,
   * padding 0, dilation 1, ceilMode false. Sizes take one value or one per spatial dim.
   */
  public static final class Options {
    final long[] kernelSize;
    long[] stride;
    long[] padding = {0};
    long[] dilation = {1};
    boolean ceilMode;

    Options(long[] kernelSize) {
      this.kernelSize = Objects.requireNonNull(kernelSize, "kernelSize").clone();
    }

    /** The stride (default: the kernel size). */
    public Options stride(long... stride) {
      this.stride = Objects.requireNonNull(stride, "stride").clone();
      return this;
    }

    /** Implicit negative-infinity padding on both sides (default 0). */
    public Options padding(long... padding) {
      this.padding = Objects.requireNonNull(padding, "padding").clone();
      return this;
    }

    /** The spacing between kernel elements (default 1). */
    public Options dilation(long... dilation) {
      this.dilation = Objects.requireNonNull(dilation, "dilation").clone();
      return this;
    }

    /** Whether the output size rounds up instead of down (default false). */
    public Options ceilMode(boolean ceilMode) {
      this.ceilMode = ceilMode;
      return this;
    }
  }

  MaxPoolNd(int dims, Options o) {
    Objects.requireNonNull(o, "options");
    this.dims = dims;
    this.kernelSize = check(o.kernelSize, "kernelSize");
    this.stride = o.stride == null ? kernelSize : check(o.stride, "stride");
    this.padding = check(o.padding, "padding");
    this.dilation = check(o.dilation, "dilation");
    this.ceilMode = o.ceilMode;
  }

  private long[] check(long[] v, String name) {
    if (v.length != 1 && v.length != dims) {
      throw new IllegalArgumentException(
          name + " must have 1 or " + dims + " elements for " + name() + ", got " + v.length);
    }
    return v;
  }

  @Override
  public Tensor forward(Tensor input) {
    return dims == 1
        ? F.maxPool1d(input, kernelSize, stride, padding, dilation, ceilMode)
        : dims == 3
            ? F.maxPool3d(input, kernelSize, stride, padding, dilation, ceilMode)
            : F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /**
   * The forward pass with {@code return_indices=True}: the maxima and the flat index of each in
   * its input plane.
   */
  public ValuesIndices forwardWithIndices(Tensor input) {
    return dims == 1
        ? F.maxPool1dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode)
        : dims == 3
            ? F.maxPool3dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode)
            : F.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
  }

  @Override
  public String extraRepr() {
    return "kernel_size=" + org.jtorch.internal.PyRepr.ints(kernelSize) + ", stride=" + org.jtorch.internal.PyRepr.ints(stride) + ", padding="
        + org.jtorch.internal.PyRepr.ints(padding) + ", dilation=" + org.jtorch.internal.PyRepr.ints(dilation) + ", ceil_mode=" + py(ceilMode);
  }
}
