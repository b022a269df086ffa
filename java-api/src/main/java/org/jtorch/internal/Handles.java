package org.jtorch.internal;

import org.jtorch.Tensor;

/**
 * Access to the native LibTorch tensor behind a {@link Tensor}, for jtorch's own packages and for
 * power users who need to call the JavaCPP presets directly.
 *
 * <p>Internal: not part of jtorch's API, and may change in any release. A handle obtained with
 * {@link #unwrap} is valid only while its tensor is open.
 */
public final class Handles {
  /** Implemented by {@link Tensor}, which installs itself when its class initialises. */
  public interface Bridge {
    /** The native tensor behind {@code t}; throws {@link IllegalStateException} if closed. */
    org.bytedeco.pytorch.Tensor unwrap(Tensor t);

    /** A new {@link Tensor} that owns {@code handle} (registered with the current scope). */
    Tensor wrap(org.bytedeco.pytorch.Tensor handle);

    /** A new {@link Tensor} that owns {@code handle} and belongs to no scope. */
    Tensor wrapUnscoped(org.bytedeco.pytorch.Tensor handle);

    /** True if some open {@link org.jtorch.Scope} owns {@code t}. */
    boolean inScope(Tensor t);

    /** Takes {@code t} out of the scope that owns it, into no scope (on the owner's thread). */
    void unscope(Tensor t);
  }

  private static volatile Bridge bridge;

  private Handles() {}

  /** Called once by {@link Tensor}. */
  public static void install(Bridge b) {
    if (bridge != null) {
      throw new IllegalStateException("the tensor bridge is already installed");
    }
    bridge = b;
  }

  private static Bridge bridge() {
    Bridge b = bridge;
    if (b == null) {
      try {
        Class.forName(Tensor.class.getName(), true, Handles.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      b = bridge;
    }
    return b;
  }

  /** The native tensor behind {@code t}. */
  public static org.bytedeco.pytorch.Tensor unwrap(Tensor t) {
    return bridge().unwrap(t);
  }

  /** Wraps a native tensor (taking ownership of the handle object) as a new {@link Tensor}. */
  public static Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
    return bridge().wrap(handle);
  }

  /**
   * Wraps a native tensor as a new {@link Tensor} that belongs to no scope, whatever scope is open:
   * for tensors owned by something longer-lived than a scope (module parameters and buffers).
   */
  public static Tensor wrapUnscoped(org.bytedeco.pytorch.Tensor handle) {
    return bridge().wrapUnscoped(handle);
  }

  /** True if some open {@link org.jtorch.Scope} owns {@code t} (it will free it at its close). */
  public static boolean inScope(Tensor t) {
    return bridge().inScope(t);
  }

  /**
   * Takes {@code t} out of the scope that owns it, into no scope, whatever scopes enclose that one
   * (unlike {@link org.jtorch.Scope#keep}, which hands it to the enclosing scope). Call it on the
   * thread that owns the scope.
   */
  public static void unscope(Tensor t) {
    bridge().unscope(t);
  }

  /**
   * A new {@link Tensor}, in no scope, that shares {@code t}'s native tensor (the same data and
   * autograd identity, like a second Python reference): closing either leaves the other usable.
   */
  public static Tensor share(Tensor t) {
    return wrapUnscoped(new org.bytedeco.pytorch.Tensor(unwrap(t)));
  }
}
