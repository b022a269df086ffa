package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** PixelShuffle/Unshuffle, Upsample, F.interpolate and F.pad against golden/nn/resample.json. */
class ResamplingLayersTest {
  static NnCases cases() {
    return new NnCases("resample")
        .add("pixel_shuffle", () -> new PixelShuffle(2))
        .add("pixel_unshuffle", () -> new PixelUnshuffle(2))
        .add("upsample_nearest", () -> new Upsample(Upsample.options().scaleFactor(2)))
        .add("upsample_nearest_size", () -> new Upsample(Upsample.options().size(5, 4)))
        .add("upsample_nearest_1d", () -> new Upsample(Upsample.options().scaleFactor(1.5)))
        .add("upsample_nearest_3d", () -> new Upsample(Upsample.options().size(3)))
        .add("upsample_linear", () -> new Upsample(2, "linear"))
        .add("upsample_bilinear", () -> new Upsample(2, "bilinear"))
        .add("upsample_bilinear_ac", () -> new Upsample(Upsample.options().size(5, 7).mode("bilinear").alignCorners(true)))
        .add("upsample_bicubic", () -> new Upsample(Upsample.options().scaleFactor(1.5, 2.0).mode("bicubic")))
        .add("upsample_bicubic_ac", () -> new Upsample(Upsample.options().size(6).mode("bicubic").alignCorners(true)))
        .add("upsample_trilinear", () -> new Upsample(2, "trilinear"))
        .add("upsample_bilinear_double", () -> new Upsample(2.5, "bilinear"))
        .fn("f_interpolate_area", in -> F.interpolate(in.get(0), new long[] {3, 2}, "area"))
        .fn("f_interpolate_area_scale", in -> F.interpolate(in.get(0), 0.5, "area"))
        .fn("f_interpolate_recompute", in -> F.interpolate(in.get(0), null, new double[] {1.7}, "bilinear", null, true))
        .fn("f_interpolate_scale_list", in -> F.interpolate(in.get(0), null, new double[] {1.7, 0.8}, "nearest", null, null))
        .fn("f_pixel_shuffle", in -> F.pixelShuffle(in.get(0), 3))
        .fn("f_pad_constant", in -> F.pad(in.get(0), 1, 2))
        .fn("f_pad_constant_value", in -> F.pad(in.get(0), new long[] {1, 0, 2, 1}, "constant", 0.5))
        .fn("f_pad_constant_3dims", in -> F.pad(in.get(0), 1, 1, 0, 2, 1, 0))
        .fn("f_pad_constant_negative", in -> F.pad(in.get(0), -1, 2))
        .fn("f_pad_reflect", in -> F.pad(in.get(0), new long[] {2, 1, 1, 2}, "reflect"))
        .fn("f_pad_reflect_1d", in -> F.pad(in.get(0), new long[] {2, 3}, "reflect"))
        .fn("f_pad_replicate", in -> F.pad(in.get(0), new long[] {1, 2}, "replicate"))
        .fn("f_pad_circular", in -> F.pad(in.get(0), new long[] {1, 1, 2, 0}, "circular"))
        .fn("f_pad_double", in -> F.pad(in.get(0), new long[] {1, 1, 1, 1}, "reflect"))
        .fn("f_pad_reflect_too_big", in -> F.pad(in.get(0), new long[] {3, 3, 0, 0}, "reflect"))
        .fn("f_pad_reflect_wrong_length", in -> F.pad(in.get(0), new long[] {1, 1}, "reflect"))
        .fn("f_pad_odd_length", in -> F.pad(in.get(0), 1, 1, 1))
        .fn("f_pad_bad_mode", in -> F.pad(in.get(0), new long[] {1, 1}, "mirror"))
        .add("pixel_shuffle_bad_channels", () -> new PixelShuffle(2))
        .fn("f_interpolate_nearest_align", in -> F.interpolate(in.get(0), null, new double[] {2}, "nearest", true, null))
        .fn("f_interpolate_both", in -> F.interpolate(in.get(0), new long[] {4}, new double[] {2}, "nearest", null, null))
        .fn("f_interpolate_size_dims", in -> F.interpolate(in.get(0), new long[] {4, 4, 4}, "nearest"))
        .add("upsample_bilinear_3d_input", () -> new Upsample(2, "bilinear"));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    return cases().tests().stream();
  }

  @Test
  void javaSideChecks() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.randn(1, 2, 3, 3);
      assertThrows(IllegalArgumentException.class, () -> F.interpolate(x, null, null, "nearest", null, null));
      assertThrows(IllegalArgumentException.class, () -> F.interpolate(x, 2.0, "lanczos"));
      assertThrows(IllegalArgumentException.class,
          () -> F.interpolate(x, new long[] {4}, null, "bilinear", null, true));
      assertArrayEquals(new long[] {1, 2, 6, 6}, F.interpolate(x, new long[] {6}, "bicubic").shape());
      Tensor shuffled = F.pixelShuffle(Torch.randn(1, 8, 2, 3), 2);
      assertArrayEquals(new long[] {1, 8, 2, 3}, F.pixelUnshuffle(shuffled, 2).shape());
      assertEquals("Upsample(size=None, mode='nearest')", new Upsample(Upsample.options()).toString());
      assertThrows(NullPointerException.class, () -> F.pad(null, 1, 1));
    }
  }

  @Test
  void padRoundTripsWithNegativePadding() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.randn(2, 3, 4);
      Tensor back = F.pad(F.pad(x, new long[] {1, 2, 3, 0}, "replicate"), -1, -2, -3, 0);
      assertArrayEquals(x.shape(), back.shape());
      assertArrayEquals(x.toDoubleArray(), back.toDoubleArray(), 0.0);
    }
  }
}
