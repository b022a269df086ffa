package org.jtorch.nn;

/**
 * 2-D max pooling over (N, C, H, W) or (C, H, W) input, PyTorch's {@code nn.MaxPool2d}.
 *
 * <pre>{@code
 * new MaxPool2d(MaxPool2d.options(3).stride(2).padding(1).ceilMode(true))
 * }</pre>
 */
public class MaxPool2d extends MaxPoolNd {
  /** PyTorch's {@code nn.MaxPool2d(kernelSize)}: stride = kernel size. */
  public MaxPool2d(long kernelSize) {
    this(options(kernelSize));
  }

  /** PyTorch's {@code nn.MaxPool2d(kernelSize, stride)}. */
  public MaxPool2d(long kernelSize, long stride) {
    this(options(kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.MaxPool2d(kernelSize, stride, padding)}. */
  public MaxPool2d(long kernelSize, long stride, long padding) {
    this(options(kernelSize).stride(stride).padding(padding));
  }

  /** A layer with the given options. */
  public MaxPool2d(Options options) {
    super(2, options);
  }

  /** The options of a layer with this kernel size (one value or one per spatial dim). */
  public static Options options(long... kernelSize) {
    return new Options(kernelSize);
  }
}
