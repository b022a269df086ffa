package org.jtorch;

import java.util.List;

/**
 * What PyTorch's {@code torch.var_mean} returns: the variance and the mean, computed in one pass
 * over the same dims.
 *
 * <p>Closing the record closes both tensors (see {@link TensorTuple}).
 *
 * @param var the variance
 * @param mean the mean
 */
public record VarMean(Tensor var, Tensor mean) implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return List.of(var, mean);
  }
}
