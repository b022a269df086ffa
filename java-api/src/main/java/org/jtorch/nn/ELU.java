package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** x for x > 0, alpha · (eˣ − 1) otherwise, PyTorch's {@code nn.ELU} (default alpha 1). */
public class ELU extends Module {
  private final double alpha;

  /** With PyTorch's defaults. */
  public ELU() {
    this(1.0);
  }

  /** With the given alpha. */
  public ELU(double alpha) {
    this.alpha = alpha;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.elu(input, alpha);
  }

  @Override
  public String extraRepr() {
    return "alpha=" + py(alpha);
  }
}
