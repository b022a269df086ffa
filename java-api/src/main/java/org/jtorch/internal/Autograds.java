package org.jtorch.internal;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Dispatcher;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.OperatorHandle;
import org.bytedeco.pytorch.TensorBase;
import org.bytedeco.pytorch.TensorTensorHook;
import org.jtorch.Tensor;

/**
 * Autograd glue that the presets do not offer directly: the grad_fn name (through jtorch's own
 * {@code jtorch::_grad_fn_name} operator) and tensor hooks backed by Java lambdas.
 *
 * <p>Internal: not part of jtorch's API, and may change in any release.
 */
public final class Autograds {
  private Autograds() {}

  private static volatile OperatorHandle gradFnOp;

  /** The name of {@code t}'s grad_fn, or null for a leaf. */
  public static String gradFnName(Tensor t) {
    org.bytedeco.pytorch.Tensor h = Handles.unwrap(t);
    OperatorHandle op = gradFnOp;
    if (op == null) {
      org.jtorch.bindings.NativeLibraries.requireOps();
      op = NativeCalls.query(() -> Dispatcher.singleton().findSchemaOrThrow("jtorch::_grad_fn_name", ""));
      gradFnOp = op;
    }
    OperatorHandle handle = op;
    try (IValue self = new IValue(h);
        IValueVector stack = new IValueVector(self)) {
      NativeCalls.query(
          () -> {
            handle.callBoxed(stack);
            return null;
          });
      try (IValue v = stack.get(0)) {
        org.bytedeco.javacpp.BytePointer s = v.toStringRef(); // null for an empty string
        String name = s == null ? "" : s.getString();
        return name.isEmpty() ? null : name;
      }
    }
  }

  /** An undefined tensor: what a hook returns to leave the gradient unchanged. */
  private static final org.bytedeco.pytorch.Tensor UNCHANGED = new org.bytedeco.pytorch.Tensor();

  /**
   * A hook bridged to native code. JavaCPP keeps the callback reachable while LibTorch holds it;
   * removing the hook frees it. An exception thrown by the Java body becomes a C++ exception in
   * the autograd engine, which reaches the caller of {@code backward()} as a {@code
   * TorchException}.
   */
  private static final class Hook extends TensorTensorHook {
    private final UnaryOperator<Tensor> body;

    Hook(UnaryOperator<Tensor> body) {
      this.body = body;
    }

    @Override
    public TensorBase call(TensorBase grad) {
      Tensor g = Handles.wrapUnscoped(new org.bytedeco.pytorch.Tensor(grad));
      Tensor r = body.apply(g);
      if (r == null) {
        g.close();
        return UNCHANGED; // copied by value on return
      }
      org.bytedeco.pytorch.Tensor out = Handles.unwrap(r);
      if (r != g) {
        g.close();
      }
      return out;
    }
  }

  /** Registers {@code hook} on {@code t}; the handle removes it. */
  public static AutoCloseable registerHook(Tensor t, UnaryOperator<Tensor> hook) {
    Objects.requireNonNull(hook, "hook");
    org.bytedeco.pytorch.Tensor h = Handles.unwrap(t);
    Hook callback = new Hook(hook);
    int id = NativeCalls.query(() -> h.register_hook(callback));
    java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (removed.compareAndSet(false, true) && !t.isClosed()) {
        NativeCalls.query(
            () -> {
              Handles.unwrap(t).remove_hook(id);
              return null;
            });
      }
    };
  }
}
