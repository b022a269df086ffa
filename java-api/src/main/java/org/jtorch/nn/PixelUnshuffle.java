package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * Rearranges (*, C, H·r, W·r) into (*, C·r², H, W), the inverse of PixelShuffle, PyTorch's {@code
 * nn.PixelUnshuffle}.
 */
public class PixelUnshuffle extends Module {
  private final long downscaleFactor;

  /** With factor r = {@code downscaleFactor}. */
  public PixelUnshuffle(long downscaleFactor) {
    this.downscaleFactor = downscaleFactor;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.pixelUnshuffle(input, downscaleFactor);
  }

  @Override
  public String extraRepr() {
    return "downscale_factor=" + downscaleFactor;
  }
}
