package org.jtorch.data.transforms;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Pixels to a float32 tensor in {@code [0, 1]}, torchvision's {@code ToTensor}: a uint8 image
 * tensor {@code [..., C, H, W]} is converted and divided by 255 (a floating-point tensor passes
 * unchanged); {@link #fromImage} reads a {@link BufferedImage} and {@link #fromBytes} an {@code H x W
 * x C} byte array.
 */
public final class ToTensor implements Transform {
  /** A ToTensor. */
  public ToTensor() {}

  @Override
  public Tensor apply(Tensor input) {
    Objects.requireNonNull(input, "input");
    if (Images.isFloat(input)) {
      return input;
    }
    if (input.dtype() != DType.UINT8) {
      throw new IllegalArgumentException(
          "ToTensor expects a uint8 or floating-point image tensor, got " + input.dtype());
    }
    return input.div(255.0); // true division of uint8 gives float32: x.to(float32).div(255)
  }

  /**
   * The pixels of {@code image} as a float32 {@code [C, H, W]} tensor in {@code [0, 1]}: 1 channel
   * for grey images, 4 (RGBA) for images with alpha, 3 (RGB) otherwise.
   */
  public static Tensor fromImage(BufferedImage image) {
    try (Tensor u8 = pixels(image)) {
      return new ToTensor().apply(u8);
    }
  }

  /**
   * {@code H x W x C} interleaved bytes (as numpy's {@code uint8} images) as a float32 {@code [C,
   * H, W]} tensor in {@code [0, 1]}.
   *
   * @throws IllegalArgumentException if the array's length is not {@code height * width *
   *     channels}
   */
  public static Tensor fromBytes(byte[] hwc, int height, int width, int channels) {
    if (height < 0 || width < 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "bad image size " + height + "x" + width + "x" + channels);
    }
    try (Tensor raw = Torch.fromBytes(hwc, DType.UINT8, height, width, channels);
        Tensor chw = raw.permute(2, 0, 1);
        Tensor f = chw.to(DType.FLOAT32)) {
      return f.div(255.0);
    }
  }

  /**
   * The pixels of {@code image} as a uint8 {@code [C, H, W]} tensor (torchvision's {@code
   * PILToTensor}): 1 channel for grey images, 4 (RGBA) for images with alpha, 3 (RGB) otherwise.
   */
  public static Tensor pixels(BufferedImage image) {
    Objects.requireNonNull(image, "image");
    int w = image.getWidth();
    int h = image.getHeight();
    int type = image.getType();
    if (type == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] px = new byte[w * h];
      image.getRaster().getDataElements(0, 0, w, h, px);
      return Torch.fromBytes(px, DType.UINT8, 1, h, w);
    }
    boolean alpha = image.getColorModel().hasAlpha();
    return rgb(image, alpha ? 4 : 3);
  }

  /**
   * The pixels of {@code image} as a uint8 {@code [channels, H, W]} tensor, RGB(A): with 3
   * channels what torchvision's {@code ImageFolder} reads (PIL's {@code convert("RGB")}: alpha is
   * dropped, not blended), with 4 {@code convert("RGBA")}. Grey images (with or without alpha)
   * give their grey level in all three channels, as PIL does; Java's own conversion of grey to
   * RGB ({@code getRGB}) would apply a colour-space curve instead (64 becomes 137).
   */
  public static Tensor rgb(BufferedImage image, int channels) {
    if (channels != 3 && channels != 4) {
      throw new IllegalArgumentException("channels must be 3 (RGB) or 4 (RGBA), got " + channels);
    }
    int w = image.getWidth();
    int h = image.getHeight();
    java.awt.image.ColorModel cm = image.getColorModel();
    if (cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
        && !(cm instanceof java.awt.image.IndexColorModel)) {
      return grey(image, channels);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    int plane = w * h;
    byte[] chw = new byte[channels * plane];
    for (int i = 0; i < plane; i++) {
      int p = argb[i];
      chw[i] = (byte) (p >> 16);
      chw[plane + i] = (byte) (p >> 8);
      chw[2 * plane + i] = (byte) p;
      if (channels == 4) {
        chw[3 * plane + i] = (byte) (p >>> 24);
      }
    }
    return Torch.fromBytes(chw, DType.UINT8, channels, h, w);
  }

  /** A grey image's levels, replicated into R, G and B (and its alpha, where asked for). */
  private static Tensor grey(BufferedImage image, int channels) {
    int w = image.getWidth();
    int h = image.getHeight();
    java.awt.image.Raster raster = image.getRaster();
    java.awt.image.ColorModel cm = image.getColorModel();
    int plane = w * h;
    byte[] chw = new byte[channels * plane];
    byte[] level = to8Bits(raster.getSamples(0, 0, w, h, 0, (int[]) null), cm.getComponentSize(0));
    for (int c = 0; c < 3; c++) {
      System.arraycopy(level, 0, chw, c * plane, plane);
    }
    if (channels == 4) {
      if (cm.hasAlpha()) {
        int band = raster.getNumBands() - 1;
        byte[] alpha =
            to8Bits(raster.getSamples(0, 0, w, h, band, (int[]) null), cm.getComponentSize(band));
        System.arraycopy(alpha, 0, chw, 3 * plane, plane);
      } else {
        java.util.Arrays.fill(chw, 3 * plane, 4 * plane, (byte) 255);
      }
    }
    return Torch.fromBytes(chw, DType.UINT8, channels, h, w);
  }

  /** Samples of {@code bits} bits as 8-bit levels (16-bit: the high byte; 1-4 bits: scaled). */
  private static byte[] to8Bits(int[] samples, int bits) {
    byte[] out = new byte[samples.length];
    int max = (1 << bits) - 1;
    for (int i = 0; i < samples.length; i++) {
      int v = samples[i];
      out[i] = (byte) (bits == 8 ? v : bits > 8 ? v >>> (bits - 8) : (v * 255 + max / 2) / max);
    }
    return out;
  }
}
