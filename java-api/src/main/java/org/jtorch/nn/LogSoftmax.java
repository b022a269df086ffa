package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** Log-softmax along {@code dim}, PyTorch's {@code nn.LogSoftmax}. */
public class LogSoftmax extends Module {
  private final long dim;

  /** With the given dim. */
  public LogSoftmax(long dim) {
    this.dim = dim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.logSoftmax(input, dim);
  }

  @Override
  public String extraRepr() {
    return "dim=" + dim;
  }
}
