package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The mean absolute error between each element of input and target, PyTorch's {@code nn.L1Loss}
 * (default reduction {@link Reduction#MEAN}). Like PyTorch, a target of another shape is broadcast
 * against the input, with a logged warning rather than an error.
 */
public class L1Loss extends Module {
  private final Reduction reduction;

  /** With reduction {@link Reduction#MEAN}. */
  public L1Loss() {
    this(Reduction.MEAN);
  }

  /** With the given reduction. */
  public L1Loss(Reduction reduction) {
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

  /**
   * The loss of {@code input} against {@code target}; see {@link F#l1Loss(Tensor, Tensor,
   * Reduction)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.l1Loss(input, target, reduction);
  }
}
