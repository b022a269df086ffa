package org.jtorch.nn;

import org.jtorch.Tensor;

/**
  * A transposed 2-D convolution (the gradient of Conv2d with respect to its input), PyTorch's
  * {@code nn.ConvTranspose2d}. Its weight has shape (inChannels, outChannels / groups, kH, kW).
 *
 * <pre>{@code
 * new ConvTranspose2d(ConvTranspose2d.options(16, 8, 3).stride(2).padding(1).outputPadding(1))
 * }</pre>
 */
public class ConvTranspose2d extends ConvNd {
  /** PyTorch's {@code nn.ConvTranspose2d(inChannels, outChannels, kernelSize)}. */
  public ConvTranspose2d(long inChannels, long outChannels, long kernelSize) {
    this(options(inChannels, outChannels, kernelSize));
  }

  /** PyTorch's {@code nn.ConvTranspose2d(inChannels, outChannels, kernelSize, stride)}. */
  public ConvTranspose2d(long inChannels, long outChannels, long kernelSize, long stride) {
    this(options(inChannels, outChannels, kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.ConvTranspose2d(inChannels, outChannels, kernelSize, stride, padding)}. */
  public ConvTranspose2d(
      long inChannels, long outChannels, long kernelSize, long stride, long padding) {
    this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
  }

  /**
   * A layer with the given options.
   *
   * @throws IllegalArgumentException with PyTorch's message for invalid options (groups that do
   *     not divide the channels, an unknown padding string or mode, ...)
   */
  public ConvTranspose2d(Options options) {
    super(2, true, options);
  }

  /**
   * The options of a layer: the positional arguments here, the keyword arguments through the
   * returned object's setters. {@code kernelSize} is one value or one per spatial dim.
   */
  public static Options options(long inChannels, long outChannels, long... kernelSize) {
    return new Options(inChannels, outChannels, kernelSize);
  }

  /**
   * The forward pass with a requested output size, PyTorch's {@code forward(input, output_size)}:
   * picks the output padding that gives that size (the spatial sizes, optionally preceded by the
   * batch and channel sizes).
   *
   * @throws IllegalArgumentException with PyTorch's message if that size cannot be reached
   */
  public Tensor forward(Tensor input, long... outputSize) {
    return transposedForward(input, outputPaddingFor(input, outputSize));
  }
}
