package org.jtorch.serialization;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jtorch.DType;
import org.jtorch.jit.Tuple;

/**
 * A restricted unpickler: it accepts what {@code torch.load(weights_only=True)} accepts (dicts,
 * OrderedDicts, lists, tuples, sets, ints, floats, strings, bytes, bools, None, dtypes, tensors and
 * their storages) and refuses every other global with a {@link CheckpointException}. Tensors are
 * built by the {@link TensorFactory} given to it.
 */
final class PickleReader {
  /** Builds tensors from persistent storage ids and {@code _rebuild_tensor_v2} arguments. */
  interface TensorFactory {
    /** The storage named by a persistent id tuple {@code ('storage', type, key, location, numel)}. */
    Object storage(List<?> persistentId);

    /** {@code _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, ...)}. */
    Object tensor(Object storage, long offset, long[] size, long[] stride, boolean requiresGrad);
  }

  /** A pickled global that jtorch understands: applied to the REDUCE arguments. */
  private record Global(String name, Function<List<?>, Object> call) {}

  /** The marker a {@code torch.<X>Storage} global leaves on the stack. */
  record StorageType(DType dtype) {}

  private static final Object MARK = new Object();

  private final ByteBuffer in;
  private final TensorFactory factory;
  private final ArrayList<Object> stack = new ArrayList<>();
  private final ArrayList<Integer> marks = new ArrayList<>();
  private final Map<Long, Object> memo = new HashMap<>();

  PickleReader(byte[] data, TensorFactory factory) {
    this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    this.factory = factory;
  }

  private CheckpointException corrupt(String why) {
    return new CheckpointException("corrupt checkpoint pickle at byte " + in.position() + ": " + why);
  }

  private int u8() {
    if (!in.hasRemaining()) {
      throw corrupt("unexpected end of data (truncated file?)");
    }
    return in.get() & 0xff;
  }

  private byte[] bytes(long n) {
    if (n < 0 || n > in.remaining()) {
      throw corrupt("a length of " + n + " runs past the end of the data");
    }
    byte[] b = new byte[(int) n];
    in.get(b);
    return b;
  }

  private long u32() {
    if (in.remaining() < 4) {
      throw corrupt("unexpected end of data");
    }
    return in.getInt() & 0xffffffffL;
  }

  private long i64() {
    if (in.remaining() < 8) {
      throw corrupt("unexpected end of data");
    }
    return in.getLong();
  }

