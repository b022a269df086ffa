package org.jtorch.data.transforms;

import java.util.Arrays;
import org.jtorch.Generator;
import org.jtorch.Tensor;

/**
 * A {@code height x width} crop at a random place, torchvision's {@code RandomCrop}: the image is
 * first padded by {@code padding} (left, top, right, bottom) if given, and up to the crop size if
 * {@code padIfNeeded}; then the corner is drawn with {@code randint(0, H - height + 1)}, {@code
 * randint(0, W - width + 1)}.
 */
public final class RandomCrop implements Transform {
  private final int height;
  private final int width;
  private final int[] padding;
  private final boolean padIfNeeded;
  private final double fill;
  private final String paddingMode;
  private final Generator generator;

  /** A square crop, no padding. */
  public RandomCrop(int size) {
    this(size, size, null, false, 0, "constant", null);
  }

  /** A square crop after padding every side by {@code padding} with zeros (the CIFAR recipe). */
  public RandomCrop(int size, int padding) {
    this(size, size, new int[] {padding}, false, 0, "constant", null);
  }

  /**
   * A crop with every option.
   *
   * @param padding null, one value for every side, two (left/right, top/bottom) or four (left,
   *     top, right, bottom)
   * @param paddingMode {@code constant} (with {@code fill}), {@code edge}, {@code reflect} or
   *     {@code symmetric}
   * @param generator the source of randomness (null: the data loader's, else the default one)
   */
  public RandomCrop(
      int height, int width, int[] padding, boolean padIfNeeded, double fill, String paddingMode,
      Generator generator) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("crop sizes must be positive, got " + height + "x" + width);
    }
    if (padding != null && padding.length != 1 && padding.length != 2 && padding.length != 4) {
      throw new IllegalArgumentException(
          "padding must have 1, 2 or 4 values, got " + Arrays.toString(padding));
    }
    if (!Arrays.asList("constant", "edge", "reflect", "symmetric").contains(paddingMode)) {
      throw new IllegalArgumentException(
          "padding mode should be constant, edge, reflect or symmetric, got " + paddingMode);
    }
    this.height = height;
    this.width = width;
    this.padding = padding == null ? null : padding.clone();
    this.padIfNeeded = padIfNeeded;
    this.fill = fill;
    this.paddingMode = paddingMode;
    this.generator = generator;
  }

  /**
   * torchvision's {@code RandomCrop.get_params}: the corner {@code (top, left)} for an {@code h x
   * w} image, drawn from {@code generator} (null: the default one).
   */
  public static long[] getParams(long h, long w, int height, int width, Generator generator) {
    if (h < height || w < width) {
      throw new IllegalArgumentException(
          "Required crop size (" + height + ", " + width + ") is larger than input image size ("
              + h + ", " + w + ")");
    }
    if (h == height && w == width) {
      return new long[] {0, 0};
    }
    long i = Rand.randint(0, h - height + 1, generator);
    long j = Rand.randint(0, w - width + 1, generator);
    return new long[] {i, j};
  }

  @Override
  public Tensor apply(Tensor input) {
    Images.checkImage(input, 2, "RandomCrop");
    Tensor img = input;
    try {
      if (padding != null) {
        int[] p = padding;
        int l = p[0];
        int t = p.length == 1 ? p[0] : p[1];
        int r = p.length == 4 ? p[2] : p[0];
        int b = p.length == 4 ? p[3] : p.length == 2 ? p[1] : p[0];
        img = swap(img, input, Images.pad(img, l, t, r, b, fill, paddingMode));
      }
      long[] s = img.shape();
      if (padIfNeeded && Images.width(s) < width) {
        long d = width - Images.width(s);
        img = swap(img, input, Images.pad(img, d, 0, d, 0, fill, paddingMode));
        s = img.shape();
      }
      if (padIfNeeded && Images.height(s) < height) {
        long d = height - Images.height(s);
        img = swap(img, input, Images.pad(img, 0, d, 0, d, fill, paddingMode));
        s = img.shape();
      }
      long[] ij = getParams(Images.height(s), Images.width(s), height, width, Rand.source(generator));
      return Images.crop(img, ij[0], ij[1], height, width);
    } finally {
      if (img != input) {
        img.close();
      }
    }
  }

  private static Tensor swap(Tensor old, Tensor input, Tensor next) {
    if (old != input) {
      old.close();
    }
    return next;
  }
}
