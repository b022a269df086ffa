package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The multi-label hinge loss, PyTorch's {@code nn.MultiLabelMarginLoss} (reduction mean by
 * default); see {@link F#multilabelMarginLoss}.
 */
public class MultiLabelMarginLoss extends Module {
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public MultiLabelMarginLoss() {
    this(Reduction.MEAN);
  }

  /** With the given reduction. */
  public MultiLabelMarginLoss(Reduction reduction) {
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of the scores {@code input} against the class indices {@code target} (−1 ends them). */
  public Tensor forward(Tensor input, Tensor target) {
    return F.multilabelMarginLoss(input, target, reduction);
  }
  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
