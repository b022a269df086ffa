package org.jtorch.nn.functional;

import static org.jtorch.internal.NativeCalls.h;
import static org.jtorch.internal.NativeCalls.tensor;

import java.util.function.Function;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

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
    NativeCalls.query(() -> torch.relu_(x)); // a reference to x itself: nothing to free
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

  /**
   * 1-D convolution over (N, C, L) or unbatched (C, L) input, PyTorch's {@code F.conv1d} with
   * stride 1, no padding, dilation 1 and one group; {@code bias} may be null.
   */
  public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
    return conv1d(input, weight, bias, new long[] {1}, new long[] {0}, new long[] {1}, 1);
  }

  /**
   * PyTorch's {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}. Each size
   * array holds one value (Python's int) or one per spatial dim (Python's tuple).
   */
  public static Tensor conv1d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    return ConvFunctions.conv(1, input, weight, bias, stride, padding, dilation, groups);
  }

  /** {@code F.conv1d} with a padding string, {@code "valid"} (none) or {@code "same"}. */
  public static Tensor conv1d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation,
      long groups) {
    return ConvFunctions.conv(1, input, weight, bias, stride, padding, dilation, groups);
  }

  /**
   * 2-D convolution over (N, C, H, W) or unbatched (C, H, W) input, PyTorch's {@code F.conv2d}
   * with stride 1, no padding, dilation 1 and one group; {@code bias} may be null.
   */
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
    return conv2d(input, weight, bias, new long[] {1}, new long[] {0}, new long[] {1}, 1);
  }

  /**
   * PyTorch's {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}. Each size
   * array holds one value (Python's int) or one per spatial dim (Python's tuple).
   */
  public static Tensor conv2d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    return ConvFunctions.conv(2, input, weight, bias, stride, padding, dilation, groups);
  }

  /** {@code F.conv2d} with a padding string, {@code "valid"} (none) or {@code "same"}. */
  public static Tensor conv2d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation,
      long groups) {
    return ConvFunctions.conv(2, input, weight, bias, stride, padding, dilation, groups);
  }

  /** 3-D convolution, PyTorch's {@code F.conv3d} with its defaults; {@code bias} may be null. */
  public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias) {
    return conv3d(input, weight, bias, new long[] {1}, new long[] {0}, new long[] {1}, 1);
  }

  /** PyTorch's {@code F.conv3d(input, weight, bias, stride, padding, dilation, groups)}. */
  public static Tensor conv3d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    return ConvFunctions.conv(3, input, weight, bias, stride, padding, dilation, groups);
  }

  /** {@code F.conv3d} with a padding string, {@code "valid"} (none) or {@code "same"}. */
  public static Tensor conv3d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation,
      long groups) {
    return ConvFunctions.conv(3, input, weight, bias, stride, padding, dilation, groups);
  }

  /**
   * The transposed 1-D convolution, PyTorch's {@code F.conv_transpose1d(input, weight, bias,
   * stride, padding, output_padding, groups, dilation)} (note PyTorch's argument order: groups
   * before dilation). The weight has shape (inChannels, outChannels / groups, kW).
   */
  public static Tensor convTranspose1d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
      long[] outputPadding, long groups, long[] dilation) {
    return ConvFunctions.convTranspose(
        1, input, weight, bias, stride, padding, outputPadding, groups, dilation);
  }

  /** {@code F.conv_transpose1d} with its defaults (stride 1, no padding, one group). */
  public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias) {
    long[] one = {1};
    long[] zero = {0};
    return convTranspose1d(input, weight, bias, one, zero, zero, 1, one);
  }

  /**
   * The transposed 2-D convolution, PyTorch's {@code F.conv_transpose2d(input, weight, bias,
   * stride, padding, output_padding, groups, dilation)} (groups before dilation, as in PyTorch).
   * The weight has shape (inChannels, outChannels / groups, kH, kW).
   */
  public static Tensor convTranspose2d(
      Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
      long[] outputPadding, long groups, long[] dilation) {
    return ConvFunctions.convTranspose(
        2, input, weight, bias, stride, padding, outputPadding, groups, dilation);
  }

  /** {@code F.conv_transpose2d} with its defaults (stride 1, no padding, one group). */
  public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
    long[] one = {1};
    long[] zero = {0};
    return convTranspose2d(input, weight, bias, one, zero, zero, 1, one);
  }

  /**
   * 1-D max pooling, PyTorch's {@code F.max_pool1d(input, kernel_size, stride, padding, dilation,
   * ceil_mode)}; a null {@code stride} means the kernel size (PyTorch's default).
   */
  public static Tensor maxPool1d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return ConvFunctions.maxPool(1, input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /** {@code F.max_pool1d(input, kernelSize)}: stride = kernel, no padding. */
  public static Tensor maxPool1d(Tensor input, long kernelSize) {
    return maxPool1d(input, new long[] {kernelSize}, null, new long[] {0}, new long[] {1}, false);
  }

  /**
   * {@code F.max_pool1d(..., return_indices=True)}: the maxima and their flat indices in each
   * input plane (what {@code F.max_unpool1d} takes).
   */
  public static org.jtorch.ValuesIndices maxPool1dWithIndices(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return ConvFunctions.maxPoolWithIndices(
        1, input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /**
   * 2-D max pooling, PyTorch's {@code F.max_pool2d(input, kernel_size, stride, padding, dilation,
   * ceil_mode)}; a null {@code stride} means the kernel size (PyTorch's default). Size arrays hold
   * one value or one per spatial dim.
   */
  public static Tensor maxPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return ConvFunctions.maxPool(2, input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /** {@code F.max_pool2d(input, kernelSize)}: stride = kernel, no padding. */
  public static Tensor maxPool2d(Tensor input, long... kernelSize) {
    return maxPool2d(input, kernelSize, null, new long[] {0}, new long[] {1}, false);
  }

  /**
   * {@code F.max_pool2d(..., return_indices=True)}: the maxima and their flat indices in each
   * input plane (what {@code F.max_unpool2d} takes).
   */
  public static org.jtorch.ValuesIndices maxPool2dWithIndices(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return ConvFunctions.maxPoolWithIndices(
        2, input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /**
   * 1-D average pooling, PyTorch's {@code F.avg_pool1d(input, kernel_size, stride, padding,
   * ceil_mode, count_include_pad)}; a null {@code stride} means the kernel size.
   */
  public static Tensor avgPool1d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad) {
    return ConvFunctions.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
  }

  /** {@code F.avg_pool1d(input, kernelSize)}. */
  public static Tensor avgPool1d(Tensor input, long kernelSize) {
    return avgPool1d(input, new long[] {kernelSize}, null, new long[] {0}, false, true);
  }

  /**
   * 2-D average pooling, PyTorch's {@code F.avg_pool2d(input, kernel_size, stride, padding,
   * ceil_mode, count_include_pad, divisor_override)}; a null {@code stride} means the kernel size,
   * a null {@code divisorOverride} divides by the pooling region's size.
   */
  public static Tensor avgPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, Long divisorOverride) {
    return ConvFunctions.avgPool2d(
        input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
  }

  /** {@code F.avg_pool2d(input, kernelSize)}. */
  public static Tensor avgPool2d(Tensor input, long... kernelSize) {
    return avgPool2d(input, kernelSize, null, new long[] {0}, false, true, null);
  }

  /**
   * 3-D max pooling over (N, C, D, H, W) or (C, D, H, W), PyTorch's {@code F.max_pool3d(input,
   * kernel_size, stride, padding, dilation, ceil_mode)}; a null {@code stride} means the kernel
   * size. Size arrays hold one value or one per spatial dim.
   */
  public static Tensor maxPool3d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return ConvFunctions.maxPool(3, input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /** {@code F.max_pool3d(input, kernelSize)}: stride = kernel, no padding. */
  public static Tensor maxPool3d(Tensor input, long... kernelSize) {
    return maxPool3d(input, kernelSize, null, new long[] {0}, new long[] {1}, false);
  }

  /** {@code F.max_pool3d(..., return_indices=True)}: the maxima and their flat indices. */
  public static org.jtorch.ValuesIndices maxPool3dWithIndices(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    return ConvFunctions.maxPoolWithIndices(
        3, input, kernelSize, stride, padding, dilation, ceilMode);
  }

  /**
   * 3-D average pooling, PyTorch's {@code F.avg_pool3d(input, kernel_size, stride, padding,
   * ceil_mode, count_include_pad, divisor_override)}; a null {@code stride} means the kernel size,
   * a null {@code divisorOverride} the pooling region's size.
   */
  public static Tensor avgPool3d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, Long divisorOverride) {
    return ConvFunctions.avgPool(
        3, input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
  }

  /** {@code F.avg_pool3d(input, kernelSize)}. */
  public static Tensor avgPool3d(Tensor input, long... kernelSize) {
    return avgPool3d(input, kernelSize, null, new long[] {0}, false, true, null);
  }

  /** Adaptive average pooling to {@code outputSize}, PyTorch's {@code F.adaptive_avg_pool1d}. */
  public static Tensor adaptiveAvgPool1d(Tensor input, long outputSize) {
    return ConvFunctions.adaptiveAvgPool(1, input, new long[] {outputSize});
  }

  /**
   * Adaptive average pooling to {@code outputSize} (one value for a square output, or (H, W)),
   * PyTorch's {@code F.adaptive_avg_pool2d}.
   */
  public static Tensor adaptiveAvgPool2d(Tensor input, long... outputSize) {
    return ConvFunctions.adaptiveAvgPool(2, input, outputSize);
  }

  /** Adaptive max pooling, PyTorch's {@code F.adaptive_max_pool1d}. */
  public static Tensor adaptiveMaxPool1d(Tensor input, long outputSize) {
    org.jtorch.ValuesIndices r = ConvFunctions.adaptiveMaxPool(1, input, new long[] {outputSize});
    r.indices().close();
    return r.values();
  }

  /** {@code F.adaptive_max_pool1d(..., return_indices=True)}. */
  public static org.jtorch.ValuesIndices adaptiveMaxPool1dWithIndices(Tensor input, long outputSize) {
    return ConvFunctions.adaptiveMaxPool(1, input, new long[] {outputSize});
  }

  /** Adaptive max pooling (one value or (H, W)), PyTorch's {@code F.adaptive_max_pool2d}. */
  public static Tensor adaptiveMaxPool2d(Tensor input, long... outputSize) {
    org.jtorch.ValuesIndices r = ConvFunctions.adaptiveMaxPool(2, input, outputSize);
    r.indices().close();
    return r.values();
  }

  /** {@code F.adaptive_max_pool2d(..., return_indices=True)}. */
  public static org.jtorch.ValuesIndices adaptiveMaxPool2dWithIndices(Tensor input, long... outputSize) {
    return ConvFunctions.adaptiveMaxPool(2, input, outputSize);
  }

  /**
   * Batch normalisation, PyTorch's {@code F.batch_norm(input, running_mean, running_var, weight,
   * bias, training, momentum, eps)}. In training mode the batch statistics are used and the
   * running ones (when given) are updated in place; otherwise the running ones are used. Any of
   * the four tensors may be null.
   *
   * @throws IllegalArgumentException (PyTorch's ValueError) for one value per channel in training,
   *     or a non-positive eps
   */
  public static Tensor batchNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean training, double momentum, double eps) {
    return ConvFunctions.batchNorm(
        input, runningMean, runningVar, weight, bias, training, momentum, eps);
  }

  /** {@code F.batch_norm(input, runningMean, runningVar)}: eval mode, eps 1e-5, no affine. */
  public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar) {
    return batchNorm(input, runningMean, runningVar, null, null, false, 0.1, 1e-5);
  }

  /**
   * Instance normalisation, PyTorch's {@code F.instance_norm(input, running_mean, running_var,
   * weight, bias, use_input_stats, momentum, eps)}; the tensors may be null.
   */
  public static Tensor instanceNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean useInputStats, double momentum, double eps) {
    return ConvFunctions.instanceNorm(
        input, runningMean, runningVar, weight, bias, useInputStats, momentum, eps);
  }

  /** {@code F.instance_norm(input)}: each instance's own statistics, eps 1e-5. */
  public static Tensor instanceNorm(Tensor input) {
    return instanceNorm(input, null, null, null, null, true, 0.1, 1e-5);
  }

  /**
   * Layer normalisation over the trailing {@code normalizedShape} dims, PyTorch's {@code
   * F.layer_norm}; {@code weight} and {@code bias} may be null.
   */
  public static Tensor layerNorm(
      Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    return ConvFunctions.layerNorm(input, normalizedShape, weight, bias, eps);
  }

  /** {@code F.layer_norm(input, normalizedShape)}: no affine, eps 1e-5. */
  public static Tensor layerNorm(Tensor input, long... normalizedShape) {
    return layerNorm(input, normalizedShape, null, null, 1e-5);
  }

  /**
   * Group normalisation, PyTorch's {@code F.group_norm(input, num_groups, weight, bias, eps)};
   * {@code weight} and {@code bias} may be null.
   */
  public static Tensor groupNorm(
      Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
    return ConvFunctions.groupNorm(input, numGroups, weight, bias, eps);
  }

  /** {@code F.group_norm(input, numGroups)}: no affine, eps 1e-5. */
  public static Tensor groupNorm(Tensor input, long numGroups) {
    return groupNorm(input, numGroups, null, null, 1e-5);
  }

  /**
   * Pads with zeros, PyTorch's {@code F.pad(input, pad)}. As in PyTorch the pad list starts with
   * the LAST dim: {@code (left, right)} pads the last dim, {@code (left, right, top, bottom)} the
   * last two, and so on. Negative amounts crop.
   */
  public static Tensor pad(Tensor input, long... pad) {
    return ConvFunctions.pad(input, pad, "constant", null);
  }

  /**
   * PyTorch's {@code F.pad(input, pad, mode)}: {@code "constant"} (zeros), {@code "reflect"},
   * {@code "replicate"} or {@code "circular"}; the pad list starts with the last dim.
   */
  public static Tensor pad(Tensor input, long[] pad, String mode) {
    return ConvFunctions.pad(input, pad, mode, null);
  }

  /** PyTorch's {@code F.pad(input, pad, mode, value)}; {@code value} is for constant mode only. */
  public static Tensor pad(Tensor input, long[] pad, String mode, double value) {
    return ConvFunctions.pad(input, pad, mode, value);
  }

  /**
   * Resizes the spatial dims of (N, C, L), (N, C, H, W) or (N, C, D, H, W) input, PyTorch's {@code
   * F.interpolate}. Give exactly one of {@code size} and {@code scaleFactor} (the other null); an
   * array of one element applies to every spatial dim (Python's int or float). Modes: {@code
   * nearest}, {@code linear} (3-D), {@code bilinear}, {@code bicubic} (4-D), {@code trilinear}
   * (5-D), {@code area}. {@code alignCorners} null means PyTorch's None (False for interpolating
   * modes; it must be null for nearest and area).
   *
   * @throws IllegalArgumentException where PyTorch raises ValueError or NotImplementedError
   */
  public static Tensor interpolate(
      Tensor input, long[] size, double[] scaleFactor, String mode, Boolean alignCorners,
      Boolean recomputeScaleFactor) {
    return ConvFunctions.interpolate(
        input, size, scaleFactor, mode, alignCorners, recomputeScaleFactor);
  }

  /** {@code F.interpolate(input, size=size, mode=mode)}. */
  public static Tensor interpolate(Tensor input, long[] size, String mode) {
    return interpolate(input, size, null, mode, null, null);
  }

  /** {@code F.interpolate(input, scale_factor=scaleFactor, mode=mode)}. */
  public static Tensor interpolate(Tensor input, double scaleFactor, String mode) {
    return interpolate(input, null, new double[] {scaleFactor}, mode, null, null);
  }

  /**
   * Rearranges (*, C·r², H, W) into (*, C, H·r, W·r), PyTorch's {@code F.pixel_shuffle}.
   */
  public static Tensor pixelShuffle(Tensor input, long upscaleFactor) {
    return ConvFunctions.pixelShuffle(input, upscaleFactor);
  }

  /** The inverse of {@link #pixelShuffle}, PyTorch's {@code F.pixel_unshuffle}. */
  public static Tensor pixelUnshuffle(Tensor input, long downscaleFactor) {
    return ConvFunctions.pixelUnshuffle(input, downscaleFactor);
  }


  // end of convolution, pooling, normalization, padding and resampling
  // =============================================================================================

  // =============================================================================================
  // Embedding, recurrent and attention
  // (embedding, embeddingBag, multiheadAttentionForward, scaledDotProductAttention)

  /**
   * Looks up rows of {@code weight} by the int64 indices in {@code input}, PyTorch's {@code
   * F.embedding(input, weight, padding_idx, max_norm, norm_type, scale_grad_by_freq)}: the result
   * has shape {@code input.shape + (embedding_dim,)}. Sparse gradients are not supported (there is
   * no {@code sparse} argument).
   *
   * @param paddingIdx the row that gets no gradient (negative counts from the end), or null
   * @param maxNorm when not null, rows looked up whose {@code normType}-norm exceeds it are
   *     rescaled in place in {@code weight} first (without recording gradients), as in PyTorch
   * @throws IllegalArgumentException if {@code paddingIdx} is outside the rows of {@code weight}
   */
  public static Tensor embedding(
      Tensor input,
      Tensor weight,
      Long paddingIdx,
      Double maxNorm,
      double normType,
      boolean scaleGradByFreq) {
    long rows = weight.size(0);
    long pad = -1;
    if (paddingIdx != null) {
      pad = paddingIdx;
      if (pad > 0 && pad >= rows || pad < 0 && pad < -rows) {
        throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
      }
      if (pad < 0) {
        pad += rows;
      }
    }
    long p = pad;
    if (maxNorm != null) {
      try (Tensor contiguous = input.contiguous()) {
        embeddingRenorm(weight, contiguous, maxNorm, normType);
        org.bytedeco.pytorch.Tensor w = h(weight, "weight");
        org.bytedeco.pytorch.Tensor x = h(contiguous, "input");
        return tensor(() -> torch.embedding(w, x, p, scaleGradByFreq, false));
      }
    }
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.embedding(w, x, p, scaleGradByFreq, false));
  }

  /** {@code embedding(input, weight, null, null, 2, false)}. */
  public static Tensor embedding(Tensor input, Tensor weight) {
    return embedding(input, weight, null, null, 2.0, false);
  }

  /** {@code torch.embedding_renorm_(weight.detach(), input, maxNorm, normType)}. */
  private static void embeddingRenorm(
      Tensor weight, Tensor input, double maxNorm, double normType) {
    try (Tensor detached = weight.detach()) {
      org.bytedeco.pytorch.Tensor w = h(detached, "weight");
      org.bytedeco.pytorch.Tensor x = h(input, "input");
      try (org.jtorch.autograd.GradMode off = org.jtorch.Torch.noGrad()) {
        NativeCalls.query(() -> torch.embedding_renorm_(w, x, maxNorm, normType)); // returns w
      }
    }
  }

  /**
   * Sums, averages or takes the maximum of bags of embeddings without building the intermediate
   * embeddings, PyTorch's {@code F.embedding_bag(input, weight, offsets, max_norm, norm_type,
   * scale_grad_by_freq, mode, sparse=False, per_sample_weights, include_last_offset, padding_idx)}.
   * A 2-D input (B, N) is B bags of N indices ({@code offsets} must be null); a 1-D input is cut
   * into bags at {@code offsets}. Sparse gradients are not supported.
   *
   * @param mode {@code "sum"}, {@code "mean"} or {@code "max"}
   * @param perSampleWeights weights of the same shape as {@code input} (mode "sum" only), or null
   * @param paddingIdx indices equal to it are left out of every bag, or null
   * @throws IllegalArgumentException where PyTorch raises ValueError (bad shapes, unknown mode)
   * @throws UnsupportedOperationException for per-sample weights with a mode other than "sum"
   */
  public static Tensor embeddingBag(
      Tensor input,
      Tensor weight,
      Tensor offsets,
      Double maxNorm,
      double normType,
      boolean scaleGradByFreq,
      String mode,
      Tensor perSampleWeights,
      boolean includeLastOffset,
      Long paddingIdx) {
    java.util.Objects.requireNonNull(input, "input");
    java.util.Objects.requireNonNull(weight, "weight");
    if (perSampleWeights != null
        && !java.util.Arrays.equals(input.shape(), perSampleWeights.shape())) {
      throw new IllegalArgumentException(
          "embedding_bag: If per_sample_weights ("
              + org.jtorch.internal.PyRepr.torchSize(perSampleWeights.shape())
              + ") is not None, then it must have the same shape as the input ("
              + org.jtorch.internal.PyRepr.torchSize(input.shape())
              + ")");
    }
    if (weight.dim() != 2) {
      throw new IllegalArgumentException(
          "weight has to be a 2D Tensor, but got Tensor of dimension " + weight.dim());
    }
    try (org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      Tensor x = input;
      Tensor offs = offsets;
      Tensor psw = perSampleWeights;
      boolean last = includeLastOffset;
      if (x.dim() == 2) {
        if (offs != null) {
          throw new IllegalArgumentException(
              "if input is 2D, then offsets has to be None, as input is treated is a mini-batch of"
                  + " fixed length sequences. However, found offsets of type <class"
                  + " 'torch.Tensor'>");
        }
        offs =
            org.jtorch.Torch.arange(
                0,
                x.numel(),
                x.size(1),
                org.jtorch.TensorOptions.dtype(x.dtype()).withDevice(x.device()));
        last = false;
        x = x.reshape(-1);
        if (psw != null) {
          psw = psw.reshape(-1);
        }
      } else if (x.dim() == 1) {
        if (offs == null) {
          throw new IllegalArgumentException("offsets has to be a 1D Tensor but got None");
        }
        if (offs.dim() != 1) {
          throw new IllegalArgumentException("offsets has to be a 1D Tensor");
        }
      } else {
        throw new IllegalArgumentException(
            "input has to be 1D or 2D Tensor, but got Tensor of dimension " + x.dim());
      }
      long modeEnum;
      switch (String.valueOf(mode)) {
        case "sum":
          modeEnum = 0;
          break;
        case "mean":
          modeEnum = 1;
          break;
        case "max":
          modeEnum = 2;
          if (scaleGradByFreq) {
            throw new IllegalArgumentException(
                "max mode does not support scaling the gradient by the frequency");
          }
          break;
        default:
          throw new IllegalArgumentException("mode has to be one of sum, mean or max");
      }
      if (maxNorm != null) {
        embeddingRenorm(weight, x, maxNorm, normType);
      }
      if (psw != null && modeEnum != 0) {
        throw new UnsupportedOperationException(
            "embedding_bag: per_sample_weights was not None. per_sample_weights is only supported"
                + " for mode='sum' (got mode='"
                + mode
                + "'). Please open a feature request on GitHub.");
      }
      org.bytedeco.pytorch.Tensor w = h(weight, "weight");
      org.bytedeco.pytorch.Tensor xi = h(x, "input");
      org.bytedeco.pytorch.Tensor o = h(offs, "offsets");
      boolean lastOffset = last;
      try (TensorOptional ps = optional(psw);
          org.bytedeco.pytorch.LongOptional pad =
              paddingIdx == null
                  ? new org.bytedeco.pytorch.LongOptional()
                  : new org.bytedeco.pytorch.LongOptional(paddingIdx)) {
        Tensor out =
            tensor(
                () -> {
                  org.bytedeco.pytorch.T_TensorTensorTensorTensor_T r =
                      torch.embedding_bag(
                          w, xi, o, scaleGradByFreq, modeEnum, false, ps, lastOffset, pad);
                  try {
                    // get0() points into the tuple: take a reference of our own
                    return new org.bytedeco.pytorch.Tensor(r.get0());
                  } finally {
                    r.close();
                  }
                });
        return scope.keep(out);
      }
    }
  }

  /**
   * {@code embeddingBag(input, weight, offsets, null, 2, false, mode, null, false, null)}:
   * PyTorch's defaults apart from {@code mode} (whose PyTorch default is "mean").
   */
  public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, String mode) {
    return embeddingBag(input, weight, offsets, null, 2.0, false, mode, null, false, null);
  }

  /**
   * Attention {@code softmax(q kᵀ · scale + mask) v} over the last two dimensions, PyTorch's {@code
   * F.scaled_dot_product_attention(query, key, value, attn_mask, dropout_p, is_causal, scale=,
   * enable_gqa=)}, with the kernel LibTorch picks for the inputs (the same one Python runs).
   *
   * @param attnMask a bool mask (true takes part) or a float mask added to the scores, or null
   * @param scale the factor applied to the scores, or null for 1/√E
   */
  public static Tensor scaledDotProductAttention(
      Tensor query,
      Tensor key,
      Tensor value,
      Tensor attnMask,
      double dropoutP,
      boolean isCausal,
      Double scale,
      boolean enableGqa) {
    org.bytedeco.pytorch.Tensor q = h(query, "query");
    org.bytedeco.pytorch.Tensor k = h(key, "key");
    org.bytedeco.pytorch.Tensor v = h(value, "value");
    try (TensorOptional m = optional(attnMask);
        org.bytedeco.pytorch.DoubleOptional s =
            scale == null
                ? new org.bytedeco.pytorch.DoubleOptional()
                : new org.bytedeco.pytorch.DoubleOptional(scale)) {
      return tensor(
          () -> torch.scaled_dot_product_attention(q, k, v, m, dropoutP, isCausal, s, enableGqa));
    }
  }

  /** {@code scaledDotProductAttention(query, key, value, null, 0, false, null, false)}. */
  public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value) {
    return scaledDotProductAttention(query, key, value, null, 0.0, false, null, false);
  }

  /**
   * PyTorch's {@code F.multi_head_attention_forward}, the computation behind {@link
   * org.jtorch.nn.MultiheadAttention}, step for step as Python's implementation (so outputs,
   * gradients and dropout's random numbers are Python's). Inputs are sequence-first: query (L, N,
   * E) or unbatched (L, E), key and value (S, N, E) or (S, E). Null stands for Python's None. As in
   * Python, batched inputs that are the same tensor object (query, key and value for
   * self-attention, or key and value) are projected with one matrix product, as Python's {@code is}
   * tests decide.
   *
   * @param keyPaddingMask (N, S) or (S): true (or -inf) masks a key position, or null
   * @param attnMask (L, S) or (N·numHeads, L, S): true (or -inf) masks, or null
   * @return the output (L, N, E) or (L, E), and the attention weights (null unless {@code
   *     needWeights}): (N, L, S), or (N, numHeads, L, S) when not {@code averageAttnWeights}
   * @throws IllegalArgumentException where PyTorch raises an AssertionError or a RuntimeError of
   *     its own (shapes, mask dtypes, {@code isCausal} without a mask)
   */
  public static org.jtorch.nn.MultiheadAttention.Output multiHeadAttentionForward(
      Tensor query,
      Tensor key,
      Tensor value,
      long embedDimToCheck,
      long numHeads,
      Tensor inProjWeight,
      Tensor inProjBias,
      Tensor biasK,
      Tensor biasV,
      boolean addZeroAttn,
      double dropoutP,
      Tensor outProjWeight,
      Tensor outProjBias,
      boolean training,
      Tensor keyPaddingMask,
      boolean needWeights,
      Tensor attnMask,
      boolean useSeparateProjWeight,
      Tensor qProjWeight,
      Tensor kProjWeight,
      Tensor vProjWeight,
      Tensor staticK,
      Tensor staticV,
      boolean averageAttnWeights,
      boolean isCausal) {
    java.util.Objects.requireNonNull(query, "query");
    java.util.Objects.requireNonNull(key, "key");
    java.util.Objects.requireNonNull(value, "value");
    try (org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      boolean isBatched = mhaShapeCheck(query, key, value, keyPaddingMask, attnMask, numHeads);
      // Python tests `k is v` and `q is k` after unsqueezing unbatched inputs, which makes new
      // objects: only batched self-attention takes the packed projection
      boolean kIsV = isBatched && key == value;
      boolean qIsK = isBatched && query == key;
      if (!isBatched) {
        query = query.unsqueeze(1);
        key = key.unsqueeze(1);
        value = value.unsqueeze(1);
        if (keyPaddingMask != null) {
          keyPaddingMask = keyPaddingMask.unsqueeze(0);
        }
      }
      long tgtLen = query.size(0);
      long bsz = query.size(1);
      long embedDim = query.size(2);
      long srcLen = key.size(0);
      keyPaddingMask = canonicalMask(keyPaddingMask, "key_padding_mask", query.dtype());
      if (isCausal && attnMask == null) {
        throw new IllegalArgumentException(
            "Need attn_mask if specifying the is_causal hint. You may use the Transformer module"
                + " method `generate_square_subsequent_mask` to create this mask.");
      }
      if (isCausal && keyPaddingMask == null && !needWeights) {
        attnMask = null;
      } else {
        attnMask = canonicalMask(attnMask, "attn_mask", query.dtype());
        if (keyPaddingMask != null) {
          isCausal = false;
        }
      }
      if (embedDim != embedDimToCheck) {
        throw new IllegalArgumentException(
            "was expecting embedding dimension of " + embedDimToCheck + ", but got " + embedDim);
      }
      long headDim = embedDim / numHeads;
      if (headDim * numHeads != embedDim) {
        throw new IllegalArgumentException(
            "embed_dim " + embedDim + " not divisible by num_heads " + numHeads);
      }
      if (useSeparateProjWeight) {
        if (key.size(0) != value.size(0) || key.size(1) != value.size(1)) {
          throw new IllegalArgumentException(
              "key's sequence and batch dims "
                  + org.jtorch.internal.PyRepr.torchSize(new long[] {key.size(0), key.size(1)})
                  + " do not match value's "
                  + org.jtorch.internal.PyRepr.torchSize(new long[] {value.size(0), value.size(1)}));
        }
      } else if (!java.util.Arrays.equals(key.shape(), value.shape())) {
        throw new IllegalArgumentException(
            "key shape "
                + org.jtorch.internal.PyRepr.torchSize(key.shape())
                + " does not match value shape "
                + org.jtorch.internal.PyRepr.torchSize(value.shape()));
      }
      Tensor q;
      Tensor k;
      Tensor v;
      if (!useSeparateProjWeight) {
        if (inProjWeight == null) {
          throw new IllegalArgumentException(
              "use_separate_proj_weight is False but in_proj_weight is None");
        }
        Tensor[] qkv = inProjectionPacked(query, key, value, kIsV, qIsK, inProjWeight, inProjBias);
        q = qkv[0];
        k = qkv[1];
        v = qkv[2];
      } else {
        if (qProjWeight == null) {
          throw new IllegalArgumentException(
              "use_separate_proj_weight is True but q_proj_weight is None");
        }
        if (kProjWeight == null) {
          throw new IllegalArgumentException(
              "use_separate_proj_weight is True but k_proj_weight is None");
        }
        if (vProjWeight == null) {
          throw new IllegalArgumentException(
              "use_separate_proj_weight is True but v_proj_weight is None");
        }
        Tensor bq = null;
        Tensor bk = null;
        Tensor bv = null;
        if (inProjBias != null) {
          java.util.List<Tensor> b = inProjBias.chunk(3);
          bq = b.get(0);
          bk = b.get(1);
          bv = b.get(2);
        }
        long eq = query.size(-1);
        long ek = key.size(-1);
        long ev = value.size(-1);
        checkShape(qProjWeight, "query weights", eq, eq);
        checkShape(kProjWeight, "key weights", eq, ek);
        checkShape(vProjWeight, "value weights", eq, ev);
        if (bq != null) {
          checkShape(bq, "query bias", eq);
          checkShape(bk, "key bias", eq);
          checkShape(bv, "value bias", eq);
        }
        q = linear(query, qProjWeight, bq);
        k = linear(key, kProjWeight, bk);
        v = linear(value, vProjWeight, bv);
      }
      if (attnMask != null) {
        if (attnMask.dim() == 2) {
          if (attnMask.size(0) != tgtLen || attnMask.size(1) != srcLen) {
            throw new IllegalArgumentException(
                "The shape of the 2D attn_mask is "
                    + org.jtorch.internal.PyRepr.torchSize(attnMask.shape())
                    + ", but should be "
                    + org.jtorch.internal.PyRepr.tuple(tgtLen, srcLen)
                    + ".");
          }
          attnMask = attnMask.unsqueeze(0);
        } else if (attnMask.dim() == 3) {
          if (!java.util.Arrays.equals(
              attnMask.shape(), new long[] {bsz * numHeads, tgtLen, srcLen})) {
            throw new IllegalArgumentException(
                "The shape of the 3D attn_mask is "
                    + org.jtorch.internal.PyRepr.torchSize(attnMask.shape())
                    + ", but should be "
                    + org.jtorch.internal.PyRepr.tuple(bsz * numHeads, tgtLen, srcLen)
                    + ".");
          }
        } else {
          throw new IllegalArgumentException(
              "attn_mask's dimension " + attnMask.dim() + " is not supported");
        }
      }
      if (biasK != null && biasV != null) {
        if (staticK != null) {
          throw new IllegalArgumentException("bias cannot be added to static key.");
        }
        if (staticV != null) {
          throw new IllegalArgumentException("bias cannot be added to static value.");
        }
        k = org.jtorch.Torch.cat(java.util.List.of(k, biasK.repeat(1, bsz, 1)));
        v = org.jtorch.Torch.cat(java.util.List.of(v, biasV.repeat(1, bsz, 1)));
        if (attnMask != null) {
          attnMask = padLast(attnMask);
        }
        if (keyPaddingMask != null) {
          keyPaddingMask = padLast(keyPaddingMask);
        }
      } else if (biasK != null) {
        throw new IllegalArgumentException("bias_k is set but bias_v is None");
      } else if (biasV != null) {
        throw new IllegalArgumentException("bias_v is set but bias_k is None");
      }
      q = q.view(tgtLen, bsz * numHeads, headDim).transpose(0, 1);
      if (staticK == null) {
        k = k.view(k.size(0), bsz * numHeads, headDim).transpose(0, 1);
      } else {
        if (staticK.size(0) != bsz * numHeads) {
          throw new IllegalArgumentException(
              "expecting static_k.size(0) of " + bsz * numHeads + ", but got " + staticK.size(0));
        }
        if (staticK.size(2) != headDim) {
          throw new IllegalArgumentException(
              "expecting static_k.size(2) of " + headDim + ", but got " + staticK.size(2));
        }
        k = staticK;
      }
      if (staticV == null) {
        v = v.view(v.size(0), bsz * numHeads, headDim).transpose(0, 1);
      } else {
        if (staticV.size(0) != bsz * numHeads) {
          throw new IllegalArgumentException(
              "expecting static_v.size(0) of " + bsz * numHeads + ", but got " + staticV.size(0));
        }
        if (staticV.size(2) != headDim) {
          throw new IllegalArgumentException(
              "expecting static_v.size(2) of " + headDim + ", but got " + staticV.size(2));
        }
        v = staticV;
      }
      if (addZeroAttn) {
        long[] zshape = {bsz * numHeads, 1, headDim};
        k =
            org.jtorch.Torch.cat(
                java.util.List.of(
                    k,
                    org.jtorch.Torch.zeros(
                        zshape, org.jtorch.TensorOptions.dtype(k.dtype()).withDevice(k.device()))),
                1);
        v =
            org.jtorch.Torch.cat(
                java.util.List.of(
                    v,
                    org.jtorch.Torch.zeros(
                        zshape, org.jtorch.TensorOptions.dtype(v.dtype()).withDevice(v.device()))),
                1);
        if (attnMask != null) {
          attnMask = padLast(attnMask);
        }
        if (keyPaddingMask != null) {
          keyPaddingMask = padLast(keyPaddingMask);
        }
      }
      srcLen = k.size(1);
      if (keyPaddingMask != null) {
        if (keyPaddingMask.size(0) != bsz) {
          throw new IllegalArgumentException(
              "Expected key_padded_mask.shape[0] to be "
                  + bsz
                  + ", but got "
                  + keyPaddingMask.size(0));
        }
        if (keyPaddingMask.size(1) != srcLen) {
          throw new IllegalArgumentException(
              "Expected key_padded_mask.shape[1] to be "
                  + srcLen
                  + ", but got "
                  + keyPaddingMask.size(1));
        }
        keyPaddingMask =
            keyPaddingMask
                .view(bsz, 1, 1, srcLen)
                .expand(-1, numHeads, -1, -1)
                .reshape(bsz * numHeads, 1, srcLen);
        attnMask = attnMask == null ? keyPaddingMask : attnMask.add(keyPaddingMask);
      }
      if (!training) {
        dropoutP = 0.0;
      }
      Tensor out;
      Tensor weights = null;
      if (needWeights) {
        long e = q.size(2);
        Tensor qScaled = q.mul(Math.sqrt(1.0 / (double) e));
        if (isCausal && attnMask == null) {
          throw new IllegalArgumentException("FIXME: is_causal not implemented for need_weights");
        }
        Tensor kt = k.transpose(-2, -1);
        if (attnMask != null) {
          org.bytedeco.pytorch.Tensor m = h(attnMask, "attn_mask");
          org.bytedeco.pytorch.Tensor a = h(qScaled, "q");
          org.bytedeco.pytorch.Tensor b = h(kt, "k");
          weights = tensor(() -> torch.baddbmm(m, a, b));
        } else {
          weights = qScaled.bmm(kt);
        }
        weights = weights.softmax(-1);
        if (dropoutP > 0.0) {
          weights = dropout(weights, dropoutP, true);
        }
        out = weights.bmm(v);
        out = out.transpose(0, 1).reshape(tgtLen * bsz, embedDim);
        out = linear(out, outProjWeight, outProjBias);
        out = out.view(tgtLen, bsz, out.size(1));
        weights = weights.view(bsz, numHeads, tgtLen, srcLen);
        if (averageAttnWeights) {
          weights = weights.mean(1);
        }
        if (!isBatched) {
          out = out.squeeze(1);
          weights = weights.squeeze(0);
        }
      } else {
        if (attnMask != null) {
          if (attnMask.size(0) == 1 && attnMask.dim() == 3) {
            attnMask = attnMask.unsqueeze(0);
          } else {
            attnMask = attnMask.view(bsz, numHeads, -1, srcLen);
          }
        }
        q = q.view(bsz, numHeads, tgtLen, headDim);
        k = k.view(bsz, numHeads, srcLen, headDim);
        v = v.view(bsz, numHeads, srcLen, headDim);
        out = scaledDotProductAttention(q, k, v, attnMask, dropoutP, isCausal, null, false);
        out = out.permute(2, 0, 1, 3).reshape(bsz * tgtLen, embedDim);
        out = linear(out, outProjWeight, outProjBias);
        out = out.view(tgtLen, bsz, out.size(1));
        if (!isBatched) {
          out = out.squeeze(1);
        }
      }
      scope.keep(out);
      if (weights != null) {
        scope.keep(weights);
      }
      return new org.jtorch.nn.MultiheadAttention.Output(out, weights);
    }
  }

  private static void checkShape(Tensor t, String what, long... want) {
    if (!java.util.Arrays.equals(t.shape(), want)) {
      throw new IllegalArgumentException(
          "expecting " + what + " shape of " + org.jtorch.internal.PyRepr.tuple(want) + ", but got " + org.jtorch.internal.PyRepr.torchSize(t.shape()));
    }
  }

  /** PyTorch's {@code pad(mask, (0, 1))}: one zero column at the end of the last dimension. */
  private static Tensor padLast(Tensor mask) {
    org.bytedeco.pytorch.Tensor m = h(mask, "mask");
    try (Scalar zero = new Scalar(0.0)) {
      return tensor(() -> torch.constant_pad_nd(m, new long[] {0, 1}, zero));
    }
  }

  /** PyTorch's {@code _in_projection_packed}, including its identity tests on q, k and v. */
  private static Tensor[] inProjectionPacked(
      Tensor q, Tensor k, Tensor v, boolean kIsV, boolean qIsK, Tensor w, Tensor b) {
    long e = q.size(-1);
    if (kIsV) {
      if (qIsK) {
        Tensor proj =
            linear(q, w, b)
                .unflatten(-1, 3, e)
                .unsqueeze(0)
                .transpose(0, -2)
                .squeeze(-2)
                .contiguous();
        return new Tensor[] {proj.select(0, 0), proj.select(0, 1), proj.select(0, 2)};
      }
      java.util.List<Tensor> ws = w.split(new long[] {e, e * 2});
      Tensor bq = null;
      Tensor bkv = null;
      if (b != null) {
        java.util.List<Tensor> bs = b.split(new long[] {e, e * 2});
        bq = bs.get(0);
        bkv = bs.get(1);
      }
      Tensor qProj = linear(q, ws.get(0), bq);
      Tensor kv =
          linear(k, ws.get(1), bkv)
              .unflatten(-1, 2, e)
              .unsqueeze(0)
              .transpose(0, -2)
              .squeeze(-2)
              .contiguous();
      return new Tensor[] {qProj, kv.select(0, 0), kv.select(0, 1)};
    }
    java.util.List<Tensor> ws = w.chunk(3);
    Tensor bq = null;
    Tensor bk = null;
    Tensor bv = null;
    if (b != null) {
      java.util.List<Tensor> bs = b.chunk(3);
      bq = bs.get(0);
      bk = bs.get(1);
      bv = bs.get(2);
    }
    return new Tensor[] {
      linear(q, ws.get(0), bq), linear(k, ws.get(1), bk), linear(v, ws.get(2), bv)
    };
  }

  /** PyTorch's {@code _mha_shape_check}; returns whether the input is batched. */
  private static boolean mhaShapeCheck(
      Tensor query,
      Tensor key,
      Tensor value,
      Tensor keyPaddingMask,
      Tensor attnMask,
      long numHeads) {
    if (query.dim() == 3) {
      if (key.dim() != 3 || value.dim() != 3) {
        throw new IllegalArgumentException(
            "For batched (3-D) `query`, expected `key` and `value` to be 3-D but found "
                + key.dim()
                + "-D and "
                + value.dim()
                + "-D tensors respectively");
      }
      if (keyPaddingMask != null && keyPaddingMask.dim() != 2) {
        throw new IllegalArgumentException(
            "For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D but found "
                + keyPaddingMask.dim()
                + "-D tensor instead");
      }
      if (attnMask != null && attnMask.dim() != 2 && attnMask.dim() != 3) {
        throw new IllegalArgumentException(
            "For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found "
                + attnMask.dim()
                + "-D tensor instead");
      }
      return true;
    }
    if (query.dim() == 2) {
      if (key.dim() != 2 || value.dim() != 2) {
        throw new IllegalArgumentException(
            "For unbatched (2-D) `query`, expected `key` and `value` to be 2-D but found "
                + key.dim()
                + "-D and "
                + value.dim()
                + "-D tensors respectively");
      }
      if (keyPaddingMask != null && keyPaddingMask.dim() != 1) {
        throw new IllegalArgumentException(
            "For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D but found"
                + " "
                + keyPaddingMask.dim()
                + "-D tensor instead");
      }
      if (attnMask != null) {
        if (attnMask.dim() != 2 && attnMask.dim() != 3) {
          throw new IllegalArgumentException(
              "For unbatched (2-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found"
                  + " "
                  + attnMask.dim()
                  + "-D tensor instead");
        }
        if (attnMask.dim() == 3) {
          long[] want = {numHeads, query.size(0), key.size(0)};
          if (!java.util.Arrays.equals(attnMask.shape(), want)) {
            throw new IllegalArgumentException(
                "Expected `attn_mask` shape to be "
                    + org.jtorch.internal.PyRepr.tuple(want)
                    + " but got "
                    + org.jtorch.internal.PyRepr.torchSize(attnMask.shape()));
          }
        }
      }
      return false;
    }
    throw new IllegalArgumentException(
        "query should be unbatched 2D or batched 3D tensor but received "
            + query.dim()
            + "-D query tensor");
  }

  /**
   * PyTorch's {@code F._canonical_mask}: a bool mask becomes a float mask of {@code dtype} with
   * -inf where it is true; a float mask is returned as is; null stays null.
   *
   * @throws IllegalArgumentException for a mask that is neither bool nor floating point
   */
  public static Tensor canonicalMask(Tensor mask, String maskName, org.jtorch.DType dtype) {
    if (mask == null) {
      return null;
    }
    boolean isFloat = mask.dtype().isFloatingPoint();
    if (mask.dtype() != org.jtorch.DType.BOOL && !isFloat) {
      throw new IllegalArgumentException(
          "only bool and floating types of " + maskName + " are supported");
    }
    if (isFloat) {
      return mask;
    }
    return org.jtorch.Torch.zeros(
            mask.shape(), org.jtorch.TensorOptions.dtype(dtype).withDevice(mask.device()))
        .maskedFill_(mask, Double.NEGATIVE_INFINITY);
  }

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
            + org.jtorch.internal.PyRepr.torchSize(ys)
            + ") that is different to the input size ("
            + org.jtorch.internal.PyRepr.torchSize(xs)
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
   * {@code F.nll_loss}; see {@link org.jtorch.nn.NLLLoss} for the shapes.
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
              + org.jtorch.internal.PyRepr.torchSize(ys)
              + ") that is different to the input size ("
              + org.jtorch.internal.PyRepr.torchSize(xs)
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
              + org.jtorch.internal.PyRepr.torchSize(ys)
              + ") must be the same as input size ("
              + org.jtorch.internal.PyRepr.torchSize(xs)
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
   * org.jtorch.nn.KLDivLoss}. With reduction {@code "mean"} jtorch logs PyTorch's warning (once)
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
              + org.jtorch.internal.PyRepr.torchSize(input1.shape())
              + ", input2: "
              + org.jtorch.internal.PyRepr.torchSize(input2.shape())
              + ", target: "
              + org.jtorch.internal.PyRepr.torchSize(target.shape())
              + " ");
    }
    int r = reduction.code();
    return tensor(() -> torch.margin_ranking_loss(x1, x2, y, margin, r));
  }

  /**
   * The negative log likelihood of a Poisson target, PyTorch's {@code F.poisson_nll_loss}: {@code
   * exp(input) − target·input} with {@code logInput} (the input is the log of the rate), else
   * {@code input − target·log(input + eps)}; {@code full} adds Stirling's approximation of {@code
   * log(target!)} where the target is above 1.
   */
  public static Tensor poissonNllLoss(
      Tensor input, Tensor target, boolean logInput, boolean full, double eps,
      org.jtorch.nn.Reduction reduction) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    int r = reduction.code();
    return tensor(() -> torch.poisson_nll_loss(x, y, logInput, full, eps, r));
  }

  /**
   * The negative log likelihood of a Gaussian target, PyTorch's {@code F.gaussian_nll_loss}:
   * {@code 0.5·(log(var) + (input − target)²/var)} with {@code var} clamped to at least {@code
   * eps} (without a gradient through the clamp), plus {@code 0.5·log(2π)} with {@code full}.
   * {@code var} has the input's shape, or lacks its last dim, or differs from it in one dim of
   * size 1 (heteroscedastic), as in PyTorch.
   *
   * @throws IllegalArgumentException for a negative variance or a variance of another shape
   *     (PyTorch's ValueError, with its message)
   */
  public static Tensor gaussianNllLoss(
      Tensor input, Tensor target, Tensor var, boolean full, double eps,
      org.jtorch.nn.Reduction reduction) {
    try (org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      if (var.lt(0).any().booleanValue()) {
        throw new IllegalArgumentException("var has negative entry/entries");
      }
      long[] in = input.shape();
      long[] v = var.shape();
      if (!java.util.Arrays.equals(in, v)) {
        if (java.util.Arrays.equals(java.util.Arrays.copyOf(in, Math.max(in.length - 1, 0)), v)
            && in.length > 0) {
          var = var.unsqueeze(-1);
        } else if (!(in.length == v.length && heteroscedastic(in, v))) {
          throw new IllegalArgumentException("var is of incorrect size");
        }
      }
      Tensor clamped = var.clone();
      try (org.jtorch.autograd.GradMode off = org.jtorch.Torch.noGrad()) {
        clamped.clamp_(eps, Double.POSITIVE_INFINITY);
      }
      Tensor loss = clamped.log().add(input.sub(target).pow(2).div(clamped)).mul(0.5);
      if (full) {
        loss = loss.add(0.5 * Math.log(2 * Math.PI));
      }
      return scope.keep(reduce(loss, reduction));
    }
  }

  /** {@link #gaussianNllLoss(Tensor, Tensor, Tensor, boolean, double, org.jtorch.nn.Reduction)} with one variance for every element. */
  public static Tensor gaussianNllLoss(
      Tensor input, Tensor target, double var, boolean full, double eps,
      org.jtorch.nn.Reduction reduction) {
    if (var < 0) {
      throw new IllegalArgumentException("var has negative entry/entries");
    }
    try (org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      Tensor v = org.jtorch.Torch.onesLike(input).mul(var);
      return scope.keep(gaussianNllLoss(input, target, v, full, eps, reduction));
    }
  }

  /** The sizes differ in one dim only, where the variance's size is 1 (PyTorch's rule). */
  private static boolean heteroscedastic(long[] in, long[] v) {
    long sum = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i] != v[i]) {
        sum += v[i];
      }
    }
    return sum == 1;
  }

  /** {@code loss} reduced: as it is, its mean, or its sum. */
  private static Tensor reduce(Tensor loss, org.jtorch.nn.Reduction reduction) {
    switch (reduction) {
      case MEAN:
        return loss.mean();
      case SUM:
        return loss.sum();
      default:
        return loss;
    }
  }

  /**
   * The multi-class hinge loss, PyTorch's {@code F.multi_margin_loss}: for each sample and each
   * class {@code i} other than the target {@code y}, {@code max(0, margin − x[y] + x[i])^p}
   * (times {@code weight[y]}), summed and divided by the number of classes.
   *
   * @param weight per-class weights (one-dimensional), or null
   * @throws IllegalArgumentException for {@code p} other than 1 and 2, or a weight that is not
   *     one-dimensional (PyTorch's ValueError)
   */
  public static Tensor multiMarginLoss(
      Tensor input, Tensor target, int p, double margin, Tensor weight,
      org.jtorch.nn.Reduction reduction) {
    if (p != 1 && p != 2) {
      throw new IllegalArgumentException("only p == 1 and p == 2 supported");
    }
    if (weight != null && weight.dim() != 1) {
      throw new IllegalArgumentException("weight must be one-dimensional");
    }
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    int r = reduction.code();
    try (TensorOptional w = optional(weight);
        Scalar ps = new Scalar((long) p);
        Scalar ms = new Scalar(margin)) {
      return tensor(() -> torch.multi_margin_loss(x, y, ps, ms, w, r));
    }
  }

  /**
   * The two-class logistic loss, PyTorch's {@code F.soft_margin_loss}: {@code log(1 + exp(−y·x))}
   * averaged over the elements of each sample's prediction, with targets 1 or −1.
   */
  public static Tensor softMarginLoss(
      Tensor input, Tensor target, org.jtorch.nn.Reduction reduction) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    int r = reduction.code();
    return tensor(() -> torch.soft_margin_loss(x, y, r));
  }

  /**
   * PyTorch's {@code F.hinge_embedding_loss}: {@code x} where the target is 1, {@code max(0,
   * margin − x)} where it is −1 (for distances, learning embeddings).
   */
  public static Tensor hingeEmbeddingLoss(
      Tensor input, Tensor target, double margin, org.jtorch.nn.Reduction reduction) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    int r = reduction.code();
    return tensor(() -> torch.hinge_embedding_loss(x, y, margin, r));
  }

  /**
   * The multi-label hinge loss, PyTorch's {@code F.multilabel_margin_loss}: the target holds each
   * sample's class indices, ended by the first −1; every (target class, other class) pair
   * contributes {@code max(0, 1 − (x[target] − x[other]))}, divided by the number of classes.
   */
  public static Tensor multilabelMarginLoss(
      Tensor input, Tensor target, org.jtorch.nn.Reduction reduction) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor y = h(target, "target");
    int r = reduction.code();
    return tensor(() -> torch.multilabel_margin_loss(x, y, r));
  }

  /**
   * The multi-label one-versus-all logistic loss, PyTorch's {@code F.multilabel_soft_margin_loss}:
   * {@code −(y·logσ(x) + (1 − y)·logσ(−x))}, times {@code weight} (per class, or null), averaged
   * over the classes (the last dim).
   */
  public static Tensor multilabelSoftMarginLoss(
      Tensor input, Tensor target, Tensor weight, org.jtorch.nn.Reduction reduction) {
    try (org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      Tensor loss =
          target.mul(logsigmoid(input)).add(target.neg().add(1).mul(logsigmoid(input.neg()))).neg();
      if (weight != null) {
        loss = loss.mul(weight);
      }
      long classDim = input.dim() - 1;
      loss = loss.sum(classDim).div(input.shape()[(int) classDim]);
      return scope.keep(reduce(loss, reduction));
    }
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
          "margin must be greater than 0, got " + org.jtorch.internal.PyRepr.floatRepr(options.margin()));
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
    checkCtcLabels(logProbs, targets, tl);
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
    checkCtcLabels(logProbs, targets, targetLengths.toLongArray());
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

  /**
   * LibTorch's CTC kernel indexes {@code log_probs} by the target labels without checking them: a
   * label outside {@code [0, C)} reads out of bounds (a silently wrong loss, or a crash for a
   * large one, in Python too). The labels each sequence uses (the first {@code targetLengths[n]}
   * of its row, or of its stretch of concatenated targets) are checked here first; padding beyond
   * a sequence's length is not read by LibTorch and not checked. Lengths that do not fit the
   * tensors are left to LibTorch's own checks.
   */
  private static void checkCtcLabels(Tensor logProbs, Tensor targets, long[] targetLengths) {
    if (logProbs.dim() == 0 || targets.dim() == 0 || targets.dim() > 2) {
      return; // LibTorch's shape checks answer these
    }
    long classes = logProbs.size(-1);
    long[] labels = targets.toLongArray();
    long[] shape = targets.shape();
    boolean padded = shape.length == 2;
    long rowLength = padded ? shape[1] : labels.length;
    long offset = 0;
    int sequences = padded ? (int) Math.min(shape[0], targetLengths.length) : targetLengths.length;
    for (int n = 0; n < sequences; n++) {
      long start = padded ? n * rowLength : offset;
      long length = Math.max(0, Math.min(targetLengths[n], rowLength - (padded ? 0 : offset)));
      for (long i = 0; i < length && start + i < labels.length; i++) {
        long label = labels[(int) (start + i)];
        if (label < 0 || label >= classes) {
          throw new IllegalArgumentException(
              "ctc_loss: target label "
                  + label
                  + " of sequence "
                  + n
                  + " (position "
                  + i
                  + ") is outside [0, "
                  + classes
                  + "), the classes of log_probs' last dimension");
        }
      }
      offset += Math.max(0, targetLengths[n]);
    }
  }

  // end of losses
  // =============================================================================================
}
