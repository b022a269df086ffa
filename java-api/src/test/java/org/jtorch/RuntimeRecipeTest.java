package org.jtorch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.jtorch.bindings.NativeLibraries;
import org.jtorch.bindings.ops.JtorchOps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The startup recipe: applied by default, and each step left out when its switch is set. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "glibc malloc and the OpenBLAS shim are Linux-only")
@Tag("jtorch-native") // the load recipe goes through jtorch's operator library
class RuntimeRecipeTest {
  @Test
  void glibcMallocThresholdsAreSetAtLoad() {
    Map<String, String> s = Torch.runtimeSettings();
    String glibc = JtorchOps.glibcVersion();
    assertNotNull(glibc, "these machines run glibc");
    assertEquals(7, NativeLibraries.malloptResult(), "the three mallopt calls accepted");
    assertEquals(
        "M_MMAP_THRESHOLD=33554432 M_TRIM_THRESHOLD=268435456 M_TOP_PAD=67108864 (glibc " + glibc + ")",
        s.get("glibc malloc"));
    assertEquals("logger org.jtorch, mode default", s.get("LibTorch warnings"));
    assertTrue(Torch.config().contains("  - glibc malloc: M_MMAP_THRESHOLD=33554432"));
  }

  @Test
  void eachSwitchLeavesItsStepOut() throws Exception {
    ChildJvm child =
        ChildJvm.run(
            PrintSettings.class,
            List.of(
                "-Djtorch.mallopt=false",
                "-Djtorch.openblasThreads=-1",
                "-Djtorch.maxPhysicalBytes=false",
                "-Djtorch.warnings=always"),
            List.of("OPENBLAS_NUM_THREADS"));
    assertEquals(0, child.exitCode, child::toString);
    Map<String, String> s = parse(child.stdout);
    assertEquals("off (jtorch.mallopt=false)", s.get("glibc malloc"), child::toString);
    assertEquals("0", s.get("mallopt result"), child::toString);
    // JavaCPP's own default: a multiple of the heap size, never 0
    assertNotEquals("0", s.get("org.bytedeco.javacpp.maxPhysicalBytes"), child::toString);
    // OpenBLAS's own default and thread pool, nothing routed through libjtorch_blas.so
    if (Runtime.getRuntime().availableProcessors() > 1) {
      assertNotEquals("1", s.get("OpenBLAS threads"), child::toString);
    }
    assertEquals(
        "OpenBLAS's own threads (jtorch.openblasThreads=-1)", s.get("OpenBLAS threading"), child::toString);
    assertEquals("-1", s.get("BLAS calls through libjtorch_blas"), child::toString);
    assertEquals("logger org.jtorch, mode always", s.get("LibTorch warnings"), child::toString);
  }

  @Test
  void oneOpenBlasThreadIsTheEarlierRecipe() throws Exception {
    ChildJvm child =
        ChildJvm.run(
            PrintSettings.class, List.of("-Djtorch.openblasThreads=1"), List.of("OPENBLAS_NUM_THREADS"));
    assertEquals(0, child.exitCode, child::toString);
    Map<String, String> s = parse(child.stdout);
    assertEquals("1", s.get("OpenBLAS threads"), child::toString);
    assertEquals("1 thread (jtorch.openblasThreads=1)", s.get("OpenBLAS threading"), child::toString);
    assertEquals("-1", s.get("BLAS calls through libjtorch_blas"), child::toString);
  }

  @Test
  void withoutTheBlasLibraryOpenBlasFallsBackAndSaysWhy() throws Exception {
    // an operator library in a folder of its own: no libjtorch_blas.so beside it
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jtorch-ops-alone");
    java.nio.file.Path ops = dir.resolve("libjtorch_ops.so");
    java.nio.file.Files.copy(NativeLibraries.opsLibrary(), ops);
    try {
      ChildJvm auto =
          ChildJvm.run(
              PrintSettings.class, List.of("-Djtorch.ops.library=" + ops), List.of("OPENBLAS_NUM_THREADS"));
      assertEquals(0, auto.exitCode, auto::toString);
      Map<String, String> s = parse(auto.stdout);
      assertEquals("1", s.get("OpenBLAS threads"), auto::toString);
      assertEquals(
          "one thread: libjtorch_blas.so was not found next to libjtorch_ops.so",
          s.get("OpenBLAS threading"),
          auto::toString);
      ChildJvm fixed =
          ChildJvm.run(
              PrintSettings.class,
              List.of("-Djtorch.ops.library=" + ops, "-Djtorch.openblasThreads=2"),
              List.of("OPENBLAS_NUM_THREADS"));
      assertEquals(0, fixed.exitCode, fixed::toString);
      Map<String, String> f = parse(fixed.stdout);
      assertEquals("2", f.get("OpenBLAS threads"), fixed::toString);
      assertEquals(
          "2 threads in OpenBLAS's own pool (jtorch.openblasThreads=2; libjtorch_blas.so was not"
              + " found next to libjtorch_ops.so)",
          f.get("OpenBLAS threading"),
          fixed::toString);
    } finally {
      java.nio.file.Files.deleteIfExists(ops);
      java.nio.file.Files.deleteIfExists(dir);
    }
  }

  @Test
  void aBadOpenBlasThreadsPropertyIsReported() throws Exception {
    ChildJvm child =
        ChildJvm.run(PrintSettings.class, List.of("-Djtorch.openblasThreads=many"), List.of());
    assertNotEquals(0, child.exitCode, child::toString);
    assertTrue(
        child.stderr.contains("jtorch.openblasThreads must be auto, -1 or a positive integer: many"),
        child::toString);
  }

  @Test
  void aBadWarningsPropertyIsReported() throws Exception {
    ChildJvm child =
        ChildJvm.run(PrintSettings.class, List.of("-Djtorch.warnings=loud"), List.of());
    assertNotEquals(0, child.exitCode, child::toString);
    assertTrue(
        child.stderr.contains("jtorch.warnings must be one of default, always, error, ignore: loud"),
        child::toString);
  }

  private static Map<String, String> parse(String out) {
    Map<String, String> m = new java.util.HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return m;
  }

  /** Child JVM: prints Torch.runtimeSettings() as name=value lines. */
  static final class PrintSettings {
    public static void main(String[] args) {
      Torch.runtimeSettings().forEach((k, v) -> System.out.println(k + "=" + v));
      System.out.println("mallopt result=" + NativeLibraries.malloptResult());
      System.out.println("BLAS calls through libjtorch_blas=" + JtorchOps.openblasCounter(0));
    }
  }
}
