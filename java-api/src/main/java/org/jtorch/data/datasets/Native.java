package org.jtorch.data.datasets;

import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/** Native references that data sets hold outside any Scope. */
final class Native {
  private Native() {}

  /** A native reference of our own to {@code t}'s tensor (t can be closed afterwards). */
  static org.bytedeco.pytorch.Tensor own(Tensor t) {
    return new org.bytedeco.pytorch.Tensor(NativeCalls.h(t, "t"));
  }
}
