package org.jtorch.autograd;

import org.bytedeco.pytorch.InferenceMode;
import org.jtorch.internal.Natives;

/**
 * A try-with-resources scope that switches autograd's recording mode for the current thread and
 * restores the previous mode when it closes: what {@link org.jtorch.Torch#noGrad()}, {@link
 * org.jtorch.Torch#enableGrad()} and {@link org.jtorch.Torch#inferenceMode()} return. The modes
 * are thread-local, as in PyTorch: they affect only the thread that opened the scope.
 *
 * <pre>{@code
 * try (var g = Torch.noGrad()) {
 *   Tensor y = model.forward(x);   // not recorded: y.requiresGrad() is false
 * }
 * }</pre>
 *
 * <p>Scopes must be closed on the thread that opened them, innermost first.
 */
public final class GradMode implements AutoCloseable {
  private final Thread thread = Thread.currentThread();
  private final boolean previous;
  private final InferenceMode inference;
  private boolean closed;

  private GradMode(boolean previous, InferenceMode inference) {
    this.previous = previous;
    this.inference = inference;
  }

  /** Sets gradient recording to {@code enabled} until the returned scope closes. */
  public static GradMode grad(boolean enabled) {
    Natives.ensureLoaded();
    boolean previous = org.bytedeco.pytorch.GradMode.is_enabled();
    org.bytedeco.pytorch.GradMode.set_enabled(enabled);
    return new GradMode(previous, null);
  }

  /** Enters (or, with false, leaves) inference mode until the returned scope closes. */
  public static GradMode inference(boolean enabled) {
    Natives.ensureLoaded();
    return new GradMode(org.bytedeco.pytorch.GradMode.is_enabled(), new InferenceMode(enabled));
  }

  /** Whether autograd records operations on this thread, PyTorch's {@code is_grad_enabled()}. */
  public static boolean isEnabled() {
    Natives.ensureLoaded();
    return org.bytedeco.pytorch.GradMode.is_enabled();
  }

  /** Sets recording on this thread for good, PyTorch's {@code set_grad_enabled(mode)}. */
  public static void setEnabled(boolean enabled) {
    Natives.ensureLoaded();
    org.bytedeco.pytorch.GradMode.set_enabled(enabled);
  }

  /** Whether this thread is in inference mode, PyTorch's {@code is_inference_mode_enabled()}. */
  public static boolean isInferenceEnabled() {
    Natives.ensureLoaded();
    return InferenceMode.is_enabled();
  }

  /**
   * Restores the mode in effect when this scope opened. Idempotent.
   *
   * @throws IllegalStateException on another thread than the one that opened it
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "a grad-mode scope must be closed on the thread that opened it (" + thread.getName() + ")");
    }
    closed = true;
    if (inference != null) {
      inference.close(); // its destructor restores the previous modes
    } else {
      org.bytedeco.pytorch.GradMode.set_enabled(previous);
    }
  }
}
