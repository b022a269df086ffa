package org.jtorch.nn.init;

import java.util.Locale;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.internal.NativeCalls;
import org.jtorch.linalg.Linalg;

/**
 * PyTorch's {@code torch.nn.init}: in-place initialisers for parameters. Each runs without
 * recording gradients and draws from the default generator in the same order as PyTorch, so after
 * {@code Torch.manualSeed(s)} a tensor initialised here holds the numbers Python's function gives
 * after {@code torch.manual_seed(s)}. Each returns the tensor it filled.
 */
public final class Init {
  private Init() {}

  /** Fills with samples of U(a, b), PyTorch's {@code uniform_}. */
  public static Tensor uniform_(Tensor t, double a, double b) {
    try (GradMode g = Torch.noGrad()) {
      return t.uniform_(a, b);
    }
  }

  /** Fills with samples of N(mean, std²), PyTorch's {@code normal_}. */
  public static Tensor normal_(Tensor t, double mean, double std) {
    try (GradMode g = Torch.noGrad()) {
      return t.normal_(mean, std);
    }
  }

  /** Fills with {@code value}, PyTorch's {@code constant_}. */
  public static Tensor constant_(Tensor t, double value) {
    try (GradMode g = Torch.noGrad()) {
      return t.fill_(value);
    }
  }

  /** Fills with ones. */
  public static Tensor ones_(Tensor t) {
    return constant_(t, 1.0);
  }

  /** Fills with zeros. */
  public static Tensor zeros_(Tensor t) {
    try (GradMode g = Torch.noGrad()) {
      return t.zero_();
    }
  }

  /**
   * The recommended gain for a nonlinearity, PyTorch's {@code calculate_gain}: {@code linear},
   * {@code conv1d}…{@code conv_transpose3d}, {@code sigmoid} → 1; {@code tanh} → 5/3; {@code relu}
   * → √2; {@code leaky_relu} → √(2 / (1 + slope²)) (slope {@code param}, default 0.01); {@code
   * selu} → 3/4.
   *
   * @param param the negative slope for {@code leaky_relu}, or null
   * @throws IllegalArgumentException for an unknown nonlinearity
   */
  public static double calculateGain(String nonlinearity, Double param) {
    switch (nonlinearity) {
      case "linear":
      case "conv1d":
      case "conv2d":
      case "conv3d":
      case "conv_transpose1d":
      case "conv_transpose2d":
      case "conv_transpose3d":
      case "sigmoid":
        return 1.0;
      case "tanh":
        return 5.0 / 3;
      case "relu":
        return Math.sqrt(2.0);
      case "leaky_relu":
        double slope = param == null ? 0.01 : param;
        return Math.sqrt(2.0 / (1 + slope * slope));
      case "selu":
        return 3.0 / 4;
      default:
        throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
    }
  }

  /** {@code calculateGain(nonlinearity, null)}. */
  public static double calculateGain(String nonlinearity) {
    return calculateGain(nonlinearity, null);
  }

  /**
   * {@code {fan_in, fan_out}} of a weight, PyTorch's {@code _calculate_fan_in_and_fan_out}: sizes
   * of dims 1 and 0 times the receptive field (the product of the remaining dims).
   *
   * @throws IllegalArgumentException for fewer than 2 dimensions
   */
  public static long[] fans(Tensor t) {
    long[] s = t.shape();
    if (s.length < 2) {
      throw new IllegalArgumentException(
          "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    }
    long receptive = 1;
    for (int i = 2; i < s.length; i++) {
      receptive *= s[i];
    }
    return new long[] {s[1] * receptive, s[0] * receptive};
  }

  private static long fan(Tensor t, String mode) {
    String m = mode.toLowerCase(Locale.ROOT);
    if (!m.equals("fan_in") && !m.equals("fan_out")) {
      throw new IllegalArgumentException(
          "Mode " + mode + " not supported, please use one of fan_in, fan_out");
    }
    long[] f = fans(t);
    return m.equals("fan_in") ? f[0] : f[1];
  }

  /** Xavier/Glorot uniform, PyTorch's {@code xavier_uniform_(t, gain)}. */
  public static Tensor xavierUniform_(Tensor t, double gain) {
    long[] f = fans(t);
    double std = gain * Math.sqrt(2.0 / (f[0] + f[1]));
    double a = Math.sqrt(3.0) * std;
    return uniform_(t, -a, a);
  }

  /** {@code xavierUniform_(t, 1)}. */
  public static Tensor xavierUniform_(Tensor t) {
    return xavierUniform_(t, 1.0);
  }

  /** Xavier/Glorot normal, PyTorch's {@code xavier_normal_(t, gain)}. */
  public static Tensor xavierNormal_(Tensor t, double gain) {
    long[] f = fans(t);
    double std = gain * Math.sqrt(2.0 / (f[0] + f[1]));
    return normal_(t, 0, std);
  }

  /** {@code xavierNormal_(t, 1)}. */
  public static Tensor xavierNormal_(Tensor t) {
    return xavierNormal_(t, 1.0);
  }

  /**
   * Kaiming/He uniform, PyTorch's {@code kaiming_uniform_(t, a, mode, nonlinearity)}: U(-b, b)
   * with b = gain·√(3 / fan). A tensor with no elements is left alone.
   */
  public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
    if (t.numel() == 0) {
      return t;
    }
    double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
    double bound = Math.sqrt(3.0) * std;
    return uniform_(t, -bound, bound);
  }

  /** {@code kaimingUniform_(t, 0, "fan_in", "leaky_relu")}, PyTorch's defaults. */
  public static Tensor kaimingUniform_(Tensor t) {
    return kaimingUniform_(t, 0, "fan_in", "leaky_relu");
  }

  /** Kaiming/He normal, PyTorch's {@code kaiming_normal_(t, a, mode, nonlinearity)}. */
  public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity) {
    if (t.numel() == 0) {
      return t;
    }
    double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
    return normal_(t, 0, std);
  }

