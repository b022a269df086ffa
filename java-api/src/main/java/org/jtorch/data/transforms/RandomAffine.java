package org.jtorch.data.transforms;

import org.jtorch.Generator;
import org.jtorch.Tensor;

/**
 * A random rotation, translation and scaling about the image centre, torchvision's {@code
 * RandomAffine} (without shear): the angle is drawn uniformly from {@code degrees}, the
 * translation from {@code ±translate * size} (rounded to whole pixels), the scale from {@code
 * scale}, in that order, as torchvision draws them. Nearest-neighbour sampling; points from outside
 * the image get {@code fill}.
 */
public final class RandomAffine implements Transform {
  private final double[] degrees;
  private final double[] translate;
  private final double[] scale;
  private final double fill;
  private final boolean bilinear;
  private final Generator generator;

  /** Rotation by up to {@code ±degrees}, nothing else. */
  public RandomAffine(double degrees) {
    this(new double[] {-degrees, degrees}, null, null, false, 0, null);
  }

  /**
   * An affine transform with every option.
   *
   * @param degrees the angle range {@code (min, max)}, clockwise as torchvision's {@code affine}
   * @param translate null, or the largest shifts {@code (fractionOfWidth, fractionOfHeight)}
   * @param scale null, or the scale range {@code (min, max)}
   * @param bilinear bilinear instead of nearest-neighbour sampling
   * @param fill the value of points from outside the image
   * @param generator the source of randomness (null: the data loader's, else the default one)
   */
  public RandomAffine(
      double[] degrees, double[] translate, double[] scale, boolean bilinear, double fill,
      Generator generator) {
    if (degrees.length != 2 || degrees[0] > degrees[1]) {
      throw new IllegalArgumentException("degrees must be a (min, max) pair");
    }
    if (translate != null
        && (translate.length != 2 || !(translate[0] >= 0 && translate[0] <= 1)
            || !(translate[1] >= 0 && translate[1] <= 1))) {
      throw new IllegalArgumentException("translation values should be between 0 and 1");
    }
    if (scale != null && (scale.length != 2 || !(scale[0] > 0) || scale[0] > scale[1])) {
      throw new IllegalArgumentException("scale values should be positive, as a (min, max) pair");
    }
    this.degrees = degrees.clone();
    this.translate = translate == null ? null : translate.clone();
    this.scale = scale == null ? null : scale.clone();
    this.bilinear = bilinear;
    this.fill = fill;
    this.generator = generator;
  }

  /**
   * torchvision's {@code RandomAffine.get_params} without shear: {@code (angle, tx, ty, scale)}
   * for an image of {@code w x h}.
   */
  public static double[] getParams(
      double[] degrees, double[] translate, double[] scale, long w, long h, Generator generator) {
    double angle = Rand.uniform(degrees[0], degrees[1], generator);
    double tx = 0;
    double ty = 0;
    if (translate != null) {
      double maxDx = translate[0] * w;
      double maxDy = translate[1] * h;
      tx = Rand.round(Rand.uniform(-maxDx, maxDx, generator));
      ty = Rand.round(Rand.uniform(-maxDy, maxDy, generator));
    }
    double s = scale == null ? 1.0 : Rand.uniform(scale[0], scale[1], generator);
    return new double[] {angle, tx, ty, s};
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 3, "RandomAffine");
    double[] p =
        getParams(degrees, translate, scale, Images.width(s), Images.height(s), Rand.source(generator));
    return Images.affine(input, p[0], p[1], p[2], p[3], 0, 0, !bilinear, fill);
  }
}
