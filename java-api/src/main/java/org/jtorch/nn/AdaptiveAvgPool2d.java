package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * 2-D adaptive average pooling to a fixed output size, whatever the input's, PyTorch's {@code
 * nn.AdaptiveAvgPool2d}. {@code new AdaptiveAvgPool2d(1)} is global average pooling.
 */
public class AdaptiveAvgPool2d extends Module {
  private final long[] outputSize;

  /**
   * Pools (N, C, H, W) or (C, H, W) input to {@code outputSize}: one value (a square) or (H, W).
   *
   * @throws IllegalArgumentException for anything but 1 or 2 values
   */
  public AdaptiveAvgPool2d(long... outputSize) {
    Objects.requireNonNull(outputSize, "outputSize");
    if (outputSize.length != 1 && outputSize.length != 2) {
      throw new IllegalArgumentException(
          "outputSize must have 1 or 2 elements, got " + outputSize.length);
    }
    this.outputSize = outputSize.clone();
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.adaptiveAvgPool2d(input, outputSize);
  }

  @Override
  public String extraRepr() {
    return "output_size=" + org.jtorch.internal.PyRepr.ints(outputSize);
  }
}
