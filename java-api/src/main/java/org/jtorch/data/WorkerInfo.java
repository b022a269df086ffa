package org.jtorch.data;

import org.jtorch.Generator;

/**
 * What the thread that is loading a sample is, PyTorch's {@code get_worker_info()}: available to a
 * data set's {@code get}/{@code iterator} and to transforms while a {@link DataLoader} loads.
 *
 * <p>Unlike Python, it is also set while a loader with {@code numWorkers == 0} loads on the
 * caller's thread (then {@code id() == 0} and {@code numWorkers() == 1}), because it carries the
 * {@link #generator()} that random transforms draw from.
 */
public final class WorkerInfo {
  private static final ThreadLocal<WorkerInfo> CURRENT = new ThreadLocal<>();

  private final int id;
  private final int numWorkers;
  private final Generator generator;

  WorkerInfo(int id, int numWorkers, Generator generator) {
    this.id = id;
    this.numWorkers = numWorkers;
    this.generator = generator;
  }

  /** The loading thread's info, or null when no {@link DataLoader} is loading on this thread. */
  public static WorkerInfo current() {
    return CURRENT.get();
  }

  /** The generator of the thread's current {@link DataLoader} work, or null outside a loader. */
  public static Generator currentGenerator() {
    WorkerInfo w = CURRENT.get();
    return w == null ? null : w.generator;
  }

  static WorkerInfo swap(WorkerInfo info) {
    WorkerInfo old = CURRENT.get();
    if (info == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(info);
    }
    return old;
  }

  /** This worker's id, {@code 0 .. numWorkers()-1}. */
  public int id() {
    return id;
  }

  /** The number of threads loading in parallel (1 when the loader has no worker threads). */
  public int numWorkers() {
    return numWorkers;
  }

  /**
   * The generator random transforms draw from. For a map-style data set it is seeded with the
   * loader's base seed plus the index of the batch being loaded, so a batch's augmentation does not
   * depend on how many workers there are or which one loads it; for an {@link IterableDataset} it
   * is seeded once per worker and epoch with the base seed plus the worker id (PyTorch's worker
   * seeding). The base seed is drawn from the loader's generator when an epoch starts.
   */
  public Generator generator() {
    return generator;
  }

  /** The seed of {@link #generator()} for the current work. */
  public long seed() {
    return generator.initialSeed();
  }

  @Override
  public String toString() {
    return "WorkerInfo(id=" + id + ", numWorkers=" + numWorkers + ")";
  }
}
