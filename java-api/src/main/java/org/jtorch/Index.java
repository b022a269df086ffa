package org.jtorch;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a PyTorch index expression, {@code t[...]} in Python: an integer, a slice, the
 * ellipsis, {@code None} (a new axis), a boolean mask or an index tensor. Read with {@link
 * Tensor#index(Index...)}, write with {@link Tensor#indexPut_(Index[], Tensor)}:
 *
 * <pre>{@code
 * // Python: x[0, 1:5:2, ..., None]
 * Tensor y = x.index(Index.of(0), Index.slice(1L, 5L, 2L), Index.ELLIPSIS, Index.NONE);
 * // Python: x[:, -1]
 * Tensor last = x.index(Index.ALL, Index.of(-1));
 * // Python: x[x > 0] = 0
 * x.indexPut_(new Index[] {Index.of(mask)}, 0.0);
 * }</pre>
 *
 * <p>PyTorch's semantics apply: integers, slices, the ellipsis and {@code None} ("basic" indexing)
 * give a view that shares storage with the tensor; index tensors and masks ("advanced" indexing)
 * give a copy. Integers and slice bounds may be negative and count from the end; an integer out of
 * range throws {@link TorchException} (Python's {@code IndexError}). An {@code Index} is immutable;
 * one that holds a tensor refers to it without owning it, so the tensor must stay open until the
 * index is used.
 */
public final class Index {
  enum Kind {
    INTEGER,
    SLICE,
    ELLIPSIS,
    NONE,
    BOOLEAN,
    TENSOR,
    LONGS,
    BOOLEANS
  }

  /** Python's {@code ...}: as many full slices as the dimensions not otherwise indexed. */
  public static final Index ELLIPSIS = new Index(Kind.ELLIPSIS, 0, null, null, null, null, null);

  /** Python's {@code None} (or {@code numpy.newaxis}): inserts a dimension of size 1. */
  public static final Index NONE = new Index(Kind.NONE, 0, null, null, null, null, null);

  /** Python's {@code :}, the whole dimension. */
  public static final Index ALL = new Index(Kind.SLICE, 0, null, null, null, null, null);

  final Kind kind;
  final long integer; // INTEGER, BOOLEAN (0/1)
  final Long start; // SLICE
  final Long stop; // SLICE
  final Long step; // SLICE
  final Tensor tensor; // TENSOR
  final Object array; // LONGS (long[]) or BOOLEANS (boolean[]), private copies

  private Index(Kind kind, long integer, Long start, Long stop, Long step, Tensor tensor, Object array) {
    this.kind = kind;
    this.integer = integer;
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.tensor = tensor;
    this.array = array;
  }

  /** An integer index, Python's {@code t[i]}: selects one position and removes the dimension. */
  public static Index of(long i) {
    return new Index(Kind.INTEGER, i, null, null, null, null, null);
  }

  /**
   * Python's {@code t[True]} / {@code t[False]}: adds a dimension of size 1 (true) or 0 (false),
   * as advanced indexing (a copy).
   */
  public static Index of(boolean b) {
    return new Index(Kind.BOOLEAN, b ? 1 : 0, null, null, null, null, null);
  }

  /**
   * An index tensor or a boolean mask, Python's {@code t[idx]}. An integer tensor picks positions
   * along one dimension (negative ones count from the end); a bool (or uint8) tensor of k
   * dimensions selects the elements where it is true over the next k dimensions. Either gives a
   * copy. A 0-d integer tensor acts like an integer.
   */
  public static Index of(Tensor index) {
    Objects.requireNonNull(index, "index");
    return new Index(Kind.TENSOR, 0, null, null, null, index, null);
  }

  /** A list of positions, Python's {@code t[[0, 2, -1]]}: like {@link #of(Tensor)} with int64. */
  public static Index of(long[] indices) {
    Objects.requireNonNull(indices, "indices");
    return new Index(Kind.LONGS, 0, null, null, null, null, indices.clone());
  }

  /** A list of booleans, Python's {@code t[[True, False, True]]}: a 1-d mask. */
  public static Index of(boolean[] mask) {
    Objects.requireNonNull(mask, "mask");
    return new Index(Kind.BOOLEANS, 0, null, null, null, null, mask.clone());
  }

  /**
   * Python's {@code start:stop}; a null bound means "from the beginning" / "to the end". Bounds may
   * be negative and are clamped to the dimension, as in Python.
   */
  public static Index slice(Long start, Long stop) {
    return slice(start, stop, null);
  }

  /**
   * Python's {@code start:stop:step}; null means the default (beginning, end, step 1). PyTorch
   * rejects a step that is not positive.
   */
  public static Index slice(Long start, Long stop, Long step) {
    return new Index(Kind.SLICE, 0, start, stop, step, null, null);
  }

  /** Python's {@code start:}, from {@code start} to the end. */
  public static Index from(long start) {
    return slice(start, null, null);
  }

  /** Python's {@code :stop}, from the beginning to {@code stop} (excluded). */
  public static Index to(long stop) {
    return slice(null, stop, null);
  }

  /** Python's spelling of this index, such as {@code 1:5:2}, {@code ...} or {@code None}. */
  @Override
  public String toString() {
    switch (kind) {
      case INTEGER:
        return Long.toString(integer);
      case BOOLEAN:
        return integer != 0 ? "True" : "False";
      case ELLIPSIS:
        return "...";
      case NONE:
        return "None";
      case SLICE:
        return (start == null ? "" : start)
            + ":"
            + (stop == null ? "" : stop)
            + (step == null ? "" : ":" + step);
      case LONGS:
        return Arrays.toString((long[]) array);
      case BOOLEANS:
        String s = Arrays.toString((boolean[]) array);
        return s.replace("true", "True").replace("false", "False");
      default:
        return tensor.isClosed() ? "tensor(<closed>)" : "tensor(shape=" + Arrays.toString(tensor.shape()) + ")";
    }
  }
}
