package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * max(d(a, p) − d(a, n) + margin, 0) with d the p-norm distance (plus eps) along the last
 * dimension, PyTorch's {@code nn.TripletMarginLoss} (defaults: margin 1, p 2, eps 1e-6, no swap,
 * reduction mean). With {@code swap}, d(a, n) is replaced by min(d(a, n), d(p, n)) (Balntas et
 * al.).
 *
 * <pre>{@code
 * var loss = new TripletMarginLoss(TripletMarginLoss.options().margin(0.5).swap(true));
 * Tensor l = loss.forward(anchor, positive, negative);
 * }</pre>
 */
public class TripletMarginLoss extends Module {
  /**
   * PyTorch's keyword arguments of {@code nn.TripletMarginLoss} / {@code F.triplet_margin_loss}.
   */
  public static final class Options extends LossOptions<Options> {
    private double margin = 1.0;
    private double p = 2.0;
    private double eps = 1e-6;
    private boolean swap;

    Options() {}

    /** The margin (default 1; must be positive). */
    public Options margin(double margin) {
      this.margin = margin;
      return this;
    }

    /** The norm degree of the distance (default 2). */
    public Options p(double p) {
      this.p = p;
      return this;
    }

    /** Added to the differences before the norm, for stability (default 1e-6). */
    public Options eps(double eps) {
      this.eps = eps;
      return this;
    }

    /** Whether to use the distance swap (default false). */
    public Options swap(boolean swap) {
      this.swap = swap;
      return this;
    }

    /** The margin. */
    public double margin() {
      return margin;
    }

    /** The norm degree. */
    public double p() {
      return p;
    }

    /** eps. */
    public double eps() {
      return eps;
    }

    /** Whether the distance swap is used. */
    public boolean swap() {
      return swap;
    }

    Options copy() {
      return new Options().margin(margin).p(p).eps(eps).swap(swap).reduction(reduction());
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  private final Options options;

  /** With PyTorch's defaults. */
  public TripletMarginLoss() {
    this(options());
  }

  /** PyTorch's positional {@code TripletMarginLoss(margin, p, eps, swap)}, reduction mean. */
  public TripletMarginLoss(double margin, double p, double eps, boolean swap) {
    this(options().margin(margin).p(p).eps(eps).swap(swap));
  }

  /**
   * With the given options (copied).
   *
   * @throws IllegalArgumentException if the margin is not positive (PyTorch's ValueError)
   */
  public TripletMarginLoss(Options options) {
    Objects.requireNonNull(options, "options");
    if (!(options.margin() > 0)) {
      throw new IllegalArgumentException(
          "TripletMarginLoss: expected margin to be greater than 0, got "
              + py(options.margin())
              + " instead");
    }
    this.options = options.copy();
  }

  /** The margin. */
  public double margin() {
    return options.margin();
  }

  /** The norm degree. */
  public double p() {
    return options.p();
  }

  /** eps. */
  public double eps() {
    return options.eps();
  }

  /** Whether the distance swap is used. */
  public boolean swap() {
    return options.swap();
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /**
   * The loss of each (anchor, positive, negative) triplet; see {@link F#tripletMarginLoss(Tensor,
   * Tensor, Tensor, Options)}.
   */
  public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
    return F.tripletMarginLoss(anchor, positive, negative, options);
  }
}
