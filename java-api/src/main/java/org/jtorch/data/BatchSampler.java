package org.jtorch.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Groups the indices of another sampler into batches of {@code batchSize}, PyTorch's {@code
 * BatchSampler}; the last, smaller batch is kept unless {@code dropLast}.
 */
public final class BatchSampler implements Sampler<int[]> {
  private final Iterable<Integer> sampler;
  private final int batchSize;
  private final boolean dropLast;

  /**
   * Batches of the indices {@code sampler} yields.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not positive
   */
  public BatchSampler(Iterable<Integer> sampler, int batchSize, boolean dropLast) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "batch_size should be a positive integer value, but got batch_size=" + batchSize);
    }
    this.sampler = Objects.requireNonNull(sampler, "sampler");
    this.batchSize = batchSize;
    this.dropLast = dropLast;
  }

  /** The batch size. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The number of batches.
   *
   * @throws UnsupportedOperationException if the underlying iterable is not a {@link Sampler}
   */
  @Override
  public int size() {
    if (!(sampler instanceof Sampler)) {
      throw new UnsupportedOperationException("the underlying iterable has no size");
    }
    int n = ((Sampler<?>) sampler).size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  @Override
  public Iterator<int[]> iterator() {
    Iterator<Integer> it = sampler.iterator();
    return new Iterator<>() {
      private int[] pending;
      private boolean done;

      private void fill() {
        if (pending != null || done) {
          return;
        }
        int[] batch = new int[batchSize];
        int k = 0;
        while (k < batchSize && it.hasNext()) {
          batch[k++] = it.next();
        }
        if (k == batchSize) {
          pending = batch;
        } else if (k > 0 && !dropLast) {
          pending = Arrays.copyOf(batch, k);
        } else {
          done = true;
        }
      }

      @Override
      public boolean hasNext() {
        fill();
        return pending != null;
      }

      @Override
      public int[] next() {
        fill();
        if (pending == null) {
          throw new NoSuchElementException();
        }
        int[] b = pending;
        pending = null;
        return b;
      }
    };
  }
}
