package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** Scaled ELU, PyTorch's {@code nn.SELU}. */
public class SELU extends Module {
  /** Creates the layer (it has no parameters). */
  public SELU() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.selu(input);
  }
}
