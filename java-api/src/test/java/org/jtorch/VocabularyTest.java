package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the golden replay cannot see in the region-A vocabulary: Java overload choice, in-place
 * identity, ownership of tensors taken out of native tuples and vectors, and misuse.
 */
class VocabularyTest {
  @Test
  void integralLiteralsKeepIntegerTensorsInteger() {
    try (Scope scope = Scope.open()) {
      Tensor i = Torch.tensor(new long[] {1, 2, 3});
      assertEquals(DType.INT64, i.add(2).dtype()); // int literal → add(long), like Python's t + 2
      assertEquals(DType.FLOAT32, i.add(2.0).dtype()); // like Python's t + 2.0
      assertEquals(DType.INT64, i.clamp(0, 2).dtype());
      assertEquals(DType.FLOAT32, i.clamp(0.5, 2.5).dtype());
      assertEquals(DType.INT64, Torch.where(i.gt(1), 1, 0).dtype());
      assertEquals(DType.FLOAT32, Torch.where(i.gt(1), 1.0, 0.0).dtype());
      assertArrayEquals(new long[] {0, 1, 1}, i.div(2, "floor").toLongArray());
    }
  }

  @Test
  void inPlaceFormsReturnTheirReceiverAndChangeIt() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.tensor(new float[] {1, 4, 9});
      Tensor view = x.narrow(0, 1, 2);
      assertSame(view, view.sqrt_());
      assertArrayEquals(new float[] {1, 2, 3}, x.toFloatArray());
      assertSame(x, x.mul_(2).add_(Torch.onesLike(x), 0.5).clamp_(null, 4.0));
      assertArrayEquals(new float[] {2.5f, 4, 4}, x.toFloatArray());
      assertSame(x, x.div_(2L, "trunc"));
      assertArrayEquals(new float[] {1, 2, 2}, x.toFloatArray());
      assertSame(x, x.zero_().fill_(7));
      assertArrayEquals(new float[] {7, 7, 7}, x.toFloatArray());
    }
  }

  @Test
  void partsOfTuplesAndListsOutliveTheirSource() {
    Tensor x = Torch.tensor(new float[][] {{3, 1, 2}, {0, 5, 4}});
    ValuesIndices sorted = x.sort(1);
    MinMax mm = x.aminmax();
    StdMean sm = Torch.stdMean(x);
    Unique u = x.unique(true, true, true);
    List<Tensor> parts = x.split(1, 1);
    x.close();
    assertArrayEquals(new float[] {1, 2, 3, 0, 4, 5}, sorted.values().toFloatArray());
    assertArrayEquals(new long[] {1, 2, 0, 0, 2, 1}, sorted.indices().toLongArray());
    assertEquals(0f, mm.min().floatValue());
    assertEquals(5f, mm.max().floatValue());
    assertEquals(2.5f, sm.mean().floatValue());
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, u.values().toFloatArray());
    assertArrayEquals(new long[] {3, 1, 2, 0, 5, 4}, u.inverseIndices().toLongArray());
    assertEquals(3, parts.size());
    assertArrayEquals(new float[] {2, 4}, parts.get(2).toFloatArray());
    assertThrows(UnsupportedOperationException.class, () -> parts.add(null));
    sorted.close();
    mm.close();
    sm.close();
    u.close();
    parts.forEach(Tensor::close);
    assertTrue(u.values().isClosed());
  }

  @Test
  void uniqueLeavesOutWhatWasNotAskedFor() {
    try (Scope scope = Scope.open()) {
      Unique u = Torch.tensor(new long[] {2, 1, 2}).unique();
      assertArrayEquals(new long[] {1, 2}, u.values().toLongArray());
      assertNull(u.inverseIndices());
      assertNull(u.counts());
      Unique byRow = Torch.tensor(new long[][] {{1, 2}, {1, 2}, {0, 1}}).unique(true, false, true, 0);
      assertArrayEquals(new long[] {0, 1, 1, 2}, byRow.values().toLongArray());
      assertArrayEquals(new long[] {1, 2}, byRow.counts().toLongArray());
    }
  }

  @Test
  void scopeReturningKeepsTheRecords() {
    StdMean sm;
    MinMax mm;
    Unique u;
    try (Scope outer = Scope.open()) {
      Tensor x = Torch.tensor(new float[] {1, 2, 3, 3});
      sm = Scope.returning(() -> Torch.stdMean(x));
      mm = Scope.returning(x::aminmax);
      u = Scope.returning(() -> x.unique(true, false, true));
      assertFalse(sm.std().isClosed());
      assertEquals(3f, mm.max().floatValue());
      assertArrayEquals(new long[] {1, 1, 2}, u.counts().toLongArray());
    }
    assertTrue(sm.mean().isClosed(), "the outer scope owned them");
    assertTrue(mm.min().isClosed());
    assertTrue(u.counts().isClosed());
  }

  @Test
  void misuseIsAJavaException() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.ones(2, 3);
      Tensor closed = Torch.ones(2);
      closed.close();
      assertThrows(IllegalStateException.class, () -> x.add(closed));
      assertThrows(IllegalStateException.class, () -> closed.sort());
      assertThrows(IllegalStateException.class, () -> closed.split(1));
      assertThrows(IllegalStateException.class, () -> Torch.hstack(List.of(x, closed)));
      assertThrows(NullPointerException.class, () -> Torch.cat(null));
      TorchException bad = assertThrows(TorchException.class, () -> x.div(x, "round"));
      assertTrue(bad.getMessage().contains("rounding_mode"), bad.getMessage());
      assertThrows(TorchException.class, () -> x.clamp((Double) null, (Double) null));
      assertThrows(TorchException.class, () -> x.topk(4, 1));
      // the receiver is untouched by a failed in-place call
      Tensor i = Torch.tensor(new long[] {1, 2});
      assertThrows(TorchException.class, () -> i.sqrt_());
      assertArrayEquals(new long[] {1, 2}, i.toLongArray());
    }
  }
}
