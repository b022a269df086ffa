package org.jtorch.nn;

/**
 * 2-D average pooling over (N, C, H, W) or (C, H, W) input, PyTorch's {@code nn.AvgPool2d}.
 *
 * <pre>{@code
 * new AvgPool2d(AvgPool2d.options(3).stride(2).padding(1).divisorOverride(4))
 * }</pre>
 */
public class AvgPool2d extends AvgPoolNd {
  /** PyTorch's {@code nn.AvgPool2d(kernelSize)}: stride = kernel size. */
  public AvgPool2d(long kernelSize) {
    this(options(kernelSize));
  }

  /** PyTorch's {@code nn.AvgPool2d(kernelSize, stride)}. */
  public AvgPool2d(long kernelSize, long stride) {
    this(options(kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.AvgPool2d(kernelSize, stride, padding)}. */
  public AvgPool2d(long kernelSize, long stride, long padding) {
    this(options(kernelSize).stride(stride).padding(padding));
  }

  /** A layer with the given options. */
  public AvgPool2d(Options options) {
    super(2, options);
  }

  /** The options of a layer with this kernel size (one value or one per spatial dim). */
  public static Options options(long... kernelSize) {
    return new Options(kernelSize);
  }
}
