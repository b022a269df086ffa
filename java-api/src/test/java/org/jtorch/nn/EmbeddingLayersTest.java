package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Embedding, EmbeddingBag and their F forms against golden/nn/embedding.json. */
class EmbeddingLayersTest {
  static final Map<String, Supplier<? extends Module>> MODULES = new LinkedHashMap<>();

  static Tensor pretrained() {
    return Torch.arange(0.0, 12.0, 1.0).reshape(4, 3).div(Torch.scalarTensor(4.0));
  }

  static {
    MODULES.put("embedding", () -> new Embedding(10, 3));
    MODULES.put("embedding_padding", () -> new Embedding(Embedding.options(10, 3).paddingIdx(0)));
    MODULES.put(
        "embedding_padding_neg", () -> new Embedding(Embedding.options(10, 3).paddingIdx(-1)));
    MODULES.put("embedding_max_norm", () -> new Embedding(Embedding.options(10, 3).maxNorm(1.0)));
    MODULES.put(
        "embedding_max_norm_p1",
        () -> new Embedding(Embedding.options(10, 3).maxNorm(1.5).normType(1.0)));
    MODULES.put(
        "embedding_freq", () -> new Embedding(Embedding.options(10, 3).scaleGradByFreq(true)));
    MODULES.put("embedding_1d", () -> new Embedding(6, 2));
    MODULES.put("embedding_pretrained", () -> Embedding.fromPretrained(pretrained(), false));
    MODULES.put("embedding_pretrained_frozen", () -> Embedding.fromPretrained(pretrained()));
    MODULES.put("embedding_double", () -> new Embedding(5, 2).double_());
    MODULES.put("embedding_index_out_of_range", () -> new Embedding(10, 3));
    MODULES.put("bag_mean_2d", () -> new EmbeddingBag(10, 3));
    MODULES.put("bag_sum_offsets", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("sum")));
    MODULES.put(
        "bag_mean_offsets", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("mean")));
    MODULES.put("bag_max_offsets", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("max")));
    MODULES.put("bag_sum_weights", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("sum")));
    MODULES.put(
        "bag_last_offset",
        () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("sum").includeLastOffset(true)));
    MODULES.put("bag_padding", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).paddingIdx(4)));
    MODULES.put(
        "bag_max_norm",
        () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("sum").maxNorm(1.0)));
    MODULES.put("bag_3d_input", () -> new EmbeddingBag(10, 3));
    MODULES.put("bag_2d_with_offsets", () -> new EmbeddingBag(10, 3));
    MODULES.put("bag_1d_without_offsets", () -> new EmbeddingBag(10, 3));
    MODULES.put("bag_weights_mean", () -> new EmbeddingBag(10, 3));
    MODULES.put(
        "bag_weights_shape", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("sum")));
    MODULES.put("bag_bad_mode", () -> new EmbeddingBag(EmbeddingBag.options(10, 3).mode("median")));
  }

  static List<Tensor> call(Module m, List<Tensor> in) {
    if (m instanceof EmbeddingBag bag) {
      return List.of(
          bag.forward(
              in.get(0), in.size() > 1 ? in.get(1) : null, in.size() > 2 ? in.get(2) : null));
    }
    return List.of(m.forward(in.get(0)));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : NnGolden.cases("embedding").values()) {
      String id = c.get("id").asText();
      Supplier<? extends Module> make = MODULES.get(id);
      assertNotNull(make, "no Java module for golden case " + id);
      if (c.has("error")) {
        tests.add(
            DynamicTest.dynamicTest(
                id, () -> NnGolden.checkError(c, make, (m, in) -> call(m, in))));
      } else {
        tests.add(
            DynamicTest.dynamicTest(id, () -> NnGolden.check(c, make, (m, in) -> call(m, in))));
      }
    }
    return tests.stream();
  }

  @Test
  void functionalFormsMatchTheModules() {
    try (Scope s = Scope.open();
        Embedding emb = new Embedding(Embedding.options(6, 2).paddingIdx(1))) {
      Tensor ids = Torch.tensor(new long[] {1, 5, 1, 0});
      assertTrue(F.embedding(ids, emb.weight).equal(emb.forward(ids)));
      assertArrayEquals(new float[] {0, 0}, emb.weight.select(0, 1).toFloatArray());
      Tensor w = emb.weight.detach().clone().requiresGrad_(true);
      F.embedding(ids, w, 1L, null, 2, false).sum().backward();
      // the padding row gets no gradient, the others count their occurrences
      assertArrayEquals(new float[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, w.grad().toFloatArray());
      Tensor bag =
          F.embeddingBag(
              Torch.tensor(new long[] {0, 5, 2}),
              emb.weight,
              Torch.tensor(new long[] {0, 1}),
              "sum");
      assertTrue(bag.select(0, 1).allclose(emb.weight.select(0, 5).add(emb.weight.select(0, 2))));
    }
  }

  @Test
  void misuseThrowsWithPyTorchsMessages() {
    assertEquals(
        "Padding_idx must be within num_embeddings",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Embedding(Embedding.options(4, 2).paddingIdx(4)))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Embedding(Embedding.options(4, 2).paddingIdx(-5)));
    assertEquals(
        "padding_idx must be within num_embeddings",
        assertThrows(
                IllegalArgumentException.class,
                () -> new EmbeddingBag(EmbeddingBag.options(4, 2).paddingIdx(7)))
            .getMessage());
    try (Scope s = Scope.open()) {
      assertEquals(
          "Embeddings parameter is expected to be 2-dimensional",
          assertThrows(
                  IllegalArgumentException.class, () -> Embedding.fromPretrained(Torch.zeros(3)))
              .getMessage());
      try (Embedding emb = new Embedding(4, 2)) {
        // float indices: LibTorch's own error
        assertThrows(org.jtorch.TorchException.class, () -> emb.forward(Torch.zeros(2)));
      }
      try (EmbeddingBag bag =
          new EmbeddingBag(EmbeddingBag.options(4, 2).mode("max").scaleGradByFreq(true))) {
        assertEquals(
            "max mode does not support scaling the gradient by the frequency",
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                        bag.forward(
                            Torch.zeros(
                                new long[] {2, 2},
                                org.jtorch.TensorOptions.dtype(org.jtorch.DType.INT64))))
                .getMessage());
      }
    }
  }
}
