package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The core Tensor: the worked examples, creation from and conversion to Java data. */
class CoreTensorTest {

  @Test
  void theWorkedExamplesGivePyTorchsAnswers() {
    try (Scope scope = Scope.open()) {
      Tensor t = Torch.tensor(new long[][] {{1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}});
      assertArrayEquals(new long[] {6, 6, 6, 6}, t.sum(0).toLongArray());
      assertArrayEquals(new long[] {4, 8, 12}, t.sum(1).toLongArray());

      Tensor u = Torch.tensor(new long[][] {{1, 0, 0, 2}, {0, 3, 3, 0}, {4, 0, 0, 5}});
      assertEquals(5, u.max().longValue());
      assertEquals(11, u.argmax().longValue());
      ValuesIndices m = u.max(0);
      assertArrayEquals(new long[] {4, 3, 3, 5}, m.values().toLongArray());
      assertArrayEquals(new long[] {2, 1, 1, 2}, m.indices().toLongArray());
      assertArrayEquals(new long[] {3, 1, 3}, u.argmax(1).toLongArray());

      Tensor f = Torch.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
      assertArrayEquals(new float[] {4, 5, 6}, f.mean(0).toFloatArray());
    }
  }

  @Test
  void everyJavaArrayTypeMapsToItsDtype() {
    try (Scope scope = Scope.open()) {
      assertEquals(DType.FLOAT32, Torch.tensor(new float[] {1}).dtype());
      assertEquals(DType.FLOAT64, Torch.tensor(new double[][] {{1}}).dtype());
      assertEquals(DType.INT64, Torch.tensor(new long[][][] {{{1}}}).dtype());
      assertEquals(DType.INT32, Torch.tensor(new int[] {1}).dtype());
      assertEquals(DType.INT8, Torch.tensor(new byte[] {1}).dtype());
      assertEquals(DType.BOOL, Torch.tensor(new boolean[] {true}).dtype());

      float[][][] f3 = {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}};
      Tensor t3 = Torch.tensor(f3);
      assertArrayEquals(new long[] {2, 3, 2}, t3.shape());
      assertEquals(3, t3.dim());
      assertEquals(12, t3.numel());
      assertEquals(3, t3.size(1));
      assertEquals(2, t3.size(-1));
      assertArrayEquals(f3, t3.toArray(float[][][].class));
      assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, Torch.tensor(new double[][] {{1, 2}, {3, 4}}).toArray(double[][].class));
      assertArrayEquals(new int[][] {{-1, 2}}, Torch.tensor(new int[][] {{-1, 2}}).toArray(int[][].class));
      assertArrayEquals(new byte[] {-128, 127}, Torch.tensor(new byte[] {-128, 127}).toByteArray());
      assertArrayEquals(new boolean[][] {{true, false}, {false, true}},
          Torch.tensor(new boolean[][] {{true, false}, {false, true}}).toArray(boolean[][].class));
      assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE},
          Torch.tensor(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}).toLongArray());
    }
  }

  @Test
  void emptyAndZeroDimTensors() {
    try (Scope scope = Scope.open()) {
      Tensor e = Torch.tensor(new float[0]);
      assertArrayEquals(new long[] {0}, e.shape());
      assertEquals(0, e.toFloatArray().length);
      Tensor e2 = Torch.tensor(new float[2][0]);
      assertArrayEquals(new long[] {2, 0}, e2.shape());
      assertEquals(0, e2.toArray(float[][].class)[0].length);
      Tensor s = Torch.scalarTensor(2.5);
      assertEquals(0, s.dim());
      assertEquals(2.5f, s.floatValue());
      assertEquals(2.5, s.doubleValue());
      assertEquals(2, s.longValue());
      assertTrue(s.booleanValue());
      assertFalse(Torch.zeros(1).booleanValue());
    }
  }

  @Test
  void raggedArraysAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Torch.tensor(new float[][] {{1, 2}, {3}}));
    assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Torch.tensor(new long[][][] {{{1}}, {{1}, {2}}}));
    assertThrows(IllegalArgumentException.class, () -> Torch.tensor(new int[][] {{1}, null}));
  }

  @Test
  void conversionsKeepPyTorchsSemantics() {
    try (Scope scope = Scope.open()) {
      Tensor f = Torch.tensor(new float[] {1.7f, -1.7f, 2.5f});
      Tensor l = f.to(DType.INT64);
      assertEquals(DType.INT64, l.dtype());
      assertArrayEquals(new long[] {1, -1, 2}, l.toLongArray()); // truncation toward zero
      assertEquals(DType.FLOAT64, f.to(DType.FLOAT64).dtype());
      assertEquals(Device.CPU, f.to(Device.CPU).device());
      assertArrayEquals(new float[] {1.7f, -1.7f, 2.5f}, f.to(Device.CPU, DType.FLOAT64).toFloatArray());
      assertTrue(f.isContiguous());
      Tensor tr = Torch.arange(6).reshape(2, 3).matmul(Torch.eye(3, 3, TensorOptions.dtype(DType.INT64)));
      assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, tr.toLongArray());
      assertFalse(f.requiresGrad());
      assertEquals("torch.float32", DType.FLOAT32.toString());
      assertEquals("cuda:1", Device.of("cuda:1").toString());
    }
  }

  @Test
  void nonContiguousDataComesOutRowMajor() {
    try (Scope scope = Scope.open()) {
      Tensor t = Torch.arange(6).reshape(2, 3);
      Tensor tt = Tensor.op(() -> t.h().t()); // a transposed view
      assertFalse(tt.isContiguous());
      assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, tt.toLongArray());
      assertArrayEquals(new long[][] {{0, 3}, {1, 4}, {2, 5}}, tt.toArray(long[][].class));
    }
  }

  @Test
  void directBuffersAreSharedWithoutCopy() {
    ByteBuffer bytes = ByteBuffer.allocateDirect(6 * 4).order(ByteOrder.nativeOrder());
    FloatBuffer fb = bytes.asFloatBuffer();
    for (int i = 0; i < 6; i++) {
      fb.put(i, i * 0.5f);
    }
    try (Tensor t = Torch.fromBuffer(fb, DType.FLOAT32, 2, 3)) {
      assertArrayEquals(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f}, t.toFloatArray());
      fb.put(0, 42f); // write through the buffer ...
      assertEquals(42f, t.toFloatArray()[0]);
      ByteBuffer view = t.asByteBuffer(); // ... and read the tensor's memory without a copy
      assertEquals(42f, view.getFloat(0));
      view.putFloat(4, -1f);
      assertEquals(-1f, fb.get(1));
    }
    // a heap buffer is copied
    FloatBuffer heap = FloatBuffer.wrap(new float[] {1, 2, 3});
    try (Tensor t = Torch.fromBuffer(heap, DType.FLOAT32, 3)) {
      heap.put(0, 9);
      assertEquals(1f, t.toFloatArray()[0]);
    }
    assertThrows(IllegalArgumentException.class, () -> Torch.fromBuffer(fb, DType.FLOAT32, 4));
    assertThrows(IllegalArgumentException.class,
        () -> Torch.fromBuffer(ByteBuffer.allocateDirect(8).order(ByteOrder.BIG_ENDIAN).asFloatBuffer(), DType.FLOAT32, 2));
  }

  @Test
  void byteBufferOutlivesItsTensor() {
    Tensor t = Torch.arange(4.0, 8.0, 1.0);
    ByteBuffer b = t.asByteBuffer();
    t.close();
    System.gc();
    assertEquals(4f, b.getFloat(0)); // still valid: the buffer holds its own reference
    assertEquals(7f, b.getFloat(12));
  }

  @Test
  void fromBytesReinterpretsRawData() {
    try (Scope scope = Scope.open()) {
      Tensor u8 = Torch.fromBytes(new byte[] {0, (byte) 255, 7, 8}, DType.UINT8, 2, 2);
      assertEquals(DType.UINT8, u8.dtype());
      assertArrayEquals(new long[] {0, 255, 7, 8}, u8.toLongArray());
      assertThrows(IllegalArgumentException.class, () -> Torch.fromBytes(new byte[3], DType.INT32, 1));
    }
  }

  @Test
  void dataOutResolvesLazyConjugationAndNegation() {
    try (Scope scope = Scope.open()) {
      Tensor z = Torch.complex(Torch.tensor(new float[] {1}), Torch.tensor(new float[] {2}));
      Tensor imag = z.conj().imag(); // a view carrying PyTorch's lazy negation flag
      assertArrayEquals(new double[] {-2}, imag.toDoubleArray());
      assertEquals(-2f, imag.floatValue());
      assertEquals("tensor([-2.])", imag.toString());
    }
  }

  @Test
  void stackAndCatCombineTensors() {
    try (Scope scope = Scope.open()) {
      Tensor a = Torch.tensor(new float[] {1, 5, 3});
      Tensor b = Torch.tensor(new float[] {4, 2, 6});
      Tensor s = Torch.stack(java.util.List.of(a, b), 0);
      assertArrayEquals(new long[] {2, 3}, s.shape());
      assertArrayEquals(new float[] {1, 2, 3}, s.min(0).values().toFloatArray());
      assertArrayEquals(new float[] {1, 5, 3, 4, 2, 6}, Torch.cat(java.util.List.of(a, b), 0).toFloatArray());
    }
  }

  @Test
  void autogradThroughCoreOps() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.tensor(new float[] {1, 2, 3}).requiresGrad_(true);
      assertTrue(x.requiresGrad());
      assertTrue(x.isLeaf());
      assertEquals(null, x.grad());
      Tensor y = x.mul(x).sum();
      assertFalse(y.isLeaf());
      y.backward();
      assertArrayEquals(new float[] {2, 4, 6}, x.grad().toFloatArray());
      Tensor z = x.exp();
      z.backward(Torch.onesLike(z));
      assertArrayEquals(
          new float[] {2 + (float) Math.E, 4 + (float) Math.exp(2), 6 + (float) Math.exp(3)},
          x.grad().toFloatArray(), 1e-5f);
    }
  }

  @Test
  void factoriesTakeOptions() {
    try (Scope scope = Scope.open()) {
      Tensor z = Torch.zeros(new long[] {2, 3}, TensorOptions.dtype(DType.FLOAT64).requiresGrad(true));
      assertEquals(DType.FLOAT64, z.dtype());
      assertTrue(z.requiresGrad());
      assertEquals(DType.INT32, Torch.ones(new long[] {2}, TensorOptions.dtype(DType.INT32)).dtype());
      assertArrayEquals(new long[] {4, 1}, Torch.empty(4, 1).shape());
      Tensor r = Torch.randint(3, 5, 5);
      assertEquals(DType.INT64, r.dtype());
      for (long v : r.toLongArray()) {
        assertTrue(v >= 0 && v < 3);
      }
      Tensor like = Torch.fullLike(z, 2);
      assertEquals(DType.FLOAT64, like.dtype());
      assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, like.toDoubleArray());
      assertArrayEquals(new long[] {2, 3}, Torch.randnLike(z).shape());
      assertArrayEquals(new long[] {2, 3}, Torch.randLike(z).shape());
      assertEquals(DType.FLOAT64, Torch.zerosLike(z).dtype());
      assertArrayEquals(new long[] {2, 3}, Torch.onesLike(z).shape());
      assertArrayEquals(new long[] {2, 3}, Torch.emptyLike(z).shape());
      assertEquals(DType.FLOAT64, Torch.randintLike(z, 4).dtype());
    }
  }
}
