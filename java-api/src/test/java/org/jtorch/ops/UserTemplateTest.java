package org.jtorch.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.jtorch.bindings.NativeLibraries;
import org.junit.jupiter.api.Test;

/**
 * Steps 4 and 5 of extensions-cpp/template/README.md on the template as the native module builds
 * it (native/target/template/libmy_ops.so, .dylib on macOS, my_ops.dll on Windows, from the same
 * CMakeLists.txt a user runs).
 */
class UserTemplateTest {
  private static Path library() {
    String override = System.getProperty("jtorch.template.library");
    Path p = override != null
        ? Path.of(override)
        : Path.of(System.getProperty("user.dir"))
            .resolve("../native/target/template/" + NativeLibraries.libraryFile("my_ops"));
    assertTrue(Files.isRegularFile(p), "the native module builds the template into " + p);
    return p.normalize();
  }

  @Test
  void userOpLoadsAndRunsFromJavaWithItsGradient() {
    Ops.load(library());
    Ops.load(library()); // a second load does nothing
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.tensor(new float[][] {{1, -2, 3}, {0.5f, 0, 4}}).requiresGrad_(true);
      Tensor y = (Tensor) Ops.call("my_ops::scale", x, 2.0);
      assertArrayEquals(new float[] {2, -4, 6, 1, 0, 8}, y.toFloatArray());
      OpHandle scale = Ops.op("my_ops::scale");
      Tensor z = scale.callTensor(x, 3);  // an int where the schema says float
      z.sum().backward();
      assertArrayEquals(new float[] {3, 3, 3, 3, 3, 3}, x.grad().toFloatArray());
      assertEquals("my_ops::scale(Tensor x, float factor) -> Tensor", scale.schema());
      TorchException e =
          assertThrows(TorchException.class, () -> scale.call(Torch.tensor(new long[] {1}), 2.0));
      assertTrue(e.getMessage().startsWith("my_ops::scale(): expected a floating tensor"), e.getMessage());
    }
  }
}
