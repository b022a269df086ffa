package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * In training mode, zeroes whole channels (dim 1) of an (N, C, H, W) input with probability {@code
 * p}; PyTorch's {@code nn.Dropout2d} (default p 0.5). A 3-D input is taken as (N, C, L), as in
 * PyTorch 2.13.
 */
public class Dropout2d extends Dropout {
  /** p = 0.5. */
  public Dropout2d() {
    this(0.5);
  }

  /**
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public Dropout2d(double p) {
    super(p);
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.dropout2d(input, p(), isTraining());
  }
}
