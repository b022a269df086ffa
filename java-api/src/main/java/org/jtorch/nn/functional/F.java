package org.jtorch.nn.functional;

import static org.jtorch.internal.NativeCalls.h;
import static org.jtorch.internal.NativeCalls.tensor;

import java.util.function.Function;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;

/**
 * PyTorch's {@code torch.nn.functional}: the stateless forms of the layers in {@code
 * org.jtorch.nn}, under the same names in lowerCamelCase ({@code F.relu}, {@code F.crossEntropy},
 * {@code F.maxPool2d}). Each runs LibTorch's own kernel, so forward values and gradients are
 * PyTorch's. Optional tensor arguments (a bias, class weights) may be null, like Python's {@code
 * None}.
 */
public final class F {
  private F() {}

  /** Runs {@code f} with a native scalar that lives for the call. */
  static org.bytedeco.pytorch.Tensor withScalar(double v, Function<Scalar, org.bytedeco.pytorch.Tensor> f) {
    try (Scalar s = new Scalar(v)) {
      return f.apply(s);
    }
  }

  /** An optional tensor argument: empty for null. The caller closes it. */
  static TensorOptional optional(Tensor t) {
    return t == null ? new TensorOptional() : new TensorOptional(h(t, "tensor"));
  }

  // =============================================================================================
  // Linear layers and activations

