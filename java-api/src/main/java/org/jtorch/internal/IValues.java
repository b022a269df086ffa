package org.jtorch.internal;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Argument;
import org.bytedeco.pytorch.DoubleComplex;
import org.bytedeco.pytorch.FunctionSchema;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictEntryRef;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.ListType;
import org.bytedeco.pytorch.Operation;
import org.bytedeco.pytorch.Operator;
import org.bytedeco.pytorch.OperatorName;
import org.bytedeco.pytorch.OptionalType;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TupleElements;
import org.bytedeco.pytorch.TupleType;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.TypeVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.TypeKind;
import org.jtorch.Complex;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Tensor;
import org.jtorch.jit.Tuple;

/**
 * Conversion between Java values and LibTorch's {@code IValue} (TorchScript's boxed values), for
 * TorchScript methods and, later, for boxed dispatcher calls.
 *
 * <h2>Java to TorchScript</h2>
 *
 * Guided by the declared type of the parameter ({@link JitType}, read from the method's schema)
 * where there is one: a Java {@code Integer} becomes a {@code float} where the schema says {@code
 * float}, a {@link List} becomes a tuple where it says {@code Tuple[...]}, an empty list or map gets
 * the declared element types, and a container is built with exactly the declared element types
 * (TorchScript's lists and dicts are invariant). A value that does not fit its declared type is
 * converted with its own inferred type instead, so that LibTorch rejects it with the model's own
 * message ("Expected a value of type 'Dict[str, Tensor]' for argument 'inputs' but instead found
 * type 'Dict[str, int]'").
 *
 * <table>
 *   <caption>Java values and the TorchScript values they become</caption>
 *   <tr><th>Java</th><th>TorchScript</th></tr>
 *   <tr><td>{@link Tensor}</td><td>{@code Tensor}</td></tr>
 *   <tr><td>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}</td><td>{@code int} (or
 *       {@code float} where declared)</td></tr>
 *   <tr><td>{@code Double}, {@code Float}</td><td>{@code float}</td></tr>
 *   <tr><td>{@code Boolean}</td><td>{@code bool}</td></tr>
 *   <tr><td>{@link Complex}</td><td>{@code complex} (as are numbers where declared)</td></tr>
 *   <tr><td>{@code String}</td><td>{@code str} (UTF-8)</td></tr>
 *   <tr><td>{@code null}, {@link Optional#empty()}</td><td>{@code None}</td></tr>
 *   <tr><td>{@code Optional.of(x)}</td><td>what {@code x} becomes</td></tr>
 *   <tr><td>{@link Tuple}</td><td>{@code Tuple[...]} (or a list where declared; a NamedTuple such
 *       as {@code PackedSequence} where one is declared)</td></tr>
 *   <tr><td>{@link List}, Java arrays ({@code long[]}, {@code double[]}, {@code Tensor[]},
 *       ...)</td><td>{@code List[T]} (or a tuple where declared)</td></tr>
 *   <tr><td>{@link Map}</td><td>{@code Dict[K, V]} (keys: str, int, float, bool or Tensor)</td></tr>
 *   <tr><td>{@link Device}</td><td>{@code Device}</td></tr>
 *   <tr><td>{@link DType}</td><td>{@code int} (a ScalarType, as in schemas)</td></tr>
 * </table>
 *
 * <h2>TorchScript to Java</h2>
 *
 * {@code Tensor} → a new {@link Tensor} (owned by the current {@link org.jtorch.Scope}); {@code
 * int} → {@code Long}; {@code float} → {@code Double}; {@code bool} → {@code Boolean}; {@code str} →
 * {@code String}; {@code complex} → {@link Complex}; {@code None} → {@code null}; tuples (named or
 * not) → {@link Tuple}; lists → an
 * unmodifiable {@link List}; dicts → an unmodifiable {@link Map} in the dict's insertion order;
 * {@code Device} → {@link Device}; a module object → what {@code moduleWrapper} makes of it.
 *
 * <p>Internal: not part of jtorch's API, and may change in any release.
 */
public final class IValues {
  static {
    Natives.ensureLoaded();
  }

  private IValues() {}

  // ---------------------------------------------------------------------------------------------
  // Types

  /** The kinds of TorchScript type the converter distinguishes. */
  public enum Kind {
    TENSOR, INT, FLOAT, BOOL, STRING, NONE, NUMBER, COMPLEX, DEVICE, LIST, TUPLE, DICT, OPTIONAL,
    UNION, ANY, OTHER
  }

