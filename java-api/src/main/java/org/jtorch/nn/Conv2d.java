package org.jtorch.nn;


/**
 * A 2-D convolution over (N, C, H, W) or unbatched (C, H, W) input, PyTorch's {@code nn.Conv2d}.
 *
 * <pre>{@code
 * new Conv2d(Conv2d.options(1, 32, 3).padding(1).paddingMode("reflect").bias(false))
 * }</pre>
 */
public class Conv2d extends ConvNd {
  /** PyTorch's {@code nn.Conv2d(inChannels, outChannels, kernelSize)}. */
  public Conv2d(long inChannels, long outChannels, long kernelSize) {
    this(options(inChannels, outChannels, kernelSize));
  }

  /** PyTorch's {@code nn.Conv2d(inChannels, outChannels, kernelSize, stride)}. */
  public Conv2d(long inChannels, long outChannels, long kernelSize, long stride) {
    this(options(inChannels, outChannels, kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.Conv2d(inChannels, outChannels, kernelSize, stride, padding)}. */
  public Conv2d(long inChannels, long outChannels, long kernelSize, long stride, long padding) {
    this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
  }

  /**
   * A layer with the given options.
   *
   * @throws IllegalArgumentException with PyTorch's message for invalid options (groups that do
   *     not divide the channels, an unknown padding string or mode, ...)
   */
  public Conv2d(Options options) {
    super(2, false, options);
  }

  /**
   * The options of a layer: the positional arguments here, the keyword arguments through the
   * returned object's setters. {@code kernelSize} is one value or one per spatial dim.
   */
  public static Options options(long inChannels, long outChannels, long... kernelSize) {
    return new Options(inChannels, outChannels, kernelSize);
  }

}
