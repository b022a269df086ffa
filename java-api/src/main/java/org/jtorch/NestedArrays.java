package org.jtorch;

import java.lang.reflect.Array;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.internal.Natives;

/** Moves Java arrays (flat or nested, rectangular) in and out of tensors with bulk copies. */
final class NestedArrays {
  private NestedArrays() {}

  /** The dtype a Java primitive component type maps to. */
  static DType dtypeOf(Class<?> component) {
    if (component == float.class) {
      return DType.FLOAT32;
    } else if (component == double.class) {
      return DType.FLOAT64;
    } else if (component == long.class) {
      return DType.INT64;
    } else if (component == int.class) {
      return DType.INT32;
    } else if (component == short.class) {
      return DType.INT16;
    } else if (component == byte.class) {
      return DType.INT8;
    } else if (component == boolean.class) {
      return DType.BOOL;
    }
    throw new IllegalArgumentException("unsupported Java element type " + component.getName());
  }

  /** A new tensor holding a copy of {@code array}, a (possibly nested) primitive array. */
  static Tensor fromArray(Object array) {
    if (array == null) {
      throw new NullPointerException("array");
    }
    Class<?> component = array.getClass();
    int rank = 0;
    while (component.isArray()) {
      component = component.getComponentType();
      rank++;
    }
    if (rank == 0 || !component.isPrimitive()) {
      throw new IllegalArgumentException(
          "expected an array of a primitive type, got " + array.getClass().getSimpleName());
    }
    long[] shape = new long[rank];
    Object level = array;
    for (int d = 0; d < rank; d++) {
      int n = Array.getLength(level);
      shape[d] = n;
      if (n == 0) {
        break; // deeper sizes are 0 as well
      }
      level = d + 1 < rank ? Array.get(level, 0) : level;
      if (level == null) {
        throw new IllegalArgumentException("null row at depth " + (d + 1));
      }
    }
    long total = 1;
    for (long s : shape) {
      total *= s;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many elements for one Java array: " + total);
    }
    Object flat = Array.newInstance(component, (int) total);
    int[] pos = {0};
    copyIn(array, 0, shape, flat, pos, new int[rank]);
    return fromFlat(flat, dtypeOf(component), shape);
  }

  private static void copyIn(Object src, int depth, long[] shape, Object flat, int[] pos, int[] index) {
    int n = Array.getLength(src);
    if (n != shape[depth]) {
      throw new IllegalArgumentException(
          "ragged array: the row at "
              + Arrays.toString(Arrays.copyOf(index, depth))
              + " has "
              + n
              + " elements where "
              + shape[depth]
              + " were expected");
    }
    if (depth == shape.length - 1) {
      System.arraycopy(src, 0, flat, pos[0], n);
      pos[0] += n;
      return;
    }
    for (int i = 0; i < n; i++) {
      Object row = Array.get(src, i);
      index[depth] = i;
      if (row == null) {
        throw new IllegalArgumentException(
            "null row at " + Arrays.toString(Arrays.copyOf(index, depth + 1)));
      }
      copyIn(row, depth + 1, shape, flat, pos, index);
    }
  }

  /** A new tensor of {@code shape} holding a copy of the flat primitive array {@code flat}. */
  static Tensor fromFlat(Object flat, DType dtype, long[] shape) {
    long expected = 1;
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException("negative size in shape " + Arrays.toString(shape));
      }
      expected *= s;
    }
    int n = Array.getLength(flat);
    if (n != expected) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + expected + " elements, got " + n);
    }
    Tensor t =
        Tensor.op(
            () ->
                torch.empty(
                    shape,
                    Natives.dtypeOptional(dtype),
                    Natives.NO_LAYOUT,
                    Natives.NO_DEVICE,
                    Natives.NO_BOOL,
                    Natives.NO_MEMORY_FORMAT));
    if (n > 0) {
      Pointer data = t.h().data_ptr();
      if (flat instanceof float[]) {
        new FloatPointer(data).put((float[]) flat);
      } else if (flat instanceof double[]) {
        new DoublePointer(data).put((double[]) flat);
      } else if (flat instanceof long[]) {
        new LongPointer(data).put((long[]) flat);
      } else if (flat instanceof int[]) {
        new IntPointer(data).put((int[]) flat);
      } else if (flat instanceof short[]) {
        new ShortPointer(data).put((short[]) flat);
      } else if (flat instanceof byte[]) {
        new BytePointer(data).put((byte[]) flat);
      } else if (flat instanceof boolean[]) {
        boolean[] b = (boolean[]) flat;
        byte[] raw = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
          raw[i] = b[i] ? (byte) 1 : 0;
        }
        new BytePointer(data).put(raw);
      } else {
        t.close();
        throw new IllegalArgumentException("unsupported array " + flat.getClass().getSimpleName());
      }
    }
    return t;
  }

  /** The tensor's data as a nested array of {@code type}. */
  static <A> A toNested(Tensor t, Class<A> type) {
    Class<?> component = type;
    int rank = 0;
    while (component.isArray()) {
      component = component.getComponentType();
      rank++;
    }
    if (rank == 0 || !component.isPrimitive()) {
      throw new IllegalArgumentException(
          "expected an array type such as float[][].class, got " + type.getName());
    }
    long[] shape = t.shape();
    if (shape.length != rank) {
      throw new IllegalArgumentException(
          "a "
              + shape.length
              + "-d tensor cannot be read as "
              + type.getSimpleName()
              + " (rank "
              + rank
              + ")");
    }
    Object flat;
    if (component == float.class) {
      flat = t.toFloatArray();
    } else if (component == double.class) {
      flat = t.toDoubleArray();
    } else if (component == long.class) {
      flat = t.toLongArray();
    } else if (component == int.class) {
      flat = t.toIntArray();
    } else if (component == short.class) {
      flat = t.toShortArray();
    } else if (component == byte.class) {
      flat = t.toByteArray();
    } else if (component == boolean.class) {
      flat = t.toBooleanArray();
    } else {
      throw new IllegalArgumentException("unsupported element type " + component.getName());
    }
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = (int) shape[i];
    }
    int[] pos = {0};
    return type.cast(build(flat, component, dims, 0, pos));
  }

  private static Object build(Object flat, Class<?> component, int[] dims, int depth, int[] pos) {
    if (depth == dims.length - 1) {
      Object row = Array.newInstance(component, dims[depth]);
      System.arraycopy(flat, pos[0], row, 0, dims[depth]);
      pos[0] += dims[depth];
      return row;
    }
    Object level = Array.newInstance(component, Arrays.copyOfRange(dims, depth, dims.length));
    for (int i = 0; i < dims[depth]; i++) {
      Array.set(level, i, build(flat, component, dims, depth + 1, pos));
    }
    return level;
  }
}
