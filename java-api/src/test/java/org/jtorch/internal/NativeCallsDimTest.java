package org.jtorch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** The shared optional dims: one instance per dim, the right value, safe across threads. */
class NativeCallsDimTest {
  @Test
  void cachedDimsHoldTheirValue() {
    for (long d = -64; d < 64; d++) {
      assertEquals(d, NativeCalls.dim(d).get());
      assertSame(NativeCalls.dim(d), NativeCalls.dim(d));
    }
    assertEquals(1000, NativeCalls.dim(1000).get());
    assertNotSame(NativeCalls.dim(1000), NativeCalls.dim(1000));
  }

  @Test
  void argmaxWithSharedDimsFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        jobs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    try (Scope s = Scope.open()) {
                      Tensor x = Torch.tensor(new float[][] {{1, 5, 2}, {7, 0, 3}});
                      assertArrayEquals(new long[] {1, 0, 1}, x.argmax(0).toLongArray());
                      assertArrayEquals(new long[] {1, 0}, x.argmax(-1).toLongArray());
                      assertArrayEquals(new long[] {0, 1, 0}, x.argmin(-2).toLongArray());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
