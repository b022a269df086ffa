package org.jtorch.ops;

import java.util.List;
import org.jtorch.Tensor;
import org.jtorch.TensorTuple;

/**
 * What {@link Ops#minMax} returns: both extremes along a dimension and where they are, like
 * {@code torch.min(x, dim)} and {@code torch.max(x, dim)} together.
 *
 * <p>Closing the record closes all four tensors (see {@link TensorTuple}).
 *
 * @param min the smallest values (NaN where the slice holds a NaN)
 * @param argmin the index of the first smallest value (of the first NaN), int64
 * @param max the largest values (NaN where the slice holds a NaN)
 * @param argmax the index of the first largest value (of the first NaN), int64
 */
public record MinMaxIndices(Tensor min, Tensor argmin, Tensor max, Tensor argmax)
    implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return List.of(min, argmin, max, argmax);
  }
}
