package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** max(0, x), PyTorch's {@code nn.ReLU}. */
public class ReLU extends Module {
  /** Creates the layer (it has no parameters). */
  public ReLU() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.relu(input);
  }
}
