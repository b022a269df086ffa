package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.jtorch.fft.FFT;
import org.jtorch.linalg.Linalg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The region-B API beyond the parity suite: views and copies, misuse, errors without C++
 * backtraces, and native objects released by indexing, linalg, FFT and complex calls.
 */
class IndexingComplexTest {
  private static void torchError(Executable e, String fragment) {
    TorchException ex = assertThrows(TorchException.class, e);
    assertTrue(ex.getMessage().contains(fragment), "message should contain '" + fragment + "': " + ex.getMessage());
    assertFalse(ex.getMessage().contains("frame #"), "C++ backtrace leaked into the message");
  }

  @Test
  void basicIndexingGivesViewsAdvancedIndexingCopies() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.arange(0, 12).reshape(3, 4);
      Tensor row = x.index(Index.of(-1)); // x[-1], a view
      row.indexPut_(new Index[] {Index.of(0)}, 100);
      assertEquals(100, x.index(Index.of(2), Index.of(0)).longValue());
      Tensor picked = x.index(Index.of(new long[] {0, 2})); // x[[0, 2]], a copy
      picked.indexPut_(new Index[] {Index.ELLIPSIS}, -1);
      assertArrayEquals(new long[] {0, 1, 2, 3}, x.index(Index.of(0)).toLongArray());
      // None and the ellipsis: x[None, ..., 1:3, None]
      assertArrayEquals(new long[] {1, 3, 2, 1}, x.index(Index.NONE, Index.ELLIPSIS, Index.slice(1L, 3L), Index.NONE).shape());
      // writes through a None index reach x
      x.indexPut_(new Index[] {Index.NONE, Index.ALL, Index.of(1)}, 7);
      assertArrayEquals(new long[] {7, 7, 7}, x.index(Index.ALL, Index.of(1)).toLongArray());
      Tensor mask = x.index(Index.ALL, Index.of(0)).gt(50);
      assertArrayEquals(new long[] {1, 4}, x.index(Index.of(mask)).shape());
    }
  }

  @Test
  void indexSpellsLikePython() {
    assertEquals("1:5:2", Index.slice(1L, 5L, 2L).toString());
    assertEquals(":", Index.ALL.toString());
    assertEquals(":-1", Index.to(-1).toString());
    assertEquals("2:", Index.from(2).toString());
    assertEquals("...", Index.ELLIPSIS.toString());
    assertEquals("None", Index.NONE.toString());
    assertEquals("[True, False]", Index.of(new boolean[] {true, false}).toString());
    assertEquals("-3", Index.of(-3).toString());
  }

  @Test
  void indexingErrorsAreJavaExceptions() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.zeros(2, 3);
      torchError(() -> x.index(Index.of(2)), "index 2 is out of bounds for dimension 0 with size 2");
      torchError(() -> x.index(Index.of(0), Index.of(0), Index.of(0)), "too many indices for tensor of dimension 2");
      torchError(() -> x.index(Index.slice(null, null, -1L)), "step must be greater than zero");
      torchError(() -> x.index(Index.of(Torch.tensor(new float[] {0}))), "tensors used as indices must be long");
      torchError(() -> x.indexPut_(new Index[] {Index.ALL, Index.of(0)}, Torch.ones(3)), "expanded size");
      Tensor closed = Torch.tensor(new long[] {0});
      closed.close();
      assertThrows(IllegalStateException.class, () -> x.index(Index.of(closed)));
      assertThrows(NullPointerException.class, () -> x.index((Index) null));
      assertThrows(NullPointerException.class, () -> Index.of((Tensor) null));
      // the tensor survives the failures
      assertEquals(0f, x.sum().floatValue());
    }
  }

  @Test
  void inPlaceOpsReturnThisTensor() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.zeros(2, 3);
      Tensor idx = Torch.tensor(new long[][] {{0, 1, 0}});
      assertSame(x, x.scatter_(0, idx, 1.0));
      assertSame(x, x.maskedFill_(x.gt(0), 5));
      assertSame(x, x.indexPut_(new Index[] {Index.of(1)}, 2));
      assertSame(x, x.indexAdd_(0, Torch.tensor(new long[] {0}), Torch.ones(1, 3)));
      assertArrayEquals(new float[] {6, 1, 6, 2, 2, 2}, x.toFloatArray());
    }
  }

  @Test
  void complexDataOutAndIn() {
    try (Scope scope = Scope.open()) {
      Tensor z = Torch.complex(Torch.tensor(new double[] {1, -2}), Torch.tensor(new double[] {0.5, 3}));
      assertEquals(DType.COMPLEX128, z.dtype());
      assertTrue(z.isComplex());
      assertArrayEquals(new double[] {1, 0.5, -2, 3}, z.toComplexArray());
      Tensor c = z.conj();
      assertTrue(c.isConj());
      assertArrayEquals(new double[] {1, -0.5, -2, -3}, c.toComplexArray()); // lazy conjugation applied
      assertArrayEquals(new double[] {1, 0, 2, 0}, Torch.tensor(new double[] {1, 2}).toComplexArray());
      assertEquals("tensor([ 1.+0.5000j, -2.+3.0000j], dtype=torch.complex128)", z.toString());
      torchError(() -> Torch.complex(Torch.ones(2), Torch.ones(2).to(DType.FLOAT64)), "Expected object of scalar type");
      torchError(() -> Torch.ones(2).imag(), "imag is not implemented for tensors with non-complex dtypes");
    }
  }

  @Test
  void linalgAndFftErrorsAreJavaExceptions() {
    try (Scope scope = Scope.open()) {
      Tensor singular = Torch.tensor(new double[][] {{1, 2}, {2, 4}});
      torchError(() -> Linalg.inv(singular), "the input matrix is singular");
      torchError(() -> Linalg.cholesky(Torch.tensor(new double[][] {{1, 2}, {2, 1}})), "not positive-definite");
      torchError(() -> Linalg.qr(singular, "full"), "unrecognized mode 'full'");
      torchError(() -> FFT.fft(Torch.ones(4), null, -1, "sideways"), "Invalid normalization mode");
      torchError(() -> FFT.rfft(Torch.ones(4).to(DType.COMPLEX64)), "rfft expects a real input tensor");
      assertThrows(IllegalArgumentException.class, () -> Linalg.matrixNorm(singular, "fro", new long[] {0}, false));
      Linalg.SVD svd = Linalg.svd(singular, false);
      int parts = 0;
      for (Tensor part : svd) {
        assertFalse(part.isClosed());
        parts++;
      }
      assertEquals(3, parts);
      assertEquals(5.0, svd.S().index(Index.of(0)).doubleValue(), 1e-12);
    }
  }

  @Test
  void decompositionRecordsSurviveScopeReturning() {
    Linalg.QR qr = Scope.returning(() -> Linalg.qr(Torch.eye(2)));
    try (qr) {
      assertFalse(qr.Q().isClosed());
      assertFalse(qr.R().isClosed());
    }
    assertTrue(qr.Q().isClosed());
  }

  @Test
  void nativeObjectsAreReleased() {
    try (Scope outer = Scope.open()) {
      Tensor x = Torch.randn(4, 5, 6);
      Tensor idx = Torch.tensor(new long[] {0, 2});
      Tensor m = Torch.randn(4, 4);
      Runnable work =
          () -> {
            try (Scope scope = Scope.open()) {
              x.index(Index.NONE, Index.of(1), Index.ELLIPSIS, Index.slice(1L, null, 2L));
              x.index(Index.of(idx), Index.NONE, Index.of(new boolean[] {true, false, true, false, false}));
              x.clone().indexPut_(new Index[] {Index.of(idx), Index.NONE}, 1.0);
              x.index();
              Linalg.svd(m);
              Linalg.qr(m);
              Linalg.eigh(m);
              Linalg.slogdet(m);
              Linalg.vectorNorm(m, 2, new long[] {1}, false);
              Linalg.pinv(m, 1e-3, null, false);
              FFT.fft(m, 8L, 0, "ortho");
              FFT.fft2(m, new long[] {5, 5}, new long[] {0, 1}, null);
              FFT.fftfreq(8);
              Torch.complex(m, m).toComplexArray();
              m.nonzeroAsTuple();
              Torch.einsum("ij,jk->ik", m, m);
            }
          };
      for (int i = 0; i < 200; i++) {
        work.run(); // warm up: lazily created natives
      }
      long before = Pointer.totalCount();
      for (int i = 0; i < 1000; i++) {
        work.run();
      }
      long grown = Pointer.totalCount() - before;
      assertTrue(grown < 100, grown + " native objects left behind by 1000 iterations");
    }
  }
}
