package org.jtorch;

/**
 * What PyTorch's {@code torch.aminmax} returns: the smallest and the largest values (no indices).
 *
 * <p>Closing the record closes both tensors.
 *
 * @param min the smallest values
 * @param max the largest values
 */
public record MinMax(Tensor min, Tensor max) implements AutoCloseable {
  @Override
  public void close() {
    min.close();
    max.close();
  }
}
