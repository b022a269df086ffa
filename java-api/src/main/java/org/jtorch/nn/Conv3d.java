package org.jtorch.nn;


/**
  * A 3-D convolution over (N, C, D, H, W) or unbatched (C, D, H, W) input, PyTorch's {@code
  * nn.Conv3d}.
 *
 * <pre>{@code
 * new Conv3d(Conv3d.options(4, 8, 3, 3, 3).stride(2, 1, 1))
 * }</pre>
 */
public class Conv3d extends ConvNd {
  /** PyTorch's {@code nn.Conv3d(inChannels, outChannels, kernelSize)}. */
  public Conv3d(long inChannels, long outChannels, long kernelSize) {
    this(options(inChannels, outChannels, kernelSize));
  }

  /** PyTorch's {@code nn.Conv3d(inChannels, outChannels, kernelSize, stride)}. */
  public Conv3d(long inChannels, long outChannels, long kernelSize, long stride) {
    this(options(inChannels, outChannels, kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.Conv3d(inChannels, outChannels, kernelSize, stride, padding)}. */
  public Conv3d(long inChannels, long outChannels, long kernelSize, long stride, long padding) {
    this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
  }

  /**
   * A layer with the given options.
   *
   * @throws IllegalArgumentException with PyTorch's message for invalid options (groups that do
   *     not divide the channels, an unknown padding string or mode, ...)
   */
  public Conv3d(Options options) {
    super(3, false, options);
  }

  /**
   * The options of a layer: the positional arguments here, the keyword arguments through the
   * returned object's setters. {@code kernelSize} is one value or one per spatial dim.
   */
  public static Options options(long inChannels, long outChannels, long... kernelSize) {
    return new Options(inChannels, outChannels, kernelSize);
  }

}