  /** {@code x Wᵀ + b}, PyTorch's {@code F.linear}; {@code bias} may be null. */
  public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    try (TensorOptional b = optional(bias)) {
      return tensor(() -> torch.linear(x, w, b));
    }
  }

  /** {@code x1ᵀ A x2 + b}, PyTorch's {@code F.bilinear}; {@code bias} may be null. */
  public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
    org.bytedeco.pytorch.Tensor x1 = h(input1, "input1");
    org.bytedeco.pytorch.Tensor x2 = h(input2, "input2");
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    try (TensorOptional b = optional(bias)) {
      return tensor(() -> torch.bilinear(x1, x2, w, b));
    }
  }

  /** max(0, x). */
  public static Tensor relu(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.relu(x));
  }

  /** In-place {@link #relu}; returns {@code input}. */
  public static Tensor relu_(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    tensor(() -> torch.relu_(x)).close();
    return input;
  }

  /** min(max(0, x), 6). */
  public static Tensor relu6(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.relu6(x));
  }

  /** max(0, x) + negativeSlope · min(0, x), PyTorch's {@code F.leaky_relu}. */
  public static Tensor leakyRelu(Tensor input, double negativeSlope) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> withScalar(negativeSlope, s -> torch.leaky_relu(x, s)));
  }

  /** {@code leakyRelu(input, 0.01)}. */
  public static Tensor leakyRelu(Tensor input) {
    return leakyRelu(input, 0.01);
  }

  /** max(0, x) + weight · min(0, x) with a learned slope per channel, PyTorch's {@code F.prelu}. */
  public static Tensor prelu(Tensor input, Tensor weight) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    return tensor(() -> torch.prelu(x, w));
  }

  /** x for x > 0, alpha · (eˣ − 1) otherwise. */
  public static Tensor elu(Tensor input, double alpha) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    try (Scalar a = new Scalar(alpha);
        Scalar one = new Scalar(1.0)) {
      return tensor(() -> torch.elu(x, a, one, one));
    }
  }

  /** {@code elu(input, 1.0)}. */
  public static Tensor elu(Tensor input) {
    return elu(input, 1.0);
  }

  /** Scaled ELU with PyTorch's constants. */
  public static Tensor selu(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.selu(x));
  }

  /** max(0, x) + min(0, alpha · (e^(x/alpha) − 1)). */
  public static Tensor celu(Tensor input, double alpha) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> withScalar(alpha, s -> torch.celu(x, s)));
  }

  /**
   * The Gaussian error linear unit, PyTorch's {@code F.gelu(input, approximate)}.
   *
   * @param approximate {@code "none"} (exact, with erf) or {@code "tanh"}
   */
  public static Tensor gelu(Tensor input, String approximate) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.gelu(x, approximate));
  }

  /** {@code gelu(input, "none")}. */
  public static Tensor gelu(Tensor input) {
    return gelu(input, "none");
  }

  /** x · sigmoid(x), PyTorch's {@code F.silu}. */
  public static Tensor silu(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.silu(x));
  }

  /** x · tanh(softplus(x)). */
  public static Tensor mish(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.mish(x));
  }

  /** 1 / (1 + e⁻ˣ). */
  public static Tensor sigmoid(Tensor input) {
    return input.sigmoid();
  }

  /** The hyperbolic tangent. */
  public static Tensor tanh(Tensor input) {
    return input.tanh();
  }

  /** log(sigmoid(x)), computed stably. */
  public static Tensor logsigmoid(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.log_sigmoid(x));
  }

  /** Softmax along {@code dim}. */
  public static Tensor softmax(Tensor input, long dim) {
    return input.softmax(dim);
  }

  /** Log-softmax along {@code dim}. */
  public static Tensor logSoftmax(Tensor input, long dim) {
    return input.logSoftmax(dim);
  }

  /**
   * (1/beta) · log(1 + e^(beta·x)), linear above {@code threshold}, PyTorch's {@code F.softplus}.
   */
  public static Tensor softplus(Tensor input, double beta, double threshold) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    try (Scalar b = new Scalar(beta);
        Scalar t = new Scalar(threshold)) {
      return tensor(() -> torch.softplus(x, b, t));
    }
  }

  /** {@code softplus(input, 1, 20)}. */
  public static Tensor softplus(Tensor input) {
    return softplus(input, 1, 20);
  }

  /** x clamped to [minVal, maxVal], PyTorch's {@code F.hardtanh}. */
  public static Tensor hardtanh(Tensor input, double minVal, double maxVal) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    try (Scalar lo = new Scalar(minVal);
        Scalar hi = new Scalar(maxVal)) {
      return tensor(() -> torch.hardtanh(x, lo, hi));
    }
  }

  /** {@code hardtanh(input, -1, 1)}. */
  public static Tensor hardtanh(Tensor input) {
    return hardtanh(input, -1, 1);
  }

  /** x · relu6(x + 3) / 6. */
  public static Tensor hardswish(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.hardswish(x));
  }

  /** relu6(x + 3) / 6. */
  public static Tensor hardsigmoid(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.hardsigmoid(x));
  }

  /** x / (1 + |x|). */
  public static Tensor softsign(Tensor input) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.softsign(x));
  }

  /** The gated linear unit: the first half of {@code dim} times sigmoid of the second half. */
  public static Tensor glu(Tensor input, long dim) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.glu(x, dim));
  }

  // =============================================================================================
  // Dropout

  /**
   * Zeroes each element with probability {@code p} and scales the rest by 1/(1−p) when {@code
   * training}; the identity otherwise. Draws from the default generator like PyTorch.
   *
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public static Tensor dropout(Tensor input, double p, boolean training) {
    checkP(p);
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.dropout(x, p, training));
  }

  /**
   * Zeroes whole channels (dim 1) with probability {@code p} and scales the rest by 1/(1−p) when
   * {@code training}, PyTorch's {@code F.dropout2d}. As in PyTorch 2.13, a 3-D input is taken as
   * (N, C, L), not as an unbatched (C, H, W) image (PyTorch warns about that; jtorch documents it
   * here); inputs of other ranks are dropped by channel too.
   */
  public static Tensor dropout2d(Tensor input, double p, boolean training) {
    checkP(p);
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.feature_dropout(x, p, training));
  }

  /** Alpha dropout, which keeps SELU's self-normalising mean and variance. */
  public static Tensor alphaDropout(Tensor input, double p, boolean training) {
    checkP(p);
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.alpha_dropout(x, p, training));
  }

  private static void checkP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "dropout probability has to be between 0 and 1, but got " + p);
    }
  }

  // =============================================================================================
  // Other functions

  /**
   * One-hot encoding of an int64 tensor of class indices, PyTorch's {@code F.one_hot}; {@code
   * numClasses} −1 means one more than the largest index.
   */
  public static Tensor oneHot(Tensor input, long numClasses) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.one_hot(x, numClasses));
  }

  /** {@code oneHot(input, -1)}. */
  public static Tensor oneHot(Tensor input) {
    return oneHot(input, -1);
  }

  /**
   * Divides by the {@code p}-norm along {@code dim}, clamped below by {@code eps}, PyTorch's
   * {@code F.normalize}.
   */
  public static Tensor normalize(Tensor input, double p, long dim, double eps) {
    try (Tensor norm = input.norm(p, new long[] {dim}, true);
        Tensor clamped = norm.clampMin(eps);
        Tensor denom = clamped.expandAs(input)) {
      return input.div(denom);
    }
  }

  /** {@code normalize(input, 2, 1, 1e-12)}. */
  public static Tensor normalize(Tensor input) {
    return normalize(input, 2, 1, 1e-12);
  }

  // =============================================================================================
  // Convolution, pooling, normalization, padding and resampling
  // (conv1d/2d/3d, convTranspose1d/2d, maxPool*, avgPool*, adaptive*, batchNorm, layerNorm,
  // groupNorm, instanceNorm, pad, interpolate, pixelShuffle)

  // end of convolution, pooling, normalization, padding and resampling
  // =============================================================================================

  // =============================================================================================
  // Embedding, recurrent and attention
  // (embedding, embeddingBag, multiheadAttentionForward, scaledDotProductAttention)

  // end of embedding, recurrent and attention
  // =============================================================================================

  // =============================================================================================
  // Losses
  // (mseLoss, l1Loss, smoothL1Loss, huberLoss, crossEntropy, nllLoss, binaryCrossEntropy,
  // binaryCrossEntropyWithLogits, klDiv, marginRankingLoss, tripletMarginLoss,
  // cosineEmbeddingLoss, ctcLoss)

  // end of losses
  // =============================================================================================
}
