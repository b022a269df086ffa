package org.jtorch.serialization;

/**
 * A checkpoint file that jtorch cannot read: not a PyTorch zip checkpoint, truncated or corrupt,
 * or holding something {@code torch.load(weights_only=True)} would refuse (arbitrary Python
 * objects). Nothing is loaded when it is thrown.
 */
public class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public CheckpointException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
