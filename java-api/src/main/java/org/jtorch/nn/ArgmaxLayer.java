package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.ops.Ops;

/**
 * jtorch's argmax layer as a module: the one-hot of the first maximum along {@code dim} in the
 * forward pass, with the straight-through softmax estimator as its backward pass, so a network can
 * make a hard choice and still train ({@link Ops#argmaxLayer}, the {@code jtorch::argmax_layer}
 * operator). It has no parameters. There is no PyTorch namesake: in Python the same operator is
 * {@code torch.ops.jtorch.argmax_layer}, and a TorchScript model that calls it loads in Java.
 */
public class ArgmaxLayer extends Module {
  private final long dim;

  /** Along the last dim. */
  public ArgmaxLayer() {
    this(-1);
  }

  /** Along {@code dim} (negative counts from the end). */
  public ArgmaxLayer(long dim) {
    this.dim = dim;
  }

  /** The dim the maximum is taken along. */
  public long dim() {
    return dim;
  }

  @Override
  public Tensor forward(Tensor input) {
    return Ops.argmaxLayer(input, dim);
  }

  @Override
  public String extraRepr() {
    return "dim=" + dim;
  }
}
