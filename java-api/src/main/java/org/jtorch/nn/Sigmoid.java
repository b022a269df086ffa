package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** 1 / (1 + e⁻ˣ), PyTorch's {@code nn.Sigmoid}. */
public class Sigmoid extends Module {
  /** Creates the layer (it has no parameters). */
  public Sigmoid() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.sigmoid(input);
  }
}
