package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * Rearranges (*, C·r², H, W) into (*, C, H·r, W·r) (sub-pixel convolution), PyTorch's {@code
 * nn.PixelShuffle}.
 */
public class PixelShuffle extends Module {
  private final long upscaleFactor;

  /** With factor r = {@code upscaleFactor}. */
  public PixelShuffle(long upscaleFactor) {
    this.upscaleFactor = upscaleFactor;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.pixelShuffle(input, upscaleFactor);
  }

  @Override
  public String extraRepr() {
    return "upscale_factor=" + upscaleFactor;
  }
}
