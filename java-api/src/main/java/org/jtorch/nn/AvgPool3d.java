package org.jtorch.nn;

/**
 * 3-D average pooling over (N, C, D, H, W) or (C, D, H, W) input, PyTorch's {@code nn.AvgPool3d}.
 *
 * <pre>{@code
 * new AvgPool3d(AvgPool3d.options(3).stride(2).padding(1).divisorOverride(4))
 * }</pre>
 */
public class AvgPool3d extends AvgPoolNd {
  /** PyTorch's {@code nn.AvgPool3d(kernelSize)}: stride = kernel size. */
  public AvgPool3d(long kernelSize) {
    this(options(kernelSize));
  }

  /** PyTorch's {@code nn.AvgPool3d(kernelSize, stride)}. */
  public AvgPool3d(long kernelSize, long stride) {
    this(options(kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.AvgPool3d(kernelSize, stride, padding)}. */
  public AvgPool3d(long kernelSize, long stride, long padding) {
    this(options(kernelSize).stride(stride).padding(padding));
  }

  /** A layer with the given options. */
  public AvgPool3d(Options options) {
    super(3, options);
  }

  /** The options of a layer with this kernel size (one value or one per spatial dim). */
  public static Options options(long... kernelSize) {
    return new Options(kernelSize);
  }
}
