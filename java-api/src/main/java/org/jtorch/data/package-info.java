/**
 * The data pipeline, PyTorch's {@code torch.utils.data}: {@link org.jtorch.data.Dataset}s
 * (map-style) and {@link org.jtorch.data.IterableDataset}s, {@link org.jtorch.data.Sampler}s that
 * order them, and the {@link org.jtorch.data.DataLoader} that batches them on worker threads.
 * Ready-made data sets live in {@code org.jtorch.data.datasets}, augmentations in {@code
 * org.jtorch.data.transforms}.
 *
 * <p>Randomness comes from {@link org.jtorch.Generator}s through LibTorch's own sampling calls, so
 * shuffling, samplers and {@link org.jtorch.data.Dataset#randomSplit} give Python's indices for the
 * same seed.
 */
package org.jtorch.data;
