package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The losses against golden/nn/loss.json (gen_nn_loss.py): each case is replayed twice, through the
 * module's forward and through the F function with the module's settings, and must give PyTorch's
 * values, input gradients, state dict and repr.
 */
class LossesTest {
  static final String[] REDS = {"none", "mean", "sum"};
  static final Map<String, Supplier<Module>> MODULES = new HashMap<>();

  static Tensor w() {
    return Torch.tensor(new float[] {0.5f, 1.0f, 2.0f, 1.5f, 0.25f});
  }

  static Tensor bw() {
    return Torch.tensor(new float[] {1.0f, 2.0f, 0.5f, 3.0f});
  }

  static Tensor pw() {
    return Torch.tensor(new float[] {2.0f, 0.5f, 1.0f, 4.0f});
  }

  static void put(String id, Supplier<Module> make) {
    assertNull(MODULES.put(id, make), id);
  }

  static {
    for (String red : REDS) {
      Reduction r = Reduction.of(red);
      put("mse_" + red, () -> new MSELoss(r));
      put("l1_" + red, () -> new L1Loss(r));
      put("smooth_l1_" + red, () -> new SmoothL1Loss(SmoothL1Loss.options().reduction(red)));
      put(
          "smooth_l1_beta0.5_" + red,
          () -> new SmoothL1Loss(SmoothL1Loss.options().reduction(r).beta(0.5)));
      put("huber_" + red, () -> new HuberLoss(HuberLoss.options().reduction(red)));
      put("huber_delta0.5_" + red, () -> new HuberLoss(r, 0.5));

      put("ce_" + red, () -> new CrossEntropyLoss(CrossEntropyLoss.options().reduction(r)));
      put(
          "ce_weight_" + red,
          () -> new CrossEntropyLoss(CrossEntropyLoss.options().weight(w()).reduction(r)));
      put(
          "ce_ignore_" + red,
          () -> new CrossEntropyLoss(CrossEntropyLoss.options().ignoreIndex(2).reduction(r)));
      put(
          "ce_smooth_" + red,
          () -> new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.1).reduction(r)));
      put(
          "ce_all_" + red,
          () ->
              new CrossEntropyLoss(
                  CrossEntropyLoss.options()
                      .weight(w())
                      .ignoreIndex(2)
                      .labelSmoothing(0.2)
                      .reduction(r)));
      put("ce_probs_" + red, () -> new CrossEntropyLoss(CrossEntropyLoss.options().reduction(r)));
      put(
          "ce_probs_weight_smooth_" + red,
          () ->
              new CrossEntropyLoss(
                  CrossEntropyLoss.options().weight(w()).labelSmoothing(0.15).reduction(r)));
      put(
          "ce_kdim_" + red,
          () ->
              new CrossEntropyLoss(
                  CrossEntropyLoss.options().weight(w()).ignoreIndex(1).reduction(r)));
      put(
          "ce_kdim_probs_" + red,
          () -> new CrossEntropyLoss(CrossEntropyLoss.options().reduction(r)));
      put("nll_" + red, () -> new NLLLoss(NLLLoss.options().reduction(r)));
      put(
          "nll_weight_ignore_" + red,
          () -> new NLLLoss(NLLLoss.options().weight(w()).ignoreIndex(4).reduction(r)));
      put("nll_kdim_" + red, () -> new NLLLoss(NLLLoss.options().weight(w()).reduction(r)));

