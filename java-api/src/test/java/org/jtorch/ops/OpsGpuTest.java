package org.jtorch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * jtorch's CUDA kernels ({@code extensions-cpp/src/cuda}) against its CPU kernels, which
 * OpsGoldenTest holds to Python's numbers: the same forward results, indices and gradients on
 * rows ({@code inner == 1}) and columns ({@code inner > 1}), with ties and NaN, in float32,
 * float64 and float16. Runs where a CUDA device is usable (README, "GPU flavour": {@code
 * bin/gpu-check}).
 */
@Tag("gpu")
@Tag("jtorch-native")
class OpsGpuTest {
  private static final Device GPU = Device.cuda(0);

  @BeforeEach
  void needsCuda() {
    Assumptions.assumeTrue(Torch.cuda().isAvailable(), "no CUDA device");
  }

  /** Inputs with ties and a NaN, reduced along the last dim (rows) and along dim 0 (columns). */
  private static Tensor input(DType dtype) {
    Torch.manualSeed(7);
    Tensor x = Torch.randn(37, 300).to(dtype);
    x.select(0, 3).fill_(1.0); // a row of ties
    x.select(0, 5).select(0, 17).fill_(Double.NaN);
    return x;
  }

  @Test
  void forwardMatchesTheCpuKernels() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.FLOAT16}) {
      for (long dim : new long[] {1, 0, -1}) {
        try (Scope scope = Scope.open()) {
          Tensor x = input(dtype);
          Tensor g = x.to(GPU);
          String what = dtype + " dim " + dim;
          assertTrue(Ops.argmaxLayer(x, dim).equal(Ops.argmaxLayer(g, dim).to(Device.CPU)), what);
          assertTrue(
              Ops.softArgmax(x, dim, 0.5)
                  .allclose(Ops.softArgmax(g, dim, 0.5).to(Device.CPU), 1e-3, 1e-3, true),
              what);
          MinMaxIndices c = Ops.minMax(x, dim, true);
          MinMaxIndices d = Ops.minMax(g, dim, true);
          assertEquals(GPU, d.min().device(), what);
          assertTrue(c.argmin().equal(d.argmin().to(Device.CPU)), what);
          assertTrue(c.argmax().equal(d.argmax().to(Device.CPU)), what);
          assertTrue(c.min().allclose(d.min().to(Device.CPU), 0, 0, true), what);
          assertTrue(c.max().allclose(d.max().to(Device.CPU), 0, 0, true), what);
        }
      }
    }
  }

  @Test
  void gradientsMatchTheCpuKernels() {
    try (Scope scope = Scope.open()) {
      Tensor x = input(DType.FLOAT64).nanToNum(0.0, 0.0, 0.0).requiresGrad_(true);
      Tensor g = x.detach().to(GPU).requiresGrad_(true);
      Torch.manualSeed(3);
      Tensor w = Torch.randn(37, 300).to(DType.FLOAT64);
      Ops.argmaxLayer(x, 1).mul(w).sum().backward();
      Ops.argmaxLayer(g, 1).mul(w.to(GPU)).sum().backward();
      assertTrue(x.grad().allclose(g.grad().to(Device.CPU), 1e-9, 1e-12, false), "argmax_layer");
      x.grad().zero_();
      g.grad().zero_();
      Ops.softArgmax(x, 0, 2.0).mul(w.select(0, 0)).sum().backward();
      Ops.softArgmax(g, 0, 2.0).mul(w.select(0, 0).to(GPU)).sum().backward();
      assertTrue(x.grad().allclose(g.grad().to(Device.CPU), 1e-9, 1e-12, false), "soft_argmax");
      x.grad().zero_();
      g.grad().zero_();
      MinMaxIndices c = Ops.minMax(x, 1);
      MinMaxIndices d = Ops.minMax(g, 1);
      c.min().add(c.max().mul(2)).sum().backward();
      d.min().add(d.max().mul(2)).sum().backward();
      assertTrue(x.grad().allclose(g.grad().to(Device.CPU), 0, 0, false), "min_max");
    }
  }
}
