package org.jtorch;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jtorch.bindings.NativeLibraries;
import org.jtorch.bindings.ops.JtorchOps;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * OpenBLAS's threads (libjtorch_blas.so): by default as many as LibTorch's intra-op threads, run
 * as OpenMP teams of LibTorch's own threads, and one thread for BLAS calls made inside LibTorch's
 * parallel regions. The counters tell which path a call took: a call inside a region that needed
 * threads of its own would mean the region guard failed, which measured 28x slower attention.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the OpenBLAS shim (libjtorch_blas.so) is Linux-only")
class OpenBlasThreadsTest {
  private static final int FORWARDED = 0, IN_REGION = 1, TEAM = 2, OWN_THREADS = 3;

  private static long counter(int which) {
    return JtorchOps.openblasCounter(which);
  }

  private static void assumeDefaultMode() {
    assumeTrue(System.getProperty("jtorch.openblasThreads") == null
        && System.getenv("OPENBLAS_NUM_THREADS") == null, "OpenBLAS threads set by the user");
  }

  @Tag("jtorch-native")
  @Test
  void byDefaultOpenBlasUsesLibTorchsThreads() {
    assumeDefaultMode();
    assertTrue(NativeLibraries.openblasOnLibTorchThreads(), NativeLibraries.openblasStatus());
    assertEquals(Torch.getNumThreads(), NativeLibraries.openblasThreads());
    assertEquals(
        "on LibTorch's OpenMP threads, one inside parallel regions (default: LibTorch's intra-op"
            + " threads)",
        Torch.runtimeSettings().get("OpenBLAS threading"));
    assertTrue(counter(FORWARDED) > 0, "LibTorch's BLAS calls go through libjtorch_blas.so");
  }

  @Tag("jtorch-native")
  @Test
  void openBlasFollowsSetNumThreads() {
    assumeDefaultMode();
    int before = Torch.getNumThreads();
    try {
      Torch.setNumThreads(1);
      assertEquals(1, NativeLibraries.openblasThreads());
      Torch.setNumThreads(3);
      assertEquals(3, NativeLibraries.openblasThreads());
    } finally {
      Torch.setNumThreads(before);
    }
    assertEquals(before, NativeLibraries.openblasThreads());
  }

  @Tag("jtorch-native")
  @Test
  void aLargeProductRunsAsOneTeamAndMatchesOneThread() {
    assumeDefaultMode();
    assumeTrue(Torch.getNumThreads() > 1, "one intra-op thread: nothing runs in parallel");
    try (Scope s = Scope.open()) {
      Torch.manualSeed(7);
      Tensor a = Torch.randn(300, 500);
      Tensor b = Torch.randn(500, 400);
      long teams = counter(TEAM);
      Tensor parallel = a.matmul(b);
      assertTrue(counter(TEAM) > teams, "the 300x500x400 product ran as an OpenMP team");
      Tensor serial = oneThread(() -> a.matmul(b));
      assertClose(serial, parallel, 1e-5);
    }
  }

  @Tag("jtorch-native")
  @Test
  void productsInsideLibTorchsParallelLoopsRunOnOneThread() {
    assumeDefaultMode();
    assumeTrue(Torch.getNumThreads() > 1, "one intra-op thread: no parallel regions");
    try (Scope s = Scope.open()) {
      Torch.manualSeed(11);
      // double-precision convolution: a GEMM per sample inside LibTorch's parallel loop
      Tensor x = Torch.randn(new long[] {8, 32, 28, 28}, TensorOptions.dtype(DType.FLOAT64));
      Tensor w = Torch.randn(new long[] {64, 32, 3, 3}, TensorOptions.dtype(DType.FLOAT64));
      // attention: CPU flash attention's block GEMMs inside its parallel loop
      Tensor q = Torch.randn(2, 4, 256, 64);
      Tensor k = Torch.randn(2, 4, 256, 64);
      Tensor v = Torch.randn(2, 4, 256, 64);
      long inRegion = counter(IN_REGION);
      long ownThreads = counter(OWN_THREADS);
      Tensor conv = F.conv2d(x, w, null);
      Tensor attention = F.scaledDotProductAttention(q, k, v);
      assertTrue(counter(IN_REGION) > inRegion, "GEMMs were called inside parallel regions");
      assertEquals(ownThreads, counter(OWN_THREADS), "no call inside a region ran several jobs");
      Tensor convSerial = oneThread(() -> F.conv2d(x, w, null));
      Tensor attentionSerial = oneThread(() -> F.scaledDotProductAttention(q, k, v));
      assertClose(convSerial, conv, 1e-12);
      assertClose(attentionSerial, attention, 1e-5);
    }
  }

