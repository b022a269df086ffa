package org.jtorch.data.transforms;

import java.util.List;
import org.jtorch.DType;
import org.jtorch.Generator;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Random changes of brightness, contrast, saturation and hue, in a random order, torchvision's
 * {@code ColorJitter} on {@code [..., C, H, W]} tensors. The draws are torchvision's: {@code
 * randperm(4)} for the order, then one uniform factor for each option that is set (brightness,
 * contrast, saturation, hue, in that order).
 */
public final class ColorJitter implements Transform {
  private final double[] brightness;
  private final double[] contrast;
  private final double[] saturation;
  private final double[] hue;
  private final Generator generator;

  /**
   * Jitter by up to the given amounts: factors drawn from {@code [max(0, 1 - x), 1 + x]} for
   * brightness, contrast and saturation, and a hue shift from {@code [-hue, hue]} ({@code 0 <= hue
   * <= 0.5}); 0 turns an adjustment off.
   */
  public ColorJitter(double brightness, double contrast, double saturation, double hue) {
    this(brightness, contrast, saturation, hue, null);
  }

  /** As {@link #ColorJitter(double, double, double, double)}, drawing from {@code generator}. */
  public ColorJitter(
      double brightness, double contrast, double saturation, double hue, Generator generator) {
    this.brightness = factorRange("brightness", brightness);
    this.contrast = factorRange("contrast", contrast);
    this.saturation = factorRange("saturation", saturation);
    if (!(hue >= 0 && hue <= 0.5)) {
      throw new IllegalArgumentException("hue values should be between (-0.5, 0.5), got " + hue);
    }
    this.hue = hue == 0 ? null : new double[] {-hue, hue};
    this.generator = generator;
  }

