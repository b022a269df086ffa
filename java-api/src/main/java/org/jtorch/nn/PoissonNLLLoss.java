package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The negative log likelihood of a Poisson target, PyTorch's {@code nn.PoissonNLLLoss} (defaults:
 * log input, not full, eps 1e-8, reduction mean); see {@link F#poissonNllLoss}.
 */
public class PoissonNLLLoss extends Module {
  private final boolean logInput;
  private final boolean full;
  private final double eps;
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public PoissonNLLLoss() {
    this(true, false, 1e-8, Reduction.MEAN);
  }

  /** PyTorch's {@code PoissonNLLLoss(log_input, full, eps=eps, reduction=reduction)}. */
  public PoissonNLLLoss(boolean logInput, boolean full, double eps, Reduction reduction) {
    this.logInput = logInput;
    this.full = full;
    this.eps = eps;
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of {@code input} (the log of the rate, with {@code logInput}) against {@code target}. */
  public Tensor forward(Tensor input, Tensor target) {
    return F.poissonNllLoss(input, target, logInput, full, eps, reduction);
  }
  /** Whether the input is the log of the rate. */
  public boolean logInput() {
    return logInput;
  }

  /** Whether Stirling's term is added. */
  public boolean full() {
    return full;
  }

  /** The eps added to a rate before its log. */
  public double eps() {
    return eps;
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
