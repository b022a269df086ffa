package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** x · relu6(x + 3) / 6, PyTorch's {@code nn.Hardswish}. */
public class Hardswish extends Module {
  /** Creates the layer (it has no parameters). */
  public Hardswish() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.hardswish(input);
  }
}
