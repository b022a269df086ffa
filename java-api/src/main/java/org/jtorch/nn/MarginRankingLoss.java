package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * max(0, −y · (x1 − x2) + margin), PyTorch's {@code nn.MarginRankingLoss} (defaults: margin 0,
 * reduction mean): y = 1 ranks input1 above input2, y = −1 the reverse. All three tensors must have
 * the same number of dimensions.
 */
public class MarginRankingLoss extends Module {
  private final double margin;
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public MarginRankingLoss() {
    this(0.0);
  }

  /** PyTorch's positional {@code MarginRankingLoss(margin)}, reduction mean. */
  public MarginRankingLoss(double margin) {
    this(margin, Reduction.MEAN);
  }

  /** With the given margin and reduction. */
  public MarginRankingLoss(double margin, Reduction reduction) {
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
   * F#marginRankingLoss(Tensor, Tensor, Tensor, double, Reduction)}.
   */
  public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
    return F.marginRankingLoss(input1, input2, target, margin, reduction);
  }
}
