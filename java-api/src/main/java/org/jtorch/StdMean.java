package org.jtorch;

/**
 * What PyTorch's {@code torch.std_mean} returns: the standard deviation and the mean, computed in
 * one pass over the same dims.
 *
 * <p>Closing the record closes both tensors.
 *
 * @param std the standard deviation
 * @param mean the mean
 */
public record StdMean(Tensor std, Tensor mean) implements AutoCloseable {
  @Override
  public void close() {
    std.close();
    mean.close();
  }
}