  private String line() {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = u8()) != '\n') {
      sb.append((char) c);
      if (sb.length() > 1000) {
        throw corrupt("a text line longer than 1000 characters");
      }
    }
    return sb.toString();
  }

  private Object pop() {
    if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
      throw corrupt("stack underflow");
    }
    return stack.remove(stack.size() - 1);
  }

  private Object peek() {
    if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
      throw corrupt("stack underflow");
    }
    return stack.get(stack.size() - 1);
  }

  private List<Object> popMark() {
    if (marks.isEmpty()) {
      throw corrupt("no MARK on the stack");
    }
    int m = marks.remove(marks.size() - 1);
    List<Object> items = new ArrayList<>(stack.subList(m + 1, stack.size()));
    stack.subList(m, stack.size()).clear();
    return items;
  }

  private void push(Object o) {
    stack.add(o);
  }

  Object load() {
    while (true) {
      int op = u8();
      switch (op) {
        case 0x80: // PROTO
          int proto = u8();
          if (proto > 5) {
            throw corrupt("unsupported pickle protocol " + proto);
          }
          break;
        case 0x95: // FRAME
          i64();
          break;
        case '.': // STOP
          if (stack.size() != 1) {
            throw corrupt("STOP with " + stack.size() + " values on the stack");
          }
          return stack.get(0);
        case '(':
          marks.add(stack.size());
          stack.add(MARK);
          break;
        case '}':
          push(new LinkedHashMap<Object, Object>());
          break;
        case ']':
          push(new ArrayList<Object>());
          break;
        case ')':
          push(Tuple.of());
          break;
        case 0x8f: // EMPTY_SET
          push(new LinkedHashSet<Object>());
          break;
        case 't':
          push(Tuple.copyOf(popMark()));
          break;
        case 0x85:
          push(Tuple.of(pop()));
          break;
        case 0x86: {
          Object b = pop();
          Object a = pop();
          push(Tuple.of(a, b));
          break;
        }
        case 0x87: {
          Object c = pop();
          Object b = pop();
          Object a = pop();
          push(Tuple.of(a, b, c));
          break;
        }
        case 'l':
          push(new ArrayList<>(popMark()));
          break;
        case 'd': {
          List<Object> items = popMark();
          Map<Object, Object> m = new LinkedHashMap<>();
          putAll(m, items);
          push(m);
          break;
        }
        case 's': {
          Object v = pop();
          Object k = pop();
          dict(peek()).put(key(k), v);
          break;
        }
        case 'u': {
          List<Object> items = popMark();
          putAll(dict(peek()), items);
          break;
        }
        case 'a': {
          Object v = pop();
          list(peek()).add(v);
          break;
        }
        case 'e': {
          List<Object> items = popMark();
          list(peek()).addAll(items);
          break;
        }
        case 0x90: { // ADDITEMS
          List<Object> items = popMark();
          Object s = peek();
          if (!(s instanceof Set)) {
            throw corrupt("ADDITEMS on a " + typeName(s));
          }
          @SuppressWarnings("unchecked")
          Set<Object> set = (Set<Object>) s;
          for (Object item : items) {
            set.add(Structure.hashable(item, "corrupt checkpoint pickle: a set element"));
          }
          break;
        }
        case 'J':
          push((long) in.getInt());
          break;
        case 'K':
          push((long) u8());
          break;
        case 'M':
          push((long) (u8() | (u8() << 8)));
          break;
        case 0x8a: // LONG1
          push(decodeLong(bytes(u8())));
          break;
        case 0x8b: // LONG4
          push(decodeLong(bytes(u32())));
          break;
        case 'I': {
          String s = line();
          if (s.equals("00")) {
            push(false);
          } else if (s.equals("01")) {
            push(true);
          } else {
            push(parseLong(s));
          }
          break;
        }
        case 'L': {
          String s = line();
          push(parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s));
          break;
        }
        case 'G': {
          if (in.remaining() < 8) {
            throw corrupt("unexpected end of data");
          }
          push(in.order(ByteOrder.BIG_ENDIAN).getDouble());
          in.order(ByteOrder.LITTLE_ENDIAN);
          break;
        }
        case 'F':
          try {
            push(Double.parseDouble(line()));
          } catch (NumberFormatException e) {
            throw corrupt("a bad float");
          }
          break;
        case 'X':
          push(new String(bytes(u32()), StandardCharsets.UTF_8));
          break;
        case 0x8c:
          push(new String(bytes(u8()), StandardCharsets.UTF_8));
          break;
        case 0x8d:
          push(new String(bytes(i64()), StandardCharsets.UTF_8));
          break;
        case 'B':
          push(bytes(u32()));
          break;
        case 'C':
          push(bytes(u8()));
          break;
        case 0x8e:
          push(bytes(i64()));
          break;
        case 'N':
          push(null);
          break;
        case 0x88:
          push(true);
          break;
        case 0x89:
          push(false);
          break;
        case 'q':
          memo.put((long) u8(), peek());
          break;
        case 'r':
          memo.put(u32(), peek());
          break;
        case 0x94: // MEMOIZE
          memo.put((long) memo.size(), peek());
          break;
        case 'h':
          push(memoGet(u8()));
          break;
        case 'j':
          push(memoGet(u32()));
          break;
        case '0':
          pop();
          break;
        case '1':
          popMark();
          break;
        case '2':
          push(peek());
          break;
        case 'c': {
          String module = line();
          String name = line();
          push(global(module, name));
          break;
        }
        case 0x93: { // STACK_GLOBAL
          Object name = pop();
          Object module = pop();
          if (!(module instanceof String) || !(name instanceof String)) {
            throw corrupt("STACK_GLOBAL needs two strings");
          }
          push(global((String) module, (String) name));
          break;
        }
        case 'R': {
          Object args = pop();
          Object fn = pop();
          if (!(fn instanceof Global)) {
            throw corrupt("REDUCE on a " + typeName(fn) + ", not a callable");
          }
          if (!(args instanceof Tuple)) {
            throw corrupt("REDUCE arguments are a " + typeName(args) + ", not a tuple");
          }
          push(((Global) fn).call().apply((List<?>) args));
          break;
        }
        case 'b': { // BUILD: an OrderedDict's __dict__ (state_dict _metadata), or a tensor's
          Object state = pop();
          Object target = peek();
          if (!(target instanceof Map) && !(target instanceof org.jtorch.Tensor)) {
            throw corrupt("BUILD on a " + typeName(target));
          }
          if (state != null && !(state instanceof Map) && !(state instanceof Tuple)) {
            throw corrupt("BUILD with a " + typeName(state));
          }
          break; // attributes such as _metadata are not items: dropped
        }
        case 'Q': { // BINPERSID
          Object pid = pop();
          if (!(pid instanceof Tuple)) {
            throw corrupt("a persistent id that is not a tuple");
          }
          push(factory.storage((List<?>) pid));
          break;
        }
        case 0x81: // NEWOBJ
        case 0x92: // NEWOBJ_EX
        case 'i': // INST
        case 'o': // OBJ
          throw new CheckpointException(
              "the checkpoint pickles a Python object (opcode 0x" + Integer.toHexString(op)
                  + "); jtorch loads only what torch.load(weights_only=True) accepts");
        default:
          throw corrupt("unknown or unsupported pickle opcode 0x" + Integer.toHexString(op));
      }
    }
  }

  private Object memoGet(long i) {
    if (!memo.containsKey(i)) {
      throw corrupt("memo entry " + i + " is missing");
    }
    return memo.get(i);
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new CheckpointException("corrupt checkpoint pickle: a bad integer " + s);
    }
  }

  private static Object decodeLong(byte[] le) {
    if (le.length == 0) {
      return 0L;
    }
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    BigInteger b = new BigInteger(be);
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  private Object key(Object k) {
    return Structure.hashable(k, "corrupt checkpoint pickle at byte " + in.position() + ": a dict key");
  }

  private void putAll(Map<Object, Object> m, List<Object> items) {
    if (items.size() % 2 != 0) {
      throw corrupt("an odd number of items for a dict");
    }
    for (int i = 0; i < items.size(); i += 2) {
      m.put(key(items.get(i)), items.get(i + 1));
    }
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object o) {
    if (!(o instanceof Map)) {
      throw corrupt("SETITEM on a " + typeName(o));
    }
    return (Map<Object, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o) {
    if (!(o instanceof List) || o instanceof Tuple) {
      throw corrupt("APPEND on a " + typeName(o));
    }
    return (List<Object>) o;
  }

  private static String typeName(Object o) {
    return o == null ? "None" : o instanceof Global ? ((Global) o).name() : o.getClass().getSimpleName();
  }

  private static long[] longs(Object o, String what) {
    if (!(o instanceof List)) {
      throw new CheckpointException("corrupt checkpoint: tensor " + what + " is not a tuple");
    }
    List<?> l = (List<?>) o;
    long[] out = new long[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Long)) {
        throw new CheckpointException("corrupt checkpoint: tensor " + what + " holds a "
            + typeName(l.get(i)) + ", not an int");
      }
      out[i] = (Long) l.get(i);
    }
    return out;
  }

  private Object rebuildTensor(List<?> a) {
    if (a.size() < 5 || !(a.get(1) instanceof Long) || !(a.get(4) instanceof Boolean)) {
      throw new CheckpointException("corrupt checkpoint: bad _rebuild_tensor_v2 arguments");
    }
    return factory.tensor(
        a.get(0), (Long) a.get(1), longs(a.get(2), "size"), longs(a.get(3), "stride"), (Boolean) a.get(4));
  }

  private Object global(String module, String name) {
    if (module.equals("__builtin__")) {
      module = "builtins"; // protocol 2 writes Python 2's names, as pickle's fix_imports
    }
    String full = module + "." + name;
    switch (full) {
      case "collections.OrderedDict":
        return new Global(full, a -> {
          Map<Object, Object> m = new LinkedHashMap<>();
          if (!a.isEmpty() && a.get(0) instanceof List) {
            for (Object pair : (List<?>) a.get(0)) {
              List<?> kv = (List<?>) pair;
              m.put(key(kv.get(0)), kv.get(1));
            }
          }
          return m;
        });
      case "collections.Counter":
        return new Global(full, a -> {
          Map<Object, Object> m = new LinkedHashMap<>();
          if (!a.isEmpty() && a.get(0) instanceof Map) {
            m.putAll((Map<?, ?>) a.get(0));
          }
          return m;
        });
      case "builtins.set":
        return new Global(full, a -> new LinkedHashSet<Object>(a.isEmpty() ? List.of() : (List<?>) a.get(0)));
      case "_codecs.encode":
        return new Global(full, a -> {
          if (a.size() < 1 || !(a.get(0) instanceof String)) {
            throw corrupt("bad _codecs.encode arguments");
          }
          return ((String) a.get(0)).getBytes(StandardCharsets.ISO_8859_1);
        });
      case "builtins.bytearray":
        return new Global(full, a -> a.isEmpty() ? new byte[0] : a.get(0));
      case "torch._utils._rebuild_tensor_v2":
      case "torch._utils._rebuild_tensor":
        return new Global(full, this::rebuildTensor);
      case "torch._utils._rebuild_parameter":
      case "torch._utils._rebuild_parameter_with_state":
        return new Global(full, a -> {
          if (a.size() < 2 || !(a.get(0) instanceof org.jtorch.Tensor) || !(a.get(1) instanceof Boolean)) {
            throw new CheckpointException("corrupt checkpoint: bad _rebuild_parameter arguments");
          }
          org.jtorch.Tensor t = (org.jtorch.Tensor) a.get(0);
          return (Boolean) a.get(1) ? t.requiresGrad_(true) : t;
        });
      case "torch._tensor._rebuild_from_type_v2":
        return new Global(full, a -> {
          if (a.size() < 3 || !(a.get(0) instanceof Global) || !(a.get(2) instanceof Tuple)) {
            throw new CheckpointException("corrupt checkpoint: bad _rebuild_from_type_v2 arguments");
          }
          Object type = a.get(1);
          if (!(type instanceof Global)
              || !(((Global) type).name().equals("torch.Tensor")
                  || ((Global) type).name().equals("torch.nn.parameter.Parameter"))) {
            throw new CheckpointException(
                "the checkpoint holds a tensor subclass " + typeName(type)
                    + "; jtorch loads plain tensors and parameters only");
          }
          return ((Global) a.get(0)).call().apply((List<?>) a.get(2));
        });
      case "torch.Tensor":
      case "torch.nn.parameter.Parameter":
        return new Global(full, a -> {
          throw new CheckpointException("constructing " + full + " directly is not supported");
        });
      case "torch.Size":
        return new Global(full, a -> a.isEmpty() ? Tuple.of() : Tuple.copyOf((List<?>) a.get(0)));
      case "torch.device":
        return new Global(full, a -> {
          StringBuilder sb = new StringBuilder(String.valueOf(a.isEmpty() ? "cpu" : a.get(0)));
          if (a.size() > 1 && a.get(1) != null) {
            sb.append(':').append(a.get(1));
          }
          return sb.toString();
        });
      default:
        break;
    }
    if (module.equals("torch") && name.endsWith("Storage") && StorageTypes.BY_NAME.containsKey(name)) {
      return new StorageType(StorageTypes.BY_NAME.get(name));
    }
    if (module.equals("torch")) {
      DType d = StorageTypes.dtypeNamed(name);
      if (d != null) {
        return d;
      }
    }
    throw new CheckpointException(
        "Unsupported global: GLOBAL " + full + " is not allowed: jtorch loads only what"
            + " torch.load(weights_only=True) accepts (tensors, dicts, lists, tuples, numbers,"
            + " strings, None)");
  }
}
