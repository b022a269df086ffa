package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.ValuesIndices;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Max, average and adaptive pooling against golden/nn/pool.json. */
class PoolingLayersTest {
  static NnCases cases() {
    return new NnCases("pool")
        .add("maxpool1d", () -> new MaxPool1d(2))
        .add("maxpool1d_opts", () -> new MaxPool1d(MaxPool1d.options(3).stride(2).padding(1).dilation(2).ceilMode(true)))
        .add("maxpool2d", () -> new MaxPool2d(2))
        .add("maxpool2d_stride", () -> new MaxPool2d(3, 2))
        .add("maxpool2d_opts", () -> new MaxPool2d(MaxPool2d.options(3, 2).stride(2, 1).padding(1).dilation(1, 2).ceilMode(true)))
        .add("maxpool2d_indices", () -> new MaxPool2d(3, 2, 1), (m, in) -> indices(m.forwardWithIndices(in.get(0))))
        .add("maxpool1d_indices", () -> new MaxPool1d(2), (m, in) -> indices(m.forwardWithIndices(in.get(0))))
        .add("avgpool1d", () -> new AvgPool1d(3))
        .add("avgpool1d_opts", () -> new AvgPool1d(AvgPool1d.options(3).stride(2).padding(1).ceilMode(true).countIncludePad(false)))
        .add("avgpool2d", () -> new AvgPool2d(2))
        .add("avgpool2d_opts", () -> new AvgPool2d(AvgPool2d.options(3, 2).stride(2, 1).padding(1).ceilMode(true).countIncludePad(false)))
        .add("avgpool2d_divisor", () -> new AvgPool2d(AvgPool2d.options(3).stride(2).padding(1).divisorOverride(5)))
        .add("adaptive_avgpool1d", () -> new AdaptiveAvgPool1d(4))
        .add("adaptive_avgpool2d", () -> new AdaptiveAvgPool2d(3, 2))
        .add("adaptive_avgpool2d_1", () -> new AdaptiveAvgPool2d(1))
        .add("adaptive_maxpool2d", () -> new AdaptiveMaxPool2d(3, 2))
        .add("adaptive_maxpool2d_indices", () -> new AdaptiveMaxPool2d(2), (m, in) -> indices(m.forwardWithIndices(in.get(0))))
        .add("maxpool2d_double", () -> new MaxPool2d(MaxPool2d.options(2).padding(1)))
        .add("maxpool2d_kernel_too_big", () -> new MaxPool2d(5))
        .add("avgpool2d_pad_too_big", () -> new AvgPool2d(2, 2, 2))
        .add("maxpool2d_1d_input", () -> new MaxPool2d(2))
        .add("maxpool3d", () -> new MaxPool3d(2))
        .add("maxpool3d_opts", () -> new MaxPool3d(MaxPool3d.options(3, 2, 2).stride(2, 1, 2).padding(1, 0, 1).dilation(1, 2, 1).ceilMode(true)))
        .add("maxpool3d_indices", () -> new MaxPool3d(2), (m, in) -> indices(m.forwardWithIndices(in.get(0))))
        .add("avgpool3d", () -> new AvgPool3d(2))
        .add("avgpool3d_opts", () -> new AvgPool3d(AvgPool3d.options(3, 2, 2).stride(2).padding(1).ceilMode(true).countIncludePad(false)))
        .add("avgpool3d_divisor", () -> new AvgPool3d(AvgPool3d.options(2).divisorOverride(3)))
        .add("maxpool3d_unbatched", () -> new MaxPool3d(2))
        .add("maxpool3d_2d_input", () -> new MaxPool3d(2));
  }

  private static List<Tensor> indices(ValuesIndices r) {
    return List.of(r.values(), r.indices());
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    return cases().tests().stream();
  }

  @Test
  void functionalFormsAgreeWithModules() {
    try (Scope s = Scope.open()) {
      Torch.manualSeed(3);
      Tensor x = Torch.randn(2, 3, 7, 6);
      assertTensorEquals(new MaxPool2d(2).forward(x), F.maxPool2d(x, 2));
      assertTensorEquals(new AvgPool2d(3).forward(x), F.avgPool2d(x, 3));
      assertTensorEquals(new AdaptiveMaxPool2d(2, 3).forward(x), F.adaptiveMaxPool2d(x, 2, 3));
      ValuesIndices vi = F.maxPool2dWithIndices(x, new long[] {2}, null, new long[] {0}, new long[] {1}, false);
      assertEquals(DType.INT64, vi.indices().dtype());
      assertArrayEquals(new long[] {2, 3, 3, 3}, vi.values().shape());
      Tensor x1 = Torch.randn(2, 3, 9);
      assertTensorEquals(new MaxPool1d(3).forward(x1), F.maxPool1d(x1, 3));
      assertTensorEquals(new AvgPool1d(3).forward(x1), F.avgPool1d(x1, 3));
      assertTensorEquals(new AdaptiveMaxPool1d(4).forward(x1), F.adaptiveMaxPool1d(x1, 4));
      assertArrayEquals(new long[] {2, 3, 4}, F.adaptiveMaxPool1dWithIndices(x1, 4).indices().shape());
      assertEquals("AdaptiveMaxPool1d(output_size=4)", new AdaptiveMaxPool1d(4).toString());
    }
  }

  @Test
  void javaSideMisuseIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(MaxPool2d.options(2, 2, 2)));
    assertThrows(IllegalArgumentException.class, () -> new AvgPool1d(AvgPool1d.options(2).divisorOverride(3)));
    assertThrows(IllegalArgumentException.class, () -> new AdaptiveAvgPool2d(1, 2, 3));
    try (Scope s = Scope.open()) {
      Tensor x = Torch.zeros(1, 1, 4, 4);
      assertThrows(IllegalArgumentException.class, () -> F.adaptiveAvgPool2d(x, 1, 2, 3));
      assertThrows(IllegalArgumentException.class, () -> F.maxPool2d(x, new long[0], null, new long[] {0}, new long[] {1}, false));
    }
  }

  static void assertTensorEquals(Tensor want, Tensor got) {
    assertArrayEquals(want.shape(), got.shape());
    assertArrayEquals(want.toDoubleArray(), got.toDoubleArray(), 0.0);
  }
}
