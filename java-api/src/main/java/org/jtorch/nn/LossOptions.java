package org.jtorch.nn;

import java.util.Objects;

/**
 * The keyword argument that PyTorch's losses share, {@code reduction} (default mean): the base of
 * the losses' {@code Options}.
 *
 * @param <O> the concrete options type
 */
public abstract class LossOptions<O extends LossOptions<O>> {
  private Reduction reduction = Reduction.MEAN;

  LossOptions() {}

  @SuppressWarnings("unchecked")
  private O self() {
    return (O) this;
  }

  /** The reduction (default mean). */
  public O reduction(Reduction reduction) {
    this.reduction = Objects.requireNonNull(reduction, "reduction");
    return self();
  }

  /** The reduction as PyTorch spells it ({@code "none"}, {@code "mean"}, {@code "sum"}). */
  public O reduction(String reduction) {
    return reduction(Reduction.of(reduction));
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }
}
