package org.jtorch.distributed;

/**
 * A collective, a rendezvous or a store lookup that did not finish within its timeout (the process
 * group's, the store's, or the one given to {@link Work#await(java.time.Duration)}): typically
 * another process that hangs or never arrived.
 */
public class DistributedTimeoutException extends DistributedException {
  private static final long serialVersionUID = 1L;

  /** An exception with LibTorch's {@code message}, its C++ backtrace and the original error. */
  public DistributedTimeoutException(String message, String nativeBacktrace, Throwable cause) {
    super(message, nativeBacktrace, cause);
  }
}
