package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** max(0, x) + negativeSlope · min(0, x), PyTorch's {@code nn.LeakyReLU} (default slope 0.01). */
public class LeakyReLU extends Module {
  private final double negativeSlope;

  /** With PyTorch's defaults. */
  public LeakyReLU() {
    this(0.01);
  }

  /** With the given negativeSlope. */
  public LeakyReLU(double negativeSlope) {
    this.negativeSlope = negativeSlope;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.leakyRelu(input, negativeSlope);
  }

  @Override
  public String extraRepr() {
    return "negative_slope=" + py(negativeSlope);
  }
}
