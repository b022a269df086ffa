package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** x · sigmoid(x), PyTorch's {@code nn.SiLU}. */
public class SiLU extends Module {
  /** Creates the layer (it has no parameters). */
  public SiLU() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.silu(input);
  }
}
