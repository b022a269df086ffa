package org.jtorch.nn;

import org.jtorch.Tensor;

/** Returns its input unchanged, PyTorch's {@code nn.Identity}. */
public class Identity extends Module {
  /** Creates the layer (it has no parameters). */
  public Identity() {}

  @Override
  public Tensor forward(Tensor input) {
    return input;
  }
}
