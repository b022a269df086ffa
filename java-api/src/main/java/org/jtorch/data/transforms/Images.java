package org.jtorch.data.transforms;

import java.util.Arrays;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.internal.NativeCalls;

/** Image operations on {@code [..., C, H, W]} tensors, as torchvision's tensor functional does. */
final class Images {
  private Images() {}

  static long[] checkImage(Tensor img, int minDims, String who) {
    if (img == null) {
      throw new NullPointerException(who + ": the image is null");
    }
    long[] s = img.shape();
    if (s.length < minDims) {
      throw new IllegalArgumentException(
          who
              + " expects a tensor image of at least "
              + minDims
              + " dimensions ([..., C, H, W]), got shape "
              + Arrays.toString(s));
    }
    return s;
  }

  static long height(long[] s) {
    return s[s.length - 2];
  }

  static long width(long[] s) {
    return s[s.length - 1];
  }

  static boolean isFloat(Tensor t) {
    DType d = t.dtype();
    return d == DType.FLOAT32 || d == DType.FLOAT64 || d == DType.FLOAT16 || d == DType.BFLOAT16;
  }

  /** torchvision's {@code crop}: rows {@code top..top+h}, columns {@code left..left+w}; zero-pads outside. */
  static Tensor crop(Tensor img, long top, long left, long h, long w) {
    long[] s = img.shape();
    long ih = height(s);
    long iw = width(s);
    if (left < 0 || top < 0 || top + h > ih || left + w > iw) {
      long padL = Math.max(-left, 0);
      long padT = Math.max(-top, 0);
      long padR = Math.max(left + w - iw, 0);
      long padB = Math.max(top + h - ih, 0);
      Tensor inside =
          narrow2(img, Math.max(top, 0), Math.max(left, 0),
              Math.min(top + h, ih) - Math.max(top, 0), Math.min(left + w, iw) - Math.max(left, 0));
      try (inside) {
        return pad(inside, padL, padT, padR, padB, 0, "constant");
      }
    }
    return narrow2(img, top, left, h, w);
  }

  private static Tensor narrow2(Tensor img, long top, long left, long h, long w) {
    try (Tensor rows = img.narrow(-2, top, h)) {
      return rows.narrow(-1, left, w);
    }
  }

  /** torchvision's {@code pad}: constant (with {@code fill}), edge, reflect or symmetric. */
  static Tensor pad(Tensor img, long left, long top, long right, long bottom, double fill, String mode) {
    long[] p = {left, right, top, bottom};
    org.bytedeco.pytorch.Tensor h = NativeCalls.h(img, "img");
    switch (mode) {
      case "constant":
        return NativeCalls.tensor(
            () -> {
              try (Scalar v = new Scalar(fill)) {
                return torch.constant_pad_nd(h, p, v);
              }
            });
      case "edge":
        return padAs4d(img, p, torch::replication_pad2d);
      case "reflect":
        return padAs4d(img, p, torch::reflection_pad2d);
      case "symmetric":
        return symmetric(img, left, top, right, bottom);
      default:
        throw new IllegalArgumentException(
            "padding mode should be constant, edge, reflect or symmetric, got " + mode);
    }
  }

  private interface Pad2d {
    org.bytedeco.pytorch.Tensor call(org.bytedeco.pytorch.Tensor t, long... pad);
  }

  private static Tensor padAs4d(Tensor img, long[] p, Pad2d fn) {
    long[] s = img.shape();
    boolean floatIn = isFloat(img);
    Tensor x = floatIn ? img : img.to(DType.FLOAT32);
    try (Tensor x4 = x.reshape(-1, 1, height(s), width(s))) {
      org.bytedeco.pytorch.Tensor h = NativeCalls.h(x4, "x");
      try (Tensor padded = NativeCalls.tensor(() -> fn.call(h, p))) {
        long[] out = s.clone();
        out[out.length - 2] = height(s) + p[2] + p[3];
        out[out.length - 1] = width(s) + p[0] + p[1];
        Tensor r = padded.reshape(out);
        if (!floatIn) {
          try (r) {
            return r.to(img.dtype());
          }
        }
        return r;
      }
    } finally {
      if (x != img) {
        x.close();
      }
    }
  }

