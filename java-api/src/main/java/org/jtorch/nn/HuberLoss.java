package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * Half the squared error below {@code delta} and {@code delta} times (|error| − delta/2) above it,
 * PyTorch's {@code nn.HuberLoss} (defaults: reduction mean, delta 1). It equals delta times the
 * {@link SmoothL1Loss} with beta = delta.
 *
 * <pre>{@code
 * var loss = new HuberLoss(Reduction.SUM, 0.5);
 * }</pre>
 */
public class HuberLoss extends Module {
  /** PyTorch's keyword arguments of {@code nn.HuberLoss} / {@code F.huber_loss}. */
  public static final class Options extends LossOptions<Options> {
    private double delta = 1.0;

    Options() {}

    /** Where the loss turns from squared to linear (default 1; must be positive). */
    public Options delta(double delta) {
      this.delta = delta;
      return this;
    }

    /** delta. */
    public double delta() {
      return delta;
    }

    Options copy() {
      return new Options().reduction(reduction()).delta(delta);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  private final Options options;

  /** With PyTorch's defaults. */
  public HuberLoss() {
    this(options());
  }

  /** PyTorch's positional {@code HuberLoss(reduction, delta)}. */
  public HuberLoss(Reduction reduction, double delta) {
    this(options().reduction(reduction).delta(delta));
  }

  /** With the given options (copied). */
  public HuberLoss(Options options) {
    this.options = Objects.requireNonNull(options, "options").copy();
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /** delta. */
  public double delta() {
    return options.delta();
  }

  /**
   * The loss of {@code input} against {@code target}; see {@link F#huberLoss(Tensor, Tensor,
   * Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.huberLoss(input, target, options);
  }
}
