package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Scopes own what is created inside them, on their thread, and free it at close. */
class ScopeTest {
  @Test
  void scopeClosesWhatItOwnsAndKeepsWhatItIsTold() {
    Tensor kept;
    Tensor dropped;
    try (Scope scope = Scope.open()) {
      dropped = Torch.ones(3);
      kept = scope.keep(dropped.mul(2));
      assertEquals(1, scope.size());
    }
    assertTrue(dropped.isClosed());
    assertFalse(kept.isClosed());
    assertEquals(6f, kept.sum().floatValue());
    kept.close();
  }

  @Test
  void keepMovesToTheEnclosingScope() {
    Tensor inner;
    try (Scope outer = Scope.open()) {
      try (Scope s = Scope.open()) {
        inner = s.keep(Torch.zeros(2));
      }
      assertFalse(inner.isClosed());
      assertEquals(1, outer.size());
    }
    assertTrue(inner.isClosed());
  }

  @Test
  void returningRunsABodyInItsOwnScope() {
    Tensor x = Torch.tensor(new float[] {1, 2, 3});
    Tensor y = Scope.returning(() -> x.mul(x).sum());
    assertEquals(14f, y.floatValue());
    List<Tensor> pair = Scope.returning(() -> List.of(x.add(1), x.sub(1)));
    assertFalse(pair.get(0).isClosed());
    ValuesIndices vi = Scope.returning(() -> x.max(0));
    assertEquals(3f, vi.values().floatValue());
    assertEquals(2, vi.indices().longValue());
    vi.close();
    pair.forEach(Tensor::close);
    y.close();
    x.close();
  }

  @Test
  void keepMovesEveryTensorOfATuple() {
    MinMax kept;
    Unique unique;
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.tensor(new float[] {3, 1, 2, 1});
      kept = scope.keep(x.aminmax());
      unique = scope.keep(Torch.unique(x, true, true, false));
      assertEquals(2, kept.tensors().size());
      assertEquals(2, unique.tensors().size()); // counts were not asked for
    }
    assertEquals(1f, kept.min().floatValue());
    assertEquals(3f, kept.max().floatValue());
    assertEquals(3, unique.values().numel());
    kept.close();
    unique.close();
    assertTrue(kept.min().isClosed() && kept.max().isClosed() && unique.inverseIndices().isClosed());
  }

  @Test
  void closingAnOuterScopeClosesInnerOnes() {
    Scope outer = Scope.open();
    Scope inner = Scope.open();
    Tensor t = Torch.ones(1);
    outer.close();
    assertTrue(t.isClosed());
    inner.close(); // already closed: nothing happens
    Tensor free = Torch.ones(1); // no scope is current any more
    try (Scope s = Scope.open()) {
      assertEquals(0, s.size());
    }
    assertFalse(free.isClosed());
    free.close();
  }

  @Test
  void scopesAreThreadLocal() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Scope scope = Scope.open()) {
      Future<Tensor> other = pool.submit(() -> Torch.ones(2));
      Tensor fromOtherThread = other.get();
      assertEquals(0, scope.size());
      Future<?> closeElsewhere = pool.submit(scope::close);
      Exception e = assertThrows(Exception.class, closeElsewhere::get);
      assertTrue(e.getCause() instanceof IllegalStateException);
      fromOtherThread.close();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void unreachableTensorsAreCollectedByTheSafetyNet() throws Exception {
    // Outside any scope, nobody closes these: the Cleaner must free them.
    long before = NativeMemory.residentBytes();
    for (int i = 0; i < 2000; i++) {
      Torch.zeros(256 * 1024); // 1 MB each, dropped at once
      if (i % 200 == 0) {
        System.gc();
      }
    }
    System.gc();
    Thread.sleep(200);
    long grown = NativeMemory.residentBytes() - before;
    assertTrue(grown < 500L * 1024 * 1024, "2 GB allocated, " + grown / (1 << 20) + " MB still resident");
  }
}
