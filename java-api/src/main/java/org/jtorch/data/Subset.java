package org.jtorch.data;

import java.util.Objects;

/** The samples of a data set at the given indices, in that order, PyTorch's {@code Subset}. */
public final class Subset<T> implements Dataset<T> {
  private final Dataset<T> dataset;
  private final int[] indices;

  /**
   * A subset of {@code dataset}; the indices are copied.
   *
   * @throws IndexOutOfBoundsException if an index is out of the data set's range
   */
  public Subset(Dataset<T> dataset, int[] indices) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.indices = indices.clone();
    int n = dataset.size();
    for (int i : this.indices) {
      if (i < 0 || i >= n) {
        throw new IndexOutOfBoundsException(
            "subset index " + i + " is out of range for a data set of size " + n);
      }
    }
  }

  /** The data set this is a subset of. */
  public Dataset<T> dataset() {
    return dataset;
  }

  /** The indices into {@link #dataset()}, a copy. */
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public T get(int index) {
    return dataset.get(indices[Objects.checkIndex(index, indices.length)]);
  }
}
