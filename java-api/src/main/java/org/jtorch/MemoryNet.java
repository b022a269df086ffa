package org.jtorch;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jtorch.bindings.NativeLibraries;

/**
 * The garbage collector's net under native memory: tensors that nobody closed are freed by their
 * {@link java.lang.ref.Cleaner} only after a collection, and the JVM collects when its heap fills,
 * not when native memory does (a 2 MB tensor is a few dozen heap bytes). So jtorch watches the
 * bytes malloc has handed out (glibc's {@code mallinfo2}, read by a daemon thread, never per
 * operation: every {@value #PERIOD_MS} ms while tensors pile up, more created than freed, and
 * once a second otherwise) and, once they pass a budget, the next thread that creates
 * a tensor asks the JVM to collect and waits (at most {@value #WAIT_MS} ms) until the cleaners
 * have freed what became unreachable, as JavaCPP's {@code maxBytes} logic does without reading
 * the resident size at every allocation.
 *
 * <p>The budget is the system property {@code jtorch.maxNativeBytes} (bytes, with an optional
 * {@code k}, {@code m} or {@code g} suffix; {@code 0} turns the net off); by default the JVM's
 * heap limit ({@code -Xmx}), at least 256 MiB. When a collection frees too little (the memory is
 * in use, held by scopes or reachable tensors), the limit moves up to what is in use plus half a
 * budget, so a large working set does not make every allocation collect; it comes back down once
 * usage falls under the budget. Closing tensors, or scopes, remains the way to bound memory: this
 * is a net for what escaped them.
 */
final class MemoryNet {
  private static final System.Logger LOG = System.getLogger("org.jtorch");
  static final long PERIOD_MS = 10;
  static final long WAIT_MS = 200;

  /**
   * Why the configured budget was not taken, or null. A bad value must not make every tensor's
   * creation fail (this class initialises with the first tensor): the net is then off, a warning
   * is logged, and {@link #status()} says why.
   */
  private static final String BAD_SETTING;

  /** The budget in bytes; 0 when the net is off. */
  static final long BUDGET;

  static {
    long b;
    String bad = null;
    try {
      b = budget(System.getProperty("jtorch.maxNativeBytes"));
    } catch (IllegalArgumentException e) {
      b = 0;
      bad = e.getMessage();
      LOG.log(Level.WARNING, "jtorch: " + bad + "; the native memory net is off");
    }
    BUDGET = b;
    BAD_SETTING = bad;
  }

  /** Tensors created and not yet freed (closed, or cleaned). */
  private static final java.util.concurrent.atomic.LongAdder LIVE =
      new java.util.concurrent.atomic.LongAdder();

  /** How many more live tensors than at the last read make the watcher read malloc's usage. */
  static final long POLL_AFTER_TENSORS = 16;

  private static long livePolled; // the watcher's own
  private static long lastPoll;

  private static volatile boolean over;
  private static volatile long limit = BUDGET;
  private static volatile String status = "not started";
  private static volatile long collections;

  private MemoryNet() {}

  static {
    if (BAD_SETTING != null) {
      status = "off: " + BAD_SETTING;
    } else if (BUDGET <= 0) {
      status = "off (jtorch.maxNativeBytes=0)";
    } else if (!NativeLibraries.opsAvailable()) {
      status = "off: malloc's usage is read through jtorch's operator library, which is not loaded";
    } else if (NativeLibraries.mallocInUse() < 0) {
      status = "off: the C library does not report malloc's usage (needs glibc 2.33 or later)";
    } else {
      status = "collects past " + mib(BUDGET) + " of native memory in use";
      Thread watcher = new Thread(MemoryNet::watch, "jtorch-memory-net");
      watcher.setDaemon(true);
      watcher.start();
    }
  }

  static long budget(String property) {
    if (property == null || property.isBlank()) {
      return Math.max(Runtime.getRuntime().maxMemory(), 256L << 20);
    }
    String v = property.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = v.charAt(v.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
      v = v.substring(0, v.length() - 1);
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "jtorch.maxNativeBytes must be a number of bytes (suffix k, m or g allowed), or 0: "
              + property);
    }
  }

  /** Called by every new tensor: a counter and one volatile read, unless the budget was passed. */
  static void afterAllocation() {
    LIVE.increment();
    if (over) {
      relieve();
    }
  }

  /** Called when a tensor's native handle is freed, by close() or by its cleaner. */
  static void released() {
    LIVE.decrement();
  }

  private static void watch() {
    while (true) {
      try {
        TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
      // mallinfo2 walks malloc's free lists under each arena's lock, and every 10 ms that halves
      // the speed of small operations on other threads (measured: 1-element add 1.1 -> 2.8 us).
      // So it is read only when tensors pile up (more created than freed since the last read),
      // and once a second in any case (for a few large ones).
      long live = LIVE.sum();
      long now = System.nanoTime();
      if (live - livePolled < POLL_AFTER_TENSORS && now - lastPoll < TimeUnit.SECONDS.toNanos(1)) {
        continue;
      }
      livePolled = live;
      lastPoll = now;
      long used = NativeLibraries.mallocInUse();
      long l = limit;
      if (used > l) {
        over = true;
      } else if (l > BUDGET && used < BUDGET) {
        limit = BUDGET; // the working set shrank: back to the configured budget
      }
    }
  }

  /** Collects and waits for the cleaners; one thread at a time, the others then go on. */
  private static synchronized void relieve() {
    if (!over) {
      return;
    }
    try {
      long used = NativeLibraries.mallocInUse();
      if (used <= limit) {
        return;
      }
      long before = used;
      collections++;
      System.gc();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
      while (used > limit && System.nanoTime() < deadline) {
        try {
          TimeUnit.MILLISECONDS.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        used = NativeLibraries.mallocInUse();
      }
      if (used > limit) {
        // what is left is in use: let it be, and do not collect again until it grows further
        limit = used + BUDGET / 2;
        long freed = before - used;
        LOG.log(
            Level.DEBUG,
            () ->
                "jtorch: native memory in use "
                    + mib(before)
                    + " is over its budget, a collection freed "
                    + mib(freed)
                    + "; next collection past "
                    + mib(limit));
      }
    } finally {
      over = false;
    }
  }

  /** What the net does, for {@link Torch#runtimeSettings()}. */
  static String status() {
    return status + (collections > 0 ? " (" + collections + " so far)" : "");
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }
}
