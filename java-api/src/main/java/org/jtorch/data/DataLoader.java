package org.jtorch.data;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jtorch.Generator;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.internal.Handles;
import org.jtorch.internal.NativeCalls;

/**
 * Batches of a data set, PyTorch's {@code torch.utils.data.DataLoader}: sampling (in order,
 * shuffled, or by a {@link Sampler}), batching with a collate function, and loading on worker
 * threads with a bounded prefetch, delivered in order.
 *
 * <pre>{@code
 * var train = new FashionMNIST(FashionMNIST.DEFAULT_ROOT, true,
 *     new Compose(new ToTensor(), new Normalize(0.2860, 0.3530), new RandomHorizontalFlip()));
 * try (var loader = DataLoader.builder(train)  // a DataLoader<Example>: batches of Examples
 *     .batchSize(64).shuffle(true).generator(new Generator(42)).numWorkers(2).build()) {
 *   for (Example batch : loader) {                 // input [64, 1, 28, 28], target [64]
 *     try (Scope step = Scope.open()) {            // frees the step's tensors
 *       ...                                        // the batch is freed when the next one comes
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Batch type.</b> {@link Builder#build()} batches with PyTorch's default collate, which keeps
 * the structure of the samples: a batch of {@link Example}s is an {@code Example} of stacked
 * tensors, of tensors a tensor, of a record type a record of the same type, of {@code List}s or
 * {@code Map}s of tensors a {@code List} or {@code Map}; so the loader's batch type is the data
 * set's sample type, and {@code for (Example batch : loader)} compiles as written. Samples that
 * collate into another type (numbers, strings, primitive arrays: they become tensors or lists)
 * need the batch type named: {@code DataLoader<Tensor> l = builder(ds).build(Collate::defaultCollate)},
 * or a collate function of your own, {@link Builder#build(Function)}.
 *
 * <p><b>Order.</b> With the same seed, {@code shuffle(true)} visits the samples in the order of
 * Python's {@code DataLoader(ds, batch_size=b, shuffle=True, generator=torch.Generator()
 * .manual_seed(s))}: each epoch first draws a base seed from the generator, then the permutation, as
 * Python does. Samplers draw what Python's draw.
 *
 * <p><b>Workers.</b> With {@code numWorkers(n)}, n daemon threads named {@code jtorch-dataloader-K}
 * load batches ({@code get} for each index, then collate); at most {@code prefetchFactor * n}
 * batches are loaded ahead, and batches come out in sampler order whatever thread finished first.
 * The data set's {@code get} must be safe to call from several threads. Random transforms draw from
 * {@link WorkerInfo#generator()}, seeded per batch, so an epoch's batches are the same with 0, 1 or
 * 8 workers. Without {@code persistentWorkers} the threads live for one pass and stop when it ends,
 * when the iterator is closed, when a new pass starts, when the loader is closed, or, as a last
 * resort, when the garbage collector finds the iterator unreachable; Java's for-each has no hook
 * for {@code break}, so close the loader (it is {@link AutoCloseable}) or the iterator when you
 * leave a loop early and care when the threads stop.
 *
 * <p><b>Memory.</b> A batch belongs to its pass, like the current row of a cursor: its tensors are
 * freed when the next batch is taken ({@code next()}), when the pass ends ({@code hasNext()} says
 * false), or when the iterator or the loader is closed. So the loop above neither leaks nor needs
 * the batch in its {@code try}, whatever scopes are open around it. To keep a batch (or one of its
 * tensors) longer, hand it to an open scope with {@link Scope#claim(org.jtorch.TensorTuple)} (or
 * {@link Scope#claim(Tensor)}): the pass then leaves it to that scope. Closing a batch yourself is
 * harmless. A pass dropped without being closed leaves its last batch to the garbage collector (it
 * is never freed from the collector's thread while you may still use it). Tensors that {@code get}
 * creates are freed once the batch is built; tensors a data set holds and returns as they are
 * are never closed by the loader.
 *
 * <p><b>Errors.</b> An exception thrown while loading a batch is rethrown by {@code next()} for
 * that batch, with the worker named in a suppressed exception; later batches still come.
 *
 * @param <B> the type of a batch
 */
