package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** x clamped to [minVal, maxVal], PyTorch's {@code nn.Hardtanh} (defaults −1 and 1). */
public class Hardtanh extends Module {
  private final double minVal;
  private final double maxVal;

  /** With PyTorch's defaults. */
  public Hardtanh() {
    this(-1.0, 1.0);
  }

  /** With the given minVal, maxVal. */
  public Hardtanh(double minVal, double maxVal) {
    this.minVal = minVal;
    this.maxVal = maxVal;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.hardtanh(input, minVal, maxVal);
  }

  @Override
  public String extraRepr() {
    return "min_val=" + py(minVal) + ", max_val=" + py(maxVal);
  }
}
