package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The cross entropy between raw scores (logits) and targets, PyTorch's {@code nn.CrossEntropyLoss}:
 * log-softmax over the class dimension followed by the negative log likelihood. The input is (C),
 * (N, C) or (N, C, d1, d2, ...); the target holds either class indices (int64, shape (), (N) or (N,
 * d1, d2, ...)) or class probabilities (floating, the input's shape). Defaults as in PyTorch: no
 * class weights, ignoreIndex −100, reduction mean, label smoothing 0.
 *
 * <p>The class weights (when given) are a buffer named {@code weight}, as in PyTorch, so the state
 * dict holds them and {@link #to(org.jtorch.DType)} converts them.
 *
 * <pre>{@code
 * var loss = new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.1));
 * Tensor l = loss.forward(logits, labels);
 * }</pre>
 */
public class CrossEntropyLoss extends Module {
  /** PyTorch's keyword arguments of {@code nn.CrossEntropyLoss} / {@code F.cross_entropy}. */
  public static final class Options extends LossOptions<Options> {
    private Tensor weight;
    private long ignoreIndex = -100;
    private double labelSmoothing = 0.0;

    Options() {}

    /**
     * A weight per class, shape (C), or null for none (the default). Not copied: kept by reference.
     */
    public Options weight(Tensor weight) {
      this.weight = weight;
      return this;
    }

    /**
     * A class-index target value that contributes neither to the loss nor to the mean's denominator
     * (default −100). Not used with probability targets.
     */
    public Options ignoreIndex(long ignoreIndex) {
      this.ignoreIndex = ignoreIndex;
      return this;
    }

    /** The amount of smoothing in [0, 1] mixed into the targets (default 0). */
    public Options labelSmoothing(double labelSmoothing) {
      this.labelSmoothing = labelSmoothing;
      return this;
    }

    /** The class weights, or null. */
    public Tensor weight() {
      return weight;
    }

    /** The ignored class index. */
    public long ignoreIndex() {
      return ignoreIndex;
    }

    /** The label smoothing. */
    public double labelSmoothing() {
      return labelSmoothing;
    }

    Options copy() {
      return new Options()
          .weight(weight)
          .ignoreIndex(ignoreIndex)
          .reduction(reduction())
          .labelSmoothing(labelSmoothing);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  /** The class weights (a buffer), or null. */
  public final Tensor weight;

  private final Options options;

  /** With PyTorch's defaults. */
  public CrossEntropyLoss() {
    this(options());
  }

  /** PyTorch's positional {@code CrossEntropyLoss(weight)}; null for none. */
  public CrossEntropyLoss(Tensor weight) {
    this(options().weight(weight));
  }

  /** With the given options (copied; the weight becomes this module's buffer). */
  public CrossEntropyLoss(Options options) {
    Objects.requireNonNull(options, "options");
    this.weight = registerBuffer("weight", options.weight());
    this.options = options.copy().weight(weight);
  }

  /** The ignored class index. */
  public long ignoreIndex() {
    return options.ignoreIndex();
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /** The label smoothing. */
  public double labelSmoothing() {
    return options.labelSmoothing();
  }

  /**
   * The loss of {@code input} (logits) against {@code target} (class indices or probabilities); see
   * {@link F#crossEntropy(Tensor, Tensor, Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.crossEntropy(input, target, options);
  }
}
