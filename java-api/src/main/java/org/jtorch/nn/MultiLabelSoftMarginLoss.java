package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The multi-label one-versus-all logistic loss, PyTorch's {@code nn.MultiLabelSoftMarginLoss}
 * (defaults: no weight, reduction mean); see {@link F#multilabelSoftMarginLoss}. The weight (when
 * given) is a buffer named {@code weight}, as in PyTorch.
 */
public class MultiLabelSoftMarginLoss extends Module {
  private final Reduction reduction;

  /** The per-class weight (a buffer), or null. */
  public final Tensor weight;

  /** With PyTorch's defaults. */
  public MultiLabelSoftMarginLoss() {
    this(null, Reduction.MEAN);
  }

  /** PyTorch's {@code MultiLabelSoftMarginLoss(weight, reduction=reduction)}; weight may be null. */
  public MultiLabelSoftMarginLoss(Tensor weight, Reduction reduction) {
    this.weight = registerBuffer("weight", weight);
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of the scores {@code input} against the 0/1 labels {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.multilabelSoftMarginLoss(input, target, weight, reduction);
  }
  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
