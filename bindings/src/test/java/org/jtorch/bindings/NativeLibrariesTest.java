package org.jtorch.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The loader: LibTorch, then jtorch's operators, with the startup settings applied. */
class NativeLibrariesTest {
  @Test
  void loadsLibTorchAndTheOperatorLibraryOnce() {
    NativeLibraries.load();
    NativeLibraries.load(); // idempotent
    assertTrue(Files.isRegularFile(NativeLibraries.opsLibrary()), NativeLibraries.opsLibrary().toString());
    assertTrue(NativeLibraries.platform().startsWith("linux-x86_64"), NativeLibraries.platform());
  }

  @Test
  void startupSettingsAreApplied() {
    NativeLibraries.load();
    assertEquals("0", System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes"));
    if (System.getenv("OPENBLAS_NUM_THREADS") == null && System.getProperty("jtorch.openblasThreads") == null) {
      // as many as LibTorch's intra-op threads, run on them (OpenBlasThreads)
      assertTrue(NativeLibraries.openblasOnLibTorchThreads(), NativeLibraries.openblasStatus());
      assertEquals(
          org.bytedeco.pytorch.global.torch.get_num_threads(), NativeLibraries.openblasThreads());
    }
  }
}
