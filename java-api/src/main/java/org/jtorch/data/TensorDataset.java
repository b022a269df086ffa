package org.jtorch.data;

import java.util.Arrays;
import java.util.List;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/**
 * Samples that are slices of tensors along their first dimension, PyTorch's {@code TensorDataset}:
 * sample {@code i} is {@code [t0[i], t1[i], ...]}, views (no copies) of the tensors given.
 *
 * <p>The data set does not own its tensors: keep them open while it is used, and close them
 * yourself afterwards.
 */
public final class TensorDataset implements Dataset<List<Tensor>> {
  private final Tensor[] tensors;
  private final int size;

  /**
   * A data set over {@code tensors}, which must all have the same size in dimension 0.
   *
   * @throws IllegalArgumentException if no tensor is given, a tensor is 0-d, or the sizes differ
   */
  public TensorDataset(Tensor... tensors) {
    if (tensors.length == 0) {
      throw new IllegalArgumentException("TensorDataset needs at least one tensor");
    }
    this.tensors = tensors.clone();
    long n = -1;
    for (int i = 0; i < tensors.length; i++) {
      long[] shape = tensors[i].shape();
      if (shape.length == 0) {
        throw new IllegalArgumentException("tensor " + i + " is 0-d: it has no samples to index");
      }
      if (n >= 0 && shape[0] != n) {
        throw new IllegalArgumentException(
            "size mismatch between tensors: tensor 0 has "
                + n
                + " samples, tensor "
                + i
                + " has "
                + shape[0]
                + " (shape "
                + Arrays.toString(shape)
                + ")");
      }
      n = shape[0];
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than 2^31-1 samples");
    }
    this.size = (int) n;
  }

  /** The tensors, in the order given. */
  public List<Tensor> tensors() {
    return List.of(tensors);
  }

  @Override
  public int size() {
    return size;
  }

  /** Views of each tensor's row {@code index}. */
  @Override
  public List<Tensor> get(int index) {
    java.util.Objects.checkIndex(index, size);
    Tensor[] out = new Tensor[tensors.length];
    for (int k = 0; k < tensors.length; k++) {
      org.bytedeco.pytorch.Tensor h = NativeCalls.h(tensors[k], "tensor");
      out[k] = NativeCalls.tensor(() -> h.select(0, index));
    }
    return List.of(out);
  }
}
