package org.jtorch.nn;

import java.util.Arrays;
import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * The common base of {@link Conv1d}, {@link Conv2d}, {@link Conv3d}, {@link ConvTranspose1d} and
 * {@link ConvTranspose2d}, PyTorch's {@code _ConvNd}: it holds the weight and bias, checks the
 * options as PyTorch does (with its messages), initialises the parameters as PyTorch's {@code
 * reset_parameters()} does (Kaiming-uniform with a = √5, bias U(−1/√fanIn, 1/√fanIn)) and prints
 * PyTorch's repr.
 *
 * <p>The weight has shape (outChannels, inChannels / groups, *kernelSize), or (inChannels,
 * outChannels / groups, *kernelSize) for transposed convolutions.
 */
public abstract class ConvNd extends Module {
  /** The filters. */
  public final Tensor weight;
  /** The bias, shape (outChannels), or null without one. */
  public final Tensor bias;

  private final int dims;
  private final boolean transposed;
  private final long inChannels;
  private final long outChannels;
  private final long[] kernelSize;
  private final long[] stride;
  private final long[] padding;
  private final String paddingString;
  private final long[] dilation;
  private final long[] outputPadding;
  private final long groups;
  private final String paddingMode;
  private final long[] reversedPaddingRepeatedTwice;

  /**
   * The keyword arguments of a convolution layer, with PyTorch's defaults: stride 1, padding 0,
   * dilation 1, groups 1, bias true, padding mode {@code "zeros"}, output padding 0 (transposed
   * layers only). Size setters take one value (Python's int: the same in every dim) or one per
   * spatial dim (Python's tuple).
   *
   * <pre>{@code
   * new Conv2d(Conv2d.options(1, 32, 3).stride(2).padding(1).bias(false))
   * }</pre>
   */
  public static final class Options {
    final long inChannels;
    final long outChannels;
    final long[] kernelSize;
    long[] stride = {1};
    long[] padding = {0};
    String paddingString;
    long[] dilation = {1};
    long[] outputPadding = {0};
    long groups = 1;
    boolean bias = true;
    String paddingMode = "zeros";

    Options(long inChannels, long outChannels, long[] kernelSize) {
      this.inChannels = inChannels;
      this.outChannels = outChannels;
      this.kernelSize = Objects.requireNonNull(kernelSize, "kernelSize").clone();
    }

    /** The stride (default 1). */
    public Options stride(long... stride) {
      this.stride = Objects.requireNonNull(stride, "stride").clone();
      return this;
    }

    /** Implicit zero padding on both sides (default 0). */
    public Options padding(long... padding) {
      this.padding = Objects.requireNonNull(padding, "padding").clone();
      this.paddingString = null;
      return this;
    }

    /**
     * {@code "valid"} (no padding) or {@code "same"} (output as large as the input; stride must be
     * 1). Not for transposed convolutions.
     */
    public Options padding(String padding) {
      this.paddingString = Objects.requireNonNull(padding, "padding");
      this.padding = null;
      return this;
    }

    /** The spacing between kernel elements (default 1). */
    public Options dilation(long... dilation) {
      this.dilation = Objects.requireNonNull(dilation, "dilation").clone();
      return this;
    }

    /** The number of blocked connections from input to output channels (default 1). */
    public Options groups(long groups) {
      this.groups = groups;
      return this;
    }

    /** Whether the layer has a learnable bias (default true). */
    public Options bias(boolean bias) {
      this.bias = bias;
      return this;
    }

    /**
     * {@code "zeros"} (default), {@code "reflect"}, {@code "replicate"} or {@code "circular"}: how
     * the input is padded. Transposed convolutions support only {@code "zeros"}.
     */
    public Options paddingMode(String paddingMode) {
      this.paddingMode = Objects.requireNonNull(paddingMode, "paddingMode");
      return this;
    }

    /** Extra size added to one side of the output (transposed convolutions only; default 0). */
    public Options outputPadding(long... outputPadding) {
      this.outputPadding = Objects.requireNonNull(outputPadding, "outputPadding").clone();
      return this;
    }
  }

