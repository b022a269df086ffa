package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The mean squared error (squared L2 norm) between each element of input and target, PyTorch's
 * {@code nn.MSELoss} (default reduction {@link Reduction#MEAN}). Like PyTorch, a target of another
 * shape is broadcast against the input, with a logged warning rather than an error.
 */
public class MSELoss extends Module {
  private final Reduction reduction;

  /** With reduction {@link Reduction#MEAN}. */
  public MSELoss() {
    this(Reduction.MEAN);
  }

  /** With the given reduction. */
  public MSELoss(Reduction reduction) {
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

  /**
   * The loss of {@code input} against {@code target}; see {@link F#mseLoss(Tensor, Tensor,
   * Reduction)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.mseLoss(input, target, reduction);
  }
}
