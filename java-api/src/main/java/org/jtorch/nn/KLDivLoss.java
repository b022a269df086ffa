package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The Kullback-Leibler divergence of the target distribution from the input's, PyTorch's {@code
 * nn.KLDivLoss}: {@code target · (log target − input)} per element, where the input holds
 * log-probabilities and the target probabilities (or log-probabilities with {@code logTarget}).
 * Reductions are PyTorch's strings: {@code "none"}, {@code "mean"} (the default, which divides by
 * the number of elements; PyTorch warns about it, jtorch logs that warning once), {@code "sum"},
 * and {@code "batchmean"} (the sum divided by the batch size: the mathematical KL divergence).
 *
 * <pre>{@code
 * var kl = new KLDivLoss(KLDivLoss.options().reduction("batchmean"));
 * Tensor d = kl.forward(logProbs, targetProbs);
 * }</pre>
 */
public class KLDivLoss extends Module {
  /** PyTorch's keyword arguments of {@code nn.KLDivLoss} / {@code F.kl_div}. */
  public static final class Options {
    private String reduction = "mean";
    private boolean logTarget;

    Options() {}

    /**
     * The reduction as PyTorch spells it: {@code "none"}, {@code "mean"} (default), {@code "sum"}
     * or {@code "batchmean"}.
     *
     * @throws IllegalArgumentException for any other string, with PyTorch's message
     */
    public Options reduction(String reduction) {
      Objects.requireNonNull(reduction, "reduction");
      if (!reduction.equals("batchmean")) {
        Reduction.of(reduction);
      }
      this.reduction = reduction;
      return this;
    }

    /** One of the three LibTorch reductions. */
    public Options reduction(Reduction reduction) {
      return reduction(Objects.requireNonNull(reduction, "reduction").pyName());
    }

    /** Whether the target holds log-probabilities (default false). */
    public Options logTarget(boolean logTarget) {
      this.logTarget = logTarget;
      return this;
    }

    /** The reduction, as PyTorch spells it. */
    public String reduction() {
      return reduction;
    }

    /** Whether the target holds log-probabilities. */
    public boolean logTarget() {
      return logTarget;
    }

    Options copy() {
      return new Options().reduction(reduction).logTarget(logTarget);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  private final Options options;

  /** With PyTorch's defaults (reduction {@code "mean"}, logTarget false). */
  public KLDivLoss() {
    this(options());
  }

  /** With the given options (copied). */
  public KLDivLoss(Options options) {
    this.options = Objects.requireNonNull(options, "options").copy();
  }

  /** The reduction, as PyTorch spells it. */
  public String reduction() {
    return options.reduction();
  }

  /** Whether the target holds log-probabilities. */
  public boolean logTarget() {
    return options.logTarget();
  }

  /**
   * The divergence of {@code target} from {@code input} (log-probabilities); see {@link
   * F#klDiv(Tensor, Tensor, Options)}.
   */
  public Tensor forward(Tensor input, Tensor target) {
    return F.klDiv(input, target, options);
  }
}
