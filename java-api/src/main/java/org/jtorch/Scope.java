package org.jtorch;

import java.util.ArrayList;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Owns the tensors created inside it, on its thread, and frees them when it closes.
 *
 * <pre>{@code
 * try (Scope scope = Scope.open()) {
 *   Tensor h = x.matmul(w).add(b);       // intermediates: freed at the end of the block
 *   result = scope.keep(h.softmax(1));   // moved out to the enclosing scope (or to no scope)
 * }
 * Tensor y = Scope.returning(() -> x.mul(x).sum());  // the same, as an expression
 * }</pre>
 *
 * <p>Scopes nest: each thread has a stack of them, and a new tensor belongs to the innermost
 * open scope of the thread that created it. A tensor created outside any scope belongs to no
 * scope: close it yourself, or leave it to the garbage collector (a {@link java.lang.ref.Cleaner}
 * frees the native memory some time after the tensor becomes unreachable; the GC cannot see how
 * much native memory that is, so do not rely on it in loops).
 *
 * <p>Closing a scope closes every tensor it still owns, newest first; closing a tensor that was
 * already closed does nothing. A scope must be closed on the thread that opened it; closing an
 * outer scope closes the inner scopes still open on that thread first. Module parameters and
 * buffers never belong to a scope.
 */
public final class Scope implements AutoCloseable {
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private final Scope parent;
  private final Thread thread;
  private final ArrayList<Tensor> owned = new ArrayList<>();
  private boolean closed;

  private Scope(Scope parent) {
    this.parent = parent;
    this.thread = Thread.currentThread();
  }

  /** Opens a scope on the current thread; it becomes the innermost one until it is closed. */
  public static Scope open() {
    Scope s = new Scope(CURRENT.get());
    CURRENT.set(s);
    return s;
  }

  /**
   * Runs {@code body} in a scope of its own, frees every tensor it created, and returns its
   * result, whose tensors (a {@link Tensor}, a {@link TensorTuple}, or an {@link Iterable} or
   * {@link Map} of tensors, nested as deep as you like) are moved to the enclosing scope.
   */
  public static <T> T returning(Supplier<T> body) {
    try (Scope scope = open()) {
      T result = body.get();
      scope.keepAll(result);
      return result;
    }
  }

  /**
   * Moves {@code tensor} out of this scope into the enclosing one (or into no scope), so that it
   * survives this scope's {@link #close()}. A tensor that this scope does not own is returned
   * unchanged.
   */
  public <T extends Tensor> T keep(T tensor) {
    if (tensor.owner == this) {
      tensor.owner = null;
      if (parent != null && !parent.closed) {
        parent.adopt(tensor);
      }
    }
    return tensor;
  }

  /** {@link #keep} for every tensor of a tuple, such as the pair {@code max(dim)} returns. */
  public <T extends TensorTuple> T keep(T tuple) {
    for (Tensor t : tuple) {
      keep(t);
    }
    return tuple;
  }

  private void keepAll(Object result) {
    if (result instanceof Tensor) {
      keep((Tensor) result);
    } else if (result instanceof Iterable) { // TensorTuple included
      for (Object o : (Iterable<?>) result) {
        keepAll(o);
      }
    } else if (result instanceof Map) {
      for (Object o : ((Map<?, ?>) result).values()) {
        keepAll(o);
      }
    }
  }

  /** The number of tensors this scope owns and has not closed yet. */
  public int size() {
    int n = 0;
    for (Tensor t : owned) {
      if (t.owner == this && !t.isClosed()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Hands {@code tensor}, which belongs to no scope, to the innermost open scope of the current
   * thread (if there is one), which then frees it at its close. This is how tensors made on
   * another thread join the consumer's scope: the producer moves them out of its own scope with
   * {@link #keep} and hands them over through a thread-safe queue; the consumer claims them. It is
   * also how a {@code DataLoader} batch is kept beyond the next batch (which would free it). A
   * tensor that some scope owns, or that is closed, is returned unchanged.
   */
  public static <T extends Tensor> T claim(T tensor) {
    if (tensor.owner == null && !tensor.isClosed()) {
      Scope s = CURRENT.get();
      if (s != null) {
        s.adopt(tensor);
      }
    }
    return tensor;
  }

  /**
   * {@link #claim(Tensor)} for every tensor of a tuple, such as a {@code DataLoader}'s {@code
   * Example} batch: {@code Scope.claim(batch)} keeps it until the innermost open scope closes.
   */
  public static <T extends TensorTuple> T claim(T tuple) {
    for (Tensor t : tuple) {
      claim(t);
    }
    return tuple;
  }

  /** True if this scope owns {@code tensor} (it was created inside and not kept or closed yet). */
  public boolean owns(Tensor tensor) {
    return tensor.owner == this && !tensor.isClosed();
  }

  /** Registers a new tensor with the innermost scope of the current thread, if any. */
  static void register(Tensor t) {
    Scope s = CURRENT.get();
    if (s != null) {
      s.adopt(t);
    }
  }

  private void adopt(Tensor t) {
    t.owner = this;
    owned.add(t);
  }

  /**
   * Closes every tensor this scope still owns and makes the enclosing scope the innermost one.
   *
   * @throws IllegalStateException if called on another thread than the one that opened it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "a Scope must be closed on the thread that opened it (" + thread.getName() + ")");
    }
    Scope current = CURRENT.get();
    while (current != null && current != this && isInside(current)) {
      current.close();
      current = CURRENT.get();
    }
    closed = true;
    for (int i = owned.size() - 1; i >= 0; i--) {
      Tensor t = owned.get(i);
      if (t.owner == this) {
        t.owner = null;
        t.close();
      }
    }
    owned.clear();
    if (CURRENT.get() == this) {
      if (parent == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(parent);
      }
    }
  }

  private boolean isInside(Scope inner) {
    for (Scope s = inner.parent; s != null; s = s.parent) {
      if (s == this) {
        return true;
      }
    }
    return false;
  }
}
