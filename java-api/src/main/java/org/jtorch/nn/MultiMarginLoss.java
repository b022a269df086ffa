package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The multi-class hinge loss, PyTorch's {@code nn.MultiMarginLoss} (defaults: p 1, margin 1, no
 * weight, reduction mean); see {@link F#multiMarginLoss}. The weight (when given) is a buffer
 * named {@code weight}, as in PyTorch.
 */
public class MultiMarginLoss extends Module {
  private final int p;
  private final double margin;
  private final Reduction reduction;

  /** The per-class weight (a buffer), or null. */
  public final Tensor weight;

  /** With PyTorch's defaults. */
  public MultiMarginLoss() {
    this(1, 1.0, null, Reduction.MEAN);
  }

  /**
   * PyTorch's {@code MultiMarginLoss(p, margin, weight, reduction=reduction)}.
   *
   * @throws IllegalArgumentException for {@code p} other than 1 and 2, or a weight that is not
   *     one-dimensional
   */
  public MultiMarginLoss(int p, double margin, Tensor weight, Reduction reduction) {
    if (p != 1 && p != 2) {
      throw new IllegalArgumentException("only p == 1 and p == 2 supported");
    }
    if (weight != null && weight.dim() != 1) {
      throw new IllegalArgumentException(
          "MultiMarginLoss: expected weight to be None or 1D tensor, got " + weight.dim() + "D instead");
    }
    this.p = p;
    this.margin = margin;
    this.weight = registerBuffer("weight", weight);
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of the class scores {@code input} against the class indices {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.multiMarginLoss(input, target, p, margin, weight, reduction);
  }
  /** The exponent, 1 or 2. */
  public int p() {
    return p;
  }

  /** The margin. */
  public double margin() {
    return margin;
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
