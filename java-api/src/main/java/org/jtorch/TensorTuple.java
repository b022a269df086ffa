package org.jtorch;

import java.util.Iterator;
import java.util.List;

/**
 * A fixed group of result tensors, like the named tuples PyTorch returns from {@code max(dim)},
 * {@code sort}, {@code std_mean} or {@code linalg.svd}: {@link ValuesIndices}, {@link MinMax},
 * {@link StdMean}, {@link VarMean}, {@link Unique} and the records of {@code org.jtorch.linalg}.
 *
 * <p>Closing the tuple closes every tensor in it; {@link Scope#keep(TensorTuple)} and {@link
 * Scope#returning} move all of them at once.
 */
public interface TensorTuple extends AutoCloseable, Iterable<Tensor> {
  /** The tensors of this tuple, in order (parts that were not computed are left out). */
  List<Tensor> tensors();

  @Override
  default Iterator<Tensor> iterator() {
    return tensors().iterator();
  }

  /** Closes every tensor of the tuple. */
  @Override
  default void close() {
    for (Tensor t : tensors()) {
      t.close();
    }
  }
}