  @Test
  void factorisationsRunOnASmallJvmThreadStack() throws Exception {
    // OpenBLAS's parallel LU needed more than 2 MiB of stack: a JVM thread (1 MiB by default)
    // crashed in it until getrf was kept on one thread, also while another thread's product runs
    // with several (which raises OpenBLAS's one, global thread count). A quarter of the default.
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread products =
        new Thread(
            () -> {
              try (Scope s = Scope.open()) {
                Tensor p = Torch.randn(300, 500);
                Tensor q = Torch.randn(500, 400);
                while (!done.get()) {
                  try (Scope inner = Scope.open()) {
                    p.matmul(q);
                  }
                }
              }
            });
    products.start();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<double[]> residuals =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try (Scope s = Scope.open()) {
                Torch.manualSeed(5);
                Tensor a = Torch.randn(1000, 1000);
                Tensor b = Torch.randn(1000, 40);
                Tensor x = null;
                for (int i = 0; i < 5; i++) {
                  x = org.jtorch.linalg.Linalg.solve(a, b);
                }
                Tensor m = Torch.randn(600, 300);
                org.jtorch.linalg.Linalg.QR qr = org.jtorch.linalg.Linalg.qr(m);
                residuals.set(
                    new double[] {
                      maxDifference(b, a.matmul(x)) / scale(b),
                      maxDifference(m, qr.Q().matmul(qr.R())) / scale(m)
                    });
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    done.set(true);
    products.join();
    assertNull(failure.get());
    assertTrue(residuals.get()[0] < 1e-2, "solve residual " + residuals.get()[0]);
    assertTrue(residuals.get()[1] < 1e-5, "QR residual " + residuals.get()[1]);
  }

  @Test
  void concurrentCallersGetTheirOwnResults() throws Exception {
    assumeDefaultMode();
    try (Scope s = Scope.open()) {
      Torch.manualSeed(3);
      Tensor a = Torch.randn(300, 500);
      Tensor b = Torch.randn(500, 400);
      Tensor c = Torch.randn(400, 300);
      Tensor ab = oneThread(() -> a.matmul(b));
      Tensor bc = oneThread(() -> b.matmul(c));
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          boolean first = t % 2 == 0;
          results.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 30; i++) {
                      try (Scope inner = Scope.open()) {
                        Tensor r = first ? a.matmul(b) : b.matmul(c);
                        if (maxDifference(first ? ab : bc, r) > 1e-5 * scale(ab)) {
                          return false;
                        }
                      }
                    }
                    return true;
                  }));
        }
        for (Future<Boolean> r : results) {
          assertTrue(r.get(), "a product computed while others ran matches the serial one");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Products split over threads round differently from one thread's (measured: 4e-7 of the
   * largest value for 300x500x400); a job computing with another's buffer would be off by far more.
   */
  private static void assertClose(Tensor expected, Tensor actual, double relative) {
    double difference = maxDifference(expected, actual);
    assertTrue(
        difference <= relative * scale(expected),
        "largest difference " + difference + " against largest value " + scale(expected));
  }

  private static double maxDifference(Tensor expected, Tensor actual) {
    try (Scope s = Scope.open()) {
      return actual.sub(expected).abs().max().doubleValue();
    }
  }

  private static double scale(Tensor t) {
    try (Scope s = Scope.open()) {
      return t.abs().max().doubleValue();
    }
  }

  /** Runs {@code f} with one intra-op thread (so OpenBLAS on one thread too). */
  private static Tensor oneThread(java.util.function.Supplier<Tensor> f) {
    int before = Torch.getNumThreads();
    Torch.setNumThreads(1);
    try {
      return f.get();
    } finally {
      Torch.setNumThreads(before);
    }
  }
}
