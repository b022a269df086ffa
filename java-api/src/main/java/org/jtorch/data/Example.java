package org.jtorch.data;

import java.util.List;
import org.jtorch.Tensor;
import org.jtorch.TensorTuple;

/**
 * An input with its target: one sample of a supervised data set (an image and its label), or a
 * batch of them once a {@link DataLoader} has stacked both ({@code input} of shape {@code [B,
 * ...]}, {@code target} of shape {@code [B]}), like the {@code (x, y)} pairs of PyTorch.
 *
 * <p>Closing it closes both tensors; {@link org.jtorch.Scope#keep(TensorTuple)} keeps both.
 *
 * @param input the input, such as an image tensor
 * @param target the target, such as a 0-d int64 class index
 */
public record Example(Tensor input, Tensor target) implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return List.of(input, target);
  }
}
