package org.jtorch;

/**
 * What PyTorch's {@code torch.var_mean} returns: the variance and the mean, computed in one pass
 * over the same dims.
 *
 * <p>Closing the record closes both tensors.
 *
 * @param var the variance
 * @param mean the mean
 */
public record VarMean(Tensor var, Tensor mean) implements AutoCloseable {
  @Override
  public void close() {
    var.close();
    mean.close();
  }
}
