package org.jtorch.distributed;

import java.time.Duration;
import java.util.Objects;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.TCPStoreOptions;

/**
 * PyTorch's {@code torch.distributed.TCPStore}: one process (usually rank 0) serves the store on
 * {@code host:port}, every process (the server included) is a client of it. This is the store
 * behind the {@code env://} and {@code tcp://} rendezvous of {@link Distributed#initProcessGroup}.
 *
 * <pre>{@code
 * try (TCPStore store = new TCPStore("10.0.0.1", 29500, 2, rank == 0, Duration.ofMinutes(5))) {
 *   store.set("hello", "world");
 * }
 * }</pre>
 */
public final class TCPStore extends Store {
  /** PyTorch's default timeout for a TCPStore (300 s). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  private final org.bytedeco.pytorch.TCPStore own;
  private final String host;
  private final int port;

  /**
   * Connects to, or with {@code isServer} starts, the store at {@code host:port}, PyTorch's {@code
   * TCPStore(host_name, port, world_size, is_master, timeout)} with {@code wait_for_workers=True}:
   * the server returns once all {@code worldSize} processes have connected.
   *
   * @param port the port; 0 lets the server pick a free one (see {@link #port()})
   * @param worldSize the number of processes that connect, or 0 if unknown (no waiting for them)
   * @param timeout how long to wait for the server, the workers, and a missing key in {@link #get}
   * @throws DistributedTimeoutException if the server cannot be reached in time
   * @throws DistributedException if the port cannot be bound
   */
  public TCPStore(String host, int port, int worldSize, boolean isServer, Duration timeout) {
    this(host, port, worldSize, isServer, timeout, true);
  }

  /** {@code TCPStore(host, port, worldSize, isServer, DEFAULT_TIMEOUT)}. */
  public TCPStore(String host, int port, int worldSize, boolean isServer) {
    this(host, port, worldSize, isServer, DEFAULT_TIMEOUT);
  }

  /**
   * As {@link #TCPStore(String, int, int, boolean, Duration)}, choosing whether the server waits
   * for all workers to connect ({@code wait_for_workers}).
   */
  public TCPStore(
      String host, int port, int worldSize, boolean isServer, Duration timeout,
      boolean waitForWorkers) {
    Objects.requireNonNull(host, "host");
    Errors.positive(timeout, "timeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (!isServer && port == 0) {
      throw new IllegalArgumentException("a client needs the server's port, got 0");
    }
    if (worldSize < 0) {
      throw new IllegalArgumentException("worldSize must not be negative, got " + worldSize);
    }
    this.host = host;
    if (!isServer) {
      awaitServer(host, port, timeout);
    }
    // the server's wait for its workers counts whole seconds (wholeSecondWaitMillis); store
    // operations get the full timeout after
    boolean waits = isServer && worldSize > 0 && waitForWorkers;
    long constructionMillis = waits ? wholeSecondWaitMillis(timeout) : timeout.toMillis();
    this.own =
        call(
            () -> {
              try (TCPStoreOptions o = new TCPStoreOptions();
                  SizeTPointer workers = new SizeTPointer(1);
                  Milliseconds ms = new Milliseconds(constructionMillis)) {
                o.port((short) port).isServer(isServer).timeout(ms);
                if (worldSize > 0) {
                  workers.put(worldSize);
                  o.numWorkers(workers).waitWorkers(waitForWorkers);
                } else {
                  o.waitWorkers(false);
                }
                return new org.bytedeco.pytorch.TCPStore(host, o);
              }
            });
    this.port = Short.toUnsignedInt(own.getPort());
    share(call(own::clone));
    if (waits) {
      setTimeout(timeout);
    }
  }

  /**
   * Waits until something accepts connections on {@code host:port}, retrying every 100 ms, for
   * at most {@code timeout}. LibTorch's client spends its whole timeout on one connection attempt
   * and then tries again after a back-off (3 s took 6.1 s, measured); with the server known to be
   * up, its own attempt succeeds at once.
   *
   * @throws DistributedTimeoutException if nothing accepted within {@code timeout}
   */
  static void awaitServer(String host, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    java.io.IOException last = null;
    while (true) {
      long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new DistributedTimeoutException(
            "The client socket has timed out after " + timeout.toMillis()
                + "ms while trying to connect to (" + host + ", " + port + ")"
                + (last == null ? "" : ": " + last.getMessage()),
            "",
            last);
      }
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress(host, port), (int) Math.min(left, 1000));
        return;
      } catch (java.io.IOException e) {
        last = e;
        try {
          Thread.sleep(Math.min(100, Math.max(1, left)));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new DistributedException("interrupted while connecting to " + host + ":" + port, "", ie);
        }
      }
    }
  }

  /** The server's host name or address, as given. */
  public String host() {
    return host;
  }

  /** The server's port (the one the server picked, where it was given 0). */
  public int port() {
    return port;
  }

  @Override
  void closeOwned() {
    own.close();
  }

  @Override
  public String toString() {
    return "TCPStore(" + host + ":" + port + ")";
  }
}
