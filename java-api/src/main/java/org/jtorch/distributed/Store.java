package org.jtorch.distributed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.ByteVector;
import org.bytedeco.pytorch.StringVector;

/**
 * A key-value store shared by the processes of a job, PyTorch's {@code torch.distributed.Store}:
 * the rendezvous through which process groups find each other, also usable directly to exchange
 * small values ({@link #set}, {@link #get}, {@link #add}, {@link #await}).
 *
 * <p>Implementations: {@link TCPStore} (one process serves, the others connect) and {@link
 * FileStore} (a file on a file system that every process sees). A store is closed with {@link
 * #close()}; process groups made from it keep what they need of it alive on their own.
 */
public abstract sealed class Store implements AutoCloseable permits TCPStore, FileStore {
  /**
   * The store as LibTorch's process groups take it: a {@code c10::intrusive_ptr<Store>}. The
   * presets construct {@code TCPStore} and {@code FileStore} with a plain {@code new}, and wrap
   * such an object into a fresh intrusive pointer each time it is passed: a second pass aborts the
   * JVM ("Newly-created target had non-zero refcounts"). A {@code clone()} comes back as an
   * intrusive pointer that the presets share correctly, so every native use goes through it.
   */
  private org.bytedeco.pytorch.Store shared;

  private final Object lock = new Object();
  private int groupsMade;

  Store() {}

  /** Sets {@link #shared}; called once by the subclass constructor. */
  final void share(org.bytedeco.pytorch.Store intrusive) {
    this.shared = intrusive;
  }

  /** The intrusive handle for LibTorch calls; throws if closed. */
  final org.bytedeco.pytorch.Store handle() {
    org.bytedeco.pytorch.Store s = shared;
    if (s == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " is closed");
    }
    return s;
  }

  /** The next process-group prefix on this store ("jtorch_pg_0", ...). */
  final String nextGroupPrefix() {
    synchronized (lock) {
      return "jtorch_pg_" + groupsMade++;
    }
  }

  /** Stores {@code value} under {@code key}, replacing what was there. */
  public void set(String key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    call(
        () -> {
          try (ByteVector v = new ByteVector(value)) {
            handle().set(key, v);
          }
          return null;
        });
  }

  /** Stores the UTF-8 bytes of {@code value} under {@code key}. */
  public void set(String key, String value) {
    set(key, Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The value under {@code key}, waiting for it up to the store's timeout like PyTorch's {@code
   * get}.
   *
   * @throws DistributedTimeoutException if the key does not appear in time
   */
  public byte[] get(String key) {
    Objects.requireNonNull(key, "key");
    return call(
        () -> {
          try (ByteVector v = handle().get(key)) {
            return v.get();
          }
        });
  }

  /** {@link #get} decoded as UTF-8. */
  public String getString(String key) {
    return new String(get(key), StandardCharsets.UTF_8);
  }

  /**
   * Adds {@code amount} to the counter under {@code key} (created at 0) and returns the new value:
   * PyTorch's atomic {@code store.add}.
   */
  public long add(String key, long amount) {
    Objects.requireNonNull(key, "key");
    return call(() -> handle().add(key, amount));
  }

  /** Deletes {@code key}; returns whether it was there. */
  public boolean deleteKey(String key) {
    Objects.requireNonNull(key, "key");
    return call(() -> handle().deleteKey(key));
  }

  /** Whether all {@code keys} are set, without waiting. */
  public boolean check(List<String> keys) {
    return call(
        () -> {
          try (StringVector v = strings(keys)) {
            return handle().check(v);
          }
        });
  }

  /**
   * Waits until all {@code keys} are set: PyTorch's {@code store.wait(keys, timeout)}. (Named
   * {@code await} because {@code wait} is {@link Object#wait()}.)
   *
   * @throws DistributedTimeoutException if they are not all set within {@code timeout}
   */
  public void await(List<String> keys, Duration timeout) {
    Errors.positive(timeout, "timeout");
    call(
        () -> {
          try (StringVector v = strings(keys);
              Milliseconds ms = new Milliseconds(nativeMillis(timeout))) {
            handle()._wait(v, ms);
          }
          return null;
        });
  }

  /** The number of keys in the store (PyTorch's {@code num_keys}). */
  public long numKeys() {
    return call(() -> handle().getNumKeys());
  }

  /**
   * The timeout LibTorch's store is given so that it waits {@code requested}: the same, except
   * where the store's own clock is coarse ({@link FileStore}).
   */
  long nativeMillis(Duration requested) {
    return requested.toMillis();
  }

  /**
   * The timeout to give a LibTorch wait that counts the time waited in whole seconds and gives up
   * only at the first whole second past its timeout (FileStore's waits, a TCPStore server's wait
   * for its workers: 3 s ended after 4.0 s, 500 ms after 1.0 s, measured): half a second less, so
   * that it ends within half a second of {@code requested} (3 s: 3.0 s; 2.5 s: 3.0 s).
   */
  static long wholeSecondWaitMillis(Duration requested) {
    return Math.max(1, requested.toMillis() - 500);
  }

  private volatile Duration requestedTimeout;

  /** The timeout that {@link #get} and the rendezvous wait for. */
  public Duration timeout() {
    Duration requested = requestedTimeout;
    if (requested != null) {
      return requested;
    }
    return call(
        () -> {
          try (Milliseconds ms = handle().getTimeout()) {
            return Duration.ofMillis(ms.count());
          }
        });
  }

  /** Changes the timeout of {@link #get} and of the rendezvous. */
  public void setTimeout(Duration timeout) {
    Errors.positive(timeout, "timeout");
    call(
        () -> {
          try (Milliseconds ms = new Milliseconds(nativeMillis(timeout))) {
            handle().setTimeout(ms);
          }
          return null;
        });
    requestedTimeout = timeout;
  }

  /** Whether {@link #close()} has run. */
  public final boolean isClosed() {
    return shared == null;
  }

  /**
   * Releases this process's handles on the store. Process groups made from it keep their own
   * references; a {@link TCPStore} server keeps serving until it and they are all closed.
   */
  @Override
  public void close() {
    org.bytedeco.pytorch.Store s;
    synchronized (lock) {
      s = shared;
      shared = null;
    }
    if (s != null) {
      s.close();
      closeOwned();
    }
  }

  /** Frees what the subclass owns beyond the shared handle. */
  abstract void closeOwned();

  private static StringVector strings(List<String> keys) {
    Objects.requireNonNull(keys, "keys");
    StringVector v = new StringVector(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      v.put(i, Objects.requireNonNull(keys.get(i), "key"));
    }
    return v;
  }

  static <T> T call(Supplier<T> call) {
    return Errors.call(call);
  }
}
