package org.jtorch.jit;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.jtorch.Tensor;

/**
 * A TorchScript tuple: an immutable, fixed-size sequence of values of any type, PyTorch's {@code
 * tuple}.
 *
 * <p>A model that returns {@code (scores, (h, c))} comes back as a {@code Tuple} whose second
 * element is a {@code Tuple}; named tuples come back as plain tuples (their fields in order). A
 * {@code Tuple} is a {@link List}, so it can be read like one; {@link #tensor(int)} and {@link
 * #tuple(int)} save the casts:
 *
 * <pre>{@code
 * Tuple out = (Tuple) lstm.run("forward", x);
 * Tensor scores = out.tensor(0);
 * Tensor h = out.tuple(1).tensor(0);
 * }</pre>
 *
 * <p>Passed to a model, a {@code Tuple} becomes a TorchScript tuple, and a {@link List} becomes a
 * TorchScript list; where the method declares a tuple parameter, a {@code List} is accepted too.
 * Elements may be {@code null} (TorchScript's {@code None}).
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess {
  private static final Tuple EMPTY = new Tuple(new Object[0]);

  private final Object[] items;

  private Tuple(Object[] items) {
    this.items = items;
  }

  /** A tuple of {@code items} (copied; may be empty, elements may be null). */
  public static Tuple of(Object... items) {
    return items.length == 0 ? EMPTY : new Tuple(items.clone());
  }

  /** A tuple of the elements of {@code items}, in order. */
  public static Tuple copyOf(List<?> items) {
    return items.isEmpty() ? EMPTY : new Tuple(items.toArray());
  }

  /** The {@code i}-th element. */
  @Override
  public Object get(int i) {
    return items[i];
  }

  /** The number of elements. */
  @Override
  public int size() {
    return items.length;
  }

  /**
   * The {@code i}-th element, which must be a {@link Tensor}.
   *
   * @throws ClassCastException if it is not a tensor (the message says what it is)
   */
  public Tensor tensor(int i) {
    return as(i, Tensor.class);
  }

  /**
   * The {@code i}-th element, which must be a {@code Tuple}.
   *
   * @throws ClassCastException if it is not a tuple (the message says what it is)
   */
  public Tuple tuple(int i) {
    return as(i, Tuple.class);
  }

  /**
   * The {@code i}-th element as a {@code type}.
   *
   * @throws ClassCastException if it is something else (the message says what it is)
   */
  public <T> T as(int i, Class<T> type) {
    Object o = items[i];
    if (o != null && !type.isInstance(o)) {
      throw new ClassCastException(
          "element " + i + " of the tuple is a " + o.getClass().getSimpleName() + ", not a "
              + type.getSimpleName());
    }
    return type.cast(o);
  }

  /** The elements as Python prints a tuple: {@code (a, b)}, {@code (a,)}. */
  @Override
  public String toString() {
    if (items.length == 1) {
      return "(" + items[0] + ",)";
    }
    String s = Arrays.toString(items);
    return "(" + s.substring(1, s.length() - 1) + ")";
  }
}
