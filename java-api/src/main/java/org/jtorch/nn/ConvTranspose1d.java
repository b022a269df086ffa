package org.jtorch.nn;

import org.jtorch.Tensor;

/**
  * A transposed 1-D convolution (the gradient of Conv1d with respect to its input), PyTorch's
  * {@code nn.ConvTranspose1d}. Its weight has shape (inChannels, outChannels / groups, kL).
 *
 * <pre>{@code
 * new ConvTranspose1d(ConvTranspose1d.options(8, 4, 3).stride(2).padding(1).outputPadding(1))
 * }</pre>
 */
public class ConvTranspose1d extends ConvNd {
  /** PyTorch's {@code nn.ConvTranspose1d(inChannels, outChannels, kernelSize)}. */
  public ConvTranspose1d(long inChannels, long outChannels, long kernelSize) {
    this(options(inChannels, outChannels, kernelSize));
  }

  /** PyTorch's {@code nn.ConvTranspose1d(inChannels, outChannels, kernelSize, stride)}. */
  public ConvTranspose1d(long inChannels, long outChannels, long kernelSize, long stride) {
    this(options(inChannels, outChannels, kernelSize).stride(stride));
  }

  /** PyTorch's {@code nn.ConvTranspose1d(inChannels, outChannels, kernelSize, stride, padding)}. */
  public ConvTranspose1d(
      long inChannels, long outChannels, long kernelSize, long stride, long padding) {
    this(options(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
  }

  /**
   * A layer with the given options.
   *
   * @throws IllegalArgumentException with PyTorch's message for invalid options (groups that do
   *     not divide the channels, an unknown padding string or mode, ...)
   */
  public ConvTranspose1d(Options options) {
    super(1, true, options);
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
