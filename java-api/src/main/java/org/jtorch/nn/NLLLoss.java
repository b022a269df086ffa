package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The negative log likelihood of class-index targets under log-probabilities, PyTorch's {@code
 * nn.NLLLoss}: the input (log-probabilities, e.g. from {@link LogSoftmax}) is (C), (N, C) or (N, C,
 * d1, d2, ...); the target holds int64 class indices of shape (), (N) or (N, d1, d2, ...). Defaults
 * as in PyTorch: no class weights, ignoreIndex −100, reduction mean.
 *
 * <p>The class weights (when given) are a buffer named {@code weight}, as in PyTorch.
 */
public class NLLLoss extends Module {
  /** PyTorch's keyword arguments of {@code nn.NLLLoss} / {@code F.nll_loss}. */
  public static final class Options extends LossOptions<Options> {
    private Tensor weight;
    private long ignoreIndex = -100;

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
     * (default −100).
     */
    public Options ignoreIndex(long ignoreIndex) {
      this.ignoreIndex = ignoreIndex;
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

    Options copy() {
      return new Options().weight(weight).ignoreIndex(ignoreIndex).reduction(reduction());
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
  public NLLLoss() {
    this(options());
  }

  /** PyTorch's positional {@code NLLLoss(weight)}; null for none. */
  public NLLLoss(Tensor weight) {
    this(options().weight(weight));
  }

  /** With the given options (copied; the weight becomes this module's buffer). */
  public NLLLoss(Options options) {
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

  /**
   * The loss of {@code input} (log-probabilities) against {@code target} (class indices); see
   * {@link F#nllLoss(Tensor, Tensor, Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.nllLoss(input, target, options);
  }
}
