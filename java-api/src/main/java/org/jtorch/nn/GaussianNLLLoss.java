package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The negative log likelihood of a Gaussian target, PyTorch's {@code nn.GaussianNLLLoss}
 * (defaults: not full, eps 1e-6, reduction mean); see {@link F#gaussianNllLoss(Tensor, Tensor,
 * Tensor, boolean, double, Reduction)}.
 */
public class GaussianNLLLoss extends Module {
  private final boolean full;
  private final double eps;
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public GaussianNLLLoss() {
    this(false, 1e-6, Reduction.MEAN);
  }

  /** PyTorch's {@code GaussianNLLLoss(full=full, eps=eps, reduction=reduction)}. */
  public GaussianNLLLoss(boolean full, double eps, Reduction reduction) {
    this.full = full;
    this.eps = eps;
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of the expectation {@code input} with variance {@code var} against {@code target}. */
  public Tensor forward(Tensor input, Tensor target, Tensor var) {
    return F.gaussianNllLoss(input, target, var, full, eps, reduction);
  }

  /** {@link #forward(Tensor, Tensor, Tensor)} with one variance for every element. */
  public Tensor forward(Tensor input, Tensor target, double var) {
    return F.gaussianNllLoss(input, target, var, full, eps, reduction);
  }
  /** Whether the constant term is added. */
  public boolean full() {
    return full;
  }

  /** The least variance. */
  public double eps() {
    return eps;
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
