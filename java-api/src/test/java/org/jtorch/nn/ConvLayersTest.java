package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Conv1d/2d/3d, ConvTranspose1d/2d and F.conv* against golden/nn/conv.json. */
class ConvLayersTest {
  static NnCases cases() {
    long[] one = {1};
    return new NnCases("conv")
        .add("conv1d", () -> new Conv1d(3, 4, 3))
        .add("conv1d_opts", () -> new Conv1d(Conv1d.options(4, 6, 3).stride(2).padding(1).dilation(2).groups(2).bias(false)))
        .add("conv1d_same_reflect", () -> new Conv1d(Conv1d.options(2, 3, 4).padding("same").paddingMode("reflect")))
        .add("conv1d_replicate", () -> new Conv1d(Conv1d.options(2, 3, 3).padding(2).paddingMode("replicate")))
        .add("conv2d", () -> new Conv2d(3, 4, 3))
        .add("conv2d_stride_pad", () -> new Conv2d(Conv2d.options(2, 4, 3, 2).stride(2, 1).padding(1, 2)))
        .add("conv2d_depthwise", () -> new Conv2d(Conv2d.options(4, 4, 3).dilation(2).groups(4).bias(false)))
        .add("conv2d_groups", () -> new Conv2d(Conv2d.options(4, 6, 2).groups(2)))
        .add("conv2d_same", () -> new Conv2d(Conv2d.options(2, 3, 3, 4).padding("same").dilation(1, 2)))
        .add("conv2d_valid", () -> new Conv2d(Conv2d.options(2, 3, 3).padding("valid")))
        .add("conv2d_reflect", () -> new Conv2d(Conv2d.options(2, 3, 3).padding(1, 2).paddingMode("reflect")))
        .add("conv2d_replicate", () -> new Conv2d(Conv2d.options(2, 3, 3).padding(1).paddingMode("replicate")))
        .add("conv2d_circular", () -> new Conv2d(Conv2d.options(2, 3, 3).stride(2).padding(2, 1).paddingMode("circular")))
        .add("conv2d_same_circular", () -> new Conv2d(Conv2d.options(2, 3, 4).padding("same").paddingMode("circular")))
        .add("conv2d_unbatched", () -> new Conv2d(2, 3, 3, 1, 1))
        .add("conv2d_double", () -> (Conv2d) new Conv2d(2, 3, 3, 2).double_())
        .add("conv3d", () -> new Conv3d(Conv3d.options(2, 3, 2, 3, 3).stride(1, 2, 1).padding(1)))
        .add("conv3d_same_groups", () -> new Conv3d(Conv3d.options(2, 4, 3).padding("same").groups(2).bias(false)))
        .add("conv_transpose1d", () -> new ConvTranspose1d(ConvTranspose1d.options(3, 2, 3).stride(2).padding(1).outputPadding(1)))
        .add("conv_transpose2d", () -> new ConvTranspose2d(4, 2, 3))
        .add("conv_transpose2d_opts", () -> new ConvTranspose2d(ConvTranspose2d.options(4, 6, 3, 2).stride(2).padding(1, 0)
            .outputPadding(1, 0).groups(2).dilation(1, 2).bias(false)))
        .add("conv_transpose2d_output_size", () -> new ConvTranspose2d(2, 3, 3, 2),
            (m, in) -> List.of(m.forward(in.get(0), 10, 9)))
        .add("conv_transpose2d_double", () -> (ConvTranspose2d) new ConvTranspose2d(2, 2, 2, 2).double_())
        .fn("f_conv2d_same", in -> F.conv2d(in.get(0), in.get(1), in.get(2), one, "same", one, 1))
        .fn("f_conv1d", in -> F.conv1d(in.get(0), in.get(1), null, new long[] {2}, new long[] {1}, one, 2))
        .fn("f_conv_transpose2d", in -> F.convTranspose2d(in.get(0), in.get(1), in.get(2), new long[] {2},
            new long[] {1}, new long[] {1}, 1, one))
        .add("conv2d_wrong_channels", () -> new Conv2d(3, 4, 3))
        .add("conv2d_kernel_too_big", () -> new Conv2d(1, 1, 5))
        .add("conv2d_2d_input", () -> new Conv2d(1, 1, 2))
        .add("conv_transpose2d_bad_output_size", () -> new ConvTranspose2d(2, 3, 3, 2),
            (m, in) -> List.of(m.forward(in.get(0), 12, 9)));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    return cases().tests().stream();
  }

  @Test
  void constructorErrorsHavePyTorchsMessages() {
    JsonNode errors = NnGolden.cases("conv").get("constructor_errors");
    NnCases.checkConstructorError(errors, "conv_groups_zero", () -> new Conv2d(Conv2d.options(4, 4, 3).groups(0)));
    NnCases.checkConstructorError(errors, "conv_in_not_divisible", () -> new Conv2d(Conv2d.options(3, 4, 3).groups(2)));
    NnCases.checkConstructorError(errors, "conv_out_not_divisible", () -> new Conv2d(Conv2d.options(4, 3, 3).groups(2)));
    NnCases.checkConstructorError(errors, "conv_bad_padding_string", () -> new Conv2d(Conv2d.options(4, 4, 3).padding("full")));
    NnCases.checkConstructorError(errors, "conv_same_strided", () -> new Conv2d(Conv2d.options(4, 4, 3).stride(2).padding("same")));
    NnCases.checkConstructorError(errors, "conv_bad_padding_mode", () -> new Conv2d(Conv2d.options(4, 4, 3).paddingMode("mirror")));
    NnCases.checkConstructorError(errors, "conv_transpose_padding_mode",
        () -> new ConvTranspose2d(ConvTranspose2d.options(4, 4, 3).paddingMode("reflect")));
    NnCases.checkConstructorError(errors, "groupnorm_not_divisible", () -> new GroupNorm(3, 4));
  }

  @Test
  void javaSideMisuseIsRejected() {
    // a kernel tuple of the wrong length, output padding on a plain conv, string padding on a transposed one
    assertThrows(IllegalArgumentException.class, () -> new Conv2d(Conv2d.options(1, 1, 3, 3, 3)));
    assertThrows(IllegalArgumentException.class, () -> new Conv2d(Conv2d.options(1, 1, 3).outputPadding(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new ConvTranspose2d(ConvTranspose2d.options(1, 1, 3).padding("same")));
    try (Scope s = Scope.open()) {
      Conv2d conv = new Conv2d(1, 1, 3);
      Tensor x = Torch.zeros(1, 1, 4, 4);
      x.close();
      assertThrows(IllegalStateException.class, () -> conv.forward(x));
      assertThrows(NullPointerException.class, () -> F.conv2d(null, conv.weight, null));
      conv.close();
      assertThrows(IllegalStateException.class, () -> conv.forward(Torch.zeros(1, 1, 4, 4)));
    }
  }

  @Test
  void accessorsAndShapes() {
    try (Scope s = Scope.open();
        ConvTranspose2d t = new ConvTranspose2d(ConvTranspose2d.options(4, 6, 3).groups(2));
        Conv3d c = new Conv3d(2, 4, 3)) {
      assertArrayEquals(new long[] {4, 3, 3, 3}, t.weight.shape());
      assertArrayEquals(new long[] {4, 2, 3, 3, 3}, c.weight.shape());
      assertArrayEquals(new long[] {3, 3, 3}, c.kernelSize());
      assertEquals(2, t.groups());
      assertEquals(List.of("weight", "bias"), List.copyOf(c.stateDict().keySet()));
    }
  }
}
