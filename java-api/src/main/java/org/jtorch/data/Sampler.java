package org.jtorch.data;

/**
 * The order in which a {@link DataLoader} visits a data set, PyTorch's {@code
 * torch.utils.data.Sampler}: an iterable of indices ({@code Sampler<Integer>}) or of batches of
 * indices ({@code Sampler<int[]>}, see {@link BatchSampler}).
 *
 * <p>Random samplers draw when their iteration starts (at the first {@code hasNext()} or {@code
 * next()}), from the generator they were given, with the same LibTorch calls as PyTorch's: the
 * same generator state gives the same indices as Python.
 *
 * @param <T> what the sampler yields
 */
public interface Sampler<T> extends Iterable<T> {
  /** The number of items one pass yields, Python's {@code len(sampler)}. */
  int size();
}
