package org.jtorch;

import org.bytedeco.pytorch.LongArrayRefOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.internal.NativeCalls;

/** The reductions of {@link Tensor} and {@link Torch} that need more than one native call. */
final class Reductions {
  private Reductions() {}

  /**
   * {@code std} or {@code var} with PyTorch's {@code correction} over {@code dims}, or over every
   * dim where {@code dims} is null (an empty optional: the "all dims" that Python's {@code
   * dim=None} means).
   */
  static org.bytedeco.pytorch.Tensor stdVar(
      org.bytedeco.pytorch.Tensor a, boolean std, long[] dims, double correction, boolean keepDim) {
    try (Scalar c = new Scalar(correction);
        ScalarOptional co = new ScalarOptional(c)) {
      if (dims == null) {
        try (LongArrayRefOptional all = new LongArrayRefOptional()) {
          return std ? a.std(all, co, keepDim) : a.var(all, co, keepDim);
        }
      }
      long[] d = dims.clone();
      return std ? a.std(d, co, keepDim) : a.var(d, co, keepDim);
    }
  }

  /** {@code torch.std_mean} or {@code torch.var_mean}, dims as in {@link #stdVar}. */
  static Tensor[] stdVarMean(
      Tensor input, boolean std, long[] dims, double correction, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = input.h();
    long[] d = dims == null ? null : dims.clone();
    return NativeCalls.pair(
        () -> {
          try (Scalar c = new Scalar(correction);
              ScalarOptional co = new ScalarOptional(c)) {
            if (d == null) {
              try (LongArrayRefOptional all = new LongArrayRefOptional()) {
                return std ? torch.std_mean(a, all, co, keepDim) : torch.var_mean(a, all, co, keepDim);
              }
            }
            T_TensorTensor_T r =
                std ? torch.std_mean(a, d, co, keepDim) : torch.var_mean(a, d, co, keepDim);
            return r;
          }
        });
  }

  /** A {@link Unique} of the three tensors {@code unique} returns, dropping those not asked for. */
  static Unique unique(Tensor[] r, boolean returnInverse, boolean returnCounts) {
    if (!returnInverse) {
      r[1].close();
      r[1] = null;
    }
    if (!returnCounts) {
      r[2].close();
      r[2] = null;
    }
    return new Unique(r[0], r[1], r[2]);
  }
}