public final class DataLoader<B> implements Iterable<B>, AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  /** An iterator over one pass of batches; closing it stops the pass's workers. */
  public interface BatchIterator<B> extends Iterator<B>, AutoCloseable {
    /** Stops this pass: frees prefetched batches and, unless they persist, the workers. */
    @Override
    void close();
  }

  private final Config<?, B> config;
  private final Shared shared;
  private final Cleaner.Cleanable cleanable;

  private DataLoader(Config<?, B> config) {
    this.config = config;
    this.shared = new Shared();
    this.cleanable = CLEANER.register(this, shared::close);
  }

  /** A builder for a loader over a map-style data set. */
  public static <T> Builder<T> builder(Dataset<T> dataset) {
    return new Builder<>(Objects.requireNonNull(dataset, "dataset"), null);
  }

  /** A builder for a loader over an iterable-style data set. */
  public static <T> Builder<T> builder(IterableDataset<T> dataset) {
    return new Builder<>(null, Objects.requireNonNull(dataset, "dataset"));
  }

  /**
   * The number of batches in one pass, Python's {@code len(loader)}.
   *
   * @throws UnsupportedOperationException for an {@link IterableDataset}
   */
  public int size() {
    if (config.batches == null) {
      throw new UnsupportedOperationException("an IterableDataset has no length");
    }
    return config.batches.size();
  }

  /**
   * Starts a pass over the data set (an epoch). A pass still running on this loader is closed
   * first, with its current batch.
   *
   * @throws IllegalStateException if the loader is closed
   */
  @Override
  public BatchIterator<B> iterator() {
    synchronized (shared) {
      if (shared.closed) {
        throw new IllegalStateException("this DataLoader is closed");
      }
      if (shared.current != null) {
        shared.current.freeDelivered();
        shared.current.close();
        shared.current = null;
      }
      Epoch<?, B> epoch = new Epoch<>(config, shared);
      shared.current = epoch;
      return new Handle<>(epoch);
    }
  }

  /** Runs {@code action} on every batch of one pass, and closes the pass however it ends. */
  @Override
  public void forEach(Consumer<? super B> action) {
    try (BatchIterator<B> it = iterator()) {
      while (it.hasNext()) {
        action.accept(it.next());
      }
    }
  }

  /**
   * Stops the current pass (freeing its current batch, see Memory above) and the workers; later
   * passes are refused. Idempotent.
   */
  @Override
  public void close() {
    synchronized (shared) {
      if (shared.current != null) {
        shared.current.freeDelivered();
      }
    }
    cleanable.clean();
  }

  // ---------------------------------------------------------------------------------------------
  // Builder

  /**
   * The options of a {@link DataLoader}, with PyTorch's names and defaults: batch size 1, no
   * shuffling, no workers.
   */
  public static final class Builder<T> {
    private final Dataset<T> dataset;
    private final IterableDataset<T> iterable;
    private int batchSize = 1;
    private boolean batchSizeSet;
    private boolean shuffle;
    private boolean dropLast;
    private Sampler<Integer> sampler;
    private Sampler<int[]> batchSampler;
    private Generator generator;
    private int numWorkers;
    private Integer prefetchFactor;
    private boolean persistentWorkers;
    private boolean pinMemory;
    private Duration timeout = Duration.ZERO;

    private Builder(Dataset<T> dataset, IterableDataset<T> iterable) {
      this.dataset = dataset;
      this.iterable = iterable;
    }

    /** Samples per batch (default 1). */
    public Builder<T> batchSize(int batchSize) {
      if (batchSize <= 0) {
        throw new IllegalArgumentException(
            "batch_size should be a positive integer value, but got batch_size=" + batchSize);
      }
      this.batchSize = batchSize;
      this.batchSizeSet = true;
      return this;
    }

    /** Reshuffles the samples at every pass (a {@link RandomSampler} over the generator). */
    public Builder<T> shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Drops the last batch if it is smaller than the batch size. */
    public Builder<T> dropLast(boolean dropLast) {
      this.dropLast = dropLast;
      return this;
    }

    /** The order of the indices (instead of {@code shuffle}). */
    public Builder<T> sampler(Sampler<Integer> sampler) {
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      return this;
    }

    /** Whole batches of indices (instead of batch size, shuffle, sampler and drop-last). */
    public Builder<T> batchSampler(Sampler<int[]> batchSampler) {
      this.batchSampler = Objects.requireNonNull(batchSampler, "batchSampler");
      return this;
    }

    /**
     * The generator for shuffling and for each pass's base seed (null: the default generator, the
     * one {@code Torch.manualSeed} seeds). The loader draws from it on the caller's thread only.
     */
    public Builder<T> generator(Generator generator) {
      this.generator = generator;
      return this;
    }

    /** Worker threads that load batches ahead (default 0: load in {@code next()}). */
    public Builder<T> numWorkers(int numWorkers) {
      if (numWorkers < 0) {
        throw new IllegalArgumentException(
            "num_workers option should be non-negative; use numWorkers(0) to disable workers");
      }
      this.numWorkers = numWorkers;
      return this;
    }

    /** Batches loaded ahead per worker (default 2); needs workers. */
    public Builder<T> prefetchFactor(int prefetchFactor) {
      if (prefetchFactor <= 0) {
        throw new IllegalArgumentException("prefetch_factor must be positive, got " + prefetchFactor);
      }
      this.prefetchFactor = prefetchFactor;
      return this;
    }

    /**
     * Keeps the worker threads between passes (until the loader is closed); needs workers. As in
     * PyTorch, the base seed is then drawn once, for the first pass, and the batch seeds go on
     * counting across passes.
     */
    public Builder<T> persistentWorkers(boolean persistentWorkers) {
      this.persistentWorkers = persistentWorkers;
      return this;
    }

    /**
     * Copies each batch's tensors into page-locked (pinned) memory for faster transfer to a GPU.
     * Where CUDA is not available this does nothing (PyTorch warns and does the same).
     */
    public Builder<T> pinMemory(boolean pinMemory) {
      this.pinMemory = pinMemory;
      return this;
    }

    /**
     * How long {@code next()} waits for a worker's batch before it throws {@link
     * IllegalStateException} (zero, the default: forever). Only used with workers.
     */
    public Builder<T> timeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout option should be non-negative");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * A loader that batches with {@link Collate#defaultCollate}, whose batches have the samples'
     * type: an {@link Example} of {@code Example}s, a {@code Tensor} of tensors, a record of
     * records of its class, a {@code List} or {@code Map} of lists or maps of those (see the class
     * comment). Each batch is checked: samples that collate into another type (numbers, strings,
     * primitive arrays) make {@code next()} throw {@link IllegalArgumentException} saying what
     * they collate into; name that type with {@code build(Collate::defaultCollate)}.
     */
    public DataLoader<T> build() {
      return build(Builder::sameTypeCollate);
    }

    private static <S> S sameTypeCollate(List<S> samples) {
      Object batch = Collate.defaultCollate(samples);
      String mismatch = Collate.structureMismatch(samples.get(0), batch);
      if (mismatch != null) { // the batch's tensors are freed with the loading scope
        throw new IllegalArgumentException(
            "DataLoader.builder(...).build() gives batches of the samples' type, but "
                + mismatch
                + ": name the batch type with build(Collate::defaultCollate), e.g. DataLoader<Tensor>"
                + " loader = DataLoader.builder(ds).build(Collate::defaultCollate), or pass a"
                + " collate function");
      }
      @SuppressWarnings("unchecked") // checked above: the batch has the sample's structure
      S typed = (S) batch;
      return typed;
    }

    /** A loader that batches with {@code collate} (PyTorch's {@code collate_fn}). */
    public <B> DataLoader<B> build(Function<? super List<T>, ? extends B> collate) {
      Objects.requireNonNull(collate, "collate");
      if (numWorkers == 0 && persistentWorkers) {
        throw new IllegalArgumentException("persistent_workers option needs num_workers > 0");
      }
      if (numWorkers == 0 && prefetchFactor != null) {
        throw new IllegalArgumentException(
            "prefetch_factor option could only be specified in multiprocessing; "
                + "let numWorkers > 0 to enable multiprocessing");
      }
      Sampler<int[]> batches = null;
      if (iterable != null) {
        if (shuffle || sampler != null || batchSampler != null) {
          throw new IllegalArgumentException(
              "DataLoader with IterableDataset: expected unspecified shuffle, sampler and "
                  + "batchSampler options");
        }
      } else if (batchSampler != null) {
        if (batchSizeSet || shuffle || sampler != null || dropLast) {
          throw new IllegalArgumentException(
              "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and "
                  + "drop_last");
        }
        batches = batchSampler;
      } else {
        if (sampler != null && shuffle) {
          throw new IllegalArgumentException("sampler option is mutually exclusive with shuffle");
        }
        Sampler<Integer> s = sampler;
        if (s == null) {
          s = shuffle ? new RandomSampler(dataset, generator) : new SequentialSampler(dataset);
        }
        batches = new BatchSampler(s, batchSize, dropLast);
      }
      return new DataLoader<>(
          new Config<T, B>(
              dataset,
              iterable,
              batches,
              collate,
              batchSize,
              dropLast,
              generator,
              numWorkers,
              prefetchFactor == null ? 2 : prefetchFactor,
              persistentWorkers,
              pinMemory && Torch.cuda().isAvailable(),
              timeout.toNanos()));
    }
  }

  /** Everything a pass needs, immutable; holds no reference to the loader object. */
  private record Config<T, B>(
      Dataset<T> dataset,
      IterableDataset<T> iterable,
      Sampler<int[]> batches,
      Function<? super List<T>, ? extends B> collate,
      int batchSize,
      boolean dropLast,
      Generator generator,
      int numWorkers,
      int prefetchFactor,
      boolean persistentWorkers,
      boolean pin,
      long timeoutNanos) {}

  /** The loader's state that outlives one pass; also what the loader's Cleaner closes. */
  private static final class Shared {
    boolean closed;
    Epoch<?, ?> current;
    Pool pool; // the persistent workers
    volatile boolean seeded;
    volatile long baseSeed;
    volatile long batchCounter;

    synchronized void close() {
      closed = true;
      if (current != null) {
        current.close();
        current = null;
      }
      if (pool != null) {
        pool.shutdown();
        pool = null;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Workers

  /** A worker thread's own state: its id and its generator. */
  private static final class WorkerState {
    final WorkerInfo info;

    WorkerState(int id, int numWorkers) {
      this.info = new WorkerInfo(id, numWorkers, new Generator());
    }
  }

  private static final ThreadLocal<WorkerState> WORKER = new ThreadLocal<>();

  /** A fixed set of daemon threads. */
  private static final class Pool {
    final ThreadPoolExecutor executor;

    Pool(int numWorkers) {
      AtomicInteger ids = new AtomicInteger();
      executor =
          new ThreadPoolExecutor(
              numWorkers,
              numWorkers,
              0,
              TimeUnit.MILLISECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                int id = ids.getAndIncrement() % numWorkers;
                Thread t =
                    new Thread(
                        () -> {
                          WorkerState state = new WorkerState(id, numWorkers);
                          WORKER.set(state);
                          WorkerInfo.swap(state.info);
                          try {
                            r.run();
                          } finally {
                            WorkerInfo.swap(null);
                            WORKER.remove();
                            state.info.generator().close();
                          }
                        },
                        "jtorch-dataloader-" + THREAD_NUMBER.getAndIncrement());
                t.setDaemon(true);
                return t;
              });
    }

    void execute(Runnable task) {
      executor.execute(task);
    }

    void shutdown() {
      executor.shutdownNow();
    }
  }

  /** A loaded batch and the tensors it hands over to the consumer. */
  private static final class Loaded<B> {
    final B batch;
    final List<Tensor> moved;

    Loaded(B batch, List<Tensor> moved) {
      this.batch = batch;
      this.moved = moved;
    }

    void discard() {
      for (Tensor t : moved) {
        t.close();
      }
    }

    /** The batch; its new tensors become the pass's current batch. */
    B handOver(Epoch<?, B> epoch) {
      epoch.delivered = moved;
      return batch;
    }
  }

  /** One batch on its way: filled by a worker, taken by the consumer. Guarded by the epoch. */
  private static final class Slot<B> {
    final long index;
    Loaded<B> result;
    Throwable error;
    boolean done;
    String worker;

    Slot(long index) {
      this.index = index;
    }
  }

  /** One pass over the data set. */
  private static final class Epoch<T, B> {
    private final Config<T, B> config;
    private final Shared shared;
    private final long baseSeed;
    private long batchCounter; // the seed offset of the next batch (map-style)
    private final Iterator<int[]> indices; // map-style
    private final ArrayDeque<Slot<B>> pending = new ArrayDeque<>();
    private final Pool pool;
    private final boolean ownPool;
    private final Generator mainGenerator; // numWorkers == 0
    private final WorkerInfo mainInfo;
    private boolean closed;
    private boolean finished;
    /** The new tensors of the batch last delivered, freed at the next one (guarded by this). */
    private List<Tensor> delivered = List.of();
    // iterable-style
    private Iterator<T> stream; // numWorkers == 0
    private Loaded<B> ready; // numWorkers == 0: the batch hasNext() loaded
    private ArrayDeque<Slot<B>>[] queues;
    private boolean[] exhausted;
    private int turn;

    Epoch(Config<T, B> config, Shared shared) {
      this.config = config;
      this.shared = shared;
      // PyTorch: base seed first, then the sampler draws (lazily, at the first batch)
      if (config.persistentWorkers() && shared.seeded) {
        this.baseSeed = shared.baseSeed;
        this.batchCounter = shared.batchCounter;
      } else {
        this.baseSeed = Draws.randomInt64(config.generator());
        shared.baseSeed = baseSeed;
        shared.seeded = true;
      }
      this.indices = config.batches() == null ? null : config.batches().iterator();
      if (config.numWorkers() == 0) {
        pool = null;
        ownPool = false;
        mainGenerator = new Generator();
        mainInfo = new WorkerInfo(0, 1, mainGenerator);
      } else {
        mainGenerator = null;
        mainInfo = null;
        if (config.persistentWorkers()) {
          if (shared.pool == null) {
            shared.pool = new Pool(config.numWorkers());
          }
          pool = shared.pool;
          ownPool = false;
        } else {
          pool = new Pool(config.numWorkers());
          ownPool = true;
        }
      }
      if (config.iterable() != null && pool != null) {
        startProducers();
      }
    }

    // --- loading ------------------------------------------------------------------------------

    /** Fetches and collates the samples at {@code idx}, on the current thread. */
    private Loaded<B> load(int[] idx) {
      try (Scope scope = Scope.open()) {
        List<T> samples = new ArrayList<>(idx.length);
        for (int i : idx) {
          samples.add(config.dataset().get(i));
        }
        return finish(scope, samples);
      }
    }

    /** Collates, pins, and takes the batch's new tensors out of {@code scope} into no scope. */
    private Loaded<B> finish(Scope scope, List<T> samples) {
      B batch = config.collate().apply(samples);
      if (config.pin()) {
        @SuppressWarnings("unchecked")
        B pinned = (B) Collate.mapTensors(batch, Epoch::pin);
        batch = pinned;
      }
      List<Tensor> moved = new ArrayList<>();
      for (Tensor t : Collate.tensorsIn(batch)) {
        if (scope.owns(t)) {
          Handles.unscope(t); // the pass owns it, not a scope around the loop (see Memory)
          moved.add(t);
        }
      }
      return new Loaded<>(batch, moved);
    }

    private static Tensor pin(Tensor t) {
      org.bytedeco.pytorch.Tensor h = NativeCalls.h(t, "t");
      return NativeCalls.tensor(h::pin_memory);
    }

    // --- map-style ----------------------------------------------------------------------------

    private void submit(int[] idx) {
      Slot<B> slot = new Slot<>(batchCounter);
      long seed = baseSeed + batchCounter;
      batchCounter++;
      if (config.persistentWorkers()) {
        shared.batchCounter = batchCounter;
      }
      pending.add(slot);
      Runnable task =
          () -> {
            WorkerState ws = WORKER.get();
            Loaded<B> r = null;
            Throwable err = null;
            try {
              ws.info.generator().manualSeed(seed);
              r = load(idx);
            } catch (Throwable e) {
              err = e;
            }
            synchronized (this) {
              if (closed) {
                if (r != null) {
                  r.discard();
                }
                return;
              }
              slot.result = r;
              slot.error = err;
              slot.worker = Thread.currentThread().getName();
              slot.done = true;
              notifyAll();
            }
          };
      try {
        pool.execute(task);
      } catch (RejectedExecutionException e) {
        throw new IllegalStateException("the DataLoader's workers are shut down", e);
      }
    }

    private void fill() {
      while (pending.size() < config.prefetchFactor() * config.numWorkers() && indices.hasNext()) {
        submit(indices.next());
      }
    }

    synchronized boolean hasNext() {
      if (closed || finished) {
        return false;
      }
      boolean more;
      if (config.iterable() != null) {
        more = pool == null ? streamHasNext() : producersHaveMore();
      } else if (pool == null) {
        more = indices.hasNext();
      } else {
        fill();
        more = !pending.isEmpty();
      }
      if (!more) {
        freeDelivered();
        finished = true;
        release();
      }
      return more;
    }

    /**
     * Frees the tensors of the batch last delivered, except those the consumer handed to a scope
     * (or closed). Only on an explicit step of the consumer: never from the garbage collector's
     * thread, which could free a batch still in use.
     */
    synchronized void freeDelivered() {
      for (Tensor t : delivered) {
        if (!Handles.inScope(t)) {
          t.close();
        }
      }
      delivered = List.of();
    }

    synchronized B next() {
      freeDelivered();
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (config.iterable() != null) {
        return pool == null ? nextFromStream() : nextFromProducers();
      }
      if (pool == null) {
        long seed = baseSeed + batchCounter++;
        mainGenerator.manualSeed(seed);
        WorkerInfo old = WorkerInfo.swap(mainInfo);
        try {
          return load(indices.next()).handOver(this);
        } finally {
          WorkerInfo.swap(old);
        }
      }
      Slot<B> slot = pending.peek();
      await(() -> slot.done, "batch " + slot.index);
      pending.poll();
      fill();
      return take(slot);
    }

    private B take(Slot<B> slot) {
      if (slot.error != null) {
        rethrow(slot.error, slot.worker);
      }
      return slot.result.handOver(this);
    }

    private static void rethrow(Throwable e, String worker) {
      e.addSuppressed(new Exception("raised while loading a batch in " + worker));
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      if (e instanceof Error) {
        throw (Error) e;
      }
      throw new IllegalStateException("loading a batch failed in " + worker + ": " + e, e);
    }

    /** Waits (holding this epoch's monitor) until {@code ready}, or the timeout. */
    private void await(java.util.function.BooleanSupplier ready, String what) {
      long timeout = config.timeoutNanos();
      long deadline = System.nanoTime() + timeout;
      while (!ready.getAsBoolean()) {
        if (closed) {
          throw new IllegalStateException("the DataLoader pass was closed");
        }
        try {
          if (timeout > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new IllegalStateException(
                  "DataLoader timed out after "
                      + timeout / 1e9
                      + " seconds waiting for "
                      + what);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
          } else {
            wait();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
      }
    }

    // --- iterable-style -----------------------------------------------------------------------

    private boolean streamHasNext() {
      if (ready != null) {
        return true;
      }
      WorkerInfo old = WorkerInfo.swap(mainInfo);
      try {
        if (stream == null) {
          mainGenerator.manualSeed(baseSeed);
          stream = config.iterable().iterator();
        }
        try (Scope scope = Scope.open()) {
          List<T> samples = new ArrayList<>(config.batchSize());
          while (samples.size() < config.batchSize() && stream.hasNext()) {
            samples.add(stream.next());
          }
          if (samples.isEmpty() || (config.dropLast() && samples.size() < config.batchSize())) {
            return false;
          }
          ready = finish(scope, samples);
          return true;
        }
      } finally {
        WorkerInfo.swap(old);
      }
    }

    private B nextFromStream() {
      Loaded<B> r = ready;
      ready = null;
      return r.handOver(this);
    }

    @SuppressWarnings("unchecked")
    private void startProducers() {
      int n = config.numWorkers();
      queues = new ArrayDeque[n];
      exhausted = new boolean[n];
      for (int w = 0; w < n; w++) {
        queues[w] = new ArrayDeque<>();
        int worker = w;
        pool.execute(() -> produce(worker));
      }
    }

    /** A worker's loop over its own iterator of the stream. */
    private void produce(int worker) {
      WorkerState ws = WORKER.get();
      WorkerInfo info = new WorkerInfo(worker, config.numWorkers(), ws.info.generator());
      WorkerInfo old = WorkerInfo.swap(info);
      long count = 0;
      try {
        ws.info.generator().manualSeed(baseSeed + worker);
        Iterator<T> it = config.iterable().iterator();
        while (true) {
          Slot<B> slot = new Slot<>(count++);
          slot.worker = Thread.currentThread().getName();
          boolean last = false;
          try (Scope scope = Scope.open()) {
            List<T> samples = new ArrayList<>(config.batchSize());
            while (samples.size() < config.batchSize() && it.hasNext()) {
              samples.add(it.next());
            }
            if (samples.isEmpty()
                || (config.dropLast() && samples.size() < config.batchSize())) {
              return;
            }
            last = samples.size() < config.batchSize();
            slot.result = finish(scope, samples);
          } catch (Throwable e) {
            slot.error = e;
            last = true;
          }
          synchronized (this) {
            while (!closed && queues[worker].size() >= config.prefetchFactor()) {
              wait();
            }
            if (closed) {
              if (slot.result != null) {
                slot.result.discard();
              }
              return;
            }
            slot.done = true;
            queues[worker].add(slot);
            notifyAll();
          }
          if (last) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        WorkerInfo.swap(old);
        synchronized (this) {
          exhausted[worker] = true;
          notifyAll();
        }
      }
    }

    /** Waits until the worker whose turn it is has a batch or is done; false if all are done. */
    private boolean producersHaveMore() {
      int n = queues.length;
      while (true) {
        boolean any = false;
        for (int k = 0; k < n; k++) {
          any |= !exhausted[k] || !queues[k].isEmpty();
        }
        if (!any) {
          return false;
        }
        int w = turn % n;
        await(() -> !queues[w].isEmpty() || exhausted[w], "a batch of worker " + w);
        if (!queues[w].isEmpty()) {
          return true;
        }
        turn++; // this worker is done: skip it from now on
      }
    }

    private B nextFromProducers() {
      int w = turn % queues.length;
      Slot<B> slot = queues[w].poll();
      turn++;
      notifyAll(); // room in the worker's queue
      return take(slot);
    }

    // --- ending -------------------------------------------------------------------------------

    private void release() {
      if (mainGenerator != null) {
        mainGenerator.close();
      }
      if (ownPool) {
        pool.shutdown();
      }
    }

    /** Stops the pass: frees what was loaded ahead and, unless persistent, the workers. */
    void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        for (Slot<B> s : pending) {
          if (s.done && s.result != null) {
            s.result.discard();
          }
        }
        pending.clear();
        if (ready != null) {
          ready.discard();
          ready = null;
        }
        if (queues != null) {
          for (ArrayDeque<Slot<B>> q : queues) {
            for (Slot<B> s : q) {
              if (s.result != null) {
                s.result.discard();
              }
            }
            q.clear();
          }
        }
        notifyAll();
        if (!finished) {
          finished = true;
          release();
        }
      }
      synchronized (shared) {
        if (shared.current == this) {
          shared.current = null;
        }
      }
    }
  }

  /** The iterator the caller holds; its Cleaner closes the pass if it is dropped unclosed. */
  private static final class Handle<B> implements BatchIterator<B> {
    private final Epoch<?, B> epoch;
    private final Cleaner.Cleanable cleanable;

    Handle(Epoch<?, B> epoch) {
      this.epoch = epoch;
      this.cleanable = CLEANER.register(this, epoch::close);
    }

    @Override
    public boolean hasNext() {
      return epoch.hasNext();
    }

    @Override
    public B next() {
      return epoch.next();
    }

    @Override
    public void close() {
      epoch.freeDelivered();
      cleanable.clean();
    }
  }
}
