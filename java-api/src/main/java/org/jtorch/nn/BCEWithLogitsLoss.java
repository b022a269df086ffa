package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * Sigmoid and binary cross entropy in one numerically stable step, PyTorch's {@code
 * nn.BCEWithLogitsLoss}: {@code −w · (p · y · log σ(x) + (1 − y) · log(1 − σ(x)))}. The input
 * (logits) must have the target's shape; {@code weight} broadcasts to it, and {@code posWeight}
 * (one weight per class, along the last dimension) scales the positive term.
 *
 * <p>The weights (when given) are buffers named {@code weight} and {@code pos_weight}, as in
 * PyTorch.
 */
public class BCEWithLogitsLoss extends Module {
  /**
   * PyTorch's keyword arguments of {@code nn.BCEWithLogitsLoss} / {@code
   * F.binary_cross_entropy_with_logits}.
   */
  public static final class Options extends LossOptions<Options> {
    private Tensor weight;
    private Tensor posWeight;

    Options() {}

    /**
     * A weight that broadcasts to the target's shape, or null for none (the default). Not copied:
     * kept by reference.
     */
    public Options weight(Tensor weight) {
      this.weight = weight;
      return this;
    }

    /**
     * A weight for positive examples that broadcasts along the last (class) dimension, PyTorch's
     * {@code pos_weight}, or null for none (the default). Not copied: kept by reference.
     */
    public Options posWeight(Tensor posWeight) {
      this.posWeight = posWeight;
      return this;
    }

    /** The weight, or null. */
    public Tensor weight() {
      return weight;
    }

    /** The positive weight, or null. */
    public Tensor posWeight() {
      return posWeight;
    }

    Options copy() {
      return new Options().weight(weight).reduction(reduction()).posWeight(posWeight);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  /** The weight (a buffer named {@code weight}), or null. */
  public final Tensor weight;

  /** The positive weight (a buffer named {@code pos_weight}), or null. */
  public final Tensor posWeight;

  private final Options options;

  /** With PyTorch's defaults. */
  public BCEWithLogitsLoss() {
    this(options());
  }

  /** PyTorch's positional {@code BCEWithLogitsLoss(weight)}; null for none. */
  public BCEWithLogitsLoss(Tensor weight) {
    this(options().weight(weight));
  }

  /** With the given options (copied; the weights become this module's buffers). */
  public BCEWithLogitsLoss(Options options) {
    Objects.requireNonNull(options, "options");
    this.weight = registerBuffer("weight", options.weight());
    this.posWeight = registerBuffer("pos_weight", options.posWeight());
    this.options = options.copy().weight(weight).posWeight(posWeight);
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /**
   * The loss of {@code input} (logits) against {@code target}; see {@link
   * F#binaryCrossEntropyWithLogits(Tensor, Tensor, Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.binaryCrossEntropyWithLogits(input, target, options);
  }
}
