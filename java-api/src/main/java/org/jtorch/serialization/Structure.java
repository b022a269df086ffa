package org.jtorch.serialization;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jtorch.jit.Tuple;

/**
 * Bounds on what an unpickled value may be, so that walking it (hashing a key, closing its
 * tensors, a user's own traversal) ends in bounded time and stack. A pickle's memo lets a few
 * bytes reference one container many times: 60 levels of a list holding the previous one twice
 * is a 1.8 KB file whose tree has 2^60 nodes (a "billion laughs"); a list may hold itself; and
 * opcodes nest containers as deep as the file is long. Python's {@code torch.load} returns such
 * objects; jtorch refuses them with a {@link CheckpointException}. Every walk here is iterative.
 */
final class Structure {
  /** The deepest nesting of containers accepted (Python's own recursion limit is 1000). */
  static final int MAX_DEPTH = 1000;

  /** The most values a checkpoint may expand to, counting a shared container at every use. */
  static final long MAX_VALUES = 10_000_000;

  /** The most values a dict key or set element (a tuple) may expand to. */
  static final long MAX_KEY_VALUES = 10_000;

  private Structure() {}

  private static boolean container(Object o) {
    return o instanceof Map || o instanceof Iterable;
  }

  private static Iterable<?> children(Object o) {
    return o instanceof Map ? ((Map<?, ?>) o).values() : (Iterable<?>) o;
  }

  /**
   * Checks {@code root}: no container inside itself, no deeper than {@link #MAX_DEPTH}, at most
   * {@code maxValues} values when shared containers are counted at each use.
   *
   * @throws CheckpointException saying which bound was passed
   */
  static void check(Object root, long maxValues, String what) {
    Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
    // a frame: the container being walked, its children's iterator, its depth
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    long values = 1;
    if (container(root)) {
      path.add(root);
      stack.push(new Object[] {root, children(root).iterator(), 1});
    }
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      java.util.Iterator<?> it = (java.util.Iterator<?>) top[1];
      if (!it.hasNext()) {
        stack.pop();
        path.remove(top[0]);
        continue;
      }
      Object child = it.next();
      if (++values > maxValues) {
        throw new CheckpointException(
            what + " expands to more than " + maxValues + " values (containers shared many times"
                + " over: refused, walking it would not end)");
      }
      if (!container(child)) {
        continue;
      }
      int depth = (Integer) top[2] + 1;
      if (depth > MAX_DEPTH) {
        throw new CheckpointException(
            what + " nests containers deeper than " + MAX_DEPTH + " levels: refused");
      }
      if (!path.add(child)) {
        throw new CheckpointException(what + " holds a container inside itself: refused");
      }
      stack.push(new Object[] {child, children(child).iterator(), depth});
    }
  }

  /**
   * Checks a dict key or set element before it is hashed: hashable as in Python (no list, dict or
   * set, except inside nothing: a tuple of them is unhashable too), and small when expanded.
   *
   * @return {@code key}
   */
  static Object hashable(Object key, String what) {
    if (key instanceof Tuple) {
      check(key, MAX_KEY_VALUES, what);
      ArrayDeque<Object> todo = new ArrayDeque<>();
      todo.push(key);
      while (!todo.isEmpty()) {
        Object o = todo.pop();
        if (o instanceof Tuple) {
          for (Object e : (Tuple) o) {
            if (e != null) {
              todo.push(e);
            }
          }
        } else if (container(o)) {
          throw new CheckpointException(what + ": an unhashable " + o.getClass().getSimpleName());
        }
      }
    } else if (container(key)) {
      throw new CheckpointException(what + ": an unhashable " + key.getClass().getSimpleName());
    }
    return key;
  }

  /** Every tensor in {@code value} once, shared or not, cycles or not (iteratively). */
  static void forEachTensor(Object value, java.util.function.Consumer<org.jtorch.Tensor> action) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Object> todo = new ArrayDeque<>();
    todo.push(value == null ? Boolean.FALSE : value);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o instanceof org.jtorch.Tensor) {
        if (seen.add(o)) {
          action.accept((org.jtorch.Tensor) o);
        }
      } else if (container(o) && seen.add(o)) {
        for (Object c : children(o)) {
          if (c != null) {
            todo.push(c);
          }
        }
      }
    }
  }
}
