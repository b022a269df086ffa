package org.jtorch.nn;

/**
 * 3-D max pooling over (N, C, D, H, W) or (C, D, H, W) input, PyTorch's {@code nn.MaxPool3d}.
 *
 * <pre>{@code
 * new MaxPool3d(MaxPool3d.options(3).stride(2).padding(1).ceilMode(true))
 * }</pre>
 */
public class MaxPool3d extends MaxPoolNd {
  /** PyTorch's {@code nn.MaxPool3d(kernelSize)}: stride = kernel size. */
  public MaxPool3d(long kernelSize) {
    this(options(kernelSize));
  }

  /** PyTorch's {@code nn.MaxPool3d(kernelSize, stride)}. */
  public MaxPool3d(long kernelSize, long stride) {
    this(options(kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.MaxPool3d(kernelSize, stride, padding)}. */
  public MaxPool3d(long kernelSize, long stride, long padding) {
    this(options(kernelSize).stride(stride).padding(padding));
  }

  /** A layer with the given options. */
  public MaxPool3d(Options options) {
    super(3, options);
  }

  /** The options of a layer with this kernel size (one value or one per spatial dim). */
  public static Options options(long... kernelSize) {
    return new Options(kernelSize);
  }
}
