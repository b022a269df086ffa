package org.jtorch;

import java.util.List;

/**
 * The pair that PyTorch's {@code max(dim)}, {@code min(dim)}, {@code sort}, {@code topk} and their
 * kin return: {@code values} and the {@code indices} (int64) where they were found.
 *
 * <p>Closing the pair closes both tensors.
 *
 * @param values the values
 * @param indices their indices along the reduced dimension
 */
public record ValuesIndices(Tensor values, Tensor indices) implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return List.of(values, indices);
  }
}
