package org.jtorch.data;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * PyTorch's {@code default_collate}: how a {@link DataLoader} turns a list of samples into a batch.
 *
 * <ul>
 *   <li>tensors are stacked along a new dimension 0 ({@code [B, ...]});
 *   <li>primitive arrays ({@code float[]}, {@code double[]}, {@code long[]}, {@code int[]}, {@code
 *       byte[]} as int8, {@code boolean[]}) of one length become one {@code [B, n]} tensor;
 *   <li>numbers become a 1-d tensor: {@code Float} → float32, {@code Double} → float64, {@code
 *       Long}, {@code Integer}, {@code Short}, {@code Byte} → int64 (what PyTorch makes of Python's
 *       ints, and what {@code crossEntropy} expects of class indices), {@code Boolean} → bool;
 *   <li>strings are gathered in a {@code List<String>};
 *   <li>maps are collated key by key (the first sample's key order), lists position by position
 *       (every sample's list must have the same size), records component by component into a new
 *       record of the same class ({@link Example} included) — the record's components must accept
 *       the batched values (a {@code Tensor} or {@code Object} component, not a {@code long}).
 * </ul>
 */
public final class Collate {
  private Collate() {}

  /**
   * Collates {@code samples} into a batch as described above.
   *
   * @throws IllegalArgumentException if the list is empty, or holds a type it cannot batch or
   *     samples of different structure
   * @throws org.jtorch.TorchException if tensors of different shapes are stacked
   */
  @SuppressWarnings("unchecked")
  public static <B> B defaultCollate(List<?> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("cannot collate an empty list of samples");
    }
    return (B) collate(samples);
  }

  private static Object collate(List<?> batch) {
    Object elem = batch.get(0);
    if (elem == null) {
      throw new IllegalArgumentException("default collate: a sample (or part of one) is null");
    }
    if (elem instanceof Tensor) {
      return Torch.stack(cast(batch, Tensor.class), 0);
    }
    if (elem instanceof Record) {
      return collateRecord(batch, (Record) elem);
    }
    if (elem instanceof Number || elem instanceof Boolean) {
      return collateScalars(batch, elem);
    }
    if (elem instanceof CharSequence) {
      List<String> out = new ArrayList<>(batch.size());
      for (Object o : batch) {
        out.add(String.valueOf(o));
      }
      return out;
    }
    if (elem instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object key : ((Map<?, ?>) elem).keySet()) {
        List<Object> column = new ArrayList<>(batch.size());
        for (Object o : batch) {
          Map<?, ?> m = (Map<?, ?>) o;
          if (!m.containsKey(key)) {
            throw new IllegalArgumentException(
                "default collate: the key " + key + " is missing from a sample");
          }
          column.add(m.get(key));
        }
        out.put(key, collate(column));
      }
      return out;
    }
    if (elem instanceof List) {
      int size = ((List<?>) elem).size();
      for (Object o : batch) {
        if (!(o instanceof List) || ((List<?>) o).size() != size) {
          throw new IllegalArgumentException(
              "each element in list of batch should be of equal size");
        }
      }
      List<Object> out = new ArrayList<>(size);
      for (int k = 0; k < size; k++) {
        List<Object> column = new ArrayList<>(batch.size());
        for (Object o : batch) {
          column.add(((List<?>) o).get(k));
        }
        out.add(collate(column));
      }
      return out;
    }
    if (elem.getClass().isArray() && elem.getClass().getComponentType().isPrimitive()) {
      return collateArrays(batch, elem);
    }
    throw new IllegalArgumentException(
        "default collate: batch must contain tensors, primitive arrays, numbers, strings, maps, "
            + "lists or records; found "
            + elem.getClass().getName()
            + " (pass a collate function to the DataLoader)");
  }

  private static <T> List<T> cast(List<?> batch, Class<T> type) {
    for (Object o : batch) {
      if (!type.isInstance(o)) {
        throw new IllegalArgumentException(
            "default collate: samples of different types, "
                + type.getSimpleName()
                + " and "
                + (o == null ? "null" : o.getClass().getName()));
      }
    }
    @SuppressWarnings("unchecked")
    List<T> l = (List<T>) batch;
    return l;
  }

  private static Tensor collateScalars(List<?> batch, Object elem) {
    int n = batch.size();
    if (elem instanceof Boolean) {
      boolean[] v = new boolean[n];
      int i = 0;
      for (Boolean b : cast(batch, Boolean.class)) {
        v[i++] = b;
      }
      return Torch.tensor(v);
    }
    if (elem instanceof Float) {
      float[] v = new float[n];
      int i = 0;
      for (Float f : cast(batch, Float.class)) {
        v[i++] = f;
      }
      return Torch.tensor(v);
    }
    if (elem instanceof Double) {
      double[] v = new double[n];
      int i = 0;
      for (Double d : cast(batch, Double.class)) {
        v[i++] = d;
      }
      return Torch.tensor(v);
    }
    if (elem instanceof Long
        || elem instanceof Integer
        || elem instanceof Short
        || elem instanceof Byte) {
      long[] v = new long[n];
      int i = 0;
      for (Object o : batch) {
        if (!(o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte)) {
          throw new IllegalArgumentException(
              "default collate: integers mixed with " + (o == null ? "null" : o.getClass().getName()));
        }
        v[i++] = ((Number) o).longValue();
      }
      return Torch.tensor(v);
    }
    throw new IllegalArgumentException(
        "default collate: cannot batch numbers of type " + elem.getClass().getName());
  }

  private static Tensor collateArrays(List<?> batch, Object elem) {
    Class<?> type = elem.getClass();
    int n = java.lang.reflect.Array.getLength(elem);
    for (Object o : batch) {
      if (o == null || o.getClass() != type) {
        throw new IllegalArgumentException(
            "default collate: arrays of different types in one batch");
      }
      if (java.lang.reflect.Array.getLength(o) != n) {
        throw new IllegalArgumentException(
            "default collate: arrays of different lengths in one batch ("
                + n
                + " and "
                + java.lang.reflect.Array.getLength(o)
                + ")");
      }
    }
    Object[] rows = batch.toArray();
    if (type == float[].class) {
      return Torch.tensor(java.util.Arrays.copyOf(rows, rows.length, float[][].class));
    } else if (type == double[].class) {
      return Torch.tensor(java.util.Arrays.copyOf(rows, rows.length, double[][].class));
    } else if (type == long[].class) {
      return Torch.tensor(java.util.Arrays.copyOf(rows, rows.length, long[][].class));
    } else if (type == int[].class) {
      return Torch.tensor(java.util.Arrays.copyOf(rows, rows.length, int[][].class));
    } else if (type == byte[].class) {
      return Torch.tensor(java.util.Arrays.copyOf(rows, rows.length, byte[][].class));
    } else if (type == boolean[].class) {
      return Torch.tensor(java.util.Arrays.copyOf(rows, rows.length, boolean[][].class));
    }
    throw new IllegalArgumentException(
        "default collate: cannot batch arrays of " + type.getComponentType().getName());
  }

  // ---------------------------------------------------------------------------------------------
  // Records

  /** A record class's accessors and canonical constructor. */
  private static final class RecordShape {
    final RecordComponent[] components;
    final MethodHandle[] accessors;
    final MethodHandle constructor;

    RecordShape(Class<?> type) {
      components = type.getRecordComponents();
      accessors = new MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      try {
        for (int i = 0; i < components.length; i++) {
          java.lang.reflect.Method m = components[i].getAccessor();
          m.setAccessible(true);
          accessors[i] = MethodHandles.lookup().unreflect(m);
          types[i] = components[i].getType();
        }
        java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        constructor = MethodHandles.lookup().unreflectConstructor(c);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException(
            "default collate: cannot access the record " + type.getName()
                + " (make it public, or pass a collate function): " + e,
            e);
      }
    }
  }

  private static final ClassValue<RecordShape> RECORDS =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  private static Object collateRecord(List<?> batch, Record elem) {
    Class<?> type = elem.getClass();
    RecordShape shape = RECORDS.get(type);
    for (Object o : batch) {
      if (o == null || o.getClass() != type) {
        throw new IllegalArgumentException(
            "default collate: samples of different types, "
                + type.getName()
                + " and "
                + (o == null ? "null" : o.getClass().getName()));
      }
    }
    Object[] args = new Object[shape.components.length];
    for (int k = 0; k < args.length; k++) {
      List<Object> column = new ArrayList<>(batch.size());
      for (Object o : batch) {
        column.add(access(shape.accessors[k], o));
      }
      args[k] = collate(column);
      Class<?> want = shape.components[k].getType();
      if (!want.isInstance(args[k])) {
        throw new IllegalArgumentException(
            "default collate: the component "
                + shape.components[k].getName()
                + " of "
                + type.getName()
                + " is a "
                + want.getName()
                + ", which cannot hold the batched "
                + args[k].getClass().getName()
                + "; declare it as Tensor or Object, or pass a collate function");
      }
    }
    try {
      return shape.constructor.invokeWithArguments(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object access(MethodHandle accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The batch type

  /**
   * Null if {@code batch} (what {@link #defaultCollate} made of samples like {@code sample}) has
   * the sample's static type, so that a loader typed by the sample type is honest; else what
   * differs. Tensors stay tensors, records stay records of their class, lists and maps stay lists
   * and maps of the same structure; numbers, strings and primitive arrays change type. A record
   * component whose declared type is concrete ({@code Tensor}, {@code Object}) holds what the
   * record's constructor accepted; one whose type is a type variable is checked like the rest.
   */
  static String structureMismatch(Object sample, Object batch) {
    if (sample instanceof Tensor) {
      return null;
    }
    if (sample instanceof Record) {
      RecordShape shape = RECORDS.get(sample.getClass());
      for (int k = 0; k < shape.components.length; k++) {
        if (shape.components[k].getGenericType() instanceof java.lang.reflect.TypeVariable) {
          String m =
              structureMismatch(access(shape.accessors[k], sample), access(shape.accessors[k], batch));
          if (m != null) {
            return m;
          }
        }
      }
      return null;
    }
    if (sample instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) sample).entrySet()) {
        String m = structureMismatch(e.getValue(), ((Map<?, ?>) batch).get(e.getKey()));
        if (m != null) {
          return m;
        }
      }
      return null;
    }
    if (sample instanceof List) {
      List<?> s = (List<?>) sample;
      for (int k = 0; k < s.size(); k++) {
        String m = structureMismatch(s.get(k), ((List<?>) batch).get(k));
        if (m != null) {
          return m;
        }
      }
      return null;
    }
    String from = sample.getClass().isArray()
        ? sample.getClass().getComponentType().getName() + "[]"
        : sample.getClass().getSimpleName();
    return "samples of " + from + " collate into a " + kind(batch);
  }

  private static String kind(Object batch) {
    return batch instanceof Tensor ? "Tensor" : batch instanceof List ? "List" : batch.getClass().getSimpleName();
  }

  // ---------------------------------------------------------------------------------------------
  // Walking a batch

  /**
   * Every tensor in {@code batch}: the batch itself, or reached through records, maps (values),
   * iterables (lists, {@link org.jtorch.TensorTuple}s) and object arrays, each once.
   */
  public static List<Tensor> tensorsIn(Object batch) {
    List<Tensor> out = new ArrayList<>();
    walk(batch, out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private static void walk(Object o, List<Tensor> out, Set<Object> seen) {
    if (o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean) {
      return;
    }
    if (!seen.add(o)) {
      return;
    }
    if (o instanceof Tensor) {
      out.add((Tensor) o);
    } else if (o instanceof Record) {
      RecordShape shape = RECORDS.get(o.getClass());
      for (MethodHandle a : shape.accessors) {
        walk(access(a, o), out, seen);
      }
    } else if (o instanceof Map) {
      for (Object v : ((Map<?, ?>) o).values()) {
        walk(v, out, seen);
      }
    } else if (o instanceof Iterable) {
      for (Object v : (Iterable<?>) o) {
        walk(v, out, seen);
      }
    } else if (o instanceof Object[]) {
      for (Object v : (Object[]) o) {
        walk(v, out, seen);
      }
    }
  }

  /**
   * {@code batch} with every tensor replaced by {@code fn(tensor)}, rebuilding lists, maps and
   * records (used to pin memory); other values are kept.
   */
  static Object mapTensors(Object o, UnaryOperator<Tensor> fn) {
    if (o instanceof Tensor) {
      return fn.apply((Tensor) o);
    }
    if (o instanceof Record) {
      RecordShape shape = RECORDS.get(o.getClass());
      Object[] args = new Object[shape.accessors.length];
      for (int k = 0; k < args.length; k++) {
        args[k] = mapTensors(access(shape.accessors[k], o), fn);
      }
      try {
        return shape.constructor.invokeWithArguments(args);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
    if (o instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
        out.put(e.getKey(), mapTensors(e.getValue(), fn));
      }
      return out;
    }
    if (o instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object v : (Collection<?>) o) {
        out.add(mapTensors(v, fn));
      }
      return out;
    }
    return o;
  }
}
