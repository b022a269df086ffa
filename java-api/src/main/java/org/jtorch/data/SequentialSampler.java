package org.jtorch.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Indices {@code 0, 1, ..., size-1} in order, PyTorch's {@code SequentialSampler}. */
public final class SequentialSampler implements Sampler<Integer> {
  private final int size;

  /** A sampler over a data set of {@code size} samples. */
  public SequentialSampler(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be non-negative, got " + size);
    }
    this.size = size;
  }

  /** A sampler over {@code dataset}. */
  public SequentialSampler(Dataset<?> dataset) {
    this(dataset.size());
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < size;
      }

      @Override
      public Integer next() {
        if (i >= size) {
          throw new NoSuchElementException();
        }
        return i++;
      }
    };
  }
}
