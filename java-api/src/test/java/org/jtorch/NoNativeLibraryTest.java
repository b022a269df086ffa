package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.jtorch.bindings.NativeLibraries;
import org.jtorch.nn.Linear;
import org.jtorch.ops.Ops;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * jtorch without its own native library (a platform with no {@code jtorch-native} jar, or a build
 * the dynamic linker refuses): LibTorch loads and tensors, autograd and training work; the {@code
 * jtorch::} operators throw an error that names the platform, the library looked for and how to
 * build it. Each case runs in a JVM of its own: once with the {@code jtorch-native} jar taken off
 * the class path, once with {@code -Djtorch.ops.library} naming a file that is no library.
 */
class NoNativeLibraryTest {
  /** Exercises jtorch without its operator library and prints what happened, one fact a line. */
  public static final class Child {
    public static void main(String[] args) {
      System.out.println("opsAvailable=" + NativeLibraries.opsAvailable());
      try (Scope scope = Scope.open()) {
        Tensor x = Torch.tensor(new float[][] {{1, 2}, {3, 4}});
        System.out.println("sum=" + x.add(x).sum().floatValue());
        Torch.manualSeed(0);
        Linear layer = new Linear(2, 1);
        SGD opt = new SGD(layer.parameters(), 0.1);
        for (int i = 0; i < 3; i++) {
          opt.zeroGrad();
          Tensor loss = layer.forward(x).pow(2).mean();
          loss.backward();
          opt.step();
        }
        System.out.println("trained=" + layer.weight.grad().isLeaf());
        Tensor y = x.requiresGrad_(true).mul(2);
        System.out.println("repr=" + y.toString().replace('\n', ' '));
        System.out.println("config=" + Torch.runtimeSettings());
        report("argmaxLayer", () -> Ops.argmaxLayer(x, 1));
        report("call", () -> Ops.call("jtorch::min_max", x, 1L, false));
        report("gradFn", y::gradFn);
        report("cpuKernels", Ops::cpuKernels);
        report("script", () -> org.jtorch.jit.Jit.compile(
            "def f(x: Tensor) -> Tensor:\n    return torch.ops.jtorch.argmax_layer(x, 1)\n"));
        Object other = Ops.call("aten::mul.Tensor", x, x);
        System.out.println("aten=" + ((Tensor) other).sum().floatValue());
      }
    }

    private static void report(String what, Runnable r) {
      try {
        r.run();
        System.out.println(what + ": no error");
      } catch (Throwable t) {
        System.out.println(what + ": " + t.getClass().getName() + ": " + t.getMessage());
      }
    }
  }

  /** This JVM's class path less the jar (or folder) that holds jtorch's operator library. */
  private static List<String> classPathWithoutNativeJar() {
    List<String> kept = new ArrayList<>();
    int dropped = 0;
    for (String entry : ChildJvm.classPath()) {
      if (holdsOpsLibrary(Path.of(entry))) {
        dropped++;
      } else {
        kept.add(entry);
      }
    }
    assertEquals(1, dropped, "one class path entry holds org/jtorch/native/: " + ChildJvm.classPath());
    return kept;
  }

  private static boolean holdsOpsLibrary(Path entry) {
    if (Files.isDirectory(entry)) {
      return Files.isDirectory(entry.resolve("org/jtorch/native"));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (ZipFile zip = new ZipFile(entry.toFile())) {
      return zip.stream().anyMatch(e -> e.getName().startsWith("org/jtorch/native/"));
    } catch (IOException e) {
      throw new UncheckedIOException(entry.toString(), e);
    }
  }

  private static void assertRestWorks(ChildJvm r) {
    assertEquals(0, r.exitCode, r.toString());
    String out = r.stdout;
    assertTrue(out.contains("opsAvailable=false"), r.toString());
    assertTrue(out.contains("sum=20.0"), r.toString());
    assertTrue(out.contains("trained=true"), r.toString());
    assertTrue(out.contains("grad_fn=<?>"), r.toString());
    assertTrue(out.contains("aten=30.0"), r.toString());
    assertTrue(out.contains("glibc malloc=not applied: jtorch's operator library"), r.toString());
    assertTrue(out.contains("operator library=not loaded: jtorch's operator library"), r.toString());
    assertTrue(out.contains("native memory net=off: malloc's usage is read through jtorch's"),
        r.toString());
    for (String op : new String[] {"argmaxLayer", "call", "gradFn", "cpuKernels"}) {
      assertTrue(out.contains(op + ": java.lang.UnsatisfiedLinkError: jtorch's operator library"),
          op + "\n" + r);
    }
    assertTrue(out.contains("script: org.jtorch.TorchException: "), r.toString());
    assertTrue(out.contains("(jtorch's operators are not registered: jtorch's operator library"),
        r.toString());
    assertFalse(r.stderr.contains("SIGSEGV") || r.stderr.contains("hs_err"), r.toString());
  }

  @Tag("jtorch-native")
  @Test
  void withoutTheNativeJarTheRestOfJtorchRunsAndItsOperatorsSayWhatIsMissing() throws Exception {
    ChildJvm r =
        ChildJvm.runWithClassPath(Child.class.getName(), classPathWithoutNativeJar(), null, List.of(), List.of());
    assertRestWorks(r);
    String platform = org.bytedeco.javacpp.Loader.getPlatform();
    String file = NativeLibraries.libraryFile("jtorch_ops");
    String looked =
        (platform.startsWith("macosx") ? "" : "org/jtorch/native/" + platform + "-gpu/" + file + " and ")
            + "org/jtorch/native/" + platform + "/" + file;
    String expected =
        "argmaxLayer: java.lang.UnsatisfiedLinkError: jtorch's operator library is not available for "
            + platform + ": " + file + " is not on the class path (looked for " + looked + ").";
    assertTrue(r.stdout.contains(expected), r.toString());
    assertTrue(r.stdout.contains("org.jtorch:jtorch-native with the classifier " + platform),
        r.toString());
    assertTrue(r.stdout.contains("build it on this platform (`./mvnw install`"), r.toString());
    assertTrue(r.stdout.contains("-Djtorch.ops.library=PATH"), r.toString());
  }

  @Test
  void aLibraryTheLinkerRefusesLeavesTheRestRunning() throws Exception {
    Path notALibrary = Files.createTempFile("jtorch-not-a-library", ".so");
    try {
      Files.writeString(notALibrary, "not an ELF file");
      ChildJvm r =
          ChildJvm.run(Child.class, List.of("-Djtorch.ops.library=" + notALibrary), List.of());
      assertRestWorks(r);
      assertTrue(r.stdout.contains("argmaxLayer: java.lang.UnsatisfiedLinkError: jtorch's operator"
          + " library " + notALibrary + " (for custom) could not be loaded:"), r.toString());
    } finally {
      Files.deleteIfExists(notALibrary);
    }
  }
}
