package org.jtorch.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Torch.config() says about CUDA, on this machine and on the driver files NVIDIA writes. */
class CudaTest {
  @Test
  void theDriverVersionIsReadFromBothKindsOfKernelModule(@TempDir Path dir) throws Exception {
    Path proprietary = dir.resolve("a");
    Files.writeString(proprietary, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue"
        + " Mar  5 22:23:56 UTC 2024\nGCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n");
    assertEquals("550.54.15", Cuda.driverVersion(proprietary));
    Path open = dir.resolve("b");
    Files.writeString(open, "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  570.86.15"
        + "  Release Build  (dvs-builder@U16-I3-B03-4-3)  Thu Jan 23 23:21:54 UTC 2025\n");
    assertEquals("570.86.15", Cuda.driverVersion(open));
    assertNull(Cuda.driverVersion(dir.resolve("missing")));
    Files.writeString(dir.resolve("c"), "something else\n");
    assertNull(Cuda.driverVersion(dir.resolve("c")));
  }

  @Test
  void configSaysWhyCudaIsNotUsableHere() {
    var settings = Torch.runtimeSettings();
    String cuda = settings.get("CUDA");
    if (Torch.cuda().isAvailable()) {
      assertTrue(cuda.startsWith("available, " + Torch.cuda().deviceCount() + " device(s)"), cuda);
    } else if (!settings.get("platform").endsWith("-gpu")) {
      assertTrue(cuda.startsWith("not available: LibTorch's CPU natives (linux-x86_64)"), cuda);
      assertEquals("not needed (LibTorch's CPU natives)", settings.get("CUDA libraries"));
    } else {
      assertTrue(cuda.startsWith("not available: GPU natives"), cuda);
    }
    assertFalse(settings.get("operator library").isEmpty());
    assertTrue(Torch.config().contains("  - CUDA: " + cuda + "\n"), Torch.config());
  }
}
