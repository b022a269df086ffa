package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** (1/beta) · log(1 + e^(beta·x)), linear above threshold, PyTorch's {@code nn.Softplus} (defaults 1 and 20). */
public class Softplus extends Module {
  private final double beta;
  private final double threshold;

  /** With PyTorch's defaults. */
  public Softplus() {
    this(1.0, 20.0);
  }

  /** With the given beta, threshold. */
  public Softplus(double beta, double threshold) {
    this.beta = beta;
    this.threshold = threshold;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.softplus(input, beta, threshold);
  }

  @Override
  public String extraRepr() {
    return "beta=" + py(beta) + ", threshold=" + py(threshold);
  }
}
