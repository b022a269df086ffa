package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * The connectionist temporal classification loss, PyTorch's {@code nn.CTCLoss} (defaults: blank 0,
 * reduction mean, zeroInfinity false): the negative log likelihood of each target sequence summed
 * over its alignments with the input frames.
 *
 * <ul>
 *   <li>{@code logProbs}: (T, N, C) or unbatched (T, C) log-probabilities, e.g. from {@code
 *       logSoftmax(2)};
 *   <li>{@code targets}: padded (N, S) or all sequences concatenated (sum of targetLengths), class
 *       indices that are never {@code blank};
 *   <li>{@code inputLengths}, {@code targetLengths}: one length per sequence, as {@code long[]} or
 *       as int tensors.
 * </ul>
 *
 * <p>Reduction mean divides each sequence's loss by its target length, then averages over the
 * batch, as PyTorch does. An impossible alignment gives an infinite loss (and NaN gradients) unless
 * {@code zeroInfinity}.
 */
public class CTCLoss extends Module {
  /** PyTorch's keyword arguments of {@code nn.CTCLoss} / {@code F.ctc_loss}. */
  public static final class Options extends LossOptions<Options> {
    private long blank = 0;
    private boolean zeroInfinity;

    Options() {}

    /** The blank label's class index (default 0). */
    public Options blank(long blank) {
      this.blank = blank;
      return this;
    }

    /** Whether infinite losses (and their gradients) become zero (default false). */
    public Options zeroInfinity(boolean zeroInfinity) {
      this.zeroInfinity = zeroInfinity;
      return this;
    }

    /** The blank index. */
    public long blank() {
      return blank;
    }

    /** Whether infinite losses become zero. */
    public boolean zeroInfinity() {
      return zeroInfinity;
    }

    Options copy() {
      return new Options().blank(blank).reduction(reduction()).zeroInfinity(zeroInfinity);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options() {
    return new Options();
  }

  private final Options options;

  /** With PyTorch's defaults. */
  public CTCLoss() {
    this(options());
  }

  /** PyTorch's positional {@code CTCLoss(blank, reduction, zero_infinity)}. */
  public CTCLoss(long blank, Reduction reduction, boolean zeroInfinity) {
    this(options().blank(blank).reduction(reduction).zeroInfinity(zeroInfinity));
  }

  /** With the given options (copied). */
  public CTCLoss(Options options) {
    this.options = Objects.requireNonNull(options, "options").copy();
  }

  /** The blank index. */
  public long blank() {
    return options.blank();
  }

  /** The reduction. */
  public Reduction reduction() {
    return options.reduction();
  }

  /** Whether infinite losses become zero. */
  public boolean zeroInfinity() {
    return options.zeroInfinity();
  }

  /**
   * The loss with lengths as int tensors; see {@link F#ctcLoss(Tensor, Tensor, Tensor, Tensor,
   * Options)}.
   */
  public Tensor forward(
      Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
    return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, options);
  }

  /**
   * The loss with lengths as arrays; see {@link F#ctcLoss(Tensor, Tensor, long[], long[],
   * Options)}.
   */
  public Tensor forward(
      Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths) {
    return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, options);
  }
}