  ConvNd(int dims, boolean transposed, Options o) {
    Objects.requireNonNull(o, "options");
    this.dims = dims;
    this.transposed = transposed;
    if (transposed && !o.paddingMode.equals("zeros")) {
      throw new IllegalArgumentException(
          "Only \"zeros\" padding mode is supported for " + name());
    }
    if (o.groups <= 0) {
      throw new IllegalArgumentException("groups must be a positive integer");
    }
    if (o.inChannels % o.groups != 0) {
      throw new IllegalArgumentException("in_channels must be divisible by groups");
    }
    if (o.outChannels % o.groups != 0) {
      throw new IllegalArgumentException("out_channels must be divisible by groups");
    }
    this.kernelSize = tuple(o.kernelSize, "kernelSize");
    this.stride = tuple(o.stride, "stride");
    this.dilation = tuple(o.dilation, "dilation");
    this.outputPadding = tuple(o.outputPadding, "outputPadding");
    if (!transposed && Arrays.stream(outputPadding).anyMatch(v -> v != 0)) {
      throw new IllegalArgumentException("outputPadding is only for transposed convolutions");
    }
    if (o.paddingString != null) {
      if (transposed) {
        throw new IllegalArgumentException(
            "padding strings are not supported for " + name() + ", got '" + o.paddingString + "'");
      }
      if (!o.paddingString.equals("same") && !o.paddingString.equals("valid")) {
        throw new IllegalArgumentException(
            "Invalid padding string '" + o.paddingString + "', should be one of {'same', 'valid'}");
      }
      if (o.paddingString.equals("same") && Arrays.stream(stride).anyMatch(s -> s != 1)) {
        throw new IllegalArgumentException(
            "padding='same' is not supported for strided convolutions");
      }
    }
    if (!Arrays.asList("zeros", "reflect", "replicate", "circular").contains(o.paddingMode)) {
      throw new IllegalArgumentException(
          "padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got"
              + " padding_mode='"
              + o.paddingMode
              + "'");
    }
    this.inChannels = o.inChannels;
    this.outChannels = o.outChannels;
    this.paddingString = o.paddingString;
    this.padding = o.paddingString == null ? tuple(o.padding, "padding") : null;
    this.groups = o.groups;
    this.paddingMode = o.paddingMode;
    this.reversedPaddingRepeatedTwice = new long[2 * dims];
    for (int i = 0; i < dims; i++) {
      int r = dims - 1 - i; // PyTorch's pad list starts with the last dim
      long left;
      long right;
      if (padding != null) {
        left = padding[i];
        right = padding[i];
      } else if (paddingString.equals("same")) {
        long total = dilation[i] * (kernelSize[i] - 1);
        left = total / 2;
        right = total - left;
      } else {
        left = 0;
        right = 0;
      }
      reversedPaddingRepeatedTwice[2 * r] = left;
      reversedPaddingRepeatedTwice[2 * r + 1] = right;
    }
    long[] shape = new long[2 + dims];
    shape[0] = transposed ? inChannels : outChannels;
    shape[1] = (transposed ? outChannels : inChannels) / groups;
    System.arraycopy(kernelSize, 0, shape, 2, dims);
    try (Tensor w = Torch.empty(shape);
        Tensor b = o.bias ? Torch.empty(outChannels) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
    }
    resetParameters();
  }

  private long[] tuple(long[] v, String name) {
    if (v.length == dims) {
      return v.clone();
    }
    if (v.length == 1) {
      long[] out = new long[dims];
      Arrays.fill(out, v[0]);
      return out;
    }
    throw new IllegalArgumentException(
        name + " must have 1 or " + dims + " elements for " + name() + ", got " + v.length);
  }

  /** Re-initialises weight and bias as PyTorch's {@code reset_parameters()} does. */
  public void resetParameters() {
    Init.kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu");
    if (bias != null) {
      long fanIn = Init.fans(weight)[0];
      double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      Init.uniform_(bias, -bound, bound);
    }
  }

  /** The number of input channels. */
  public long inChannels() {
    return inChannels;
  }

  /** The number of output channels. */
  public long outChannels() {
    return outChannels;
  }

  /** The kernel size, one value per spatial dim. */
  public long[] kernelSize() {
    return kernelSize.clone();
  }

  /** The stride, one value per spatial dim. */
  public long[] stride() {
    return stride.clone();
  }

  /** The padding, one value per spatial dim, or null when given as a string. */
  public long[] padding() {
    return padding == null ? null : padding.clone();
  }

  /** {@code "same"} or {@code "valid"} when the padding was given as a string, else null. */
  public String paddingString() {
    return paddingString;
  }

  /** The dilation, one value per spatial dim. */
  public long[] dilation() {
    return dilation.clone();
  }

  /** The number of groups. */
  public long groups() {
    return groups;
  }