      put("bce_" + red, () -> new BCELoss(BCELoss.options().reduction(r)));
      put("bce_weight_" + red, () -> new BCELoss(BCELoss.options().weight(bw()).reduction(r)));
      put(
          "bce_logits_" + red,
          () -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options().reduction(r)));
      put(
          "bce_logits_weight_" + red,
          () -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options().weight(bw()).reduction(r)));
      put(
          "bce_logits_pos_" + red,
          () -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options().posWeight(pw()).reduction(r)));
      put(
          "bce_logits_both_" + red,
          () ->
              new BCEWithLogitsLoss(
                  BCEWithLogitsLoss.options().weight(bw()).posWeight(pw()).reduction(r)));

      put("margin_ranking_" + red, () -> new MarginRankingLoss(0.0, r));
      put("margin_ranking_0.5_" + red, () -> new MarginRankingLoss(0.5, r));
      put("triplet_" + red, () -> new TripletMarginLoss(TripletMarginLoss.options().reduction(r)));
      put(
          "triplet_opts_" + red,
          () ->
              new TripletMarginLoss(
                  TripletMarginLoss.options()
                      .margin(2.0)
                      .p(1.0)
                      .eps(1e-3)
                      .swap(true)
                      .reduction(r)));
      put("cosine_" + red, () -> new CosineEmbeddingLoss(0.0, r));
      put("cosine_0.2_" + red, () -> new CosineEmbeddingLoss(0.2, r));

      put("poisson_" + red, () -> new PoissonNLLLoss(true, false, 1e-8, r));
      put("poisson_full_rate_" + red, () -> new PoissonNLLLoss(false, true, 1e-3, r));
      put("gaussian_" + red, () -> new GaussianNLLLoss(false, 1e-6, r));
      put("gaussian_full_lastdim_" + red, () -> new GaussianNLLLoss(true, 0.3, r));
      put("multi_margin_" + red, () -> new MultiMarginLoss(1, 1.0, null, r));
      put(
          "multi_margin_p2_weight_" + red,
          () -> new MultiMarginLoss(2, 0.5, Torch.tensor(new float[] {1, 2, 0.5f, 1.5f}), r));
      put("soft_margin_" + red, () -> new SoftMarginLoss(r));
      put("hinge_" + red, () -> new HingeEmbeddingLoss(1.0, r));
      put("hinge_0.5_" + red, () -> new HingeEmbeddingLoss(0.5, r));
      put("multilabel_margin_" + red, () -> new MultiLabelMarginLoss(r));
      put("multilabel_soft_" + red, () -> new MultiLabelSoftMarginLoss(null, r));
      put(
          "multilabel_soft_weight_" + red,
          () -> new MultiLabelSoftMarginLoss(Torch.tensor(new float[] {1, 0.5f, 2, 1}), r));
      put("ctc_padded_" + red, () -> new CTCLoss(CTCLoss.options().reduction(r)));
      put("ctc_concat_" + red, () -> new CTCLoss(CTCLoss.options().reduction(r)));
      put("ctc_blank3_" + red, () -> new CTCLoss(3, r, false));
      put(
          "ctc_zero_inf_" + red,
          () -> new CTCLoss(CTCLoss.options().reduction(r).zeroInfinity(true)));
    }
    for (String red : new String[] {"none", "mean", "sum", "batchmean"}) {
      put("kl_" + red, () -> new KLDivLoss(KLDivLoss.options().reduction(red)));
      put(
          "kl_logtarget_" + red,
          () -> new KLDivLoss(KLDivLoss.options().reduction(red).logTarget(true)));
    }
    put("smooth_l1_beta0_mean", () -> new SmoothL1Loss(SmoothL1Loss.options().beta(0.0)));
    put("mse_broadcast_mean", MSELoss::new);
    put("l1_broadcast_none", () -> new L1Loss(Reduction.NONE));
    put("huber_broadcast_sum", () -> new HuberLoss(Reduction.SUM, 1.0));
    put("smooth_l1_broadcast_mean", SmoothL1Loss::new);
    put("mse_double_mean", MSELoss::new);
    put(
        "smooth_l1_double_sum",
        () -> new SmoothL1Loss(SmoothL1Loss.options().reduction(Reduction.SUM).beta(0.5)));
    put("huber_double_none", () -> new HuberLoss(Reduction.NONE, 2.0));
    put("ce_unbatched_mean", CrossEntropyLoss::new);
    put(
        "ce_all_ignored_mean",
        () -> new CrossEntropyLoss(CrossEntropyLoss.options().ignoreIndex(7)));
    put(
        "ce_double_mean",
        () ->
            new CrossEntropyLoss(
                CrossEntropyLoss.options().weight(w().to(DType.FLOAT64)).labelSmoothing(0.1)));
    put("nll_double_sum", () -> new NLLLoss(NLLLoss.options().reduction(Reduction.SUM)));
    put("bce_saturated_mean", BCELoss::new);
    put("bce_double_mean", () -> new BCELoss(bw().to(DType.FLOAT64)));
    put(
        "bce_logits_double_sum",
        () ->
            new BCEWithLogitsLoss(
                BCEWithLogitsLoss.options().posWeight(pw().to(DType.FLOAT64)).reduction("sum")));
    put("kl_double_batchmean", () -> new KLDivLoss(KLDivLoss.options().reduction("batchmean")));
    put("triplet_swap_double_mean", () -> new TripletMarginLoss(1.0, 2.0, 1e-6, true));
    put("ctc_inf_sum", () -> new CTCLoss(0, Reduction.SUM, false));
    put("ctc_double_mean", CTCLoss::new);
    put("ctc_unbatched_mean", CTCLoss::new);

    put("err_ce_target_out_of_range", CrossEntropyLoss::new);
    put("err_ce_negative_target", CrossEntropyLoss::new);
    put("err_ce_batch_mismatch", CrossEntropyLoss::new);
    put("err_nll_float_target", NLLLoss::new);
    put("err_mse_shapes", MSELoss::new);
    put("err_bce_out_of_range", BCELoss::new);
    put("err_bce_size", BCELoss::new);
    put("err_bce_logits_size", BCEWithLogitsLoss::new);
    put("err_ctc_input_lengths_size", CTCLoss::new);
    put("err_ctc_target_too_long", CTCLoss::new);
    put("err_ctc_input_too_long", CTCLoss::new);
    put("err_ctc_float_lengths", CTCLoss::new);
    put("err_margin_ranking_dims", MarginRankingLoss::new);
    put("err_triplet_dims", TripletMarginLoss::new);
    put("err_triplet_margin", TripletMarginLoss::new);
    put("err_kl_shapes", KLDivLoss::new);
    put("gaussian_hetero_mean", GaussianNLLLoss::new);
    put("err_gaussian_var_size", GaussianNLLLoss::new);
    put("err_gaussian_negative_var", GaussianNLLLoss::new);
    put("err_multi_margin_target", MultiMarginLoss::new);
  }

  /** The module's own forward, with the arity of its PyTorch forward. */
  static List<Tensor> viaModule(Module m, List<Tensor> in) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    Tensor out;
    if (m instanceof MSELoss l) {
      out = l.forward(a, b);
    } else if (m instanceof L1Loss l) {
      out = l.forward(a, b);
    } else if (m instanceof SmoothL1Loss l) {
      out = l.forward(a, b);
    } else if (m instanceof HuberLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof CrossEntropyLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof NLLLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof BCELoss l) {
      out = l.forward(a, b);
    } else if (m instanceof BCEWithLogitsLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof KLDivLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof MarginRankingLoss l) {
      out = l.forward(a, b, in.get(2));
    } else if (m instanceof CosineEmbeddingLoss l) {
      out = l.forward(a, b, in.get(2));
    } else if (m instanceof TripletMarginLoss l) {
      out = l.forward(a, b, in.get(2));
    } else if (m instanceof CTCLoss l) {
      // the generator applies log_softmax inside forward: inputs are raw scores
      out = l.forward(a.logSoftmax(-1), b, in.get(2), in.get(3));
    } else if (m instanceof PoissonNLLLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof GaussianNLLLoss l) {
      out = l.forward(a, b, in.get(2));
    } else if (m instanceof MultiMarginLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof SoftMarginLoss l) {
      out = l.forward(a, b.detach()); // no gradient for the target, as the generator
    } else if (m instanceof HingeEmbeddingLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof MultiLabelMarginLoss l) {
      out = l.forward(a, b);
    } else if (m instanceof MultiLabelSoftMarginLoss l) {
      out = l.forward(a, b);
    } else {
      throw new AssertionError(m.name());
    }
    return List.of(out);
  }

  /** The F function with the module's settings (CTC: with the lengths as long[]). */
  static List<Tensor> viaF(Module m, List<Tensor> in) {
    Tensor a = in.get(0);
    Tensor b = in.get(1);
    Tensor out;
    if (m instanceof MSELoss l) {
      out = l.reduction() == Reduction.MEAN ? F.mseLoss(a, b) : F.mseLoss(a, b, l.reduction());
    } else if (m instanceof L1Loss l) {
      out = l.reduction() == Reduction.MEAN ? F.l1Loss(a, b) : F.l1Loss(a, b, l.reduction());
    } else if (m instanceof SmoothL1Loss l) {
      out = F.smoothL1Loss(a, b, SmoothL1Loss.options().reduction(l.reduction()).beta(l.beta()));
    } else if (m instanceof HuberLoss l) {
      out = F.huberLoss(a, b, HuberLoss.options().reduction(l.reduction()).delta(l.delta()));
    } else if (m instanceof CrossEntropyLoss l) {
      out =
          F.crossEntropy(
              a,
              b,
              CrossEntropyLoss.options()
                  .weight(l.weight)
                  .ignoreIndex(l.ignoreIndex())
                  .reduction(l.reduction())
                  .labelSmoothing(l.labelSmoothing()));
    } else if (m instanceof NLLLoss l) {
      out =
          F.nllLoss(
              a,
              b,
              NLLLoss.options()
                  .weight(l.weight)
                  .ignoreIndex(l.ignoreIndex())
                  .reduction(l.reduction()));
    } else if (m instanceof BCELoss l) {
      out = F.binaryCrossEntropy(a, b, BCELoss.options().weight(l.weight).reduction(l.reduction()));
    } else if (m instanceof BCEWithLogitsLoss l) {
      out =
          F.binaryCrossEntropyWithLogits(
              a,
              b,
              BCEWithLogitsLoss.options()
                  .weight(l.weight)
                  .posWeight(l.posWeight)
                  .reduction(l.reduction()));
    } else if (m instanceof KLDivLoss l) {
      out = F.klDiv(a, b, KLDivLoss.options().reduction(l.reduction()).logTarget(l.logTarget()));
    } else if (m instanceof MarginRankingLoss l) {
      out = F.marginRankingLoss(a, b, in.get(2), l.margin(), l.reduction());
    } else if (m instanceof CosineEmbeddingLoss l) {
      out = F.cosineEmbeddingLoss(a, b, in.get(2), l.margin(), l.reduction());
    } else if (m instanceof TripletMarginLoss l) {
      out =
          F.tripletMarginLoss(
              a,
              b,
              in.get(2),
              TripletMarginLoss.options()
                  .margin(l.margin())
                  .p(l.p())
                  .eps(l.eps())
                  .swap(l.swap())
                  .reduction(l.reduction()));
    } else if (m instanceof CTCLoss l) {
      out =
          F.ctcLoss(
              a.logSoftmax(-1),
              b,
              in.get(2).toLongArray(),
              in.get(3).toLongArray(),
              CTCLoss.options()
                  .blank(l.blank())
                  .reduction(l.reduction())
                  .zeroInfinity(l.zeroInfinity()));
    } else if (m instanceof PoissonNLLLoss l) {
      out = F.poissonNllLoss(a, b, l.logInput(), l.full(), l.eps(), l.reduction());
    } else if (m instanceof GaussianNLLLoss l) {
      out = F.gaussianNllLoss(a, b, in.get(2), l.full(), l.eps(), l.reduction());
    } else if (m instanceof MultiMarginLoss l) {
      out = F.multiMarginLoss(a, b, l.p(), l.margin(), l.weight, l.reduction());
    } else if (m instanceof SoftMarginLoss l) {
      out = F.softMarginLoss(a, b.detach(), l.reduction());
    } else if (m instanceof HingeEmbeddingLoss l) {
      out = F.hingeEmbeddingLoss(a, b, l.margin(), l.reduction());
    } else if (m instanceof MultiLabelMarginLoss l) {
      out = F.multilabelMarginLoss(a, b, l.reduction());
    } else if (m instanceof MultiLabelSoftMarginLoss l) {
      out = F.multilabelSoftMarginLoss(a, b, l.weight, l.reduction());
    } else {
      throw new AssertionError(m.name());
    }
    return List.of(out);
  }

  @TestFactory
  Stream<DynamicTest> lossesMatchPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : NnGolden.cases("loss").values()) {
      String id = c.get("id").asText();
      Supplier<Module> make = MODULES.get(id);
      assertNotNull(make, "no Java module for golden case " + id);
      if (id.equals("err_triplet_margin")) { // Python calls F with margin=0.0
        tests.add(
            DynamicTest.dynamicTest(
                id,
                () ->
                    NnGolden.checkError(
                        c,
                        make,
                        (m, in) ->
                            F.tripletMarginLoss(
                                in.get(0),
                                in.get(1),
                                in.get(2),
                                TripletMarginLoss.options().margin(0.0)))));
      } else if (c.has("error")) {
        tests.add(
            DynamicTest.dynamicTest(id, () -> NnGolden.checkError(c, make, LossesTest::viaModule)));
        if (!id.equals("err_ctc_float_lengths")) { // long[] lengths cannot be floats
          tests.add(
              DynamicTest.dynamicTest(
                  id + " (F)", () -> NnGolden.checkError(c, make, LossesTest::viaF)));
        }
      } else {
        tests.add(
            DynamicTest.dynamicTest(id, () -> NnGolden.check(c, make, LossesTest::viaModule)));
        tests.add(
            DynamicTest.dynamicTest(id + " (F)", () -> NnGolden.check(c, make, LossesTest::viaF)));
      }
    }
    assertTrue(tests.size() > 250, "cases: " + tests.size());
    return tests.stream();
  }

  @Test
  void weightsAreBuffersUnderPyTorchsNames() {
    try (Scope s = Scope.open()) {
      assertEquals(
          List.of("weight"), new ArrayList<>(new CrossEntropyLoss(w()).stateDict().keySet()));
      assertEquals(List.of(), new ArrayList<>(new CrossEntropyLoss().stateDict().keySet()));
      assertEquals(List.of("weight"), new ArrayList<>(new NLLLoss(w()).stateDict().keySet()));
      assertEquals(List.of("weight"), new ArrayList<>(new BCELoss(bw()).stateDict().keySet()));
      assertEquals(
          List.of("pos_weight"),
          new ArrayList<>(
              new BCEWithLogitsLoss(BCEWithLogitsLoss.options().posWeight(pw()))
                  .stateDict()
                  .keySet()));
      BCEWithLogitsLoss both =
          new BCEWithLogitsLoss(BCEWithLogitsLoss.options().weight(bw()).posWeight(pw()));
      assertEquals(List.of("weight", "pos_weight"), new ArrayList<>(both.stateDict().keySet()));
      assertEquals(List.of(), both.parameters());
      assertEquals(2, both.buffers().size());
      assertFalse(both.weight.requiresGrad());
      // buffers follow the module's dtype, as in PyTorch
      CrossEntropyLoss ce = new CrossEntropyLoss(w());
      ce.to(DType.FLOAT64);
      assertEquals(DType.FLOAT64, ce.weight.dtype());
      try (Tensor x = Torch.randn(3, 5).to(DType.FLOAT64);
          Tensor t = Torch.tensor(new long[] {0, 1, 4});
          Tensor l = ce.forward(x, t)) {
        assertEquals(DType.FLOAT64, l.dtype());
      }
      both.close();
      ce.close();
    }
  }

  @Test
  void reprsArePyTorchs() {
    assertEquals("CrossEntropyLoss()", new CrossEntropyLoss(w()).toString());
    assertEquals(
        "TripletMarginLoss()",
        new TripletMarginLoss(TripletMarginLoss.options().swap(true)).toString());
    assertEquals("CTCLoss()", new CTCLoss(2, Reduction.SUM, true).toString());
    assertEquals("HuberLoss()", new HuberLoss(Reduction.MEAN, 0.5).toString());
    assertEquals("KLDivLoss()", new KLDivLoss().toString());
  }

  @Test
  void optionsAreCopiedByTheModule() {
    CrossEntropyLoss.Options o = CrossEntropyLoss.options().ignoreIndex(3);
    CrossEntropyLoss ce = new CrossEntropyLoss(o);
    o.ignoreIndex(4).labelSmoothing(0.5);
    assertEquals(3, ce.ignoreIndex());
    assertEquals(0.0, ce.labelSmoothing());
  }

  @Test
  void reductionSpellings() {
    assertEquals(Reduction.NONE, Reduction.of("none"));
    assertEquals(2, Reduction.SUM.code());
    assertEquals(1, Reduction.MEAN.code());
    assertEquals(0, Reduction.NONE.code());
    assertEquals("mean", Reduction.MEAN.pyName());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reduction.of("avg"));
    assertEquals("avg is not a valid value for reduction", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> CrossEntropyLoss.options().reduction("batchmean"));
    assertEquals("batchmean", KLDivLoss.options().reduction("batchmean").reduction());
    assertThrows(IllegalArgumentException.class, () -> KLDivLoss.options().reduction("batch"));
  }

  @Test
  void tripletMarginMustBePositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new TripletMarginLoss(-1.0, 2.0, 1e-6, false));
    assertEquals(
        "TripletMarginLoss: expected margin to be greater than 0, got -1.0 instead",
        e.getMessage());
  }

  @Test
  void ctcLengthsAsArraysOrTensorsAgree() {
    try (Scope s = Scope.open()) {
      Torch.manualSeed(3);
      Tensor lp = Torch.randn(8, 3, 5).logSoftmax(2);
      Tensor targets = Torch.tensor(new long[][] {{1, 2, 3}, {4, 4, 0}, {2, 0, 0}});
      long[] il = {8, 7, 5};
      long[] tl = {3, 2, 1};
      Tensor a = F.ctcLoss(lp, targets, il, tl);
      Tensor b = F.ctcLoss(lp, targets, Torch.tensor(il), Torch.tensor(tl));
      assertEquals(a.doubleValue(), b.doubleValue(), 0.0);
      assertTrue(a.doubleValue() > 0);
      // the caller's arrays are not kept
      il[0] = 100;
      assertEquals(
          a.doubleValue(), F.ctcLoss(lp, targets, new long[] {8, 7, 5}, tl).doubleValue(), 0.0);
    }
  }

  @Test
  void closedAndNullInputsAreJavaErrors() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.randn(2, 3);
      Tensor t = Torch.tensor(new long[] {0, 2});
      Tensor closed = Torch.randn(2, 3);
      closed.close();
      assertThrows(IllegalStateException.class, () -> F.crossEntropy(closed, t));
      assertThrows(IllegalStateException.class, () -> F.mseLoss(x, closed));
      assertThrows(NullPointerException.class, () -> F.nllLoss(x, null));
      assertThrows(
          NullPointerException.class, () -> F.ctcLoss(x, t, (long[]) null, new long[] {1}));
      assertThrows(NullPointerException.class, () -> F.mseLoss(x, x, null));
      assertThrows(TorchException.class, () -> F.crossEntropy(x, Torch.tensor(new long[] {0, 3})));
    }
  }

  @Test
  void broadcastingTargetWarnsButComputesLikePyTorch() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.tensor(new float[][] {{1, 2}, {3, 4}});
      Tensor y = Torch.tensor(new float[] {1, 1});
      // ((0 + 1 + 4 + 9) / 4)
      assertEquals(3.5, F.mseLoss(x, y).doubleValue(), 1e-6);
      assertEquals(1.5, F.l1Loss(x, y).doubleValue(), 1e-6);
    }
  }
}
