package org.jtorch.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
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
 * Matrix products on OpenBLAS's threads (the {@code jtorch.openblasThreads} step of the runtime
 * recipe): products LibTorch calls on the caller's thread, where OpenBLAS runs as a team of
 * LibTorch's OpenMP threads, and products LibTorch calls inside its own parallel loops (CPU
 * attention, double-precision convolution), where OpenBLAS must stay on one thread. {@code
 * python/blas_threads.py} times the same calls (MKL): {@code compare.sh BlasThreadsBenchmark
 * python/blas_threads.py}; {@code -jvmArgsAppend -Djtorch.openblasThreads=1} in {@code JMH_OPTS}
 * gives the one-thread recipe for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlasThreadsBenchmark {
  private Tensor x;
  private Tensor w;
  private Tensor b1;
  private Tensor b2;
  private Tensor q;
  private Tensor k;
  private Tensor v;
  private Tensor image64;
  private Tensor filter64;

  @Setup(Level.Trial)
  public void setUp() {
    Torch.manualSeed(0);
    x = Torch.randn(64, 784);
    w = Torch.randn(256, 784);
    b1 = Torch.randn(64, 128, 128);
    b2 = Torch.randn(64, 128, 128);
    q = Torch.randn(4, 8, 256, 64);
    k = Torch.randn(4, 8, 256, 64);
    v = Torch.randn(4, 8, 256, 64);
    TensorOptions f64 = TensorOptions.dtype(DType.FLOAT64);
    image64 = Torch.randn(new long[] {8, 32, 28, 28}, f64);
    filter64 = Torch.randn(new long[] {64, 32, 3, 3}, f64);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (Tensor t : new Tensor[] {x, w, b1, b2, q, k, v, image64, filter64}) {
      t.close();
    }
  }

  /** The MLP's first layer: 64x784 by 784x256, on the caller's thread. */
  @Benchmark
  public long linear64x784x256() {
    try (Tensor r = F.linear(x, w, null)) {
      return r.numel();
    }
  }

  /** 64 products of 128x128 matrices, one after another on the caller's thread. */
  @Benchmark
  public long bmm64x128() {
    try (Tensor r = b1.bmm(b2)) {
      return r.numel();
    }
  }

  /** Attention over 256 positions: its block products run inside LibTorch's parallel loop. */
  @Benchmark
  public long attention256() {
    try (Tensor r = F.scaledDotProductAttention(q, k, v)) {
      return r.numel();
    }
  }

  /** Double-precision convolution: a product per sample inside LibTorch's parallel loop. */
  @Benchmark
  public long conv2dFloat64() {
    try (Tensor r = F.conv2d(image64, filter64, null)) {
      return r.numel();
    }
  }
}
