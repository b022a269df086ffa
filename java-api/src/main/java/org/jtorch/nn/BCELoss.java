package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The binary cross entropy between probabilities and targets, PyTorch's {@code nn.BCELoss}: {@code
 * −w · (y · log x + (1 − y) · log(1 − x))}, with the logs clamped below at −100 as in PyTorch. The
 * input must lie in [0, 1] and have the target's shape; the optional weight broadcasts to it. For
 * logits use {@link BCEWithLogitsLoss}, which is more stable.
 *
 * <p>The weight (when given) is a buffer named {@code weight}, as in PyTorch.
 */
public class BCELoss extends Module {
  /** PyTorch's keyword arguments of {@code nn.BCELoss} / {@code F.binary_cross_entropy}. */
  public static final class Options extends LossOptions<Options> {
    private Tensor weight;

    Options() {}

    /**
     * A weight that broadcasts to the target's shape, or null for none (the default). Not copied:
     * kept by reference.
     */
    public Options weight(Tensor weight) {
      this.weight = weight;
      return this;
    }

    /** The weight, or null. */
    public Tensor weight() {
      return weight;
    }

    Options copy() {
      return new Options().weight(weight).reduction(reduction());
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  /** The weight (a buffer), or null. */
  public final Tensor weight;

  private final Options options;

  /** With PyTorch's defaults. */
  public BCELoss() {
    this(options());
  }

  /** PyTorch's positional {@code BCELoss(weight)}; null for none. */
  public BCELoss(Tensor weight) {
    this(options().weight(weight));
  }

  /** With the given options (copied; the weight becomes this module's buffer). */
  public BCELoss(Options options) {
    Objects.requireNonNull(options, "options");
    this.weight = registerBuffer("weight", options.weight());
    this.options = options.copy().weight(weight);
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /**
   * The loss of {@code input} (probabilities) against {@code target}; see {@link
   * F#binaryCrossEntropy(Tensor, Tensor, Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.binaryCrossEntropy(input, target, options);
  }
}
