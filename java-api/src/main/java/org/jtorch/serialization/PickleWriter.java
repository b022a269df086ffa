package org.jtorch.serialization;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.jit.Tuple;

/**
 * Writes Java values as a protocol-2 pickle in the shape Python's {@code torch.save} writes:
 * tensors become {@code torch._utils._rebuild_tensor_v2} calls over storages named by persistent
 * ids, whose bytes the caller writes as {@code data/<key>} records.
 */
final class PickleWriter {
  /** A storage to write: its key and the tensor whose contiguous bytes it holds. */
  record Storage(String key, Tensor data) {}

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final IdentityHashMap<Tensor, Storage> storages = new IdentityHashMap<>();
  private final List<Storage> order = new ArrayList<>();

  byte[] pickle(Object root) {
    out.write(0x80);
    out.write(2);
    write(root, 0);
    out.write('.');
    return out.toByteArray();
  }

  List<Storage> storages() {
    return order;
  }

  private void write(Object v, int depth) {
    if (depth > 1000) {
      throw new IllegalArgumentException("checkpoint nested too deeply (a cycle?)");
    }
    if (v == null) {
      out.write('N');
    } else if (v instanceof Boolean) {
      out.write((Boolean) v ? 0x88 : 0x89);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      writeInt(((Number) v).longValue());
    } else if (v instanceof BigInteger) {
      writeLong1((BigInteger) v);
    } else if (v instanceof Double || v instanceof Float) {
      out.write('G');
      byte[] b = new byte[8];
      ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putDouble(((Number) v).doubleValue());
      out.writeBytes(b);
    } else if (v instanceof String) {
      writeString((String) v);
    } else if (v instanceof DType) {
      String name = v.toString(); // torch.float32
      writeGlobal("torch", name.substring("torch.".length()));
    } else if (v instanceof Tensor) {
      writeTensor((Tensor) v);
    } else if (v instanceof Tuple) {
      List<?> t = (List<?>) v;
      if (t.isEmpty()) {
        out.write(')');
      } else if (t.size() <= 3) {
        for (Object o : t) {
          write(o, depth + 1);
        }
        out.write(new int[] {0x85, 0x86, 0x87}[t.size() - 1]);
      } else {
        out.write('(');
        for (Object o : t) {
          write(o, depth + 1);
        }
        out.write('t');
      }
    } else if (v instanceof List) {
      out.write(']');
      List<?> l = (List<?>) v;
      if (!l.isEmpty()) {
        out.write('(');
        for (Object o : l) {
          write(o, depth + 1);
        }
        out.write('e');
      }
    } else if (v instanceof Map) {
      out.write('}');
      Map<?, ?> m = (Map<?, ?>) v;
      if (!m.isEmpty()) {
        out.write('(');
        for (Map.Entry<?, ?> e : m.entrySet()) {
          Object k = e.getKey();
          if (k instanceof Map || k instanceof List || k instanceof Tensor) {
            throw new IllegalArgumentException("a dict key must be a str, number, bool or None: " + k);
          }
          write(k, depth + 1);
          write(e.getValue(), depth + 1);
        }
        out.write('u');
      }
    } else {
      throw new IllegalArgumentException(
          "cannot save a " + v.getClass().getName()
              + " in a checkpoint (only Map, List, Tuple, Tensor, numbers, String, Boolean, DType, null)");
    }
  }

  private void writeInt(long x) {
    if (x >= 0 && x < 256) {
      out.write('K');
      out.write((int) x);
    } else if (x >= 0 && x < 65536) {
      out.write('M');
      out.write((int) (x & 0xff));
      out.write((int) (x >>> 8));
    } else if (x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE) {
      out.write('J');
      for (int i = 0; i < 4; i++) {
        out.write((int) (x >>> (8 * i)) & 0xff);
      }
    } else {
      writeLong1(BigInteger.valueOf(x));
    }
  }

  private void writeLong1(BigInteger x) {
    byte[] be = x.toByteArray(); // big-endian two's complement, minimal
    if (be.length > 255) {
      throw new IllegalArgumentException("integer too large to save: " + x);
    }
    out.write(0x8a);
    out.write(be.length);
    for (int i = be.length - 1; i >= 0; i--) {
      out.write(be[i]);
    }
  }

  private void writeString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write('X');
    int n = b.length;
    for (int i = 0; i < 4; i++) {
      out.write((n >>> (8 * i)) & 0xff);
    }
    out.writeBytes(b);
  }

  private void writeGlobal(String module, String name) {
    out.write('c');
    out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private void writeTensor(Tensor t) {
    DType dtype = t.dtype();
    long[] shape = t.shape();
    Storage s = storages.get(t);
    if (s == null) {
      s = new Storage(Integer.toString(order.size()), t);
      storages.put(t, s);
      order.add(s);
    }
    writeGlobal("torch._utils", "_rebuild_tensor_v2");
    out.write('(');
    // persistent id: ('storage', torch.<X>Storage, key, 'cpu', numel)
    out.write('(');
    writeString("storage");
    writeGlobal("torch", StorageTypes.nameOf(dtype));
    writeString(s.key());
    writeString("cpu");
    writeInt(t.numel());
    out.write('t');
    out.write('Q');
    writeInt(0);
    long[] stride = new long[shape.length];
    long acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      stride[i] = acc;
      acc *= Math.max(1, shape[i]);
    }
    writeLongTuple(shape);
    writeLongTuple(stride);
    out.write(t.requiresGrad() ? 0x88 : 0x89);
    writeGlobal("collections", "OrderedDict");
    out.write(')');
    out.write('R');
    out.write('t');
    out.write('R');
  }

  private void writeLongTuple(long[] xs) {
    Tuple t = Tuple.copyOf(java.util.Arrays.stream(xs).boxed().toList());
    write(t, 0);
  }
}
