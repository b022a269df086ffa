package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * {@code y = x1ᵀ A x2 + b}, PyTorch's {@code nn.Bilinear}, with PyTorch's initialisation
 * (U(−1/√in1Features, 1/√in1Features) for weight and bias).
 */
public class Bilinear extends Module {
  /** The weight, shape (outFeatures, in1Features, in2Features). */
  public final Tensor weight;
  /** The bias, shape (outFeatures), or null. */
  public final Tensor bias;

  private final long in1;
  private final long in2;
  private final long out;

  /** With a bias. */
  public Bilinear(long in1Features, long in2Features, long outFeatures) {
    this(in1Features, in2Features, outFeatures, true);
  }

  /** With or without a bias. */
  public Bilinear(long in1Features, long in2Features, long outFeatures, boolean bias) {
    this.in1 = in1Features;
    this.in2 = in2Features;
    this.out = outFeatures;
    try (Tensor w = Torch.empty(outFeatures, in1Features, in2Features);
        Tensor b = bias ? Torch.empty(outFeatures) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
    }
    double bound = 1 / Math.sqrt(in1Features);
    Init.uniform_(weight, -bound, bound);
    if (this.bias != null) {
      Init.uniform_(this.bias, -bound, bound);
    }
  }

  /** Not available: a bilinear layer takes two inputs, see {@link #forward(Tensor, Tensor)}. */
  @Override
  public Tensor forward(Tensor input) {
    throw new UnsupportedOperationException("Bilinear takes two inputs: forward(input1, input2)");
  }

  /** Applies the layer to (*, in1Features) and (*, in2Features) inputs. */
  public Tensor forward(Tensor input1, Tensor input2) {
    return F.bilinear(input1, input2, weight, bias);
  }

  @Override
  public String extraRepr() {
    return "in1_features=" + in1 + ", in2_features=" + in2 + ", out_features=" + out + ", bias=" + py(bias != null);
  }
}
