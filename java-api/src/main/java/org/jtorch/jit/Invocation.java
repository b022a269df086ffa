package org.jtorch.jit;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.FunctionSchema;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.internal.Handles;
import org.jtorch.internal.IValues;
import org.jtorch.internal.IValues.JitType;
import org.jtorch.internal.Natives;

/**
 * One TorchScript method or function, ready to be called from Java: the native callable, and the
 * declared parameter types that guide the conversion of Java arguments. Immutable, shared by all
 * threads.
 */
final class Invocation {
  private final String name;
  private final Function<IValueVector, IValue> call;
  private final List<JitType> parameterTypes;
  private final String schema;
  private final AutoCloseable handle;

  /**
   * @param call runs the method on a stack of arguments (without {@code self})
   * @param schema its schema
   * @param skipSelf whether the schema's first argument is {@code self}
   * @param handle the native object that {@code call} uses, closed by {@link #close()}
   */
  Invocation(
      String name,
      Function<IValueVector, IValue> call,
      FunctionSchema schema,
      boolean skipSelf,
      AutoCloseable handle) {
    this.name = name;
    this.call = call;
    this.parameterTypes = IValues.argumentTypes(schema, skipSelf);
    try (BytePointer text = torch.canonicalSchemaString(schema)) {
      this.schema = text.getString();
    }
    this.handle = handle;
  }

  String name() {
    return name;
  }

  String schema() {
    return schema;
  }

  /** Runs with tensor arguments and returns the tensor result. */
  Tensor callTensors(Tensor[] inputs, boolean inferenceMode) {
    IValue[] args = new IValue[inputs.length];
    try {
      for (int i = 0; i < args.length; i++) {
        args[i] = new IValue(Handles.unwrap(Objects.requireNonNull(inputs[i], "input " + i)));
      }
      try (IValueVector stack = new IValueVector(args);
          IValue out = run(stack, inferenceMode)) {
        if (!out.isTensor()) {
          String kind;
          try (BytePointer k = out.tagKind()) {
            kind = k.getString();
          }
          throw new IllegalStateException(
              name
                  + "() returned "
                  + kind
                  + ", not a Tensor: call run(\""
                  + name
                  + "\", inputs...) to get any result");
        }
        // toTensor() points into the IValue: take a reference of our own
        return Handles.wrap(new org.bytedeco.pytorch.Tensor(out.toTensor()));
      }
    } finally {
      closeAll(args);
    }
  }

  /** Runs with Java arguments, converted as their declared types say, and converts the result. */
  Object call(Object[] inputs, boolean inferenceMode, Function<IValue, Object> modules) {
    IValue[] args = new IValue[inputs.length];
    try {
      for (int i = 0; i < args.length; i++) {
        JitType declared = i < parameterTypes.size() ? parameterTypes.get(i) : null;
        args[i] = IValues.toIValue(inputs[i], declared);
      }
      try (IValueVector stack = new IValueVector(args);
          IValue out = run(stack, inferenceMode)) {
        return IValues.toJava(out, modules);
      }
    } finally {
      closeAll(args);
    }
  }

  private IValue run(IValueVector stack, boolean inferenceMode) {
    // the guard is a C++ RAII object: made and destroyed on this thread, around the call only
    InferenceMode guard = inferenceMode ? new InferenceMode() : null;
    try {
      return call.apply(stack);
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    } finally {
      if (guard != null) {
        guard.close();
      }
    }
  }

  void close() {
    try {
      handle.close();
    } catch (Exception e) {
      // nothing to do: the native object is gone either way
    }
  }

  private static void closeAll(IValue[] values) {
    for (IValue v : values) {
      if (v != null) {
        v.close();
      }
    }
  }
}
