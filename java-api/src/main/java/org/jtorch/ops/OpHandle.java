package org.jtorch.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.Argument;
import org.bytedeco.pytorch.FunctionSchema;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueOptional;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.OperatorHandle;
import org.jtorch.Tensor;
import org.jtorch.internal.IValues;
import org.jtorch.internal.IValues.JitType;
import org.jtorch.internal.NativeCalls;

/**
 * An operator registered in PyTorch's dispatcher, looked up once by {@link Ops#op(String)} and
 * called with plain Java values, as Python's {@code torch.ops.ns.op(...)} calls it.
 *
 * <p>Arguments are matched by position against the operator's schema; trailing arguments that
 * have defaults in the schema may be left out. Java values map to schema types as follows:
 * {@link Tensor} → {@code Tensor}; {@code long}/{@code int} → {@code int} (or {@code float}
 * where declared); {@code double}/{@code float} → {@code float}; {@code boolean} → {@code bool};
 * {@link String} → {@code str}; {@code long[]} (or {@code List<Long>}) → {@code int[]}; {@code
 * double[]} → {@code float[]}; {@code List<Tensor>} or {@code Tensor[]} → {@code Tensor[]};
 * {@code null} → {@code None} for an optional ({@code Tensor?}, {@code int?}, ...) argument;
 * {@link org.jtorch.DType} → {@code ScalarType}; {@link org.jtorch.Device} → {@code Device}.
 *
 * <p>Results: none → {@code null}; one → that value ({@link Tensor}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code String}, an unmodifiable {@code List} for a list); several → an
 * unmodifiable {@code List<Object>} of them in schema order. Result tensors are new tensors owned
 * by the current {@link org.jtorch.Scope}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class OpHandle {
  private final String name;
  private final OperatorHandle handle;
  private final String schema;
  private final List<String> argNames;
  private final List<JitType> argTypes;
  private final IValue[] defaults; // null where the argument has no default; never closed
  private final int required;
  private final int returns;

  OpHandle(String name, OperatorHandle handle) {
    this.name = name;
    this.handle = handle;
    FunctionSchema s = handle.schema();
    this.argNames = IValues.argumentNames(s, false);
    this.argTypes = IValues.argumentTypes(s, false);
    Argument args = s.arguments();
    int n = argTypes.size();
    this.defaults = new IValue[n];
    int req = 0;
    for (int i = 0; i < n; i++) {
      try (IValueOptional d = args.getPointer(i).default_value()) {
        if (d.has_value()) {
          defaults[i] = new IValue(d.get());
        }
      }
      if (defaults[i] == null) {
        req = i + 1;
      }
    }
    this.required = req;
    Argument rets = s.returns();
    this.returns = rets == null || rets.isNull() ? 0 : (int) rets.limit();
    List<JitType> retTypes = new ArrayList<>();
    for (int i = 0; i < returns; i++) {
      retTypes.add(IValues.type(rets.getPointer(i).type()));
    }
    this.schema = format(name, argNames, argTypes, defaults, retTypes);
  }

  /** The operator's qualified name as looked up, such as {@code jtorch::argmax_layer}. */
  public String name() {
    return name;
  }

  /** The operator's schema, as PyTorch prints it. */
  public String schema() {
    return schema;
  }

  /** The names of the operator's arguments, in order. */
  public List<String> argumentNames() {
    return argNames;
  }

  /**
   * Calls the operator through PyTorch's dispatcher (autograd, device selection and the
   * operator's own argument checks included).
   *
   * @throws IllegalArgumentException if there are too many or too few arguments, or a value does
   *     not fit its argument's type (the message names the argument and the schema)
   * @throws IllegalStateException for a closed tensor
   * @throws org.jtorch.TorchException if the operator itself rejects the call
   */
  public Object call(Object... args) {
    Object[] a = args == null ? new Object[] {null} : args;
    int n = argTypes.size();
    if (a.length > n) {
      throw new IllegalArgumentException(
          name + " takes " + n + " argument" + (n == 1 ? "" : "s") + " but " + a.length
              + " were given; schema: " + schema);
    }
    if (a.length < required) {
      throw new IllegalArgumentException(
          name + " is missing argument '" + argNames.get(a.length) + "' ("
              + a.length + " of " + required + " required given); schema: " + schema);
    }
    List<IValue> values = new ArrayList<>(n);
    try {
      for (int i = 0; i < a.length; i++) {
        IValue v = IValues.exactly(a[i], argTypes.get(i));
        if (v == null) {
          throw new IllegalArgumentException(
              "argument '" + argNames.get(i) + "' of " + name + " must be "
                  + argTypes.get(i) + ", but got " + describe(a[i]) + "; schema: " + schema);
        }
        values.add(v);
      }
      IValue[] stack0 = new IValue[n];
      for (int i = 0; i < n; i++) {
        stack0[i] = i < values.size() ? values.get(i) : defaults[i];
      }
      try (IValueVector stack = new IValueVector(stack0)) {
        NativeCalls.query(
            () -> {
              handle.callBoxed(stack);
              return null;
            });
        int r = (int) stack.size();
        if (r == 0) {
          return null;
        }
        List<Object> out = new ArrayList<>(r);
        for (int i = 0; i < r; i++) {
          try (IValue v = stack.get(i)) {
            out.add(IValues.toJava(v, null));
          }
        }
        return r == 1 && returns <= 1 ? out.get(0) : Collections.unmodifiableList(out);
      }
    } finally {
      for (IValue v : values) {
        v.close();
      }
    }
  }

  /**
   * {@link #call} for an operator that returns one tensor.
   *
   * @throws IllegalStateException if the operator returned something else
   */
  public Tensor callTensor(Object... args) {
    Object r = call(args);
    if (r instanceof Tensor) {
      return (Tensor) r;
    }
    if (r instanceof List) {
      for (Object o : (List<?>) r) {
        if (o instanceof Tensor) {
          ((Tensor) o).close();
        }
      }
    }
    throw new IllegalStateException(name + " returned " + describe(r) + ", not one tensor");
  }

  @Override
  public String toString() {
    return "OpHandle[" + schema + "]";
  }

  private static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List) {
      return "a list of " + ((List<?>) v).size();
    }
    return "a " + v.getClass().getSimpleName();
  }

  private static String format(
      String name, List<String> names, List<JitType> types, IValue[] defaults,
      List<JitType> rets) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(types.get(i)).append(' ').append(names.get(i));
      if (defaults[i] != null) {
        b.append("=…");
      }
    }
    b.append(") -> ");
    if (rets.size() == 1) {
      return b.append(rets.get(0)).toString();
    }
    b.append('(');
    for (int i = 0; i < rets.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(rets.get(i));
    }
    return b.append(')').toString();
  }
}
