package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * 1 − cos(x1, x2) where y = 1 and max(0, cos(x1, x2) − margin) where y = −1, cosine taken along dim
 * 1 (or the only dim), PyTorch's {@code nn.CosineEmbeddingLoss} (defaults: margin 0, reduction
 * mean).
 */
public class CosineEmbeddingLoss extends Module {
  private final double margin;
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public CosineEmbeddingLoss() {
    this(0.0);
  }

  /** PyTorch's positional {@code CosineEmbeddingLoss(margin)}, reduction mean. */
  public CosineEmbeddingLoss(double margin) {
    this(margin, Reduction.MEAN);
  }

  /** With the given margin and reduction. */
  public CosineEmbeddingLoss(double margin, Reduction reduction) {
    this.margin = margin;
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The margin. */
  public double margin() {
    return margin;
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

  /**
   * The loss of the pair against {@code target} (1 or −1 per pair); see {@link
   * F#cosineEmbeddingLoss(Tensor, Tensor, Tensor, double, Reduction)}.
   */
  public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
    return F.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
  }
}
