package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * MultiheadAttention, F.scaledDotProductAttention, LayerNorm and TransformerEncoderLayer against
 * golden/nn/attention.json.
 */
class AttentionLayersTest {
  record Case(
      Supplier<? extends Module> make, BiFunction<Module, List<Tensor>, List<Tensor>> fwd) {}

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  static void put(
      String id,
      Supplier<? extends Module> make,
      BiFunction<Module, List<Tensor>, List<Tensor>> fwd) {
    CASES.put(id, new Case(make, fwd));
  }

  static MultiheadAttention mha(MultiheadAttention.Options o) {
    return new MultiheadAttention(o);
  }

  static List<Tensor> out(MultiheadAttention.Output r) {
    return r.attnWeights() == null
        ? List.of(r.attnOutput())
        : List.of(r.attnOutput(), r.attnWeights());
  }

  static MultiheadAttention.Output attend(Module m, Tensor q, Tensor k, Tensor v) {
    return ((MultiheadAttention) m).forward(q, k, v);
  }

  static final BiFunction<Module, List<Tensor>, List<Tensor>> SELF =
      (m, in) -> out(attend(m, in.get(0), in.get(0), in.get(0)));
  static final BiFunction<Module, List<Tensor>, List<Tensor>> QKV =
      (m, in) -> out(attend(m, in.get(0), in.get(1), in.get(2)));
  static final BiFunction<Module, List<Tensor>, List<Tensor>> ONE =
      (m, in) -> List.of(m.forward(in.get(0)));