  private static double[] factorRange(String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(
          "If " + name + " is a single number, it must be non negative, got " + v);
    }
    return v == 0 ? null : new double[] {Math.max(0, 1 - v), 1 + v};
  }

  @Override
  public Tensor apply(Tensor input) {
    Images.checkImage(input, 3, "ColorJitter");
    Generator g = Rand.source(generator);
    int[] order = Rand.randperm(4, g);
    double b = brightness == null ? Double.NaN : Rand.uniform(brightness[0], brightness[1], g);
    double c = contrast == null ? Double.NaN : Rand.uniform(contrast[0], contrast[1], g);
    double s = saturation == null ? Double.NaN : Rand.uniform(saturation[0], saturation[1], g);
    double h = hue == null ? Double.NaN : Rand.uniform(hue[0], hue[1], g);
    Tensor img = input;
    for (int fn : order) {
      Tensor next;
      if (fn == 0 && brightness != null) {
        next = adjustBrightness(img, b);
      } else if (fn == 1 && contrast != null) {
        next = adjustContrast(img, c);
      } else if (fn == 2 && saturation != null) {
        next = adjustSaturation(img, s);
      } else if (fn == 3 && hue != null) {
        next = adjustHue(img, h);
      } else {
        continue;
      }
      if (img != input && next != img) {
        img.close();
      }
      img = next;
    }
    return img;
  }

  /** torchvision's {@code adjust_brightness}: a blend with black. */
  public static Tensor adjustBrightness(Tensor img, double factor) {
    try (Tensor zeros = Torch.zerosLike(img)) {
      return Images.blend(img, zeros, factor);
    }
  }

  /** torchvision's {@code adjust_contrast}: a blend with the mean grey level. */
  public static Tensor adjustContrast(Tensor img, double factor) {
    long[] s = img.shape();
    DType dt = Images.isFloat(img) ? img.dtype() : DType.FLOAT32;
    Tensor grey = s[s.length - 3] == 3 ? Images.grayscale(img) : img;
    try (Tensor gf = grey.to(dt);
        Tensor mean = gf.mean(new long[] {-3, -2, -1}, true)) {
      return Images.blend(img, mean, factor);
    } finally {
      if (grey != img) {
        grey.close();
      }
    }
  }

  /** torchvision's {@code adjust_saturation}: a blend with the grey image. */
  public static Tensor adjustSaturation(Tensor img, double factor) {
    long[] s = img.shape();
    if (s[s.length - 3] == 1) {
      return img;
    }
    try (Tensor grey = Images.grayscale(img)) {
      return Images.blend(img, grey, factor);
    }
  }

  /** torchvision's {@code adjust_hue}: a shift of the hue, through HSV. */
  public static Tensor adjustHue(Tensor img, double factor) {
    if (!(factor >= -0.5 && factor <= 0.5)) {
      throw new IllegalArgumentException("hue_factor (" + factor + ") is not in [-0.5, 0.5].");
    }
    long[] s = img.shape();
    if (s[s.length - 3] == 1) {
      return img;
    }
    if (s[s.length - 3] != 3) {
      throw new IllegalArgumentException("adjust_hue needs 1 or 3 channels");
    }
    boolean u8 = !Images.isFloat(img);
    try (Tensor f = u8 ? scaleDown(img) : img.mul(1.0);
        Tensor hsv = rgbToHsv(f);
        Tensor hh = hsv.narrow(-3, 0, 1);
        Tensor shifted = hh.add(factor);
        Tensor wrapped = shifted.remainder(1.0);
        Tensor sv = hsv.narrow(-3, 1, 2);
        Tensor hsv2 = Torch.cat(List.of(wrapped, sv), -3);
        Tensor rgb = hsvToRgb(hsv2)) {
      if (u8) {
        try (Tensor scaled = rgb.mul(255.0)) {
          return scaled.to(img.dtype());
        }
      }
      return rgb.mul(1.0);
    }
  }

  private static Tensor rgbToHsv(Tensor img) {
    try (Tensor r = img.narrow(-3, 0, 1);
        Tensor g = img.narrow(-3, 1, 1);
        Tensor b = img.narrow(-3, 2, 1);
        Tensor maxc = img.amax(new long[] {-3}, true);
        Tensor minc = img.amin(new long[] {-3}, true);
        Tensor eqc = maxc.eq(minc);
        Tensor cr = maxc.sub(minc);
        Tensor ones = Torch.onesLike(maxc);
        Tensor sDen = Torch.where(eqc, ones, maxc);
        Tensor sat = cr.div(sDen);
        Tensor crDiv = Torch.where(eqc, ones, cr);
        Tensor mr = maxc.sub(r);
        Tensor mg = maxc.sub(g);
        Tensor mb = maxc.sub(b);
        Tensor rc = mr.div(crDiv);
        Tensor gc = mg.div(crDiv);
        Tensor bc = mb.div(crDiv);
        Tensor isR = maxc.eq(r);
        Tensor isG = maxc.eq(g);
        Tensor notR = isR.logicalNot();
        Tensor notG = isG.logicalNot();
        Tensor gAndNotR = isG.logicalAnd(notR);
        Tensor neither = notG.logicalAnd(notR);
        Tensor bcgc = bc.sub(gc);
        Tensor hr = bcgc.mul(isR);
        Tensor rcbc = rc.sub(bc);
        Tensor rcbc2 = rcbc.add(2.0);
        Tensor hg = rcbc2.mul(gAndNotR);
        Tensor gcrc = gc.sub(rc);
        Tensor gcrc4 = gcrc.add(4.0);
        Tensor hb = gcrc4.mul(neither);
        Tensor h1 = hr.add(hg);
        Tensor h2 = h1.add(hb);
        Tensor h6 = h2.div(6.0);
        Tensor h61 = h6.add(1.0);
        Tensor h = h61.remainder(1.0)) {
      return Torch.cat(List.of(h, sat, maxc), -3);
    }
  }

  private static Tensor hsvToRgb(Tensor img) {
    try (Tensor h = img.narrow(-3, 0, 1);
        Tensor s = img.narrow(-3, 1, 1);
        Tensor v = img.narrow(-3, 2, 1);
        Tensor h6 = h.mul(6.0);
        Tensor i = h6.floor();
        Tensor f = h6.sub(i);
        Tensor ii = i.to(DType.INT32);
        Tensor i6 = ii.remainder(6L);
        Tensor oneMinusS = oneMinus(s);
        Tensor vp = v.mul(oneMinusS);
        Tensor p = vp.clamp(0.0, 1.0);
        Tensor sf = s.mul(f);
        Tensor oneMinusSf = oneMinus(sf);
        Tensor vq = v.mul(oneMinusSf);
        Tensor q = vq.clamp(0.0, 1.0);
        Tensor oneMinusF = oneMinus(f);
        Tensor sf2 = s.mul(oneMinusF);
        Tensor oneMinusSf2 = oneMinus(sf2);
        Tensor vt = v.mul(oneMinusSf2);
        Tensor t = vt.clamp(0.0, 1.0);
        Tensor r = select(i6, new Tensor[] {v, q, p, p, t, v});
        Tensor g = select(i6, new Tensor[] {t, v, v, q, p, p});
        Tensor b = select(i6, new Tensor[] {p, p, t, v, v, q})) {
      return Torch.cat(List.of(r, g, b), -3);
    }
  }

  private static Tensor oneMinus(Tensor x) {
    try (Tensor n = x.neg()) {
      return n.add(1.0);
    }
  }

  private static Tensor scaleDown(Tensor u8) {
    try (Tensor f = u8.to(DType.FLOAT32)) {
      return f.div(255.0);
    }
  }

  /** {@code choices[sector]} element-wise, for sectors 0..5. */
  private static Tensor select(Tensor sector, Tensor[] choices) {
    Tensor out = Torch.zerosLike(choices[0]);
    for (int k = 0; k < choices.length; k++) {
      try (Tensor m = sector.eq(k)) {
        Tensor next = Torch.where(m, choices[k], out);
        out.close();
        out = next;
      }
    }
    return out;
  }
}
