package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** x · tanh(softplus(x)), PyTorch's {@code nn.Mish}. */
public class Mish extends Module {
  /** Creates the layer (it has no parameters). */
  public Mish() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.mish(input);
  }
}
