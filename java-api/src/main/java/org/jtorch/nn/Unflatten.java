package org.jtorch.nn;

import org.jtorch.Tensor;

/** Expands dim {@code dim} into {@code sizes}, PyTorch's {@code nn.Unflatten}. */
public class Unflatten extends Module {
  private final long dim;
  private final long[] sizes;

  /** Expands {@code dim} into {@code sizes} (one may be −1). */
  public Unflatten(long dim, long... sizes) {
    this.dim = dim;
    this.sizes = sizes.clone();
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.unflatten(dim, sizes);
  }

  @Override
  public String extraRepr() {
    return "dim=" + dim + ", unflattened_size=" + py(sizes);
  }
}
