package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * In training mode, zeroes each element with probability {@code p} and scales the rest by
 * 1/(1−p); the identity in {@link #eval()} mode. PyTorch's {@code nn.Dropout} (default p 0.5).
 */
public class Dropout extends Module {
  private final double p;

  /** p = 0.5. */
  public Dropout() {
    this(0.5);
  }

  /**
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public Dropout(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(
          "dropout probability has to be between 0 and 1, but got " + p);
    }
    this.p = p;
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.dropout(input, p, isTraining());
  }

  @Override
  public String extraRepr() {
    return "p=" + py(p) + ", inplace=False";
  }
}
