package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** The common base of {@link AvgPool1d} and {@link AvgPool2d}, PyTorch's {@code _AvgPoolNd}. */
public abstract class AvgPoolNd extends Module {
  private final int dims;
  private final long[] kernelSize;
  private final long[] stride;
  private final long[] padding;
  private final boolean ceilMode;
  private final boolean countIncludePad;
  private final Long divisorOverride;

  /**
   * The keyword arguments of an average-pooling layer, with PyTorch's defaults: stride = kernel
   * size, padding 0, ceilMode false, countIncludePad true, no divisor override (2-D only). Sizes
   * take one value or one per spatial dim.
   */
  public static final class Options {
    final long[] kernelSize;
    long[] stride;
    long[] padding = {0};
    boolean ceilMode;
    boolean countIncludePad = true;
    Long divisorOverride;

    Options(long[] kernelSize) {
      this.kernelSize = Objects.requireNonNull(kernelSize, "kernelSize").clone();
    }

    /** The stride (default: the kernel size). */
    public Options stride(long... stride) {
      this.stride = Objects.requireNonNull(stride, "stride").clone();
      return this;
    }

    /** Implicit zero padding on both sides (default 0). */
    public Options padding(long... padding) {
      this.padding = Objects.requireNonNull(padding, "padding").clone();
      return this;
    }

    /** Whether the output size rounds up instead of down (default false). */
    public Options ceilMode(boolean ceilMode) {
      this.ceilMode = ceilMode;
      return this;
    }

    /** Whether the zero padding counts in the average's divisor (default true). */
    public Options countIncludePad(boolean countIncludePad) {
      this.countIncludePad = countIncludePad;
      return this;
    }

    /** A fixed divisor instead of the pooling region's size (AvgPool2d only; default none). */
    public Options divisorOverride(long divisorOverride) {
      this.divisorOverride = divisorOverride;
      return this;
    }
  }

  AvgPoolNd(int dims, Options o) {
    Objects.requireNonNull(o, "options");
    this.dims = dims;
    if (dims == 1 && o.divisorOverride != null) {
      throw new IllegalArgumentException("AvgPool1d has no divisor_override");
    }
    this.kernelSize = check(o.kernelSize, "kernelSize");
    this.stride = o.stride == null ? kernelSize : check(o.stride, "stride");
    this.padding = check(o.padding, "padding");
    this.ceilMode = o.ceilMode;
    this.countIncludePad = o.countIncludePad;
    this.divisorOverride = o.divisorOverride;
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
        ? F.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad)
        : dims == 3
            ? F.avgPool3d(
                input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride)
            : F.avgPool2d(
                input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
  }

  @Override
  public String extraRepr() {
    // AvgPool1d stores tuples (PyTorch's _single), AvgPool2d what it was given
    java.util.function.Function<long[], String> f =
        dims == 1 ? v -> py(v) : org.jtorch.internal.PyRepr::ints;
    return "kernel_size=" + f.apply(kernelSize) + ", stride=" + f.apply(stride) + ", padding="
        + f.apply(padding);
  }

}
