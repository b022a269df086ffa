package org.jtorch.data;

import java.util.Iterator;
import org.jtorch.Generator;

/**
 * The share of one process (rank) out of {@code numReplicas}, PyTorch's {@code
 * DistributedSampler}: every rank draws the same permutation (from a generator seeded with {@code
 * seed + epoch}), pads it by repeating indices up to a multiple of {@code numReplicas} (or drops the
 * tail with {@code dropLast}), and takes every {@code numReplicas}-th index starting at {@code
 * rank}. Call {@link #setEpoch} before each epoch so that the order changes between epochs.
 *
 * <p>{@link #DistributedSampler(Dataset)} takes rank and replica count from the default process
 * group ({@link org.jtorch.distributed.Distributed}), as PyTorch does when they are not given; the
 * other constructors take them from the caller.
 */
public final class DistributedSampler implements Sampler<Integer> {
  private final int n;
  private final int numReplicas;
  private final int rank;
  private final boolean shuffle;
  private final long seed;
  private final boolean dropLast;
  private final int numSamples;
  private final int totalSize;
  private volatile long epoch;

  /**
   * A sampler for {@code rank} of {@code numReplicas} over a data set of {@code size} samples.
   *
   * @param shuffle permute (PyTorch's default) or keep the order
   * @param seed the seed every rank must share
   * @param dropLast drop the tail so that every rank gets the same number without repeats
   * @throws IllegalArgumentException if {@code rank} is not in {@code [0, numReplicas)}
   */
  public DistributedSampler(
      int size, int numReplicas, int rank, boolean shuffle, long seed, boolean dropLast) {
    if (numReplicas <= 0) {
      throw new IllegalArgumentException("numReplicas must be positive, got " + numReplicas);
    }
    if (rank < 0 || rank >= numReplicas) {
      throw new IllegalArgumentException(
          "Invalid rank " + rank + ", rank should be in the interval [0, " + (numReplicas - 1) + "]");
    }
    this.n = size;
    this.numReplicas = numReplicas;
    this.rank = rank;
    this.shuffle = shuffle;
    this.seed = seed;
    this.dropLast = dropLast;
    if (dropLast && size % numReplicas != 0) {
      this.numSamples = (int) Math.ceil((double) (size - numReplicas) / numReplicas);
    } else {
      this.numSamples = (int) Math.ceil((double) size / numReplicas);
    }
    this.totalSize = numSamples * numReplicas;
  }

  /**
   * {@code DistributedSampler(dataset)}: this process's share by the default process group's rank
   * and size, with shuffling, seed 0, no drop.
   *
   * @throws IllegalStateException if the default process group is not initialised
   */
  public DistributedSampler(Dataset<?> dataset) {
    this(
        dataset,
        org.jtorch.distributed.Distributed.getWorldSize(),
        org.jtorch.distributed.Distributed.getRank());
  }

  /** {@code DistributedSampler(dataset, numReplicas, rank)} with shuffling, seed 0, no drop. */
  public DistributedSampler(Dataset<?> dataset, int numReplicas, int rank) {
    this(dataset.size(), numReplicas, rank, true, 0, false);
  }

  /** Sets the epoch, which seeds the next pass's permutation together with the seed. */
  public void setEpoch(long epoch) {
    this.epoch = epoch;
  }

  @Override
  public int size() {
    return numSamples;
  }

  /** All of this rank's indices for the current epoch. */
  int[] indices() {
    int[] all;
    if (shuffle) {
      try (Generator g = new Generator(seed + epoch)) {
        all = Draws.randperm(n, g);
      }
    } else {
      all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
    }
    int[] padded = new int[totalSize];
    for (int i = 0; i < totalSize; i++) {
      padded[i] = all[i % n]; // repeats the permutation as often as needed, as PyTorch pads
    }
    int[] mine = new int[numSamples];
    for (int i = 0; i < numSamples; i++) {
      mine[i] = padded[rank + i * numReplicas];
    }
    return mine;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new ChunkIterator() {
      private boolean drawn;

      @Override
      int[] nextChunk() {
        if (drawn) {
          return null;
        }
        drawn = true;
        return n == 0 ? new int[0] : indices();
      }
    };
  }
}
