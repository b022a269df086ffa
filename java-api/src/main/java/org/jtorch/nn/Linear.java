package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * {@code y = x Wᵀ + b}, PyTorch's {@code nn.Linear}. The weight has shape (outFeatures,
 * inFeatures); both weight and bias start as PyTorch's do (Kaiming-uniform with a = √5, and
 * U(−1/√inFeatures, 1/√inFeatures)), so after the same seed they hold Python's numbers.
 */
public class Linear extends Module {
  /** The weight, shape (outFeatures, inFeatures). */
  public final Tensor weight;
  /** The bias, shape (outFeatures), or null without one. */
  public final Tensor bias;

  private final long inFeatures;
  private final long outFeatures;

  /** With a bias. */
  public Linear(long inFeatures, long outFeatures) {
    this(inFeatures, outFeatures, true);
  }

  /**
   * @throws IllegalArgumentException for a negative size
   */
  public Linear(long inFeatures, long outFeatures, boolean bias) {
    if (inFeatures < 0 || outFeatures < 0) {
      throw new IllegalArgumentException(
          "Linear sizes must be non-negative, got in_features="
              + inFeatures
              + ", out_features="
              + outFeatures);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    try (Tensor w = Torch.empty(outFeatures, inFeatures);
        Tensor b = bias ? Torch.empty(outFeatures) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
    }
    resetParameters();
  }

  /** Re-initialises weight and bias as PyTorch's {@code reset_parameters()} does. */
  public void resetParameters() {
    Init.kaimingUniform_(weight, Math.sqrt(5), "fan_in", "leaky_relu");
    if (bias != null) {
      double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
      Init.uniform_(bias, -bound, bound);
    }
  }

  /** The input size. */
  public long inFeatures() {
    return inFeatures;
  }

  /** The output size. */
  public long outFeatures() {
    return outFeatures;
  }

  /**
   * @param input shape (*, inFeatures)
   * @return shape (*, outFeatures)
   */
  @Override
  public Tensor forward(Tensor input) {
    return F.linear(input, weight, bias);
  }

  @Override
  public String extraRepr() {
    return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias != null);
  }
}
