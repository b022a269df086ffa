package org.jtorch.data;

/**
 * An iterable-style data set, PyTorch's {@code IterableDataset}: a stream of samples with no
 * random access (records read from a socket, lines of a file too big to index).
 *
 * <p>A {@link DataLoader} with {@code numWorkers > 0} calls {@link #iterator()} once per worker and
 * epoch, on the worker's thread, and delivers the workers' batches in turn (worker 0's first batch,
 * worker 1's first, ..., worker 0's second): as in PyTorch, each worker sees the whole stream unless
 * the iterator shards it, using {@link WorkerInfo#current()} to learn its worker id.
 *
 * @param <T> the type of a sample
 */
public interface IterableDataset<T> extends Iterable<T> {}
