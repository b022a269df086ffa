package org.jtorch.optim;

import org.bytedeco.pytorch.Scalar;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/** The in-place tensor ops the optimizers need that {@link Tensor} does not offer (yet). */
final class Kernels {
  private Kernels() {}

  /** {@code self.addcmul_(t1, t2, value=value)}: self += value * t1 * t2. */
  static Tensor addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
    org.bytedeco.pytorch.Tensor a = NativeCalls.h(self, "self");
    org.bytedeco.pytorch.Tensor b = NativeCalls.h(t1, "tensor1");
    org.bytedeco.pytorch.Tensor c = NativeCalls.h(t2, "tensor2");
    NativeCalls.query(
        () -> {
          try (Scalar s = new Scalar(value)) {
            a.addcmul_(b, c, s); // returns a reference to a's own handle: not ours to free
          }
          return null;
        });
    return self;
  }

  /** {@code self.addcdiv_(t1, t2, value=value)}: self += value * t1 / t2. */
  static Tensor addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
    org.bytedeco.pytorch.Tensor a = NativeCalls.h(self, "self");
    org.bytedeco.pytorch.Tensor b = NativeCalls.h(t1, "tensor1");
    org.bytedeco.pytorch.Tensor c = NativeCalls.h(t2, "tensor2");
    NativeCalls.query(
        () -> {
          try (Scalar s = new Scalar(value)) {
            a.addcdiv_(b, c, s);
          }
          return null;
        });
    return self;
  }
}
