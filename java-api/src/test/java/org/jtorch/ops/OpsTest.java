package org.jtorch.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public face of org.jtorch.ops: typed ops, the generic call path, and their errors. */
@Tag("jtorch-native") // needs jtorch's operator library (the no-native run leaves it out)
class OpsTest {
  @Test
  void directBindingsAreLoaded() {
    assertTrue(Ops.directBindings(), "the JNI glue of JtorchOps should load in the build");
    assertTrue(List.of("AVX2", "DEFAULT").contains(Ops.cpuKernels()), Ops.cpuKernels());
  }

  @Test
  void typedOpsAndTheBoxedPathGiveTheSameResults() {
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(3);
      Tensor x = Torch.randn(6, 33);
      x.index(org.jtorch.Index.of(2), org.jtorch.Index.of(5)).fill_(Double.NaN);
      assertTrue(Ops.argmaxLayer(x, 1).equal((Tensor) Ops.call("jtorch::argmax_layer", x, 1)));
      Tensor a = Ops.softArgmax(x, 0, 0.5);
      Tensor b = Ops.op("jtorch::soft_argmax").callTensor(x, 0, 0.5);
      assertArrayEquals(a.toFloatArray(), b.toFloatArray());
      MinMaxIndices m = Ops.minMax(x, 1, true);
      @SuppressWarnings("unchecked")
      List<Object> r = (List<Object>) Ops.call("jtorch::min_max", x, 1, true);
      assertEquals(4, r.size());
      assertArrayEquals(m.min().toFloatArray(), ((Tensor) r.get(0)).toFloatArray()); // NaN == NaN here
      assertArrayEquals(m.max().toFloatArray(), ((Tensor) r.get(2)).toFloatArray());
      assertTrue(Float.isNaN(m.max().toFloatArray()[2]));
      assertArrayEquals(m.argmin().toLongArray(), ((Tensor) r.get(1)).toLongArray());
      assertArrayEquals(m.argmax().toLongArray(), ((Tensor) r.get(3)).toLongArray());
      assertEquals(5L, m.argmax().toLongArray()[2]); // the first NaN is the maximum
      assertEquals(5L, m.argmin().toLongArray()[2]); // and the minimum
      assertArrayEquals(new long[] {6, 1}, m.max().shape());
      // defaults from the schema: soft_argmax(temperature=1.0), min_max(keepdim=False)
      assertArrayEquals(Ops.softArgmax(x, 1).toFloatArray(),
          ((Tensor) Ops.call("jtorch::soft_argmax", x, 1)).toFloatArray());
      assertArrayEquals(new long[] {33}, ((Tensor) ((List<?>) Ops.call("jtorch::min_max", x, 0)).get(0)).shape());
    }
  }

  @Test
  void minMaxOfWorkedExample() {
    try (Scope scope = Scope.open()) {
      Tensor t = Torch.tensor(new float[][] {{1, 0, 0, 2}, {0, 3, 3, 0}, {4, 0, 0, 5}});
      MinMaxIndices m = Ops.minMax(t, 0);
      assertArrayEquals(new float[] {0, 0, 0, 0}, m.min().toFloatArray());
      assertArrayEquals(new long[] {1, 0, 0, 1}, m.argmin().toLongArray()); // first of the tied zeros
      assertArrayEquals(new float[] {4, 3, 3, 5}, m.max().toFloatArray());
      assertArrayEquals(new long[] {2, 1, 1, 2}, m.argmax().toLongArray());
      assertEquals(DType.INT64, m.argmax().dtype());
      assertEquals(4, m.tensors().size());
    }
  }

  @Test
  void softArgmaxGradientMatchesFiniteDifferences() {
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(5);
      Tensor x = Torch.randn(3, 5).to(DType.FLOAT64).requiresGrad_(true);
      Tensor w = Torch.randn(3).to(DType.FLOAT64);
      Ops.softArgmax(x, 1, 0.8).mul(w).sum().backward();
      double[] grad = x.grad().toDoubleArray();
      double[] xs = x.detach().toDoubleArray();
      double eps = 1e-6;
      for (int i = 0; i < xs.length; i++) {
        double[] plus = xs.clone();
        double[] minus = xs.clone();
        plus[i] += eps;
        minus[i] -= eps;
        double fp = Ops.softArgmax(Torch.tensor(plus).reshape(3, 5), 1, 0.8).mul(w).sum().doubleValue();
        double fm = Ops.softArgmax(Torch.tensor(minus).reshape(3, 5), 1, 0.8).mul(w).sum().doubleValue();
        assertEquals((fp - fm) / (2 * eps), grad[i], 1e-7, "element " + i);
      }
    }
  }

  @Test
  void callConvertsJavaValuesForAnyOperator() {
    try (Scope scope = Scope.open()) {
      Tensor a = Torch.tensor(new float[][] {{1, 2}, {3, 4}});
      Tensor b = Torch.ones(2, 2);
      // int / float scalars, schema defaults (alpha=1)
      assertArrayEquals(new float[] {2, 3, 4, 5}, ((Tensor) Ops.call("aten::add.Tensor", a, b)).toFloatArray());
      assertArrayEquals(new float[] {3, 4, 5, 6}, ((Tensor) Ops.call("aten::add.Tensor", a, b, 2)).toFloatArray());
      assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4.5f},
          ((Tensor) Ops.call("aten::add.Tensor", a, b, 0.5)).toFloatArray());
      // long[] for int[], null for an optional, boolean
      assertArrayEquals(new float[] {3, 7},
          ((Tensor) Ops.call("aten::sum.dim_IntList", a, new long[] {1}, false, null)).toFloatArray());
      // List<Tensor> for Tensor[]
      assertArrayEquals(new long[] {4, 2}, ((Tensor) Ops.call("aten::cat", List.of(a, b), 0)).shape());
      // String
      assertArrayEquals(new float[] {0, 0, 1, 1},
          ((Tensor) Ops.call("aten::div.Tensor_mode", a, Torch.full(new long[] {2, 2}, 3.0), "floor")).toFloatArray());
      // an int result, several results
      assertEquals(2L, Ops.call("aten::size.int", a, 1));
      List<?> mx = (List<?>) Ops.call("aten::max.dim", a, 1, false);
      assertArrayEquals(new long[] {1, 1}, ((Tensor) mx.get(1)).toLongArray());
      // a handle is looked up once and cached
      OpHandle h = Ops.op("aten::mul.Tensor");
      assertSame(h, Ops.op("aten::mul.Tensor"));
      assertEquals(List.of("self", "other"), h.argumentNames());
      assertTrue(h.schema().startsWith("aten::mul.Tensor(Tensor self, Tensor other)"), h.schema());
      assertArrayEquals(new float[] {1, 4, 9, 16}, h.callTensor(a, a).toFloatArray());
      // an operator returning nothing
      assertNull(Ops.call("aten::_assert_async", Torch.tensor(new boolean[] {true})));
    }
  }

  @Test
  void callRejectsMisuseWithClearMessages() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.randn(2, 3);
      IllegalArgumentException unknown =
          assertThrows(IllegalArgumentException.class, () -> Ops.call("nosuch::op", x));
      assertTrue(unknown.getMessage().contains("no operator nosuch::op is registered"), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("Ops.load"), unknown.getMessage());
      IllegalArgumentException overload =
          assertThrows(IllegalArgumentException.class, () -> Ops.op("aten::add"));
      assertTrue(overload.getMessage().contains("aten::add.overload"), overload.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Ops.op("argmax_layer"));
      assertThrows(IllegalArgumentException.class, () -> Ops.op("jtorch::"));
      IllegalArgumentException many =
          assertThrows(IllegalArgumentException.class, () -> Ops.call("jtorch::argmax_layer", x, 1, 2));
      assertTrue(many.getMessage().contains("takes 2 arguments but 3 were given"), many.getMessage());
      IllegalArgumentException few =
          assertThrows(IllegalArgumentException.class, () -> Ops.call("jtorch::argmax_layer", x));
      assertTrue(few.getMessage().contains("missing argument 'dim'"), few.getMessage());
      IllegalArgumentException type =
          assertThrows(IllegalArgumentException.class, () -> Ops.call("jtorch::argmax_layer", x, "1"));
      assertTrue(type.getMessage().contains("argument 'dim' of jtorch::argmax_layer must be int"), type.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Ops.call("jtorch::argmax_layer", 1.0, 1));
      assertThrows(IllegalArgumentException.class, () -> Ops.call("jtorch::argmax_layer", null, 1));
      assertThrows(IllegalArgumentException.class, () -> Ops.call("jtorch::argmax_layer", x, 1.5));
      TorchException rejected =
          assertThrows(TorchException.class, () -> Ops.call("jtorch::argmax_layer", x, 7));
      assertTrue(rejected.getMessage().contains("Dimension out of range"), rejected.getMessage());
      assertThrows(IllegalStateException.class, () -> Ops.op("aten::size.int").callTensor(x, 0));
      Tensor closed = Torch.ones(2);
      closed.close();
      assertThrows(IllegalStateException.class, () -> Ops.call("jtorch::argmax_layer", closed, 0));
    }
  }

  @Test
  void typedOpsRejectBadInput() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.randn(2, 3);
      assertThrows(TorchException.class, () -> Ops.softArgmax(x, 1, 0.0));
      assertThrows(TorchException.class, () -> Ops.softArgmax(x, 1, -1.0));
      assertThrows(TorchException.class, () -> Ops.softArgmax(x, 2, 1.0));
      assertThrows(TorchException.class, () -> Ops.minMax(Torch.tensor(new long[] {1, 2}), 0));
      assertThrows(TorchException.class, () -> Ops.minMax(Torch.zeros(2, 0), 1));
      assertThrows(NullPointerException.class, () -> Ops.minMax(null, 0));
      Tensor closed = Torch.ones(2);
      closed.close();
      assertThrows(IllegalStateException.class, () -> Ops.softArgmax(closed, 0, 1.0));
      assertThrows(IllegalStateException.class, () -> Ops.minMax(closed, 0));
    }
  }

  @Test
  void loadRejectsWhatIsNotALibrary(@TempDir Path dir) throws IOException {
    assertThrows(IllegalArgumentException.class, () -> Ops.load(dir.resolve("missing.so")));
    assertThrows(IllegalArgumentException.class, () -> Ops.load(dir));
    Path junk = Files.writeString(dir.resolve("junk.so"), "not an ELF file");
    assertThrows(UnsatisfiedLinkError.class, () -> Ops.load(junk));
  }
}
