package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** The hyperbolic tangent, PyTorch's {@code nn.Tanh}. */
public class Tanh extends Module {
  /** Creates the layer (it has no parameters). */
  public Tanh() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.tanh(input);
  }
}
