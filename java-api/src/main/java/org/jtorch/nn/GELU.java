package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/** The Gaussian error linear unit, PyTorch's {@code nn.GELU}; {@code approximate} is {@code "none"} (default) or {@code "tanh"}. */
public class GELU extends Module {
  private final String approximate;

  /** With PyTorch's defaults. */
  public GELU() {
    this("none");
  }

  /** With the given approximate. */
  public GELU(String approximate) {
    this.approximate = approximate;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.gelu(input, approximate);
  }

  @Override
  public String extraRepr() {
    return "approximate='" + approximate + "'";
  }
}