  private static Tensor symmetric(Tensor img, long left, long top, long right, long bottom) {
    long[] s = img.shape();
    long h = height(s);
    long w = width(s);
    long[] rows = new long[(int) (h + top + bottom)];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = mirror(i - top, h);
    }
    long[] cols = new long[(int) (w + left + right)];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = mirror(i - left, w);
    }
    try (Tensor ri = Torch.tensor(rows);
        Tensor ci = Torch.tensor(cols);
        Tensor r = img.indexSelect(-2, ri)) {
      return r.indexSelect(-1, ci);
    }
  }

  private static long mirror(long i, long n) {
    long period = 2 * n;
    long k = ((i % period) + period) % period;
    return k < n ? k : period - 1 - k;
  }

  /**
   * Bilinear resize of the last two dimensions to {@code h x w}, torchvision's {@code resize} with
   * {@code antialias=False}; uint8 images are rounded back to uint8.
   */
  static Tensor resize(Tensor img, long h, long w) {
    return resize(img, h, w, false);
  }

  /**
   * Bilinear resize of the last two dims, torchvision's tensor {@code resize}: floating images
   * as they are, others through float32 and rounded back. With {@code antialias} (torchvision's
   * default) the kernel widens with the downscaling factor, as {@code F.interpolate(...,
   * antialias=True)}: LibTorch's {@code _upsample_bilinear2d_aa}, which the presets do not wrap
   * (called through the dispatcher).
   */
  static Tensor resize(Tensor img, long h, long w, boolean antialias) {
    long[] s = img.shape();
    if (height(s) == h && width(s) == w) {
      return img;
    }
    boolean floatIn = isFloat(img);
    Tensor x = floatIn ? img : img.to(DType.FLOAT32);
    try (Tensor x4 = x.reshape(1, -1, height(s), width(s))) {
      long[] size = {h, w};
      Tensor resized;
      if (antialias) {
        resized = BILINEAR_AA.callTensor(x4, size, false, null, null);
      } else {
        org.bytedeco.pytorch.Tensor hx = NativeCalls.h(x4, "x");
        resized = NativeCalls.tensor(() -> torch.upsample_bilinear2d(hx, size, false));
      }
      try (Tensor r4 = resized) {
        long[] out = s.clone();
        out[out.length - 2] = h;
        out[out.length - 1] = w;
        Tensor r = r4.reshape(out);
        if (!floatIn) {
          try (r;
              Tensor rounded = r.round();
              Tensor clamped = rounded.clamp(0, 255)) {
            return clamped.to(img.dtype());
          }
        }
        return r;
      }
    } finally {
      if (x != img) {
        x.close();
      }
    }
  }

  /** {@code aten::_upsample_bilinear2d_aa(self, output_size, align_corners, scales_h, scales_w)}. */
  private static final org.jtorch.ops.OpHandle BILINEAR_AA =
      org.jtorch.ops.Ops.op("aten::_upsample_bilinear2d_aa");

  /**
   * An affine warp about the image centre, torchvision's tensor {@code affine}: {@code angle}
   * degrees clockwise (as torchvision's {@code affine}; its {@code rotate} is counter-clockwise), translation in pixels, scale, shear in degrees; points that fall
   * outside get {@code fill}.
   */
  static Tensor affine(
      Tensor img, double angle, double tx, double ty, double scale, double shearX, double shearY,
      boolean nearest, double fill) {
    long[] s = img.shape();
    long ih = height(s);
    long iw = width(s);
    double[] m = inverseAffine(angle, tx, ty, scale, shearX, shearY);
    // pixel units about the centre -> the normalised coordinates of affine_grid
    double hw = iw * 0.5;
    double hh = ih * 0.5;
    float[] theta = {
      (float) m[0], (float) (m[1] * hh / hw), (float) (m[2] / hw),
      (float) (m[3] * hw / hh), (float) m[4], (float) (m[5] / hh)
    };
    boolean floatIn = isFloat(img);
    Tensor x = floatIn ? img : img.to(DType.FLOAT32);
    try (Tensor x4 = x.reshape(1, -1, ih, iw);
        Tensor ones = Torch.ones(new long[] {1, 1, ih, iw}, TensorOptions.dtype(x4.dtype()));
        Tensor withMask = Torch.cat(java.util.List.of(x4, ones), 1);
        Tensor th32 = Torch.tensor(theta);
        Tensor th3 = th32.reshape(1, 2, 3);
        Tensor th = th3.to(x4.dtype())) {
      org.bytedeco.pytorch.Tensor hth = NativeCalls.h(th, "theta");
      org.bytedeco.pytorch.Tensor hx = NativeCalls.h(withMask, "x");
      long c = withMask.shape()[1];
      try (Tensor grid =
              NativeCalls.tensor(
                  () -> torch.affine_grid_generator(hth, new long[] {1, c, ih, iw}, false));
          Tensor sampled =
              NativeCalls.tensor(
                  () -> torch.grid_sampler(hx, NativeCalls.h(grid, "grid"), nearest ? 1 : 0, 0, false));
          Tensor out = sampled.narrow(1, 0, c - 1);
          Tensor mask = sampled.narrow(1, c - 1, 1)) {
        Tensor r;
        if (fill == 0) {
          r = reshaped(out, s); // points outside are already 0
        } else if (nearest) {
          try (Tensor keep = mask.lt(0.5);
              Tensor keepAll = keep.expandAs(out);
              Tensor filled = out.maskedFill(keepAll, fill)) {
            r = reshaped(filled, s);
          }
        } else {
          try (Tensor a = out.mul(mask);
              Tensor inv = mask.neg();
              Tensor inv1 = inv.add(1.0);
              Tensor b = inv1.mul(fill);
              Tensor sum = a.add(b)) {
            r = reshaped(sum, s);
          }
        }
        if (!floatIn) {
          try (r;
              Tensor rounded = r.round();
              Tensor clamped = rounded.clamp(0, 255)) {
            return clamped.to(img.dtype());
          }
        }
        return r;
      }
    } finally {
      if (x != img) {
        x.close();
      }
    }
  }

  /** {@code t} reshaped to {@code s}, contiguous, as a tensor of its own. */
  static Tensor reshaped(Tensor t, long[] s) {
    try (Tensor v = t.reshape(s)) {
      return v.contiguous();
    }
  }

  /** torchvision's {@code _get_inverse_affine_matrix} with the centre at the origin. */
  static double[] inverseAffine(
      double angle, double tx, double ty, double scale, double shearX, double shearY) {
    double rot = Math.toRadians(angle);
    double sx = Math.toRadians(shearX);
    double sy = Math.toRadians(shearY);
    double a = Math.cos(rot - sy) / Math.cos(sy);
    double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
    double c = Math.sin(rot - sy) / Math.cos(sy);
    double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
    double[] m = {d / scale, -b / scale, 0, -c / scale, a / scale, 0};
    m[2] += m[0] * (-tx) + m[1] * (-ty);
    m[5] += m[3] * (-tx) + m[4] * (-ty);
    return m;
  }

  /** torchvision's {@code rgb_to_grayscale}: {@code [..., 1, H, W]} in the input's dtype. */
  static Tensor grayscale(Tensor img) {
    long[] s = img.shape();
    long c = s[s.length - 3];
    if (c == 1) {
      return img.clone();
    }
    if (c != 3) {
      throw new IllegalArgumentException(
          "grayscale needs 1 or 3 channels, got " + c + " (shape " + Arrays.toString(s) + ")");
    }
    try (Tensor r = img.narrow(-3, 0, 1);
        Tensor g = img.narrow(-3, 1, 1);
        Tensor b = img.narrow(-3, 2, 1);
        Tensor r1 = r.mul(0.2989);
        Tensor g1 = g.mul(0.587);
        Tensor b1 = b.mul(0.114);
        Tensor rg = r1.add(g1);
        Tensor l = rg.add(b1)) {
      return l.to(img.dtype());
    }
  }

  /** torchvision's {@code _blend}: {@code (ratio * a + (1 - ratio) * b)} clamped, in a's dtype. */
  static Tensor blend(Tensor a, Tensor b, double ratio) {
    double bound = isFloat(a) ? 1.0 : 255.0;
    try (Tensor x = a.mul(ratio);
        Tensor y = b.mul(1.0 - ratio);
        Tensor sum = x.add(y);
        Tensor c = sum.clamp(0, bound)) {
      return c.to(a.dtype());
    }
  }
}