  static {
    Supplier<MultiheadAttention> basic = () -> new MultiheadAttention(4, 2);
    put("mha_self", basic, SELF);
    put("mha_qkv", basic, QKV);
    put("mha_q_kv", basic, (m, in) -> out(attend(m, in.get(0), in.get(1), in.get(1))));
    put("mha_kdim_vdim", () -> mha(MultiheadAttention.options(4, 2).kdim(3).vdim(5)), QKV);
    put("mha_batch_first", () -> mha(MultiheadAttention.options(4, 2).batchFirst(true)), SELF);
    put("mha_batch_first_qkv", () -> mha(MultiheadAttention.options(4, 2).batchFirst(true)), QKV);
    put("mha_unbatched", basic, SELF);
    put("mha_nobias", () -> mha(MultiheadAttention.options(4, 2).bias(false)), SELF);
    put(
        "mha_bias_kv_zero_attn",
        () -> mha(MultiheadAttention.options(4, 2).addBiasKv(true).addZeroAttn(true)),
        QKV);
    put(
        "mha_key_padding_mask",
        basic,
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(in.get(0), in.get(1), in.get(2), in.get(3), true, null, true, false)));
    put(
        "mha_attn_mask_bool",
        basic,
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(in.get(0), in.get(1), in.get(2), null, true, in.get(3), true, false)));
    put("mha_attn_mask_float_3d", basic, CASES.get("mha_attn_mask_bool").fwd());
    put(
        "mha_masks_bias_kv",
        () -> mha(MultiheadAttention.options(4, 2).addBiasKv(true)),
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(
                        in.get(0), in.get(1), in.get(2), in.get(3), true, in.get(4), true, false)));
    put(
        "mha_per_head",
        basic,
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(in.get(0), in.get(1), in.get(2), null, true, null, false, false)));
    put(
        "mha_no_weights",
        basic,
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(
                        in.get(0), in.get(1), in.get(2), in.get(3), false, in.get(4), true,
                        false)));
    put(
        "mha_causal",
        basic,
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(in.get(0), in.get(0), in.get(0), null, false, in.get(1), true, true)));
    put("mha_dropout_train", () -> mha(MultiheadAttention.options(4, 2).dropout(0.3)), QKV);
    put("mha_dropout_eval", () -> mha(MultiheadAttention.options(4, 2).dropout(0.3)), QKV);
    put(
        "mha_double",
        () -> {
          MultiheadAttention m = new MultiheadAttention(4, 2);
          m.double_();
          return m;
        },
        SELF);
    put("mha_4d_query", basic, SELF);
    put("mha_embed_dim", basic, SELF);
    put(
        "mha_causal_without_mask",
        basic,
        (m, in) ->
            out(
                ((MultiheadAttention) m)
                    .forward(in.get(0), in.get(0), in.get(0), null, true, null, true, true)));
    put("mha_mask_shape", basic, CASES.get("mha_attn_mask_bool").fwd());
    put("mha_mask_dtype", basic, CASES.get("mha_attn_mask_bool").fwd());
    put("mha_kv_mismatch", basic, QKV);

    put(
        "sdpa",
        Identity::new,
        (m, in) -> List.of(F.scaledDotProductAttention(in.get(0), in.get(1), in.get(2))));
    put(
        "sdpa_mask_scale",
        Identity::new,
        (m, in) ->
            List.of(
                F.scaledDotProductAttention(
                    in.get(0),
                    in.get(1),
                    in.get(2),
                    in.get(3).logicalNot(),
                    0.0,
                    false,
                    0.3,
                    false)));
    put(
        "sdpa_causal",
        Identity::new,
        (m, in) ->
            List.of(
                F.scaledDotProductAttention(
                    in.get(0), in.get(1), in.get(2), null, 0.0, true, null, false)));
    put(
        "sdpa_dropout",
        Identity::new,
        (m, in) ->
            List.of(
                F.scaledDotProductAttention(
                    in.get(0), in.get(1), in.get(2), null, 0.4, false, null, false)));

    put("layer_norm", () -> new LayerNorm(4), ONE);
    put(
        "layer_norm_2d_nobias",
        () -> new LayerNorm(LayerNorm.options(3, 4).eps(1e-3).bias(false)),
        ONE);
    put(
        "layer_norm_no_affine",
        () -> new LayerNorm(LayerNorm.options(4).elementwiseAffine(false)),
        ONE);
    put("encoder_layer_eval", () -> new TransformerEncoderLayer(4, 2, 8), ONE);
    put("encoder_layer_train", () -> new TransformerEncoderLayer(4, 2, 8), ONE);
    put(
        "encoder_layer_bf_normfirst_gelu",
        () ->
            new TransformerEncoderLayer(
                TransformerEncoderLayer.options(4, 2)
                    .dimFeedforward(8)
                    .dropout(0.0)
                    .activation("gelu")
                    .batchFirst(true)
                    .normFirst(true)
                    .layerNormEps(1e-6)),
        ONE);
    put(
        "encoder_layer_masks",
        () ->
            new TransformerEncoderLayer(
                TransformerEncoderLayer.options(4, 2).dimFeedforward(8).dropout(0.0)),
        (m, in) ->
            List.of(((TransformerEncoderLayer) m).forward(in.get(0), in.get(1), in.get(2), false)));
    put(
        "encoder_layer_causal",
        () -> new TransformerEncoderLayer(4, 2, 8),
        (m, in) ->
            List.of(((TransformerEncoderLayer) m).forward(in.get(0), in.get(1), null, true)));
    put(
        "encoder_layer_nobias_unbatched",
        () ->
            new TransformerEncoderLayer(
                TransformerEncoderLayer.options(4, 4).dimFeedforward(8).dropout(0.0).bias(false)),
        ONE);
    put("encoder_stack_train", () -> new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), 3), ONE);
    put(
        "encoder_stack_norm_masks",
        () ->
            new TransformerEncoder(
                new TransformerEncoderLayer(
                    TransformerEncoderLayer.options(4, 2).dimFeedforward(8).dropout(0.0)),
                2,
                new LayerNorm(4)),
        (m, in) ->
            List.of(((TransformerEncoder) m).forward(in.get(0), in.get(1), in.get(2), null)));
    put("encoder_stack_eval", () -> new TransformerEncoder(new TransformerEncoderLayer(4, 2, 8), 2), ONE);
    put(
        "decoder_layer_train",
        () -> new TransformerDecoderLayer(4, 2, 8),
        (m, in) -> List.of(((TransformerDecoderLayer) m).forward(in.get(0), in.get(1))));
    put(
        "decoder_layer_normfirst_masks",
        () ->
            new TransformerDecoderLayer(
                TransformerDecoderLayer.options(4, 2)
                    .dimFeedforward(8)
                    .dropout(0.0)
                    .activation("gelu")
                    .normFirst(true)),
        (m, in) ->
            List.of(
                ((TransformerDecoderLayer) m)
                    .forward(in.get(0), in.get(1), in.get(2), null, in.get(3), in.get(4), false,
                        false)));
    put(
        "decoder_stack_norm",
        () ->
            new TransformerDecoder(
                new TransformerDecoderLayer(
                    TransformerDecoderLayer.options(4, 2).dimFeedforward(8).dropout(0.0)),
                2,
                new LayerNorm(4)),
        (m, in) ->
            List.of(
                ((TransformerDecoder) m)
                    .forward(in.get(0), in.get(1), in.get(2), null, null, null, null, false)));
    put(
        "transformer_small",
        () ->
            new Transformer(
                Transformer.options(4, 2)
                    .numEncoderLayers(2)
                    .numDecoderLayers(2)
                    .dimFeedforward(8)
                    .dropout(0.0)
                    .batchFirst(true)),
        (m, in) -> List.of(((Transformer) m).forward(in.get(0), in.get(1), null, in.get(2))));
    put(
        "transformer_train",
        () ->
            new Transformer(
                Transformer.options(4, 2).numEncoderLayers(1).numDecoderLayers(1).dimFeedforward(8)),
        (m, in) -> List.of(((Transformer) m).forward(in.get(0), in.get(1))));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : NnGolden.cases("attention").values()) {
      String id = c.get("id").asText();
      Case k = CASES.get(id);
      assertNotNull(k, "no Java module for golden case " + id);
      if (c.has("error")) {
        tests.add(
            DynamicTest.dynamicTest(
                id, () -> NnGolden.checkError(c, k.make(), (m, in) -> k.fwd().apply(m, in))));
      } else {
        tests.add(
            DynamicTest.dynamicTest(
                id, () -> NnGolden.check(c, k.make(), (m, in) -> k.fwd().apply(m, in))));
      }
    }
    return tests.stream();
  }

  /**
   * The stacks' layers are copies, as Python's deepcopy: same weights, separate tensors, and no
   * random numbers drawn (the draws after the stack are those after its one layer).
   */
  @Test
  void stackLayersAreCopiesThatDrawNoRandomNumbers() {
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(5);
      new TransformerEncoderLayer(4, 2, 8);
      new TransformerDecoderLayer(4, 2, 8);
      float[] want = Torch.rand(3).toFloatArray();
      Torch.manualSeed(5);
      TransformerEncoderLayer layer = new TransformerEncoderLayer(4, 2, 8);
      TransformerEncoder enc = new TransformerEncoder(layer, 3);
      TransformerDecoder dec = new TransformerDecoder(new TransformerDecoderLayer(4, 2, 8), 2);
      // only the two layers drew: the draw after them is the same with or without the stacks
      assertArrayEquals(want, Torch.rand(3).toFloatArray());
      assertEquals(3, enc.layers.size());
      assertEquals(2, dec.layers.size());
      Tensor w0 = ((TransformerEncoderLayer) enc.layers.get(0)).linear1.weight;
      Tensor w1 = ((TransformerEncoderLayer) enc.layers.get(1)).linear1.weight;
      assertTrue(w0.equal(layer.linear1.weight) && w1.equal(layer.linear1.weight));
      try (var off = Torch.noGrad()) {
        w0.add_(1);
      }
      assertFalse(w1.equal(w0), "each copy has tensors of its own");
      assertThrows(IllegalArgumentException.class, () -> new TransformerEncoder(layer, -1));
    }
  }

  @Test
  void causalMasksAndTransformerMisuse() {
    try (Scope scope = Scope.open()) {
      float inf = Float.NEGATIVE_INFINITY;
      assertArrayEquals(
          new float[] {0, inf, inf, 0, 0, inf, 0, 0, 0},
          Transformer.generateSquareSubsequentMask(3).toFloatArray());
      assertTrue(Transformer.isCausal(Transformer.generateSquareSubsequentMask(4), null, 4));
      assertTrue(Transformer.isCausal(
          Transformer.generateSquareSubsequentMask(4).isinf(), null, 4)); // the bool form
      assertFalse(Transformer.isCausal(Torch.zeros(4, 4), null, 4));
      assertFalse(Transformer.isCausal(Transformer.generateSquareSubsequentMask(4), false, 4));
      Transformer t =
          new Transformer(Transformer.options(4, 2).numEncoderLayers(1).numDecoderLayers(1)
              .dimFeedforward(8));
      IllegalArgumentException batch =
          assertThrows(IllegalArgumentException.class,
              () -> t.forward(Torch.randn(5, 2, 4), Torch.randn(3, 3, 4)));
      assertEquals("the batch number of src and tgt must be equal", batch.getMessage());
      IllegalArgumentException width =
          assertThrows(IllegalArgumentException.class,
              () -> t.forward(Torch.randn(5, 2, 4), Torch.randn(3, 2, 5)));
      assertEquals("the feature number of src and tgt must be equal to d_model", width.getMessage());
    }
  }

  @Test
  void stateDictKeysAreTorchs() {
    try (TransformerEncoderLayer layer = new TransformerEncoderLayer(4, 2, 8);
        MultiheadAttention sep = mha(MultiheadAttention.options(4, 2).kdim(3).addBiasKv(true))) {
      assertEquals(
          List.of(
              "self_attn.in_proj_weight",
              "self_attn.in_proj_bias",
              "self_attn.out_proj.weight",
              "self_attn.out_proj.bias",
              "linear1.weight",
              "linear1.bias",
              "linear2.weight",
              "linear2.bias",
              "norm1.weight",
              "norm1.bias",
              "norm2.weight",
              "norm2.bias"),
          new ArrayList<>(layer.stateDict().keySet()));
      assertEquals(
          List.of(
              "q_proj_weight",
              "k_proj_weight",
              "v_proj_weight",
              "in_proj_bias",
              "bias_k",
              "bias_v",
              "out_proj.weight",
              "out_proj.bias"),
          new ArrayList<>(sep.stateDict().keySet()));
      assertEquals(
          "MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features=4,"
              + " out_features=4, bias=True)\n)",
          sep.toString());
    }
  }

  @Test
  void misuseThrows() {
    assertEquals(
        "embed_dim must be divisible by num_heads",
        assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(6, 4))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(0, 2));
    assertEquals(
        "activation should be relu/gelu, not swish",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    new TransformerEncoderLayer(
                        TransformerEncoderLayer.options(4, 2).activation("swish")))
            .getMessage());
    try (Scope s = Scope.open();
        MultiheadAttention m = new MultiheadAttention(4, 2)) {
      assertThrows(UnsupportedOperationException.class, () -> m.forward(Torch.randn(3, 1, 4)));
      Tensor q = Torch.randn(3, 1, 4);
      q.close();
      assertThrows(IllegalStateException.class, () -> m.forward(q, q, q));
    }
  }

  @Test
  void gradcheckPassesInFloat64() {
    org.jtorch.TensorOptions f64 = org.jtorch.TensorOptions.dtype(org.jtorch.DType.FLOAT64);
    try (Scope s = Scope.open();
        MultiheadAttention m = mha(MultiheadAttention.options(4, 2).addBiasKv(true));
        TransformerEncoderLayer enc =
            new TransformerEncoderLayer(TransformerEncoderLayer.options(4, 2).dimFeedforward(6))) {
      m.double_();
      enc.double_();
      enc.eval();
      Tensor q = Torch.randn(new long[] {2, 1, 4}, f64).requiresGrad_(true);
      Tensor kv = Torch.randn(new long[] {3, 1, 4}, f64).requiresGrad_(true);
      List<Tensor> inputs = new ArrayList<>(List.of(q, kv));
      // a few of the parameters keep the test fast (each element costs two forward passes)
      inputs.add(m.biasK);
      assertTrue(
          org.jtorch.autograd.Autograd.gradcheck(
              in -> {
                MultiheadAttention.Output r = m.forward(in.get(0), in.get(1), in.get(1));
                return Torch.cat(List.of(r.attnOutput().reshape(-1), r.attnWeights().reshape(-1)));
              },
              inputs));
      List<Tensor> ein = new ArrayList<>(List.of(q));
      ein.add(enc.linear2.bias);
      ein.add(enc.norm1.weight);
      assertTrue(org.jtorch.autograd.Autograd.gradcheck(in -> enc.forward(in.get(0)), ein));
    }
  }
}
