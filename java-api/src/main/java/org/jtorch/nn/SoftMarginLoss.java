package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The two-class logistic loss, PyTorch's {@code nn.SoftMarginLoss} (reduction mean by default);
 * see {@link F#softMarginLoss}.
 */
public class SoftMarginLoss extends Module {
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public SoftMarginLoss() {
    this(Reduction.MEAN);
  }

  /** With the given reduction. */
  public SoftMarginLoss(Reduction reduction) {
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of {@code input} against {@code target} (1 or −1). */
  public Tensor forward(Tensor input, Tensor target) {
    return F.softMarginLoss(input, target, reduction);
  }
  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
