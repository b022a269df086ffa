package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * A squared error below {@code beta} and an absolute error above it, PyTorch's {@code
 * nn.SmoothL1Loss} (defaults: reduction mean, beta 1). beta 0 is the L1 loss, as in PyTorch.
 *
 * <pre>{@code
 * var loss = new SmoothL1Loss(SmoothL1Loss.options().beta(0.5).reduction(Reduction.SUM));
 * }</pre>
 */
public class SmoothL1Loss extends Module {
  /** PyTorch's keyword arguments of {@code nn.SmoothL1Loss} / {@code F.smooth_l1_loss}. */
  public static final class Options extends LossOptions<Options> {
    private double beta = 1.0;

    Options() {}

    /** Where the loss turns from squared to absolute (default 1; 0 is the L1 loss). */
    public Options beta(double beta) {
      this.beta = beta;
      return this;
    }

    /** beta. */
    public double beta() {
      return beta;
    }

    Options copy() {
      return new Options().reduction(reduction()).beta(beta);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  private final Options options;

  /** With PyTorch's defaults. */
  public SmoothL1Loss() {
    this(options());
  }

  /** With the given options (copied). */
  public SmoothL1Loss(Options options) {
    this.options = Objects.requireNonNull(options, "options").copy();
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /** beta. */
  public double beta() {
    return options.beta();
  }

  /**
   * The loss of {@code input} against {@code target}; see {@link F#smoothL1Loss(Tensor, Tensor,
   * Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.smoothL1Loss(input, target, options);
  }
}
