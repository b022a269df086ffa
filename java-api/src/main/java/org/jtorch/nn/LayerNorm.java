package org.jtorch.nn;

import org.bytedeco.pytorch.TensorOptional;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.internal.NativeCalls;
import org.jtorch.nn.init.Init;

/**
 * Normalises over the last dimensions ({@code normalizedShape}) to zero mean and unit variance,
 * then scales and shifts by learned {@code weight} (ones) and {@code bias} (zeros), PyTorch's
 * {@code nn.LayerNorm}, on LibTorch's {@code layer_norm} kernel.
 */
public class LayerNorm extends Module {
  /** The scale, shape normalizedShape, or null without elementwise affine. */
  public final Tensor weight;
  /** The shift, shape normalizedShape, or null. */
  public final Tensor bias;

  private final long[] normalizedShape;
  private final double eps;
  private final boolean elementwiseAffine;

  /** eps 1e-5, with weight and bias. */
  public LayerNorm(long... normalizedShape) {
    this(normalizedShape, 1e-5, true, true);
  }

  /** PyTorch's {@code LayerNorm(normalized_shape, eps, elementwise_affine, bias)}. */
  public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
    this.normalizedShape = normalizedShape.clone();
    this.eps = eps;
    this.elementwiseAffine = elementwiseAffine;
    try (Tensor w = elementwiseAffine ? Torch.empty(normalizedShape) : null;
        Tensor b = elementwiseAffine && bias ? Torch.empty(normalizedShape) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
    }
    resetParameters();
  }

  /** Weight ones, bias zeros. */
  public void resetParameters() {
    if (weight != null) {
      Init.ones_(weight);
    }
    if (bias != null) {
      Init.zeros_(bias);
    }
  }

  /** The normalisation epsilon. */
  public double eps() {
    return eps;
  }

  @Override
  public Tensor forward(Tensor input) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    long[] shape = normalizedShape.clone();
    try (TensorOptional w =
            weight == null ? new TensorOptional() : new TensorOptional(NativeCalls.h(weight, "weight"));
        TensorOptional b =
            bias == null ? new TensorOptional() : new TensorOptional(NativeCalls.h(bias, "bias"))) {
      return NativeCalls.tensor(
          () -> org.bytedeco.pytorch.global.torch.layer_norm(x, shape, w, b, eps, true));
    }
  }

  @Override
  public String extraRepr() {
    return py(normalizedShape)
        + ", eps="
        + py(eps)
        + ", elementwise_affine="
        + py(elementwiseAffine)
        + ", bias="
        + py(bias != null);
  }
}
