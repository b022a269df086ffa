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

  // Each loss runs the ATen op that Python's F runs (cross_entropy_loss, nll_loss_nd, mse_loss,
  // ...), with the checks that Python's F makes in Python code repeated here with its messages.

  private static final System.Logger LOSS_LOG = System.getLogger("org.jtorch.nn.functional");
  private static final java.util.Set<String> WARNED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Logs a warning the first time its text is seen, as Python's default warning filter shows it.
   */
  private static void warnOnce(String message) {
    if (WARNED.size() < 1024 && WARNED.add(message)) {
      LOSS_LOG.log(System.Logger.Level.WARNING, message);
    }
  }

  /** Python's {@code torch.Size([2, 3])}. */
  private static String torchSize(long[] shape) {
    StringBuilder sb = new StringBuilder("torch.Size([");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return sb.append("])").toString();
  }

  /** Python's repr of a float ({@code 0.0}, {@code 0.5}, {@code 1e-06}), for messages. */
  private static String pyFloat(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e16) {
      return new java.math.BigDecimal(v).setScale(1).toPlainString();
    }
    String r = Double.toString(v);
    if (a >= 1e-4 && a < 1e16) {
      return new java.math.BigDecimal(r).stripTrailingZeros().toPlainString();
    }
    int e = r.indexOf('E');
    String mant = r.substring(0, e);
    mant = mant.endsWith(".0") ? mant.substring(0, mant.length() - 2) : mant;
    int exp = Integer.parseInt(r.substring(e + 1));
    return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
  }

  /**
   * Runs an element-wise loss on input and target broadcast to one shape, as Python's F does
   * ({@code torch.broadcast_tensors}): a target of another shape is a logged warning, not an error,
   * and its gradient is summed back to its own shape.
   */
  private static Tensor pointwiseLoss(
      Tensor input,
      Tensor target,
      java.util.function.BiFunction<
              org.bytedeco.pytorch.Tensor, org.bytedeco.pytorch.Tensor, org.bytedeco.pytorch.Tensor>
          op) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    long[] xs = input.shape();
    long[] ys = target.shape();
    if (java.util.Arrays.equals(xs, ys)) {
      return tensor(() -> op.apply(x, y));
    }
    warnOnce(
        "Using a target size ("
            + torchSize(ys)
            + ") that is different to the input size ("
            + torchSize(xs)
            + "). This will likely lead to incorrect results due to broadcasting. "
            + "Please ensure they have the same size.");
    long[] shape;
    try (org.bytedeco.pytorch.LongVector v =
        org.jtorch.internal.NativeCalls.query(() -> torch.infer_size(xs, ys))) {
      shape = v.get();
    }
    try (Tensor bx = input.broadcastTo(shape);
        Tensor by = target.broadcastTo(shape)) {
      org.bytedeco.pytorch.Tensor ex = h(bx, "input");
      org.bytedeco.pytorch.Tensor ey = h(by, "target");
      return tensor(() -> op.apply(ex, ey));
    }
  }

  /** {@code mseLoss(input, target, Reduction.MEAN)}. */
  public static Tensor mseLoss(Tensor input, Tensor target) {
    return mseLoss(input, target, org.jtorch.nn.Reduction.MEAN);
  }

  /**
   * The squared error (x − y)², reduced, PyTorch's {@code F.mse_loss}. A target of another shape is
   * broadcast with a logged warning, as in PyTorch.
   */
  public static Tensor mseLoss(Tensor input, Tensor target, org.jtorch.nn.Reduction reduction) {
    int r = reduction.code();
    return pointwiseLoss(input, target, (x, y) -> torch.mse_loss(x, y, r));
  }

  /** {@code l1Loss(input, target, Reduction.MEAN)}. */
  public static Tensor l1Loss(Tensor input, Tensor target) {
    return l1Loss(input, target, org.jtorch.nn.Reduction.MEAN);
  }

  /**
   * The absolute error |x − y|, reduced, PyTorch's {@code F.l1_loss}. A target of another shape is
   * broadcast with a logged warning, as in PyTorch.
   */
  public static Tensor l1Loss(Tensor input, Tensor target, org.jtorch.nn.Reduction reduction) {
    int r = reduction.code();
    return pointwiseLoss(input, target, (x, y) -> torch.l1_loss(x, y, r));
  }

  /** {@code smoothL1Loss} with PyTorch's defaults (mean, beta 1). */
  public static Tensor smoothL1Loss(Tensor input, Tensor target) {
    return smoothL1Loss(input, target, org.jtorch.nn.SmoothL1Loss.options());
  }

  /**
   * 0.5 (x − y)² / beta where |x − y| &lt; beta, |x − y| − 0.5 beta elsewhere, reduced, PyTorch's
   * {@code F.smooth_l1_loss}; beta 0 runs the L1 loss, as PyTorch does. A target of another shape
   * is broadcast with a logged warning.
   */
  public static Tensor smoothL1Loss(
      Tensor input, Tensor target, org.jtorch.nn.SmoothL1Loss.Options options) {
    int r = options.reduction().code();
    double beta = options.beta();
    return pointwiseLoss(
        input,
        target,
        (x, y) -> beta == 0.0 ? torch.l1_loss(x, y, r) : torch.smooth_l1_loss(x, y, r, beta));
  }

  /** {@code huberLoss} with PyTorch's defaults (mean, delta 1). */
  public static Tensor huberLoss(Tensor input, Tensor target) {
    return huberLoss(input, target, org.jtorch.nn.HuberLoss.options());
  }

  /**
   * 0.5 (x − y)² where |x − y| &lt; delta, delta (|x − y| − 0.5 delta) elsewhere, reduced,
   * PyTorch's {@code F.huber_loss}. A target of another shape is broadcast with a logged warning.
   */
  public static Tensor huberLoss(
      Tensor input, Tensor target, org.jtorch.nn.HuberLoss.Options options) {
    int r = options.reduction().code();
    double delta = options.delta();
    return pointwiseLoss(input, target, (x, y) -> torch.huber_loss(x, y, r, delta));
  }

  /** {@code crossEntropy} with PyTorch's defaults. */
  public static Tensor crossEntropy(Tensor input, Tensor target) {
    return crossEntropy(input, target, org.jtorch.nn.CrossEntropyLoss.options());
  }

  /**
   * The cross entropy between logits and class-index or class-probability targets, PyTorch's {@code
   * F.cross_entropy}; see {@link org.jtorch.nn.CrossEntropyLoss} for the shapes.
   *
   * @throws org.jtorch.TorchException with PyTorch's message for a class index out of range
   *     ("Target 5 is out of bounds."), a target of the wrong dtype or mismatched batch sizes
   */
  public static Tensor crossEntropy(
      Tensor input, Tensor target, org.jtorch.nn.CrossEntropyLoss.Options options) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    try (TensorOptional w = optional(options.weight())) {
      return tensor(
          () ->
              torch.cross_entropy_loss(
                  x,
                  y,
                  w,
                  options.reduction().code(),
                  options.ignoreIndex(),
                  options.labelSmoothing()));
    }
  }

  /** {@code nllLoss} with PyTorch's defaults. */
  public static Tensor nllLoss(Tensor input, Tensor target) {
    return nllLoss(input, target, org.jtorch.nn.NLLLoss.options());
  }

  /**
   * The negative log likelihood of int64 class-index targets under log-probabilities, PyTorch's
   * {@code F.nll_loss}; see {@link NLLLoss} for the shapes.
   *
   * @throws org.jtorch.TorchException with PyTorch's message for an index out of range or a target
   *     that is not int64 ("expected target dtype to be Long or Byte, but got Float")
   */
  public static Tensor nllLoss(Tensor input, Tensor target, org.jtorch.nn.NLLLoss.Options options) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    try (TensorOptional w = optional(options.weight())) {
      return tensor(
          () -> torch.nll_loss_nd(x, y, w, options.reduction().code(), options.ignoreIndex()));
    }
  }

  /** {@code binaryCrossEntropy} with PyTorch's defaults. */
  public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
    return binaryCrossEntropy(input, target, org.jtorch.nn.BCELoss.options());
  }

  /**
   * The binary cross entropy between probabilities and targets of the same shape, PyTorch's {@code
   * F.binary_cross_entropy}; the weight is broadcast to the target's shape.
   *
   * @throws IllegalArgumentException if the shapes differ (PyTorch's ValueError and message)
   * @throws org.jtorch.TorchException for an input outside [0, 1] ("all elements of input should be
   *     between 0 and 1")
   */
  public static Tensor binaryCrossEntropy(
      Tensor input, Tensor target, org.jtorch.nn.BCELoss.Options options) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    long[] xs = input.shape();
    long[] ys = target.shape();
    if (!java.util.Arrays.equals(xs, ys)) {
      throw new IllegalArgumentException(
          "Using a target size ("
              + torchSize(ys)
              + ") that is different to the input size ("
              + torchSize(xs)
              + ") is deprecated. Please ensure they have the same size.");
    }
    Tensor weight = options.weight();
    Tensor expanded = null;
    try {
      if (weight != null) {
        long[] ws = weight.shape();
        long[] shape;
        try (org.bytedeco.pytorch.LongVector v =
            org.jtorch.internal.NativeCalls.query(() -> torch.infer_size(ys, ws))) {
          shape = v.get();
        }
        expanded = weight.expand(shape);
      }
      try (TensorOptional w = optional(expanded)) {
        return tensor(() -> torch.binary_cross_entropy(x, y, w, options.reduction().code()));
      }
    } finally {
      if (expanded != null) {
        expanded.close();
      }
    }
  }

  /** {@code binaryCrossEntropyWithLogits} with PyTorch's defaults. */
  public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
    return binaryCrossEntropyWithLogits(input, target, org.jtorch.nn.BCEWithLogitsLoss.options());
  }

  /**
   * Sigmoid and binary cross entropy in one stable step, PyTorch's {@code
   * F.binary_cross_entropy_with_logits}; see {@link org.jtorch.nn.BCEWithLogitsLoss}.
   *
   * @throws IllegalArgumentException if the shapes differ (PyTorch's ValueError and message)
   */
  public static Tensor binaryCrossEntropyWithLogits(
      Tensor input, Tensor target, org.jtorch.nn.BCEWithLogitsLoss.Options options) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    long[] xs = input.shape();
    long[] ys = target.shape();
    if (!java.util.Arrays.equals(xs, ys)) {
      throw new IllegalArgumentException(
          "Target size ("
              + torchSize(ys)
              + ") must be the same as input size ("
              + torchSize(xs)
              + ")");
    }
    try (TensorOptional w = optional(options.weight());
        TensorOptional pw = optional(options.posWeight())) {
      return tensor(
          () -> torch.binary_cross_entropy_with_logits(x, y, w, pw, options.reduction().code()));
    }
  }

  /** {@code klDiv} with PyTorch's defaults (reduction "mean", logTarget false). */
  public static Tensor klDiv(Tensor input, Tensor target) {
    return klDiv(input, target, org.jtorch.nn.KLDivLoss.options());
  }

  /**
   * The Kullback-Leibler divergence, PyTorch's {@code F.kl_div}; see {@link
   * KLDivLoss}. With reduction {@code "mean"} jtorch logs PyTorch's warning (once)
   * that {@code "batchmean"} is the mathematical definition.
   */
  public static Tensor klDiv(Tensor input, Tensor target, org.jtorch.nn.KLDivLoss.Options options) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    String reduction = options.reduction();
    boolean batchmean = reduction.equals("batchmean");
    if (reduction.equals("mean")) {
      warnOnce(
          "reduction: 'mean' divides the total loss by both the batch size and the support"
              + " size.'batchmean' divides only by the batch size, and aligns with the KL div math"
              + " definition.'mean' will be changed to behave the same as 'batchmean' in the next"
              + " major release.");
    }
    int r =
        batchmean
            ? org.jtorch.nn.Reduction.SUM.code()
            : org.jtorch.nn.Reduction.of(reduction).code();
    Tensor reduced = tensor(() -> torch.kl_div(x, y, r, options.logTarget()));
    if (!batchmean || input.dim() == 0) {
      return reduced;
    }
    try (reduced) {
      return reduced.div(input.size(0));
    }
  }

  /** {@code marginRankingLoss(input1, input2, target, 0, Reduction.MEAN)}. */
  public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target) {
    return marginRankingLoss(input1, input2, target, 0.0, org.jtorch.nn.Reduction.MEAN);
  }

  /**
   * max(0, −y · (x1 − x2) + margin), reduced, PyTorch's {@code F.margin_ranking_loss}.
   *
   * @throws IllegalArgumentException if the three tensors differ in number of dimensions (PyTorch's
   *     RuntimeError raised in Python, with its message)
   */
  public static Tensor marginRankingLoss(
      Tensor input1,
      Tensor input2,
      Tensor target,
      double margin,
      org.jtorch.nn.Reduction reduction) {
    org.bytedeco.pytorch.Tensor x1 = h(input1, "input1");
    org.bytedeco.pytorch.Tensor x2 = h(input2, "input2");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    if (input1.dim() != input2.dim() || input1.dim() != target.dim()) {
      throw new IllegalArgumentException(
          "margin_ranking_loss : All input tensors should have same dimension but got sizes: "
              + "input1: "
              + torchSize(input1.shape())
              + ", input2: "
              + torchSize(input2.shape())
              + ", target: "
              + torchSize(target.shape())
              + " ");
    }
    int r = reduction.code();
    return tensor(() -> torch.margin_ranking_loss(x1, x2, y, margin, r));
  }

  /** {@code tripletMarginLoss} with PyTorch's defaults (margin 1, p 2, eps 1e-6, no swap, mean). */
  public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative) {
    return tripletMarginLoss(anchor, positive, negative, org.jtorch.nn.TripletMarginLoss.options());
  }

  /**
   * The triplet margin loss, PyTorch's {@code F.triplet_margin_loss}; see {@link
   * org.jtorch.nn.TripletMarginLoss}.
   *
   * @throws IllegalArgumentException if the margin is not positive (PyTorch's ValueError)
   * @throws org.jtorch.TorchException if the three tensors differ in number of dimensions
   */
  public static Tensor tripletMarginLoss(
      Tensor anchor,
      Tensor positive,
      Tensor negative,
      org.jtorch.nn.TripletMarginLoss.Options options) {
    org.bytedeco.pytorch.Tensor a = h(anchor, "anchor");
    org.bytedeco.pytorch.Tensor p = h(positive, "positive");
    org.bytedeco.pytorch.Tensor n = h(negative, "negative");
    if (!(options.margin() > 0)) {
      throw new IllegalArgumentException(
          "margin must be greater than 0, got " + pyFloat(options.margin()));
    }
    return tensor(
        () ->
            torch.triplet_margin_loss(
                a,
                p,
                n,
                options.margin(),
                options.p(),
                options.eps(),
                options.swap(),
                options.reduction().code()));
  }

  /** {@code cosineEmbeddingLoss(input1, input2, target, 0, Reduction.MEAN)}. */
  public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target) {
    return cosineEmbeddingLoss(input1, input2, target, 0.0, org.jtorch.nn.Reduction.MEAN);
  }

  /**
   * 1 − cos(x1, x2) where y = 1, max(0, cos(x1, x2) − margin) where y = −1, reduced, PyTorch's
   * {@code F.cosine_embedding_loss}.
   */
  public static Tensor cosineEmbeddingLoss(
      Tensor input1,
      Tensor input2,
      Tensor target,
      double margin,
      org.jtorch.nn.Reduction reduction) {
    org.bytedeco.pytorch.Tensor x1 = h(input1, "input1");
    org.bytedeco.pytorch.Tensor x2 = h(input2, "input2");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    int r = reduction.code();
    return tensor(() -> torch.cosine_embedding_loss(x1, x2, y, margin, r));
  }

  /** {@code ctcLoss} with PyTorch's defaults (blank 0, mean, zeroInfinity false). */
  public static Tensor ctcLoss(
      Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths) {
    return ctcLoss(logProbs, targets, inputLengths, targetLengths, org.jtorch.nn.CTCLoss.options());
  }

  /**
   * The CTC loss with the lengths as arrays, PyTorch's {@code F.ctc_loss} given lists; see {@link
   * org.jtorch.nn.CTCLoss} for the shapes.
   *
   * @throws org.jtorch.TorchException with PyTorch's message for lengths that do not fit the
   *     tensors ("input_lengths must be of size batch_size", ...)
   */
  public static Tensor ctcLoss(
      Tensor logProbs,
      Tensor targets,
      long[] inputLengths,
      long[] targetLengths,
      org.jtorch.nn.CTCLoss.Options options) {
    org.bytedeco.pytorch.Tensor lp = h(logProbs, "logProbs");
    org.bytedeco.pytorch.Tensor t = h(targets, "targets");
    long[] il = java.util.Objects.requireNonNull(inputLengths, "inputLengths").clone();
    long[] tl = java.util.Objects.requireNonNull(targetLengths, "targetLengths").clone();
    return tensor(
        () ->
            torch.ctc_loss(
                lp,
                t,
                il,
                tl,
                options.blank(),
                options.reduction().code(),
                options.zeroInfinity()));
  }

  /** {@code ctcLoss} with PyTorch's defaults, lengths as int tensors. */
  public static Tensor ctcLoss(
      Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
    return ctcLoss(logProbs, targets, inputLengths, targetLengths, org.jtorch.nn.CTCLoss.options());
  }

  /**
   * The CTC loss with the lengths as int tensors (one per sequence), PyTorch's {@code F.ctc_loss}
   * given tensors; see {@link org.jtorch.nn.CTCLoss}.
   *
   * @throws org.jtorch.TorchException with PyTorch's message for lengths that are not integral or
   *     do not fit the tensors
   */
  public static Tensor ctcLoss(
      Tensor logProbs,
      Tensor targets,
      Tensor inputLengths,
      Tensor targetLengths,
      org.jtorch.nn.CTCLoss.Options options) {
    org.bytedeco.pytorch.Tensor lp = h(logProbs, "logProbs");
    org.bytedeco.pytorch.Tensor t = h(targets, "targets");
    org.bytedeco.pytorch.Tensor il = h(inputLengths, "inputLengths");
    org.bytedeco.pytorch.Tensor tl = h(targetLengths, "targetLengths");
    return tensor(
        () ->
            torch.ctc_loss(
                lp,
                t,
                il,
                tl,
                options.blank(),
                options.reduction().code(),
                options.zeroInfinity()));
  }

  // end of losses
  // =============================================================================================
}
