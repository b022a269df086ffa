package org.jtorch.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.ops.Ops;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * jtorch's fused operators against the ATen calls they replace, on float32 1000×1000 and
 * 2048×1024 tensors along each dim: {@code Ops.argmaxLayer} vs {@code argmax(dim, keepdim)} +
 * {@code zeros_like(x).scatter_(dim, idx, 1)} (the same one-hot float output), and {@code
 * Ops.minMax} vs {@code aminmax(dim)} + {@code argmin(dim)} + {@code argmax(dim)}; plus this
 * machine's memory bandwidth (sum and copy of a 256 MiB tensor), to express the ops' throughput
 * in GB/s. {@code python/ops.py} times the same calls in Python on the same .so; {@code
 * compare.sh OpsBenchmark python/ops.py} runs both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpsBenchmark {
  private Tensor x1000;
  private Tensor x2048;
  private Tensor huge;
  private Tensor hugeOut;

  @Setup(Level.Trial)
  public void setUp() {
    Torch.manualSeed(0);
    x1000 = Torch.rand(1000, 1000);
    x2048 = Torch.rand(2048, 1024);
    huge = Torch.rand(64L << 20); // 64 Mi floats: 256 MiB, far beyond the caches
    hugeOut = Torch.empty(64L << 20);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    x1000.close();
    x2048.close();
    huge.close();
    hugeOut.close();
  }

  @Benchmark
  public void argmaxLayer1000x1000dim0() {
    Ops.argmaxLayer(x1000, 0).close();
  }

  @Benchmark
  public void atenArgmaxOneHot1000x1000dim0() {
    try (Tensor idx = x1000.argmax(0, true)) {
      Torch.zerosLike(x1000).scatter_(0, idx, 1.0).close();
    }
  }

  @Benchmark
  public void minMax1000x1000dim0() {
    Ops.minMax(x1000, 0).close();
  }

  @Benchmark
  public void atenAminmaxArgminArgmax1000x1000dim0() {
    x1000.aminmax(0, false).close();
    x1000.argmin(0).close();
    x1000.argmax(0).close();
  }

  @Benchmark
  public void argmaxLayer1000x1000dim1() {
    Ops.argmaxLayer(x1000, 1).close();
  }

  @Benchmark
  public void atenArgmaxOneHot1000x1000dim1() {
    try (Tensor idx = x1000.argmax(1, true)) {
      Torch.zerosLike(x1000).scatter_(1, idx, 1.0).close();
    }
  }

  @Benchmark
  public void minMax1000x1000dim1() {
    Ops.minMax(x1000, 1).close();
  }

  @Benchmark
  public void atenAminmaxArgminArgmax1000x1000dim1() {
    x1000.aminmax(1, false).close();
    x1000.argmin(1).close();
    x1000.argmax(1).close();
  }

  @Benchmark
  public void argmaxLayer2048x1024dim0() {
    Ops.argmaxLayer(x2048, 0).close();
  }

  @Benchmark
  public void atenArgmaxOneHot2048x1024dim0() {
    try (Tensor idx = x2048.argmax(0, true)) {
      Torch.zerosLike(x2048).scatter_(0, idx, 1.0).close();
    }
  }

  @Benchmark
  public void minMax2048x1024dim0() {
    Ops.minMax(x2048, 0).close();
  }

  @Benchmark
  public void atenAminmaxArgminArgmax2048x1024dim0() {
    x2048.aminmax(0, false).close();
    x2048.argmin(0).close();
    x2048.argmax(0).close();
  }

  @Benchmark
  public void argmaxLayer2048x1024dim1() {
    Ops.argmaxLayer(x2048, 1).close();
  }

  @Benchmark
  public void atenArgmaxOneHot2048x1024dim1() {
    try (Tensor idx = x2048.argmax(1, true)) {
      Torch.zerosLike(x2048).scatter_(1, idx, 1.0).close();
    }
  }

  @Benchmark
  public void minMax2048x1024dim1() {
    Ops.minMax(x2048, 1).close();
  }

  @Benchmark
  public void atenAminmaxArgminArgmax2048x1024dim1() {
    x2048.aminmax(1, false).close();
    x2048.argmin(1).close();
    x2048.argmax(1).close();
  }

  /** Read bandwidth: 256 MiB read per call. */
  @Benchmark
  public void bandwidthSum256MiB() {
    huge.sum().close();
  }

  /** Copy bandwidth: 256 MiB read and 256 MiB written per call (into a preallocated tensor). */
  @Benchmark
  public void bandwidthCopy256MiB() {
    // Tensor has no copy_ yet: any registered operator is reachable through Ops.call
    ((Tensor) Ops.call("aten::copy_", hugeOut, huge, false)).close();
  }
}
