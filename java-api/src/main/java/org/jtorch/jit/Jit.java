package org.jtorch.jit;

import java.nio.file.Path;
import java.util.Objects;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.TorchException;
import org.jtorch.internal.Natives;

/**
 * PyTorch's {@code torch.jit} functions: loading TorchScript archives and compiling TorchScript
 * source.
 */
public final class Jit {
  static {
    Natives.ensureLoaded();
  }

  private Jit() {}

  /**
   * Compiles TorchScript source (Python syntax with type annotations) into functions, PyTorch's
   * {@code torch.jit.CompilationUnit(source)}:
   *
   * <pre>{@code
   * try (CompilationUnit cu = Jit.compile(
   *         "def clip(x: Tensor, lo: float, hi: float) -> Tensor:\n"
   *       + "    return x.clamp(lo, hi)\n")) {
   *   Tensor y = (Tensor) cu.run("clip", x, -1.0, 1.0);
   * }
   * }</pre>
   *
   * @throws TorchException if the source does not compile, with TorchScript's message (the
   *     offending line marked)
   */
  public static CompilationUnit compile(String source) {
    Objects.requireNonNull(source, "source");
    try {
      return new CompilationUnit(torch.compile(source));
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
  }

  /** {@link ScriptModule#load(Path)}: PyTorch's {@code torch.jit.load(path)}. */
  public static ScriptModule load(Path path) {
    return ScriptModule.load(path);
  }
}