  /** The padding mode. */
  public String paddingMode() {
    return paddingMode;
  }

  @Override
  public Tensor forward(Tensor input) {
    if (transposed) {
      return transposedForward(input, outputPadding);
    }
    if (!paddingMode.equals("zeros")) {
      try (Tensor padded = F.pad(input, reversedPaddingRepeatedTwice, paddingMode)) {
        return conv(padded, new long[] {0});
      }
    }
    return conv(input, padding);
  }

  private Tensor conv(Tensor input, long[] pad) {
    if (pad == null) {
      switch (dims) {
        case 1:
          return F.conv1d(input, weight, bias, stride, paddingString, dilation, groups);
        case 2:
          return F.conv2d(input, weight, bias, stride, paddingString, dilation, groups);
        default:
          return F.conv3d(input, weight, bias, stride, paddingString, dilation, groups);
      }
    }
    switch (dims) {
      case 1:
        return F.conv1d(input, weight, bias, stride, pad, dilation, groups);
      case 2:
        return F.conv2d(input, weight, bias, stride, pad, dilation, groups);
      default:
        return F.conv3d(input, weight, bias, stride, pad, dilation, groups);
    }
  }

  final Tensor transposedForward(Tensor input, long[] outPad) {
    if (dims == 1) {
      return F.convTranspose1d(input, weight, bias, stride, padding, outPad, groups, dilation);
    }
    return F.convTranspose2d(input, weight, bias, stride, padding, outPad, groups, dilation);
  }

  /** PyTorch's {@code _ConvTransposeNd._output_padding} for a requested output size. */
  final long[] outputPaddingFor(Tensor input, long[] outputSize) {
    long[] in = input.shape();
    boolean hasBatch = in.length == dims + 2;
    int nonSpatial = hasBatch ? 2 : 1;
    long[] size = outputSize;
    if (size.length == nonSpatial + dims) {
      size = Arrays.copyOfRange(size, nonSpatial, size.length);
    }
    if (size.length != dims) {
      throw new IllegalArgumentException(
          "ConvTranspose" + dims + "D: for " + in.length + "D input, output_size must have "
              + dims + " or " + (nonSpatial + dims) + " elements (got " + size.length + ")");
    }
    long[] min = new long[dims];
    long[] max = new long[dims];
    for (int d = 0; d < dims; d++) {
      if (d + nonSpatial >= in.length) {
        throw new IllegalArgumentException(
            "expected a " + (dims + 1) + "D or " + (dims + 2) + "D input, got " + in.length + "D");
      }
      min[d] = (in[d + nonSpatial] - 1) * stride[d] - 2 * padding[d]
          + dilation[d] * (kernelSize[d] - 1) + 1;
      max[d] = min[d] + stride[d] - 1;
    }
    for (int i = 0; i < dims; i++) {
      if (size[i] < min[i] || size[i] > max[i]) {
        throw new IllegalArgumentException(
            "requested an output size of " + org.jtorch.internal.PyRepr.list(outputSize) + ", but valid sizes range from "
                + org.jtorch.internal.PyRepr.list(min) + " to " + org.jtorch.internal.PyRepr.list(max) + " (for an input of torch.Size("
                + org.jtorch.internal.PyRepr.list(Arrays.copyOfRange(in, nonSpatial, in.length)) + "))");
      }
    }
    long[] res = new long[dims];
    for (int d = 0; d < dims; d++) {
      res[d] = size[d] - min[d];
    }
    return res;
  }

  private static boolean all(long[] v, long value) {
    return Arrays.stream(v).allMatch(x -> x == value);
  }

  @Override
  public String extraRepr() {
    StringBuilder s = new StringBuilder();
    s.append(inChannels).append(", ").append(outChannels);
    s.append(", kernel_size=").append(py(kernelSize)).append(", stride=").append(py(stride));
    if (paddingString != null) {
      s.append(", padding=").append(paddingString);
    } else if (!all(padding, 0)) {
      s.append(", padding=").append(py(padding));
    }
    if (!all(dilation, 1)) {
      s.append(", dilation=").append(py(dilation));
    }
    if (!all(outputPadding, 0)) {
      s.append(", output_padding=").append(py(outputPadding));
    }
    if (groups != 1) {
      s.append(", groups=").append(groups);
    }
    if (bias == null) {
      s.append(", bias=False");
    }
    if (!paddingMode.equals("zeros")) {
      s.append(", padding_mode=").append(paddingMode);
    }
    return s.toString();
  }
}
