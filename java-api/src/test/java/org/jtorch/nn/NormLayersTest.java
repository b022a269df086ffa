package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * BatchNorm1d/2d, LayerNorm, GroupNorm, InstanceNorm2d and their F forms against
 * golden/nn/norm.json, in train and eval mode, with the running statistics compared as state.
 */
class NormLayersTest {
  /** Python's bn_train_eval: a training forward, then eval on x * 0.5 + 1. */
  static List<Tensor> trainThenEval(Module m, List<Tensor> in) {
    Tensor x = in.get(0);
    Tensor a = m.forward(x);
    m.eval();
    Tensor b = m.forward(x.mul(Torch.scalarTensor(0.5).to(x.dtype())).add(Torch.scalarTensor(1).to(x.dtype())));
    return List.of(a, b);
  }

  /** Python's bn_three: m(x), m(x * 2 - 1), m(x + 0.5). */
  static List<Tensor> three(Module m, List<Tensor> in) {
    Tensor x = in.get(0);
    List<Tensor> out = new ArrayList<>();
    out.add(m.forward(x));
    out.add(m.forward(x.mul(Torch.scalarTensor(2)).sub(Torch.scalarTensor(1))));
    out.add(m.forward(x.add(Torch.scalarTensor(0.5))));
    return out;
  }

  static NnCases cases() {
    return new NnCases("norm")
        .add("bn1d_train", () -> new BatchNorm1d(4))
        .add("bn1d_3d_train", () -> new BatchNorm1d(3))
        .add("bn1d_eval", () -> new BatchNorm1d(4))
        .add("bn1d_train_eval", () -> new BatchNorm1d(BatchNorm1d.options(4).momentum(0.3)), NormLayersTest::trainThenEval)
        .add("bn3d_train", () -> new BatchNorm3d(3))
        .add("bn3d_train_eval", () -> new BatchNorm3d(BatchNorm3d.options(3).momentum(0.2)), NormLayersTest::trainThenEval)
        .add("bn3d_no_affine", () -> new BatchNorm3d(BatchNorm3d.options(3).affine(false)))
        .add("bn3d_4d_input", () -> new BatchNorm3d(3))
        .add("bn2d_train", () -> new BatchNorm2d(3))
        .add("bn2d_train_eval", () -> new BatchNorm2d(BatchNorm2d.options(3).eps(1e-3)), NormLayersTest::trainThenEval)
        .add("bn2d_momentum_none", () -> new BatchNorm2d(BatchNorm2d.options(3).momentum(null)), NormLayersTest::three)
        .add("bn2d_no_affine", () -> new BatchNorm2d(BatchNorm2d.options(3).affine(false)), NormLayersTest::trainThenEval)
        .add("bn2d_no_track", () -> new BatchNorm2d(BatchNorm2d.options(3).trackRunningStats(false)), NormLayersTest::trainThenEval)
        .add("bn2d_no_track_eval", () -> new BatchNorm2d(BatchNorm2d.options(3).trackRunningStats(false)))
        .add("bn2d_no_bias", () -> new BatchNorm2d(BatchNorm2d.options(3).bias(false)))
        .add("bn2d_double", () -> (BatchNorm2d) new BatchNorm2d(3).double_(), NormLayersTest::trainThenEval)
        .add("layernorm", () -> new LayerNorm(6))
        .add("layernorm_2d", () -> new LayerNorm(3, 4))
        .add("layernorm_no_affine", () -> new LayerNorm(LayerNorm.options(5).elementwiseAffine(false)))
        .add("layernorm_no_bias", () -> new LayerNorm(LayerNorm.options(5).eps(1e-3).bias(false)))
        .add("layernorm_double", () -> (LayerNorm) new LayerNorm(4).double_())
        .add("groupnorm", () -> new GroupNorm(2, 4))
        .add("groupnorm_no_affine", () -> new GroupNorm(GroupNorm.options(3, 6).eps(1e-3).affine(false)))
        .add("groupnorm_4d", () -> new GroupNorm(1, 3))
        .add("instancenorm2d", () -> new InstanceNorm2d(3))
        .add("instancenorm2d_affine_track",
            () -> new InstanceNorm2d(InstanceNorm2d.options(3).affine(true).trackRunningStats(true)),
            NormLayersTest::trainThenEval)
        .add("instancenorm2d_unbatched", () -> new InstanceNorm2d(InstanceNorm2d.options(3).affine(true)))
        .add("instancenorm2d_eval", () -> new InstanceNorm2d(3))
        .fn("f_batch_norm", in -> F.batchNorm(in.get(0), null, null, in.get(1), in.get(2), true, 0.1, 1e-4))
        .fn("f_layer_norm", in -> F.layerNorm(in.get(0), new long[] {3, 4}, in.get(1), null, 1e-4))
        .fn("f_group_norm", in -> F.groupNorm(in.get(0), 2, in.get(1), in.get(2), 1e-5))
        .fn("f_instance_norm", in -> F.instanceNorm(in.get(0)))
        .add("bn2d_3d_input", () -> new BatchNorm2d(3))
        .add("bn1d_4d_input", () -> new BatchNorm1d(3))
        .add("bn1d_one_value", () -> new BatchNorm1d(4))
        .add("bn2d_wrong_channels", () -> new BatchNorm2d(3))
        .add("layernorm_wrong_shape", () -> new LayerNorm(5))
        .add("groupnorm_wrong_channels", () -> new GroupNorm(2, 4))
        .add("groupnorm_1d_input", () -> new GroupNorm(2, 4))
        .add("instancenorm2d_wrong_dim", () -> new InstanceNorm2d(3))
        .add("instancenorm2d_affine_channels", () -> new InstanceNorm2d(InstanceNorm2d.options(3).affine(true)))
        .add("instancenorm2d_one_element", () -> new InstanceNorm2d(3));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    return cases().tests().stream();
  }

