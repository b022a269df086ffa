package org.jtorch.data.transforms;

import org.jtorch.Generator;
import org.jtorch.Tensor;

/**
 * A crop of random area and aspect ratio, resized to {@code height x width}, torchvision's {@code
 * RandomResizedCrop} (bilinear, antialiased as torchvision's default, see {@link Resize}). The
 * crop is drawn as torchvision draws it: up to 10 tries of an area fraction in {@code scale} and a log-uniform ratio
 * in {@code ratio}, then a centre crop as fallback.
 */
public final class RandomResizedCrop implements Transform {
  private final int height;
  private final int width;
  private final double[] scale;
  private final double[] ratio;
  private final Generator generator;

  /** A square output with torchvision's defaults: scale (0.08, 1), ratio (3/4, 4/3). */
  public RandomResizedCrop(int size) {
    this(size, size, new double[] {0.08, 1.0}, new double[] {3.0 / 4.0, 4.0 / 3.0}, null);
  }

  /**
   * A crop with every option.
   *
   * @param scale the range of the crop's area as a fraction of the image's
   * @param ratio the range of the crop's width / height
   * @param generator the source of randomness (null: the data loader's, else the default one)
   */
  public RandomResizedCrop(int height, int width, double[] scale, double[] ratio, Generator generator) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("sizes must be positive, got " + height + "x" + width);
    }
    if (scale.length != 2 || ratio.length != 2 || scale[0] > scale[1] || ratio[0] > ratio[1]) {
      throw new IllegalArgumentException("scale and ratio must be (min, max) pairs");
    }
    this.height = height;
    this.width = width;
    this.scale = scale.clone();
    this.ratio = ratio.clone();
    this.generator = generator;
  }

  /**
   * torchvision's {@code RandomResizedCrop.get_params}: {@code (top, left, h, w)} of the crop of
   * an {@code imgH x imgW} image, drawn from {@code generator} (null: the default one).
   */
  public static long[] getParams(
      long imgH, long imgW, double[] scale, double[] ratio, Generator generator) {
    double area = (double) imgH * imgW;
    double[] logRatio = Rand.logRatio(ratio[0], ratio[1]);
    for (int attempt = 0; attempt < 10; attempt++) {
      double targetArea = area * Rand.uniform(scale[0], scale[1], generator);
      double aspect = Rand.expUniform(logRatio[0], logRatio[1], generator);
      long w = Rand.round(Math.sqrt(targetArea * aspect));
      long h = Rand.round(Math.sqrt(targetArea / aspect));
      if (0 < w && w <= imgW && 0 < h && h <= imgH) {
        long i = Rand.randint(0, imgH - h + 1, generator);
        long j = Rand.randint(0, imgW - w + 1, generator);
        return new long[] {i, j, h, w};
      }
    }
    double inRatio = (double) imgW / imgH;
    long w;
    long h;
    if (inRatio < Math.min(ratio[0], ratio[1])) {
      w = imgW;
      h = Rand.round(w / Math.min(ratio[0], ratio[1]));
    } else if (inRatio > Math.max(ratio[0], ratio[1])) {
      h = imgH;
      w = Rand.round(h * Math.max(ratio[0], ratio[1]));
    } else {
      w = imgW;
      h = imgH;
    }
    return new long[] {(imgH - h) / 2, (imgW - w) / 2, h, w};
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 2, "RandomResizedCrop");
    long[] p = getParams(Images.height(s), Images.width(s), scale, ratio, Rand.source(generator));
    try (Tensor crop = Images.crop(input, p[0], p[1], p[2], p[3])) {
      Tensor r = Images.resize(crop, height, width, true);
      return r == crop ? crop.clone() : r;
    }
  }
}
