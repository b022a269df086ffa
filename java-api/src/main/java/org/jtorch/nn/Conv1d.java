package org.jtorch.nn;


/**
 * A 1-D convolution over (N, C, L) or unbatched (C, L) input, PyTorch's {@code nn.Conv1d}.
 *
 * <pre>{@code
 * new Conv1d(Conv1d.options(16, 33, 3).stride(2).padding("same"))
 * }</pre>
 */
public class Conv1d extends ConvNd {
  /** PyTorch's {@code nn.Conv1d(inChannels, outChannels, kernelSize)}. */
  public Conv1d(long inChannels, long outChannels, long kernelSize) {
    this(options(inChannels, outChannels, kernelSize));
  }

  /** PyTorch's {@code nn.Conv1d(inChannels, outChannels, kernelSize, stride)}. */
  public Conv1d(long inChannels, long outChannels, long kernelSize, long stride) {
    this(options(inChannels, outChannels, kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.Conv1d(inChannels, outChannels, kernelSize, stride, padding)}. */
  public Conv1d(long inChannels, long outChannels, long kernelSize, long stride, long padding) {
    this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
  }

  /**
   * A layer with the given options.
   *
   * @throws IllegalArgumentException with PyTorch's message for invalid options (groups that do
   *     not divide the channels, an unknown padding string or mode, ...)
   */
  public Conv1d(Options options) {
    super(1, false, options);
  }

  /**
   * The options of a layer: the positional arguments here, the keyword arguments through the
   * returned object's setters. {@code kernelSize} is one value or one per spatial dim.
   */
  public static Options options(long inChannels, long outChannels, long... kernelSize) {
    return new Options(inChannels, outChannels, kernelSize);
  }

}
