package org.jtorch;

import java.util.List;

/**
 * What PyTorch's {@code torch.std_mean} returns: the standard deviation and the mean, computed in
 * one pass over the same dims.
 *
 * <p>Closing the record closes both tensors (see {@link TensorTuple}).
 *
 * @param std the standard deviation
 * @param mean the mean
 */
public record StdMean(Tensor std, Tensor mean) implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return List.of(std, mean);
  }
}
