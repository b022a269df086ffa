package org.jtorch.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Data sets one after another, PyTorch's {@code ConcatDataset}. */
public final class ConcatDataset<T> implements Dataset<T> {
  private final List<Dataset<? extends T>> datasets;
  private final int[] ends; // cumulative sizes

  /**
   * The concatenation of {@code datasets} (sizes are read once, here).
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("datasets should not be an empty iterable");
    }
    this.datasets = List.copyOf(datasets);
    this.ends = new int[datasets.size()];
    long sum = 0;
    for (int i = 0; i < ends.length; i++) {
      sum += this.datasets.get(i).size();
      if (sum > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("the concatenation has more than 2^31-1 samples");
      }
      ends[i] = (int) sum;
    }
  }

  /** The concatenation of {@code datasets}. */
  @SafeVarargs
  public ConcatDataset(Dataset<? extends T>... datasets) {
    this(Arrays.asList(datasets));
  }

  /** The cumulative sizes, PyTorch's {@code cumulative_sizes}. */
  public int[] cumulativeSizes() {
    return ends.clone();
  }

  @Override
  public int size() {
    return ends[ends.length - 1];
  }

  @Override
  public T get(int index) {
    Objects.checkIndex(index, size());
    int k = Arrays.binarySearch(ends, index);
    k = k >= 0 ? k + 1 : -k - 1; // the first dataset whose end is > index
    int start = k == 0 ? 0 : ends[k - 1];
    return datasets.get(k).get(index - start);
  }
}
