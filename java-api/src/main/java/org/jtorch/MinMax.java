package org.jtorch;

import java.util.List;

/**
 * What PyTorch's {@code torch.aminmax} returns: the smallest and the largest values (no indices).
 *
 * <p>Closing the record closes both tensors (see {@link TensorTuple}).
 *
 * @param min the smallest values
 * @param max the largest values
 */
public record MinMax(Tensor min, Tensor max) implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return List.of(min, max);
  }
}
