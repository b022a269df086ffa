/**
 * Checkpoints in PyTorch's own file format: {@link org.jtorch.serialization.Checkpoints} reads what
 * Python's {@code torch.save} writes (only what {@code weights_only=True} allows) and writes what
 * Python's {@code torch.load} reads.
 */
package org.jtorch.serialization;
