package org.jtorch.nn;

/**
 * 1-D max pooling over (N, C, L) or (C, L) input, PyTorch's {@code nn.MaxPool1d}.
 *
 * <pre>{@code
 * new MaxPool1d(MaxPool1d.options(3).stride(2).padding(1).ceilMode(true))
 * }</pre>
 */
public class MaxPool1d extends MaxPoolNd {
  /** PyTorch's {@code nn.MaxPool1d(kernelSize)}: stride = kernel size. */
  public MaxPool1d(long kernelSize) {
    this(options(kernelSize));
  }

  /** PyTorch's {@code nn.MaxPool1d(kernelSize, stride)}. */
  public MaxPool1d(long kernelSize, long stride) {
    this(options(kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.MaxPool1d(kernelSize, stride, padding)}. */
  public MaxPool1d(long kernelSize, long stride, long padding) {
    this(options(kernelSize).stride(stride).padding(padding));
  }

  /** A layer with the given options. */
  public MaxPool1d(Options options) {
    super(1, options);
  }

  /** The options of a layer with this kernel size (one value or one per spatial dim). */
  public static Options options(long... kernelSize) {
    return new Options(kernelSize);
  }
}
