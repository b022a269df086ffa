package org.jtorch.data.transforms;

import org.jtorch.Generator;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.internal.NativeCalls;

/**
 * With probability {@code p}, erases a random rectangle of the image, torchvision's {@code
 * RandomErasing} on a {@code [..., C, H, W]} tensor: the rectangle's area is a fraction in {@code
 * scale} of the image's and its aspect ratio log-uniform in {@code ratio} (up to 10 tries); it is
 * filled with {@code value}, or with standard normal noise if {@code random}. The draws are
 * torchvision's: {@code rand(1)}, then per try two uniforms, then the noise and the corner.
 */
public final class RandomErasing implements Transform {
  private final double p;
  private final double[] scale;
  private final double[] ratio;
  private final double value;
  private final boolean random;
  private final Generator generator;

  /** torchvision's defaults: p 0.5, scale (0.02, 0.33), ratio (0.3, 3.3), value 0. */
  public RandomErasing() {
    this(0.5, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, 0, false, null);
  }

  /**
   * Erasing with every option.
   *
   * @param random fill with normal noise instead of {@code value} (torchvision's {@code
   *     value="random"})
   * @param generator the source of randomness (null: the data loader's, else the default one)
   */
  public RandomErasing(
      double p, double[] scale, double[] ratio, double value, boolean random, Generator generator) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("Random erasing probability should be between 0 and 1");
    }
    if (scale.length != 2 || ratio.length != 2 || scale[0] > scale[1] || ratio[0] > ratio[1]) {
      throw new IllegalArgumentException("Scale and ratio should be of kind (min, max)");
    }
    if (scale[0] < 0 || scale[1] > 1) {
      throw new IllegalArgumentException("Scale should be between 0 and 1");
    }
    this.p = p;
    this.scale = scale.clone();
    this.ratio = ratio.clone();
    this.value = value;
    this.random = random;
    this.generator = generator;
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 3, "RandomErasing");
    Generator g = Rand.source(generator);
    if (!(Rand.rand(g) < p)) {
      return input;
    }
    long c = s[s.length - 3];
    long ih = Images.height(s);
    long iw = Images.width(s);
    double area = (double) ih * iw;
    double[] logRatio = Rand.logRatio(ratio[0], ratio[1]);
    for (int attempt = 0; attempt < 10; attempt++) {
      double eraseArea = area * Rand.uniform(scale[0], scale[1], g);
      double aspect = Rand.expUniform(logRatio[0], logRatio[1], g);
      long h = Rand.round(Math.sqrt(eraseArea * aspect));
      long w = Rand.round(Math.sqrt(eraseArea / aspect));
      if (!(h < ih && w < iw)) {
        continue;
      }
      Tensor noise = random ? Torch.randn(new long[] {c, h, w}, g) : null;
      try {
        long i = Rand.randint(0, ih - h + 1, g);
        long j = Rand.randint(0, iw - w + 1, g);
        Tensor out = input.clone();
        try (Tensor rows = out.narrow(-2, i, h);
            Tensor patch = rows.narrow(-1, j, w)) {
          if (noise != null) {
            org.bytedeco.pytorch.Tensor hp = NativeCalls.h(patch, "patch");
            org.bytedeco.pytorch.Tensor hn = NativeCalls.h(noise, "noise");
            NativeCalls.query(() -> hp.copy_(hn));
          } else {
            patch.fill_(value);
          }
        }
        return out;
      } finally {
        if (noise != null) {
          noise.close();
        }
      }
    }
    return input;
  }
}
