package org.jtorch.data.transforms;

import org.jtorch.Tensor;

/**
 * Bilinear resize, torchvision's {@code Resize} on tensors with {@code antialias=False}: to {@code
 * height x width}, or, given one size, so that the shorter side has that size and the aspect ratio
 * is kept ({@code int(size * long / short)} for the longer side). uint8 images are rounded back to
 * uint8.
 *
 * <p>Differs from torchvision's default, which antialiases when it shrinks a tensor; LibTorch's
 * antialiased kernel is not reachable through the presets.
 */
public final class Resize implements Transform {
  private final int height;
  private final int width;
  private final int shorter;

  /** Resizes so that the shorter side is {@code size}. */
  public Resize(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + size);
    }
    this.shorter = size;
    this.height = -1;
    this.width = -1;
  }

  /** Resizes to {@code height x width}. */
  public Resize(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("sizes must be positive, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
    this.shorter = -1;
  }

  /** The output size {@code (height, width)} for an input of {@code h x w}. */
  long[] outputSize(long h, long w) {
    if (shorter < 0) {
      return new long[] {height, width};
    }
    long s = Math.min(h, w);
    long l = Math.max(h, w);
    long newLong = (long) ((double) shorter * l / s);
    return w <= h ? new long[] {newLong, shorter} : new long[] {shorter, newLong};
  }

  @Override
  public Tensor apply(Tensor input) {
    long[] s = Images.checkImage(input, 2, "Resize");
    long[] out = outputSize(Images.height(s), Images.width(s));
    return Images.resize(input, out[0], out[1]);
  }
}
