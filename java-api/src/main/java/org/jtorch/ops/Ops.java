package org.jtorch.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.bytedeco.pytorch.IValue;
import org.jtorch.Tensor;
import org.jtorch.internal.Handles;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.Natives;

/**
 * jtorch's own operators (registered in PyTorch's dispatcher by the {@code jtorch} library, which
 * is loaded together with LibTorch) and the loading of users' operator libraries.
 *
 * <p>The same operators are reachable from TorchScript models and, after {@code
 * torch.ops.load_library(...)} of the same {@code libjtorch_ops.so}, from Python as {@code
 * torch.ops.jtorch.*}.
 */
public final class Ops {
  static {
    Natives.ensureLoaded();
  }

  private Ops() {}

  /**
   * {@code jtorch::argmax_layer(self, dim)}: a one-hot tensor, with the dtype and shape of {@code
   * x}, marking the first maximum along {@code dim} (NaN counts as the maximum, as in {@code
   * argmax}). Its backward is the straight-through softmax estimator: {@code grad_x = s * (g -
   * sum(g * s, dim))} with {@code s = softmax(x, dim)}.
   *
   * @throws org.jtorch.TorchException for a non-floating {@code x}, a dim out of range, or an
   *     empty dimension
   */
  public static Tensor argmaxLayer(Tensor x, long dim) {
    org.bytedeco.pytorch.Tensor h = Handles.unwrap(Objects.requireNonNull(x, "x"));
    try (IValue self = new IValue(h);
        IValue d = new IValue(dim)) {
      return NativeCalls.boxed("jtorch::argmax_layer", "", 1, self, d)[0];
    }
  }

  /**
   * Loads a user's operator library (a {@code .so} that registers operators with {@code
   * TORCH_LIBRARY}), after LibTorch. Loading the same file twice does nothing the second time.
   *
   * @throws IllegalArgumentException if {@code library} is not a readable file
   * @throws UnsatisfiedLinkError if the dynamic linker rejects it
   */
  public static void load(Path library) {
    Objects.requireNonNull(library, "library");
    Path p = library.toAbsolutePath();
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new IllegalArgumentException("not a readable file: " + p);
    }
    System.load(p.toString());
  }
}
