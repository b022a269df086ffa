package org.jtorch.distributed;

import java.time.Duration;
import org.bytedeco.javacpp.chrono.Milliseconds;

/**
 * A collective or point-to-point operation in flight: PyTorch's {@code Work} handle, returned by
 * the {@code ...Async}, {@code isend} and {@code irecv} methods of {@link ProcessGroup}. The
 * tensors it writes hold their results once {@link #await()} returns. (Named {@code await}
 * because {@code wait} is {@link Object#wait()}.)
 */
public final class Work {
  private final String operation;
  private final Runnable afterSuccess;
  private org.bytedeco.pytorch.Work handle;
  private boolean done;

  Work(String operation, org.bytedeco.pytorch.Work handle, Runnable afterSuccess) {
    this.operation = operation;
    this.handle = handle;
    this.afterSuccess = afterSuccess;
  }

  /**
   * Waits until the operation has finished, PyTorch's {@code work.wait()}: no longer than the
   * process group's timeout.
   *
   * @throws DistributedTimeoutException if it did not finish within the group's timeout
   * @throws DistributedException if it failed (for instance, a peer process died)
   */
  public void await() {
    finish(null);
  }

  /**
   * Waits up to {@code timeout} for the operation to finish, PyTorch's {@code work.wait(timeout)}.
   *
   * @throws DistributedTimeoutException if it did not finish in time
   * @throws DistributedException if it failed
   */
  public void await(Duration timeout) {
    finish(Errors.positive(timeout, "timeout"));
  }

  private synchronized void finish(Duration timeout) {
    if (done) {
      return;
    }
    Errors.call(
        () -> {
          if (timeout == null) {
            handle._wait();
          } else {
            try (Milliseconds ms = new Milliseconds(timeout.toMillis())) {
              if (!handle._wait(ms)) {
                throw new DistributedTimeoutException(
                    operation + " timed out after " + timeout.toMillis() + " ms", "", null);
              }
            }
          }
          return null;
        });
    if (afterSuccess != null) {
      afterSuccess.run();
    }
    done = true;
    handle.close();
    handle = null;
  }

  /** Whether the operation has finished (successfully or not), without waiting. */
  public synchronized boolean isCompleted() {
    return done || Errors.call(() -> handle.isCompleted());
  }

  /**
   * Whether the operation has finished successfully, without waiting; false while it runs.
   */
  public synchronized boolean isSuccess() {
    return done || Errors.call(() -> handle.isCompleted() && handle.isSuccess());
  }

  @Override
  public String toString() {
    return "Work(" + operation + (done ? ", done)" : ")");
  }
}