  @Test
  void buffersFollowPyTorchsRules() {
    try (Scope s = Scope.open();
        BatchNorm2d bn = new BatchNorm2d(2);
        BatchNorm2d noTrack = new BatchNorm2d(BatchNorm2d.options(2).trackRunningStats(false))) {
      assertEquals(DType.INT64, bn.numBatchesTracked.dtype());
      assertEquals(0, bn.numBatchesTracked.dim());
      assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
          List.copyOf(bn.stateDict().keySet()));
      Tensor x = Torch.randn(3, 2, 2, 2);
      bn.forward(x);
      bn.forward(x);
      assertEquals(2, bn.numBatchesTracked.longValue());
      bn.eval();
      bn.forward(x);
      assertEquals(2, bn.numBatchesTracked.longValue(), "eval does not count batches");
      bn.resetRunningStats();
      assertEquals(0, bn.numBatchesTracked.longValue());
      assertEquals(2.0, bn.runningVar.sum().doubleValue(), 0.0);
      assertNull(noTrack.runningMean);
      assertEquals(List.of("weight", "bias"), List.copyOf(noTrack.stateDict().keySet()));
      assertEquals(List.of("weight", "bias"), List.copyOf(new InstanceNorm2d(InstanceNorm2d.options(2).affine(true)).stateDict().keySet()));
    }
  }

  @Test
  void badEpsIsRejectedAsInPyTorch() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.randn(4, 3);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> F.batchNorm(x, null, null, null, null, true, 0.1, 0.0));
      NnCases.assertMessage(e, "batch_norm eps must be positive during training, but got 0.0");
      e = assertThrows(IllegalArgumentException.class,
          () -> F.batchNorm(x, Torch.zeros(3), Torch.ones(3), null, null, false, 0.1, -1e-3));
      NnCases.assertMessage(e, "batch_norm eps must be non-negative, but got -0.001");
    }
  }
}
