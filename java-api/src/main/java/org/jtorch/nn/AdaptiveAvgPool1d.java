package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * 1-D adaptive average pooling to a fixed output length, whatever the input's, PyTorch's {@code
 * nn.AdaptiveAvgPool1d}.
 */
public class AdaptiveAvgPool1d extends Module {
  private final long outputSize;

  /** Pools (N, C, L) or (C, L) input to length {@code outputSize}. */
  public AdaptiveAvgPool1d(long outputSize) {
    this.outputSize = outputSize;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.adaptiveAvgPool1d(input, outputSize);
  }

  @Override
  public String extraRepr() {
    return "output_size=" + outputSize;
  }
}
