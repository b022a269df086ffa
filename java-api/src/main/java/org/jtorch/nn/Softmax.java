package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** Softmax along {@code dim}, PyTorch's {@code nn.Softmax}. */
public class Softmax extends Module {
  private final long dim;

  /** With the given dim. */
  public Softmax(long dim) {
    this.dim = dim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.softmax(input, dim);
  }

  @Override
  public String extraRepr() {
    return "dim=" + dim;
  }
}
