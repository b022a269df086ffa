package org.jtorch.nn;

/**
 * 1-D average pooling over (N, C, L) or (C, L) input, PyTorch's {@code nn.AvgPool1d}.
 *
 * <pre>{@code
 * new AvgPool1d(AvgPool1d.options(3).stride(2).countIncludePad(false))
 * }</pre>
 */
public class AvgPool1d extends AvgPoolNd {
  /** PyTorch's {@code nn.AvgPool1d(kernelSize)}: stride = kernel size. */
  public AvgPool1d(long kernelSize) {
    this(options(kernelSize));
  }

  /** PyTorch's {@code nn.AvgPool1d(kernelSize, stride)}. */
  public AvgPool1d(long kernelSize, long stride) {
    this(options(kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.AvgPool1d(kernelSize, stride, padding)}. */
  public AvgPool1d(long kernelSize, long stride, long padding) {
    this(options(kernelSize).stride(stride).padding(padding));
  }

  /** A layer with the given options. */
  public AvgPool1d(Options options) {
    super(1, options);
  }

  /** The options of a layer with this kernel size (one value or one per spatial dim). */
  public static Options options(long... kernelSize) {
    return new Options(kernelSize);
  }
}