  /**
   * A TorchScript type as the converter needs it: its kind, its contained types, its text and the
   * native type (kept for building typed lists and dicts). Immutable; safe to share and cache.
   */
  public static final class JitType {
    private final Kind kind;
    private final List<JitType> contained;
    private final Type.TypePtr ptr;
    private final String text;

    private JitType(Kind kind, List<JitType> contained, Type.TypePtr ptr, String text) {
      this.kind = kind;
      this.contained = contained;
      this.ptr = ptr;
      this.text = text;
    }

    /** The kind of this type. */
    public Kind kind() {
      return kind;
    }

    /**
     * Whether this is a NamedTuple type ({@code PackedSequence}, a user's {@code NamedTuple}),
     * whose annotation is its qualified name rather than {@code Tuple[...]}.
     */
    public boolean isNamedTuple() {
      return kind == Kind.TUPLE && !text.startsWith("Tuple[");
    }

    /** The {@code i}-th contained type (a list's element, a dict's key and value, ...). */
    public JitType contained(int i) {
      return contained.get(i);
    }

    /** The number of contained types. */
    public int containedCount() {
      return contained.size();
    }

    private volatile JitType entry;

    /** A dict type's {@code Tuple[K, V]}, made once per dict type. */
    JitType dictEntry() {
      JitType e = entry;
      if (e == null) {
        e = entry = makeTuple(contained, "Tuple[" + contained.get(0) + ", " + contained.get(1) + "]");
      }
      return e;
    }

    /** The type as TorchScript writes it in Python annotations ({@code Dict[str, Tensor]}). */
    @Override
    public String toString() {
      return text;
    }
  }

  private static final FunctionSchema BASICS =
      torch.parseSchema(
          "jtorch::types(Tensor a, int b, float c, bool d, str e, NoneType f, Scalar g, Device h,"
              + " Any i, complex j) -> ()");

  /** {@code Tensor}. */
  public static final JitType TENSOR = basic(0);
  /** {@code int}. */
  public static final JitType INT = basic(1);
  /** {@code float}. */
  public static final JitType FLOAT = basic(2);
  /** {@code bool}. */
  public static final JitType BOOL = basic(3);
  /** {@code str}. */
  public static final JitType STRING = basic(4);
  /** {@code NoneType}. */
  public static final JitType NONE = basic(5);
  /** {@code Scalar} (TorchScript's {@code number}). */
  public static final JitType NUMBER = basic(6);
  /** {@code Device}. */
  public static final JitType DEVICE = basic(7);
  /** {@code Any}. */
  public static final JitType ANY = basic(8);
  /** {@code complex}. */
  public static final JitType COMPLEX = basic(9);

  private static JitType basic(int i) {
    Argument args = BASICS.arguments();
    return type(args.getPointer(i).type());
  }

  /** The converter's view of a native type (the native type is copied, not borrowed). */
  public static JitType type(Type.TypePtr ptr) {
    Type.TypePtr own = new Type.TypePtr(ptr);
    Type t = own.get();
    Kind kind = kind(t.kind().value);
    int n = (int) t.containedTypeSize();
    List<JitType> contained;
    if (n == 0) {
      contained = List.of();
    } else {
      JitType[] c = new JitType[n];
      for (int i = 0; i < n; i++) {
        try (Type.TypePtr ci = t.containedType(i)) {
          c[i] = type(ci);
        }
      }
      contained = List.of(c);
    }
    String text;
    try (BytePointer s = t.annotation_str()) {
      text = s.getString(StandardCharsets.UTF_8);
    }
    return new JitType(kind, contained, own, text);
  }

