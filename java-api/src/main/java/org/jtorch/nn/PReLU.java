package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;

/**
 * max(0, x) + a · min(0, x) with a learned slope {@code a} (one, or one per channel), PyTorch's
 * {@code nn.PReLU}; the slope starts at {@code init} (0.25).
 */
public class PReLU extends Module {
  /** The slopes, shape (numParameters). */
  public final Tensor weight;

  private final long numParameters;

  /** One slope starting at 0.25. */
  public PReLU() {
    this(1, 0.25);
  }

  /** {@code numParameters} slopes (1, or the number of channels) starting at {@code init}. */
  public PReLU(long numParameters, double init) {
    this.numParameters = numParameters;
    try (Tensor w = Torch.full(new long[] {numParameters}, init)) {
      this.weight = registerParameter("weight", w);
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.prelu(input, weight);
  }

  @Override
  public String extraRepr() {
    return "num_parameters=" + numParameters;
  }
}
