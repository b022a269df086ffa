package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.ValuesIndices;
import org.jtorch.nn.functional.F;

/**
 * 2-D adaptive max pooling to a fixed output size, whatever the input's, PyTorch's {@code
 * nn.AdaptiveMaxPool2d}. PyTorch's {@code return_indices=True} is {@link
 * #forwardWithIndices(Tensor)}.
 */
public class AdaptiveMaxPool2d extends Module {
  private final long[] outputSize;

  /**
   * Pools (N, C, H, W) or (C, H, W) input to {@code outputSize}: one value (a square) or (H, W).
   */
  public AdaptiveMaxPool2d(long... outputSize) {
    java.util.Objects.requireNonNull(outputSize, "outputSize");
    if (outputSize.length != 1 && outputSize.length != 2) {
      throw new IllegalArgumentException(
          "outputSize must have 1 or 2 elements, got " + outputSize.length);
    }
    this.outputSize = outputSize.clone();
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.adaptiveMaxPool2d(input, outputSize);
  }

  /** The maxima and the flat index of each in its input plane. */
  public ValuesIndices forwardWithIndices(Tensor input) {
    return F.adaptiveMaxPool2dWithIndices(input, outputSize);
  }

  @Override
  public String extraRepr() {
    return "output_size=" + org.jtorch.internal.PyRepr.ints(outputSize);
  }
}