  private static Kind kind(int k) {
    if (k == TypeKind.TensorType.value) {
      return Kind.TENSOR;
    } else if (k == TypeKind.IntType.value) {
      return Kind.INT;
    } else if (k == TypeKind.FloatType.value) {
      return Kind.FLOAT;
    } else if (k == TypeKind.BoolType.value) {
      return Kind.BOOL;
    } else if (k == TypeKind.StringType.value) {
      return Kind.STRING;
    } else if (k == TypeKind.NoneType.value) {
      return Kind.NONE;
    } else if (k == TypeKind.NumberType.value) {
      return Kind.NUMBER;
    } else if (k == TypeKind.ComplexType.value) {
      return Kind.COMPLEX;
    } else if (k == TypeKind.DeviceObjType.value) {
      return Kind.DEVICE;
    } else if (k == TypeKind.ListType.value) {
      return Kind.LIST;
    } else if (k == TypeKind.TupleType.value) {
      return Kind.TUPLE;
    } else if (k == TypeKind.DictType.value) {
      return Kind.DICT;
    } else if (k == TypeKind.OptionalType.value) {
      return Kind.OPTIONAL;
    } else if (k == TypeKind.UnionType.value) {
      return Kind.UNION;
    } else if (k == TypeKind.AnyType.value) {
      return Kind.ANY;
    }
    return Kind.OTHER;
  }

  /**
   * The container types made for inferred values, by their text: each is made once (native types
   * made per call would be freed only by the garbage collector, if at all). Their parts are
   * built-in types only (inference never makes class types), so the text identifies them; bounded
   * by the number of distinct types a program passes.
   */
  private static final Map<String, JitType> MADE = new ConcurrentHashMap<>();

  /** {@code List[element]}. */
  public static JitType listOf(JitType element) {
    String text = "List[" + element + "]";
    return MADE.computeIfAbsent(
        text, t -> new JitType(Kind.LIST, List.of(element), ListType.get("List", element.ptr), t));
  }

  /** {@code Optional[element]}. */
  public static JitType optionalOf(JitType element) {
    if (element.kind == Kind.OPTIONAL || element.kind == Kind.NONE) {
      return element;
    }
    String text = "Optional[" + element + "]";
    return MADE.computeIfAbsent(
        text,
        t -> new JitType(Kind.OPTIONAL, List.of(element), OptionalType.get(element.ptr), t));
  }

  /** {@code Dict[key, value]}. */
  public static JitType dictOf(JitType key, JitType value) {
    String text = "Dict[" + key + ", " + value + "]";
    return MADE.computeIfAbsent(
        text,
        t ->
            new JitType(
                Kind.DICT,
                List.of(key, value),
                org.bytedeco.pytorch.DictType.get("Dict", key.ptr, value.ptr),
                t));
  }

  /** {@code Tuple[elements...]}. */
  public static JitType tupleOf(List<JitType> elements) {
    StringBuilder text = new StringBuilder("Tuple[");
    for (int i = 0; i < elements.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(elements.get(i));
    }
    return MADE.computeIfAbsent(text.append("]").toString(), t -> makeTuple(elements, t));
  }

  private static JitType makeTuple(List<JitType> elements, String text) {
    Type.TypePtr[] ptrs = new Type.TypePtr[elements.size()];
    for (int i = 0; i < ptrs.length; i++) {
      ptrs[i] = elements.get(i).ptr;
    }
    // create() returns a shared_ptr; the TypePtr constructor shares its ownership
    try (TypeVector v = new TypeVector(ptrs);
        TupleType tt = TupleType.create(v)) {
      return new JitType(Kind.TUPLE, List.copyOf(elements), new Type.TypePtr(tt), text);
    }
  }

  /**
   * The declared types of a schema's arguments, {@code self} left out when {@code skipSelf}.
   */
  public static List<JitType> argumentTypes(FunctionSchema schema, boolean skipSelf) {
    Argument args = schema.arguments();
    int n = args == null || args.isNull() ? 0 : (int) args.limit(); // null: no arguments
    List<JitType> out = new ArrayList<>(n);
    for (int i = skipSelf && n > 0 ? 1 : 0; i < n; i++) {
      out.add(type(args.getPointer(i).type()));
    }
    return Collections.unmodifiableList(out);
  }