  /** {@code kaimingNormal_(t, 0, "fan_in", "leaky_relu")}, PyTorch's defaults. */
  public static Tensor kaimingNormal_(Tensor t) {
    return kaimingNormal_(t, 0, "fan_in", "leaky_relu");
  }

  /**
   * A normal distribution truncated to [a, b], PyTorch's {@code trunc_normal_(t, mean, std, a,
   * b)}, with PyTorch 2.13's sampler (so the same numbers for the same seed): resampling values
   * outside [a, b] when the interval holds over 30% of the mass, rejection sampling from U(a, b)
   * otherwise.
   */
  public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b) {
    double p = normCdf((b - mean) / std) - normCdf((a - mean) / std);
    try (GradMode g = Torch.noGrad();
        org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      if (p > 0.3) {
        // the bounds rounded to the tensor's dtype, so the mask agrees with representable values
        double lo = Torch.full(new long[] {}, a).to(t.dtype()).doubleValue();
        double hi = Torch.full(new long[] {}, b).to(t.dtype()).doubleValue();
        Tensor result = t.normal_(mean, std);
        while (true) {
          Tensor mask = result.lt(lo).logicalOr(result.gt(hi));
          if (!mask.any().booleanValue()) {
            break;
          }
          result = Torch.where(mask, Torch.emptyLike(result).normal_(mean, std), result);
        }
        if (result != t) {
          t.copy_(result);
        }
      } else {
        double mode = Math.max(a, Math.min(mean, b));
        double logPeak = -0.5 * Math.pow((mode - mean) / std, 2);
        Tensor candidates = Torch.emptyLike(t);
        Tensor acceptBuf = Torch.emptyLike(t);
        t.uniform_(a, b);
        candidates.copy_(t);
        candidates.sub_(mean).div_(std).pow_(2.0).mul_(-0.5).sub_(logPeak);
        Tensor pending = acceptBuf.uniform_(0, 1).log_().gt(candidates);
        if (pending.any().booleanValue()) {
          Tensor result = t;
          while (true) {
            candidates.uniform_(a, b);
            result = Torch.where(pending, candidates, result);
            candidates.sub_(mean).div_(std).pow_(2.0).mul_(-0.5).sub_(logPeak);
            pending = Torch.where(pending, acceptBuf.uniform_(0, 1).log_().gt(candidates), pending);
            if (!pending.any().booleanValue()) {
              break;
            }
          }
          t.copy_(result);
        }
      }
      return t;
    }
  }

  /** {@code truncNormal_(t, 0, 1, -2, 2)}, PyTorch's defaults. */
  public static Tensor truncNormal_(Tensor t) {
    return truncNormal_(t, 0, 1, -2, 2);
  }

  private static double normCdf(double x) {
    try (Tensor v = Torch.tensor(new double[] {x / Math.sqrt(2.0)});
        Tensor e = v.erf()) {
      return (1.0 + e.doubleValue()) / 2.0;
    }
  }

  /**
   * A (semi-)orthogonal matrix, PyTorch's {@code orthogonal_(t, gain)}: the Q of a QR
   * decomposition of a normal sample, with the signs PyTorch picks.
   *
   * @throws IllegalArgumentException for fewer than 2 dimensions
   */
  public static Tensor orthogonal_(Tensor t, double gain) {
    if (t.dim() < 2) {
      throw new IllegalArgumentException("Only tensors with 2 or more dimensions are supported");
    }
    if (t.numel() == 0) {
      return t;
    }
    long rows = t.size(0);
    long cols = t.numel() / rows;
    try (GradMode g = Torch.noGrad();
        org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      DType dt = t.dtype();
      Tensor flat = Torch.empty(new long[] {rows, cols}, org.jtorch.TensorOptions.dtype(dt)).normal_(0, 1);
      if (rows < cols) {
        flat = flat.t();
      }
      Linalg.QR qr = Linalg.qr(flat);
      Tensor r = qr.R();
      Tensor d = NativeCalls.tensor(() -> org.bytedeco.pytorch.global.torch.diag(NativeCalls.h(r, "r"), 0));
      Tensor q = qr.Q().mul(d.sign());
      if (rows < cols) {
        q = q.t();
      }
      t.view(q.shape()).copy_(q);
      t.mul_(gain);
    }
    return t;
  }

  /** {@code orthogonal_(t, 1)}. */
  public static Tensor orthogonal_(Tensor t) {
    return orthogonal_(t, 1.0);
  }

  /** Fills a 2-D tensor with the identity, PyTorch's {@code eye_}. */
  public static Tensor eye_(Tensor t) {
    if (t.dim() != 2) {
      throw new IllegalArgumentException("Only tensors with 2 dimensions are supported");
    }
    try (GradMode g = Torch.noGrad();
        Tensor eye = Torch.eye(t.size(0), t.size(1))) {
      return t.copy_(eye);
    }
  }
}
