package org.jtorch.data;

import org.jtorch.DType;
import org.jtorch.Generator;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.internal.GeneratorHandles;
import org.jtorch.internal.NativeCalls;

/** The random draws of the data pipeline, each the LibTorch call PyTorch's Python code makes. */
final class Draws {
  private Draws() {}

  /** {@code torch.randperm(n, generator=g).tolist()}. */
  static int[] randperm(int n, Generator g) {
    try (Tensor p = Torch.randperm(n, g)) {
      return p.toIntArray();
    }
  }

  /** {@code torch.randint(high=n, size=(count,), dtype=torch.int64, generator=g).tolist()}. */
  static int[] randint(int n, int count, Generator g) {
    try (Tensor p = Torch.randint(0, n, new long[] {count}, g)) {
      return p.toIntArray();
    }
  }

  /** {@code int(torch.empty((), dtype=torch.int64).random_(generator=g).item())}. */
  static long randomInt64(Generator g) {
    try (Tensor t = Torch.empty(new long[0], TensorOptions.dtype(DType.INT64))) {
      org.bytedeco.pytorch.Tensor h = NativeCalls.h(t, "t");
      GeneratorHandles.with(
          g,
          opt ->
              NativeCalls.query(
                  () -> {
                    h.random_(opt);
                    return null;
                  }));
      return t.longValue();
    }
  }
}
