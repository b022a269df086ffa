package org.jtorch.distributed;

import java.util.Locale;
import java.util.function.Supplier;
import org.jtorch.TorchException;
import org.jtorch.internal.Natives;

/** The one place where c10d's errors become {@link DistributedException}s. */
final class Errors {
  private Errors() {}

  /** {@code d}, checked: a timeout must be positive (LibTorch reads others as "no timeout"). */
  static java.time.Duration positive(java.time.Duration d, String name) {
    java.util.Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }

  /** Runs a LibTorch call, translating its errors. */
  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** c10d's error as a {@link DistributedException} (a timeout as the subclass). */
  static RuntimeException translate(RuntimeException e) {
    RuntimeException t = Natives.translate(e);
    if (!(t instanceof TorchException) || t instanceof DistributedException) {
      return t;
    }
    TorchException te = (TorchException) t;
    String m = te.getMessage();
    String lower = m.toLowerCase(Locale.ROOT);
    DistributedException d =
        lower.contains("timed out") || lower.contains("timeout")
            ? new DistributedTimeoutException(m, te.nativeBacktrace(), e)
            : new DistributedException(m, te.nativeBacktrace(), e);
    d.setStackTrace(te.getStackTrace());
    return d;
  }
}
