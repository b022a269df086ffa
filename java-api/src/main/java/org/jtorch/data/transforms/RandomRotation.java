package org.jtorch.data.transforms;

import org.jtorch.Generator;
import org.jtorch.Tensor;

/**
 * A rotation about the image centre by an angle drawn uniformly from {@code degrees}
 * (counter-clockwise), torchvision's {@code RandomRotation} with {@code expand=False}:
 * nearest-neighbour sampling, corners from outside the image get {@code fill}.
 */
public final class RandomRotation implements Transform {
  private final double[] degrees;
  private final double fill;
  private final boolean bilinear;
  private final Generator generator;

  /** Rotation by up to {@code ±degrees}. */
  public RandomRotation(double degrees) {
    this(new double[] {-degrees, degrees}, false, 0, null);
  }

  /**
   * A rotation with every option.
   *
   * @param degrees the range {@code (min, max)}
   * @param bilinear bilinear instead of nearest-neighbour sampling
   * @param fill the value of points from outside the image
   * @param generator the source of randomness (null: the data loader's, else the default one)
   */
  public RandomRotation(double[] degrees, boolean bilinear, double fill, Generator generator) {
    if (degrees.length != 2 || degrees[0] > degrees[1]) {
      throw new IllegalArgumentException("degrees must be a (min, max) pair");
    }
    this.degrees = degrees.clone();
    this.bilinear = bilinear;
    this.fill = fill;
    this.generator = generator;
  }

  @Override
  public Tensor apply(Tensor input) {
    Images.checkImage(input, 3, "RandomRotation");
    double angle = Rand.uniform(degrees[0], degrees[1], Rand.source(generator));
    // torchvision's rotate (counter-clockwise) is its affine (clockwise) of -angle
    return Images.affine(input, -angle, 0, 0, 1, 0, 0, !bilinear, fill);
  }
}
