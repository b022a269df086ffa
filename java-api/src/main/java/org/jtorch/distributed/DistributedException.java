package org.jtorch.distributed;

import org.jtorch.TorchException;

/**
 * A failure of a collective, a process group or a store: PyTorch's {@code DistBackendError}, {@code
 * DistStoreError} and {@code DistNetworkError}, with PyTorch's message (for instance Gloo's
 * "Connection closed by peer" when another process died). Timeouts are the subclass {@link
 * DistributedTimeoutException}.
 */
public class DistributedException extends TorchException {
  private static final long serialVersionUID = 1L;

  /** An exception with LibTorch's {@code message}, its C++ backtrace and the original error. */
  public DistributedException(String message, String nativeBacktrace, Throwable cause) {
    super(message, nativeBacktrace, cause);
  }
}
