package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * PyTorch's {@code nn.HingeEmbeddingLoss} (defaults: margin 1, reduction mean); see {@link
 * F#hingeEmbeddingLoss}.
 */
public class HingeEmbeddingLoss extends Module {
  private final double margin;
  private final Reduction reduction;

  /** With PyTorch's defaults. */
  public HingeEmbeddingLoss() {
    this(1.0, Reduction.MEAN);
  }

  /** PyTorch's {@code HingeEmbeddingLoss(margin, reduction=reduction)}. */
  public HingeEmbeddingLoss(double margin, Reduction reduction) {
    this.margin = margin;
    this.reduction = Objects.requireNonNull(reduction, "reduction");
  }

  /** The loss of the distances {@code input} against {@code target} (1 or −1). */
  public Tensor forward(Tensor input, Tensor target) {
    return F.hingeEmbeddingLoss(input, target, margin, reduction);
  }
  /** The margin. */
  public double margin() {
    return margin;
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

}
