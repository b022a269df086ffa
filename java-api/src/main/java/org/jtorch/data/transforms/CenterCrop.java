package org.jtorch.data.transforms;

import org.jtorch.Tensor;

/**
 * The central {@code height x width} part, torchvision's {@code CenterCrop}: the top-left corner
 * at {@code round((H - height) / 2)}, {@code round((W - width) / 2)} (halves to even); an image
 * smaller than the crop is zero-padded first, as torchvision does.
 */
public final class CenterCrop implements Transform {
  private final int height;
  private final int width;

  /** A square crop. */
  public CenterCrop(int size) {
    this(size, size);
  }

  /** A {@code height x width} crop. */
  public CenterCrop(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("crop sizes must be positive, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 2, "CenterCrop");
    long ih = Images.height(s);
    long iw = Images.width(s);
    Tensor img = input;
    if (height > ih || width > iw) {
      long l = width > iw ? (width - iw) / 2 : 0;
      long t = height > ih ? (height - ih) / 2 : 0;
      long r = width > iw ? (width - iw + 1) / 2 : 0;
      long b = height > ih ? (height - ih + 1) / 2 : 0;
      img = Images.pad(input, l, t, r, b, 0, "constant");
      ih = ih + t + b;
      iw = iw + l + r;
      if (ih == height && iw == width) {
        return img;
      }
    }
    long top = Rand.round((ih - height) / 2.0);
    long left = Rand.round((iw - width) / 2.0);
    try {
      return Images.crop(img, top, left, height, width);
    } finally {
      if (img != input) {
        img.close();
      }
    }
  }
}
