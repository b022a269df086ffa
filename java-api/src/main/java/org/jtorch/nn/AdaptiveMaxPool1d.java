package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.ValuesIndices;
import org.jtorch.nn.functional.F;

/**
 * 1-D adaptive max pooling to a fixed output size, whatever the input's, PyTorch's {@code
 * nn.AdaptiveMaxPool1d}. PyTorch's {@code return_indices=True} is {@link
 * #forwardWithIndices(Tensor)}.
 */
public class AdaptiveMaxPool1d extends Module {
  private final long outputSize;

  /** Pools (N, C, L) or (C, L) input to length {@code outputSize}. */
  public AdaptiveMaxPool1d(long outputSize) {
    this.outputSize = outputSize;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.adaptiveMaxPool1d(input, outputSize);
  }

  /** The maxima and the flat index of each in its input plane. */
  public ValuesIndices forwardWithIndices(Tensor input) {
    return F.adaptiveMaxPool1dWithIndices(input, outputSize);
  }

  @Override
  public String extraRepr() {
    return "output_size=" + outputSize;
  }
}
