package org.jtorch.data.transforms;

import org.jtorch.Tensor;

/**
 * Bilinear resize, torchvision's {@code Resize} on tensors: to {@code height x width}, or, given
 * one size, so that the shorter side has that size and the aspect ratio is kept ({@code int(size *
 * long / short)} for the longer side). Antialiased by default, as torchvision's ({@code
 * antialias=True}: the filter widens with the downscaling factor, {@code F.interpolate(...,
 * antialias=True)}); the constructors with {@code antialias} false give plain bilinear
 * interpolation. uint8 images are computed in float32 and rounded back to uint8.
 */
public final class Resize implements Transform {
  private final int height;
  private final int width;
  private final int shorter;
  private final boolean antialias;

  /** Resizes so that the shorter side is {@code size}, antialiased. */
  public Resize(int size) {
    this(size, true);
  }

  /** Resizes so that the shorter side is {@code size}; {@code antialias} as torchvision's. */
  public Resize(int size, boolean antialias) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + size);
    }
    this.shorter = size;
    this.height = -1;
    this.width = -1;
    this.antialias = antialias;
  }

  /** Resizes to {@code height x width}, antialiased. */
  public Resize(int height, int width) {
    this(height, width, true);
  }

  /** Resizes to {@code height x width}; {@code antialias} as torchvision's. */
  public Resize(int height, int width, boolean antialias) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("sizes must be positive, got " + height + "x" + width);
    }
    this.height = height;
    this.width = width;
    this.shorter = -1;
    this.antialias = antialias;
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
    return Images.resize(input, out[0], out[1], antialias);
  }
}