  /** The names of a schema's arguments, {@code self} left out when {@code skipSelf}. */
  public static List<String> argumentNames(FunctionSchema schema, boolean skipSelf) {
    Argument args = schema.arguments();
    int n = args == null || args.isNull() ? 0 : (int) args.limit(); // null: no arguments
    List<String> out = new ArrayList<>(n);
    for (int i = skipSelf && n > 0 ? 1 : 0; i < n; i++) {
      try (BytePointer name = args.getPointer(i).name()) {
        out.add(name.getString(StandardCharsets.UTF_8));
      }
    }
    return Collections.unmodifiableList(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Java -> IValue

  /**
   * A new {@code IValue} holding {@code value}, shaped by its declared type {@code declared}
   * (null: infer it from the value). The caller closes it.
   *
   * @throws IllegalArgumentException for a Java value that has no TorchScript counterpart
   * @throws IllegalStateException for a closed tensor
   */
  public static IValue toIValue(Object value, JitType declared) {
    if (declared != null && declared.kind != Kind.ANY) {
      IValue v = tryConvert(value, declared);
      if (v != null) {
        return v;
      }
    }
    return inferred(value);
  }

  /**
   * A new {@code IValue} holding {@code value} as exactly the type {@code type} (with the same
   * widening as {@link #toIValue}: an integer for a float, a list for a tuple), or null if the
   * value does not fit it. The caller closes it.
   */
  public static IValue exactly(Object value, JitType type) {
    return tryConvert(value, type);
  }

  /** {@link #toIValue} with the value's own (inferred) type. */
  public static IValue inferred(Object value) {
    IValue v = tryConvert(value, inferType(value));
    if (v == null) {
      throw new IllegalArgumentException(
          "cannot convert " + describe(value) + " to a TorchScript value");
    }
    return v;
  }

  /** The TorchScript type a Java value gets where nothing declares one. */
  public static JitType inferType(Object value) {
    value = unwrapOptional(value);
    if (value == null) {
      return NONE;
    } else if (value instanceof Tensor) {
      return TENSOR;
    } else if (isIntegral(value) || value instanceof DType) {
      return INT;
    } else if (value instanceof Double || value instanceof Float) {
      return FLOAT;
    } else if (value instanceof Boolean) {
      return BOOL;
    } else if (value instanceof Complex) {
      return COMPLEX;
    } else if (value instanceof String) {
      return STRING;
    } else if (value instanceof Device) {
      return DEVICE;
    } else if (value instanceof Tuple) {
      List<JitType> types = new ArrayList<>();
      for (Object o : (Tuple) value) {
        types.add(inferType(o));
      }
      return tupleOf(types);
    } else if (isSequence(value)) {
      List<Object> items = elements(value);
      return listOf(items.isEmpty() ? TENSOR : unify(items, "list"));
    } else if (value instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) value;
      if (m.isEmpty()) {
        return dictOf(STRING, TENSOR);
      }
      return dictOf(unify(new ArrayList<>(m.keySet()), "dict key"), unify(new ArrayList<>(m.values()), "dict value"));
    }
    throw new IllegalArgumentException("cannot convert " + describe(value) + " to a TorchScript value");
  }

  /** One type for all of {@code items}: int and float make float, None and T make Optional[T]. */
  private static JitType unify(List<?> items, String what) {
    JitType t = null;
    boolean none = false;
    for (Object o : items) {
      JitType u = inferType(o);
      if (u.kind == Kind.NONE) {
        none = true;
        continue;
      }
      if (t == null) {
        t = u;
      } else if (!t.text.equals(u.text)) {
        if ((t.kind == Kind.INT || t.kind == Kind.FLOAT)
            && (u.kind == Kind.INT || u.kind == Kind.FLOAT)) {
          t = FLOAT;
        } else {
          throw new IllegalArgumentException(
              "a TorchScript " + what + " holds one type; found " + t + " and " + u);
        }
      }
    }
    if (t == null) {
      return NONE;
    }
    return none ? optionalOf(t) : t;
  }

  /** The IValue for {@code value} as type {@code t}, or null if the value does not fit it. */
  private static IValue tryConvert(Object value, JitType t) {
    switch (t.kind) {
      case OPTIONAL:
        value = unwrapOptional(value);
        return value == null ? new IValue() : tryConvert(value, t.contained(0));
      case NONE:
        return unwrapOptional(value) == null ? new IValue() : null;
      case UNION:
        value = unwrapOptional(value);
        for (JitType alt : t.contained) {
          IValue v = value == null && alt.kind != Kind.NONE ? null : tryConvert(value, alt);
          if (v != null) {
            return v;
          }
        }
        return null;
      case ANY:
        return inferred(value);
      default:
        break;
    }
    value = unwrapOptional(value);
    if (value == null) {
      return null;
    }
    switch (t.kind) {
      case TENSOR:
        return value instanceof Tensor ? new IValue(Handles.unwrap((Tensor) value)) : null;
      case INT:
        if (isIntegral(value)) {
          return new IValue(((Number) value).longValue());
        } else if (value instanceof DType) {
          return new IValue(Natives.scalarType((DType) value));
        }
        return null;
      case FLOAT:
        return value instanceof Number && (isIntegral(value) || isFloating(value))
            ? new IValue(((Number) value).doubleValue())
            : null;
      case NUMBER:
        if (isIntegral(value)) {
          return new IValue(((Number) value).longValue());
        } else if (isFloating(value)) {
          return new IValue(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
          return new IValue((boolean) (Boolean) value);
        } else if (value instanceof Complex) {
          return complex((Complex) value);
        }
        return null;
      case COMPLEX:
        if (value instanceof Complex) {
          return complex((Complex) value);
        }
        return value instanceof Number && (isIntegral(value) || isFloating(value))
            ? complex(new Complex(((Number) value).doubleValue(), 0))
            : null;
      case BOOL:
        return value instanceof Boolean ? new IValue((boolean) (Boolean) value) : null;
      case STRING:
        if (value instanceof String) {
          try (BytePointer s = new BytePointer((String) value, StandardCharsets.UTF_8)) {
            return new IValue(s);
          }
        }
        return null;
      case DEVICE:
        Device d =
            value instanceof Device ? (Device) value
                : value instanceof String ? Device.of((String) value) : null;
        if (d == null) {
          return null;
        }
        try (org.bytedeco.pytorch.Device nd = Natives.device(d)) {
          return new IValue(nd);
        }
      case LIST:
        return isSequence(value) ? list(elements(value), t) : null;
      case TUPLE:
        return isSequence(value) ? tuple(elements(value), t) : null;
      case DICT:
        return value instanceof Map ? dict((Map<?, ?>) value, t) : null;
      default:
        return null;
    }
  }

  /** A TorchScript {@code complex}: LibTorch's IValue of a complex Scalar. */
  private static IValue complex(Complex c) {
    try (DoubleComplex d = new DoubleComplex(c.real(), c.imag());
        Scalar s = new Scalar(d)) {
      return new IValue(s);
    }
  }

  private static IValue list(List<Object> items, JitType t) {
    JitType element = t.contained(0);
    try (GenericList list = new GenericList(element.ptr)) {
      list.reserve(items.size());
      for (Object o : items) {
        IValue v = tryConvert(o, element);
        if (v == null) {
          return null;
        }
        try (v) {
          list.push_back(v);
        }
      }
      return new IValue(list);
    }
  }

  private static IValue tuple(List<Object> items, JitType t) {
    if (items.size() != t.containedCount()) {
      return null;
    }
    IValue[] values = new IValue[items.size()];
    try {
      for (int i = 0; i < values.length; i++) {
        values[i] = tryConvert(items.get(i), t.contained(i));
        if (values[i] == null) {
          return null;
        }
      }
      try (IValueVector v = new IValueVector(values);
          org.bytedeco.pytorch.Tuple tuple =
              t.isNamedTuple()
                  // a NamedTuple parameter (PackedSequence, ...) takes only its own type
                  ? org.bytedeco.pytorch.Tuple.createNamed(v, t.ptr)
                  : org.bytedeco.pytorch.Tuple.create(v)) {
        return new IValue(tuple);
      }
    } finally {
      for (IValue v : values) {
        if (v != null) {
          v.close();
        }
      }
    }
  }

  /** TorchScript's dict constructors, one per key type: {@code aten::dict.str((str, V)[])}... */
  private static final Map<Kind, Operation> DICT_OPS = new ConcurrentHashMap<>();

  private static Operation dictOp(Kind key) {
    return DICT_OPS.computeIfAbsent(
        key,
        k -> {
          String overload;
          switch (k) {
            case STRING:
              overload = "str";
              break;
            case INT:
              overload = "int";
              break;
            case FLOAT:
              overload = "float";
              break;
            case BOOL:
              overload = "bool";
              break;
            case COMPLEX:
              overload = "complex";
              break;
            case TENSOR:
              overload = "Tensor";
              break;
            default:
              return null;
          }
          try (OperatorName name = new OperatorName("aten::dict", overload)) {
            Operator op = torch.findOperatorFor(name);
            if (op == null || op.isNull()) {
              throw new IllegalStateException("TorchScript's aten::dict." + overload + " is missing");
            }
            return op.getOperation();
          }
        });
  }

  private static IValue dict(Map<?, ?> map, JitType t) {
    JitType key = t.contained(0);
    JitType value = t.contained(1);
    Operation op = dictOp(key.kind);
    if (op == null) {
      return null; // a key type TorchScript cannot have: the inferred type fails in LibTorch
    }
    // c10::Dict has no constructor in the presets: build a list of (key, value) tuples typed
    // Tuple[K, V] and let TorchScript's own dict(...) turn it into a Dict[K, V]
    JitType entry = t.dictEntry();
    try (GenericList list = new GenericList(entry.ptr)) {
      list.reserve(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        IValue pair = tuple(Arrays.asList(e.getKey(), e.getValue()), entry);
        if (pair == null) {
          return null;
        }
        try (pair) {
          list.push_back(pair);
        }
      }
      try (IValue arg = new IValue(list);
          IValueVector stack = new IValueVector(arg)) {
        op.apply(stack);
        try (IValue out = stack.get(0)) {
          return new IValue(out);
        }
      }
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
  }

  private static Object unwrapOptional(Object value) {
    while (value instanceof Optional) {
      value = ((Optional<?>) value).orElse(null);
    }
    return value;
  }

  private static boolean isIntegral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  private static boolean isFloating(Object v) {
    return v instanceof Double || v instanceof Float;
  }

  private static boolean isSequence(Object v) {
    return v instanceof List || (v != null && v.getClass().isArray());
  }

  private static List<Object> elements(Object v) {
    if (v instanceof List) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) v;
      return l;
    }
    int n = Array.getLength(v);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Array.get(v, i));
    }
    return out;
  }

  private static String describe(Object v) {
    return v == null ? "null" : "a " + v.getClass().getName();
  }

  // ---------------------------------------------------------------------------------------------
  // IValue -> Java

  /**
   * The Java value for {@code v} (see the class comment). Tensors are new {@link Tensor}s with
   * references of their own, so {@code v} may be closed afterwards. A module object becomes what
   * {@code modules} makes of it (null: not supported).
   *
   * @throws UnsupportedOperationException for values jtorch has no Java type for (futures,
   *     custom classes, ...)
   */
  public static Object toJava(IValue v, Function<IValue, Object> modules) {
    if (v.isTensor()) {
      // toTensor() points into the IValue: take a reference of our own
      return Handles.wrap(new org.bytedeco.pytorch.Tensor(v.toTensor()));
    } else if (v.isNone()) {
      return null;
    } else if (v.isInt()) {
      return v.toInt();
    } else if (v.isDouble()) {
      return v.toDouble();
    } else if (v.isBool()) {
      return v.toBool();
    } else if (v.isComplexDouble()) {
      try (DoubleComplex c = v.toComplexDouble()) {
        return new Complex(c.real(), c.imag());
      }
    } else if (v.isString()) {
      try (BytePointer s = v.toStringRef()) {
        return s.getString(StandardCharsets.UTF_8);
      }
    } else if (v.isTuple()) {
      try (org.bytedeco.pytorch.Tuple t = v.toTuple()) {
        TupleElements elements = t.elements();
        int n = (int) elements.size();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
          out[i] = toJava(elements.get(i), modules);
        }
        return Tuple.of(out);
      }
    } else if (v.isList()) {
      try (GenericList list = v.toList()) {
        int n = (int) list.size();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          try (IValue e = list.get(i)) {
            out.add(toJava(e, modules));
          }
        }
        return Collections.unmodifiableList(out);
      }
    } else if (v.isGenericDict()) {
      try (GenericDict dict = v.toGenericDict()) {
        Map<Object, Object> out = new LinkedHashMap<>();
        try (GenericDictIterator end = dict.end();
            GenericDictIterator it = dict.begin()) {
          for (; !it.equals(end); it.increment()) {
            GenericDictEntryRef entry = it.access(); // points into the dict
            // key() and value() are copies: free them here, not when the GC gets to them
            try (IValue k = entry.key();
                IValue val = entry.value()) {
              out.put(toJava(k, modules), toJava(val, modules));
            }
          }
        }
        return Collections.unmodifiableMap(out);
      }
    } else if (v.isDevice()) {
      try (org.bytedeco.pytorch.Device d = v.toDevice()) {
        return Natives.device(d);
      }
    } else if (v.isModule() && modules != null) {
      return modules.apply(v);
    }
    String tag;
    try (BytePointer k = v.tagKind()) {
      tag = k.getString();
    }
    throw new UnsupportedOperationException(
        "jtorch has no Java type for a TorchScript " + tag + " value");
  }
}
