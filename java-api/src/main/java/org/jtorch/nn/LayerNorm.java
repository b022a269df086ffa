package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * Layer normalisation over the trailing {@code normalizedShape} dims of the input, PyTorch's {@code
 * nn.LayerNorm}, with an elementwise affine weight (ones) and bias (zeros) by default.
 *
 * <pre>{@code
 * new LayerNorm(LayerNorm.options(512).eps(1e-6).bias(false))
 * }</pre>
 */
public class LayerNorm extends Module {
  /** The scale, shape normalizedShape, or null without elementwise affine. */
  public final Tensor weight;
  /** The shift, shape normalizedShape, or null. */
  public final Tensor bias;

  private final long[] normalizedShape;
  private final double eps;
  private final boolean elementwiseAffine;

  /** The keyword arguments, with PyTorch's defaults: eps 1e-5, elementwise affine, bias. */
  public static final class Options {
    final long[] normalizedShape;
    double eps = 1e-5;
    boolean elementwiseAffine = true;
    boolean bias = true;

    Options(long[] normalizedShape) {
      this.normalizedShape = Objects.requireNonNull(normalizedShape, "normalizedShape").clone();
    }

    /** The value added to the variance (default 1e-5). */
    public Options eps(double eps) {
      this.eps = eps;
      return this;
    }

    /** Whether the layer has a learnable weight (and bias) per element (default true). */
    public Options elementwiseAffine(boolean elementwiseAffine) {
      this.elementwiseAffine = elementwiseAffine;
      return this;
    }

    /** Whether an affine layer has a bias (default true). */
    public Options bias(boolean bias) {
      this.bias = bias;
      return this;
    }
  }

  /** PyTorch's {@code nn.LayerNorm(normalizedShape)}: one size or several (the last dims). */
  public LayerNorm(long... normalizedShape) {
    this(options(normalizedShape));
  }

  /** A layer with the given options. */
  public LayerNorm(Options o) {
    Objects.requireNonNull(o, "options");
    this.normalizedShape = o.normalizedShape;
    this.eps = o.eps;
    this.elementwiseAffine = o.elementwiseAffine;
    try (Tensor w = o.elementwiseAffine ? Torch.empty(normalizedShape) : null;
        Tensor b = o.elementwiseAffine && o.bias ? Torch.empty(normalizedShape) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
    }
    resetParameters();
  }

  /** The options of a layer over the trailing dims {@code normalizedShape}. */
  public static Options options(long... normalizedShape) {
    return new Options(normalizedShape);
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

  /** The normalised trailing shape. */
  public long[] normalizedShape() {
    return normalizedShape.clone();
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.layerNorm(input, normalizedShape, weight, bias, eps);
  }

  @Override
  public String extraRepr() {
    return py(normalizedShape) + ", eps=" + py(eps) + ", elementwise_affine="
        + py(elementwiseAffine) + ", bias=" + py(bias != null);
  }
}
