package org.jtorch.data.transforms;

import org.jtorch.Generator;
import org.jtorch.Tensor;

/**
 * Mirrors the image top to bottom with probability {@code p}, torchvision's {@code
 * RandomVerticalFlip}: draws {@code torch.rand(1) < p}; an image that is not flipped is returned
 * as is.
 */
public final class RandomVerticalFlip implements Transform {
  private final double p;
  private final Generator generator;

  /** Flips half of the images. */
  public RandomVerticalFlip() {
    this(0.5, null);
  }

  /** Flips with probability {@code p}. */
  public RandomVerticalFlip(double p) {
    this(p, null);
  }

  /**
   * Flips with probability {@code p}, drawing from {@code generator} (null: the data loader's, else
   * the default one).
   */
  public RandomVerticalFlip(double p, Generator generator) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    this.p = p;
    this.generator = generator;
  }

  @Override
  public Tensor apply(Tensor input) {
    Images.checkImage(input, 2, "RandomVerticalFlip");
    if (Rand.rand(Rand.source(generator)) < p) {
      return input.flip(-2);
    }
    return input;
  }
}
