package org.jtorch.data.transforms;

import org.jtorch.Tensor;

/**
 * RGB to grey, torchvision's {@code Grayscale}: {@code 0.2989 R + 0.587 G + 0.114 B}, in the
 * input's dtype, with 1 or 3 (equal) output channels.
 */
public final class Grayscale implements Transform {
  private final int channels;

  /** One output channel. */
  public Grayscale() {
    this(1);
  }

  /** {@code numOutputChannels} (1 or 3) output channels. */
  public Grayscale(int numOutputChannels) {
    if (numOutputChannels != 1 && numOutputChannels != 3) {
      throw new IllegalArgumentException(
          "num_output_channels should be either 1 or 3, got " + numOutputChannels);
    }
    this.channels = numOutputChannels;
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 3, "Grayscale");
    Tensor g = Images.grayscale(input);
    if (channels == 1) {
      return g;
    }
    long[] shape = s.clone();
    shape[shape.length - 3] = 3;
    try (g;
        Tensor e = g.expand(shape)) {
      return e.contiguous();
    }
  }
}
