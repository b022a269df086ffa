package org.jtorch.nn.functional;

import static org.jtorch.internal.NativeCalls.h;
import static org.jtorch.internal.NativeCalls.pair;
import static org.jtorch.internal.NativeCalls.tensor;

import java.util.Arrays;
import java.util.function.BiFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.DoubleArrayRefOptional;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.LongArrayRefOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.ValuesIndices;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.PyRepr;

/**
 * The native side of F's convolution, pooling, normalisation, padding and resampling section:
 * argument checks that PyTorch does in Python (with its messages) and the LibTorch calls.
 */
final class ConvFunctions {
  private ConvFunctions() {}

  // ---------------------------------------------------------------------------------------------
  // Convolution

  static Tensor conv(
      int dims, Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
      long[] dilation, long groups) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    long[] s = arg(stride, "stride");
    long[] p = arg(padding, "padding");
    long[] d = arg(dilation, "dilation");
    try (TensorOptional b = F.optional(bias)) {
      switch (dims) {
        case 1:
          return tensor(() -> torch.conv1d(x, w, b, s, p, d, groups));
        case 2:
          return tensor(() -> torch.conv2d(x, w, b, s, p, d, groups));
        default:
          return tensor(() -> torch.conv3d(x, w, b, s, p, d, groups));
      }
    }
  }

  static Tensor conv(
      int dims, Tensor input, Tensor weight, Tensor bias, long[] stride, String padding,
      long[] dilation, long groups) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    java.util.Objects.requireNonNull(padding, "padding");
    long[] s = arg(stride, "stride");
    long[] d = arg(dilation, "dilation");
    // a BytePointer of ours: the string_view LibTorch takes must outlive the call
    try (TensorOptional b = F.optional(bias);
        BytePointer mode = new BytePointer(padding)) {
      switch (dims) {
        case 1:
          return tensor(() -> torch.conv1d(x, w, b, s, mode, d, groups));
        case 2:
          return tensor(() -> torch.conv2d(x, w, b, s, mode, d, groups));
        default:
          return tensor(() -> torch.conv3d(x, w, b, s, mode, d, groups));
      }
    }
  }

  static Tensor convTranspose(
      int dims, Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding,
      long[] outputPadding, long groups, long[] dilation) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    org.bytedeco.pytorch.Tensor w = h(weight, "weight");
    long[] s = arg(stride, "stride");
    long[] p = arg(padding, "padding");
    long[] o = arg(outputPadding, "outputPadding");
    long[] d = arg(dilation, "dilation");
    try (TensorOptional b = F.optional(bias)) {
      if (dims == 1) {
        return tensor(() -> torch.conv_transpose1d(x, w, b, s, p, o, groups, d));
      }
      return tensor(() -> torch.conv_transpose2d(x, w, b, s, p, o, groups, d));
    }
  }

  private static long[] arg(long[] v, String name) {
    java.util.Objects.requireNonNull(v, name);
    if (v.length == 0) {
      throw new IllegalArgumentException(name + " must have at least one element");
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Pooling

  static Tensor maxPool(
      int dims, Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] k = arg(kernelSize, "kernelSize");
    long[] s = stride == null ? new long[0] : stride; // empty: LibTorch takes the kernel size
    long[] p = arg(padding, "padding");
    long[] d = arg(dilation, "dilation");
    if (dims == 1) {
      return tensor(() -> torch.max_pool1d(x, k, s, p, d, ceilMode));
    }
    if (dims == 3) {
      return tensor(() -> torch.max_pool3d(x, k, s, p, d, ceilMode));
    }
    return tensor(() -> torch.max_pool2d(x, k, s, p, d, ceilMode));
  }

  static ValuesIndices maxPoolWithIndices(
      int dims, Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
      boolean ceilMode) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] k = arg(kernelSize, "kernelSize");
    long[] s = stride == null ? new long[0] : stride;
    long[] p = arg(padding, "padding");
    long[] d = arg(dilation, "dilation");
    Tensor[] r =
        dims == 1
            ? pair(() -> torch.max_pool1d_with_indices(x, k, s, p, d, ceilMode))
            : dims == 3
                ? pair(() -> torch.max_pool3d_with_indices(x, k, s, p, d, ceilMode))
                : pair(() -> torch.max_pool2d_with_indices(x, k, s, p, d, ceilMode));
    return new ValuesIndices(r[0], r[1]);
  }

  static Tensor avgPool1d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] k = arg(kernelSize, "kernelSize");
    long[] s = stride == null ? new long[0] : stride;
    long[] p = arg(padding, "padding");
    return tensor(() -> torch.avg_pool1d(x, k, s, p, ceilMode, countIncludePad));
  }

  static Tensor avgPool2d(
      Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, Long divisorOverride) {
    return avgPool(2, input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
  }

  /** 2-D or 3-D average pooling ({@code dims}), with an optional divisor. */
  static Tensor avgPool(
      int dims, Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
      boolean countIncludePad, Long divisorOverride) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] k = arg(kernelSize, "kernelSize");
    long[] s = stride == null ? new long[0] : stride;
    long[] p = arg(padding, "padding");
    try (LongOptional div =
        divisorOverride == null ? new LongOptional() : new LongOptional(divisorOverride)) {
      return dims == 3
          ? tensor(() -> torch.avg_pool3d(x, k, s, p, ceilMode, countIncludePad, div))
          : tensor(() -> torch.avg_pool2d(x, k, s, p, ceilMode, countIncludePad, div));
    }
  }

  /** Python's single int means the same size in every dim. */
  static long[] expand(long[] v, int dims, String name) {
    java.util.Objects.requireNonNull(v, name);
    if (v.length == 1 && dims > 1) {
      long[] out = new long[dims];
      Arrays.fill(out, v[0]);
      return out;
    }
    if (v.length != dims) {
      throw new IllegalArgumentException(
          name + " must have 1 or " + dims + " elements, got " + Arrays.toString(v));
    }
    return v;
  }

  static Tensor adaptiveAvgPool(int dims, Tensor input, long[] outputSize) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] o = expand(outputSize, dims, "outputSize");
    if (dims == 1) {
      return tensor(() -> torch.adaptive_avg_pool1d(x, o));
    }
    return tensor(() -> torch.adaptive_avg_pool2d(x, o));
  }

  static ValuesIndices adaptiveMaxPool(int dims, Tensor input, long[] outputSize) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] o = expand(outputSize, dims, "outputSize");
    Tensor[] r =
        dims == 1
            ? pair(() -> torch.adaptive_max_pool1d(x, o))
            : pair(() -> torch.adaptive_max_pool2d(x, o));
    return new ValuesIndices(r[0], r[1]);
  }

  // ---------------------------------------------------------------------------------------------
  // Normalisation

  /** PyTorch's {@code _verify_batch_size}: more than one value per channel when training. */
  static void verifyBatchSize(long[] size, String printed) {
    long prod = size[0];
    for (int i = 2; i < size.length; i++) {
      prod *= size[i];
    }
    if (prod == 1) {
      throw new IllegalArgumentException(
          "Expected more than 1 value per channel when training, got input size " + printed);
    }
  }

  static Tensor batchNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean training, double momentum, double eps) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    if (training) {
      long[] s = input.shape();
      if (s.length == 0) {
        throw new IllegalArgumentException("batch_norm expects an input with at least 1 dimension");
      }
      verifyBatchSize(s, PyRepr.torchSize(s));
    }
    if (training && eps <= 0.0) {
      throw new IllegalArgumentException(
          "batch_norm eps must be positive during training, but got " + PyRepr.floatRepr(eps));
    } else if (eps < 0.0) {
      throw new IllegalArgumentException(
          "batch_norm eps must be non-negative, but got " + PyRepr.floatRepr(eps));
    }
    try (TensorOptional w = F.optional(weight);
        TensorOptional b = F.optional(bias);
        TensorOptional rm = F.optional(runningMean);
        TensorOptional rv = F.optional(runningVar)) {
      return tensor(() -> torch.batch_norm(x, w, b, rm, rv, training, momentum, eps, true));
    }
  }

  static Tensor instanceNorm(
      Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
      boolean useInputStats, double momentum, double eps) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    if (useInputStats) {
      long[] s = input.shape();
      long prod = 1;
      for (int i = 2; i < s.length; i++) {
        prod *= s[i];
      }
      if (prod == 1) {
        throw new IllegalArgumentException(
            "Expected more than 1 spatial element when training, got input size " + PyRepr.torchSize(s));
      }
    }
    try (TensorOptional w = F.optional(weight);
        TensorOptional b = F.optional(bias);
        TensorOptional rm = F.optional(runningMean);
        TensorOptional rv = F.optional(runningVar)) {
      return tensor(
          () -> torch.instance_norm(x, w, b, rm, rv, useInputStats, momentum, eps, true));
    }
  }

  static Tensor layerNorm(
      Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] shape = java.util.Objects.requireNonNull(normalizedShape, "normalizedShape");
    try (TensorOptional w = F.optional(weight);
        TensorOptional b = F.optional(bias)) {
      return tensor(() -> torch.layer_norm(x, shape, w, b, eps, true));
    }
  }

  static Tensor groupNorm(Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] s = input.shape();
    if (s.length < 2) {
      throw new IllegalArgumentException(
          "Expected at least 2 dimensions for input tensor but received " + s.length);
    }
    if (numGroups <= 0) {
      throw new IllegalArgumentException("num_groups must be positive, got " + numGroups);
    }
    long[] v = new long[s.length];
    v[0] = s[0] * s[1] / numGroups;
    v[1] = numGroups;
    System.arraycopy(s, 2, v, 2, s.length - 2);
    verifyBatchSize(v, PyRepr.list(v));
    try (TensorOptional w = F.optional(weight);
        TensorOptional b = F.optional(bias)) {
      return tensor(() -> torch.group_norm(x, numGroups, w, b, eps, true));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Padding and resampling

  static Tensor pad(Tensor input, long[] pad, String mode, Double value) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    long[] p = java.util.Objects.requireNonNull(pad, "pad");
    java.util.Objects.requireNonNull(mode, "mode");
    try (BytePointer m = new BytePointer(mode);
        DoubleOptional v = value == null ? new DoubleOptional() : new DoubleOptional(value)) {
      return tensor(() -> torch.pad(x, p, m, v));
    }
  }

  static Tensor pixelShuffle(Tensor input, long upscaleFactor) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.pixel_shuffle(x, upscaleFactor));
  }

  static Tensor pixelUnshuffle(Tensor input, long downscaleFactor) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    return tensor(() -> torch.pixel_unshuffle(x, downscaleFactor));
  }

  static Tensor interpolate(
      Tensor input, long[] size, double[] scaleFactor, String mode, Boolean alignCorners,
      Boolean recomputeScaleFactor) {
    org.bytedeco.pytorch.Tensor x = h(input, "input");
    java.util.Objects.requireNonNull(mode, "mode");
    if (mode.equals("nearest") || mode.equals("area") || mode.equals("nearest-exact")) {
      if (alignCorners != null) {
        throw new IllegalArgumentException(
            "align_corners option can only be set with the interpolating modes: linear |"
                + " bilinear | bicubic | trilinear");
      }
    } else if (alignCorners == null) {
      alignCorners = false;
    }
    long[] shape = input.shape();
    int dim = shape.length - 2;
    long[] spatial = Arrays.copyOfRange(shape, Math.min(2, shape.length), shape.length);
    long[] outputSize;
    double[] scales;
    if (size != null && scaleFactor != null) {
      throw new IllegalArgumentException("only one of size or scale_factor should be defined");
    } else if (size != null) {
      scales = null;
      if (size.length == 1) {
        outputSize = new long[Math.max(dim, 0)];
        Arrays.fill(outputSize, size[0]);
      } else {
        if (size.length != dim) {
          throw new IllegalArgumentException(
              "Input and output must have the same number of spatial dimensions, but got input"
                  + " with spatial dimensions of "
                  + PyRepr.list(spatial)
                  + " and output size of "
                  + PyRepr.tuple(size)
                  + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and output"
                  + " size in (o1, o2, ...,oK) format.");
        }
        outputSize = size.clone();
      }
    } else if (scaleFactor != null) {
      outputSize = null;
      if (scaleFactor.length == 1) {
        scales = new double[Math.max(dim, 0)];
        Arrays.fill(scales, scaleFactor[0]);
      } else {
        if (scaleFactor.length != dim) {
          StringBuilder sf = new StringBuilder("[");
          for (int i = 0; i < scaleFactor.length; i++) {
            sf.append(i == 0 ? "" : ", ").append(PyRepr.floatRepr(scaleFactor[i]));
          }
          throw new IllegalArgumentException(
              "Input and scale_factor must have the same number of spatial dimensions, but got"
                  + " input with spatial dimensions of "
                  + PyRepr.list(spatial)
                  + " and scale_factor of shape "
                  + sf.append(']')
                  + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and"
                  + " scale_factor in (s1, s2, ...,sK) format.");
        }
        scales = scaleFactor.clone();
      }
    } else {
      throw new IllegalArgumentException("either size or scale_factor should be defined");
    }
    if (Boolean.TRUE.equals(recomputeScaleFactor) && size != null) {
      throw new IllegalArgumentException(
          "recompute_scale_factor is not meaningful with an explicit size.");
    }
    boolean recompute = Boolean.TRUE.equals(recomputeScaleFactor);
    if (mode.equals("area") && outputSize == null) {
      recompute = true;
    }
    if (recompute) {
      outputSize = new long[dim];
      for (int i = 0; i < dim; i++) {
        outputSize[i] = (long) (shape[i + 2] * scales[i]); // Python's int(): truncation
      }
      scales = null;
    }
    final long[] os = outputSize;
    final double[] sc = scales;
    final boolean ac = alignCorners != null && alignCorners;
    int nd = shape.length;
    switch (mode) {
      case "nearest":
        if (nd == 3) {
          return sized(os, sc, (o, s) -> torch.upsample_nearest1d(x, o, s));
        } else if (nd == 4) {
          return sized(os, sc, (o, s) -> torch.upsample_nearest2d(x, o, s));
        } else if (nd == 5) {
          return sized(os, sc, (o, s) -> torch.upsample_nearest3d(x, o, s));
        }
        break;
      case "area":
        if (nd == 3 || nd == 4) {
          return adaptiveAvgPool(nd - 2, input, os);
        } else if (nd == 5) {
          return tensor(() -> torch.adaptive_avg_pool3d(x, os));
        }
        break;
      case "linear":
        if (nd == 3) {
          return sized(os, sc, (o, s) -> torch.upsample_linear1d(x, o, ac, s));
        }
        break;
      case "bilinear":
        if (nd == 4) {
          return sized(os, sc, (o, s) -> torch.upsample_bilinear2d(x, o, ac, s));
        }
        break;
      case "bicubic":
        if (nd == 4) {
          return sized(os, sc, (o, s) -> torch.upsample_bicubic2d(x, o, ac, s));
        }
        break;
      case "trilinear":
        if (nd == 5) {
          return sized(os, sc, (o, s) -> torch.upsample_trilinear3d(x, o, ac, s));
        }
        break;
      default:
        break;
    }
    String[][] wrong = {
      {"3", "bilinear", "4D"}, {"3", "trilinear", "5D"}, {"4", "linear", "3D"},
      {"4", "trilinear", "5D"}, {"5", "linear", "3D"}, {"5", "bilinear", "4D"}
    };
    for (String[] w : wrong) {
      if (String.valueOf(nd).equals(w[0]) && mode.equals(w[1])) {
        throw new IllegalArgumentException(
            "Got " + nd + "D input, but " + mode + " mode needs " + w[2] + " input");
      }
    }
    throw new IllegalArgumentException(
        "Input Error: Only 3D, 4D and 5D input Tensors supported (got "
            + nd
            + "D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area"
            + " (got "
            + mode
            + ")");
  }

  /** Calls {@code f} with optional output size and scale factors whose memory outlives it. */
  private static Tensor sized(
      long[] size,
      double[] scales,
      BiFunction<LongArrayRefOptional, DoubleArrayRefOptional, org.bytedeco.pytorch.Tensor> f) {
    return NativeCalls.withLongs(size, o -> NativeCalls.withDoubles(scales, s -> tensor(() -> f.apply(o, s))));
  }
}
