package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * Group normalisation: the channels of (N, C, *) input are split into {@code numGroups} groups,
 * each normalised over its channels and spatial dims, PyTorch's {@code nn.GroupNorm}, with a
 * per-channel affine weight (ones) and bias (zeros) by default.
 *
 * <pre>{@code
 * new GroupNorm(GroupNorm.options(8, 64).eps(1e-6))
 * }</pre>
 */
public class GroupNorm extends Module {
  /** The scale, shape (numChannels), or null when not affine. */
  public final Tensor weight;
  /** The shift, shape (numChannels), or null. */
  public final Tensor bias;

  private final long numGroups;
  private final long numChannels;
  private final double eps;
  private final boolean affine;

  /** The keyword arguments, with PyTorch's defaults: eps 1e-5, affine, bias. */
  public static final class Options {
    final long numGroups;
    final long numChannels;
    double eps = 1e-5;
    boolean affine = true;
    boolean bias = true;

    Options(long numGroups, long numChannels) {
      this.numGroups = numGroups;
      this.numChannels = numChannels;
    }

    /** The value added to the variance (default 1e-5). */
    public Options eps(double eps) {
      this.eps = eps;
      return this;
    }

    /** Whether the layer has a learnable weight and bias per channel (default true). */
    public Options affine(boolean affine) {
      this.affine = affine;
      return this;
    }

    /** Whether an affine layer has a bias (default true). */
    public Options bias(boolean bias) {
      this.bias = bias;
      return this;
    }
  }

  /** PyTorch's {@code nn.GroupNorm(numGroups, numChannels)}. */
  public GroupNorm(long numGroups, long numChannels) {
    this(options(numGroups, numChannels));
  }

  /**
   * A layer with the given options.
   *
   * @throws IllegalArgumentException if numGroups does not divide numChannels
   */
  public GroupNorm(Options o) {
    java.util.Objects.requireNonNull(o, "options");
    if (o.numGroups <= 0 || o.numChannels % o.numGroups != 0) {
      throw new IllegalArgumentException(
          "num_channels (" + o.numChannels + ") must be divisible by num_groups ("
              + o.numGroups + ")");
    }
    this.numGroups = o.numGroups;
    this.numChannels = o.numChannels;
    this.eps = o.eps;
    this.affine = o.affine;
    try (Tensor w = o.affine ? Torch.empty(numChannels) : null;
        Tensor b = o.affine && o.bias ? Torch.empty(numChannels) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
    }
    resetParameters();
  }

  /** The options of a layer of {@code numGroups} groups over {@code numChannels} channels. */
  public static Options options(long numGroups, long numChannels) {
    return new Options(numGroups, numChannels);
  }

  /** Weight to ones and bias to zeros, as PyTorch's {@code reset_parameters()}. */
  public void resetParameters() {
    if (weight != null) {
      Init.ones_(weight);
    }
    if (bias != null) {
      Init.zeros_(bias);
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.groupNorm(input, numGroups, weight, bias, eps);
  }

  @Override
  public String extraRepr() {
    return numGroups + ", " + numChannels + ", eps=" + py(eps) + ", affine=" + py(affine)
        + ", bias=" + py(bias != null);
  }
}
