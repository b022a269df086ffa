package org.jtorch.nn;

import org.jtorch.Tensor;

/** Flattens dims {@code startDim}..{@code endDim} (default 1..−1), PyTorch's {@code nn.Flatten}. */
public class Flatten extends Module {
  private final long startDim;
  private final long endDim;

  /** Flattens all dims but the batch dim. */
  public Flatten() {
    this(1, -1);
  }

  /** Flattens dims {@code startDim}..{@code endDim}. */
  public Flatten(long startDim, long endDim) {
    this.startDim = startDim;
    this.endDim = endDim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return input.flatten(startDim, endDim);
  }

  @Override
  public String extraRepr() {
    return "start_dim=" + startDim + ", end_dim=" + endDim;
  }
}
