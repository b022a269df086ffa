package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** min(max(0, x), 6), PyTorch's {@code nn.ReLU6}. */
public class ReLU6 extends Module {
  /** Creates the layer (it has no parameters). */
  public ReLU6() {}

  @Override
  public Tensor forward(Tensor input) {
    return F.relu6(input);
  }
}
