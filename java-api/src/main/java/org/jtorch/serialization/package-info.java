/**
 * Checkpoints in PyTorch's own file format: {@link org.jtorch.serialization.Checkpoints} reads what
 * Python's {@code torch.save} writes (only what {@code weights_only=True} allows) and writes what
 * Python's {@code torch.load} reads. For a plain state dict, {@link org.jtorch.Torch#save} and
 * {@link org.jtorch.Torch#load} are the short forms:
 *
 * <pre>{@code
 * Torch.save(model.stateDict(), path);
 * // Python: model.load_state_dict(torch.load(path, weights_only=True))
 *
 * // Python: torch.save(model.state_dict(), path)
 * model.loadStateDict(Torch.load(path));
 * }</pre>
 *
 * <p>A truncated, corrupt or refused file throws {@link
 * org.jtorch.serialization.CheckpointException}; {@link org.jtorch.nn.Module#loadStateDict} checks
 * every key and shape before copying, so a state dict that does not fit the model throws and leaves
 * the model unchanged.
 */
package org.jtorch.serialization;
