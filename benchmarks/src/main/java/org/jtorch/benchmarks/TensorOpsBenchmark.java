package org.jtorch.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.ValuesIndices;
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
 * Per-call cost of the tensor operations jtorch has speed targets for, through jtorch's public
 * API, each result closed at once: argmax over dim 0 at three sizes and over dim 1 of 10×10, min
 * over dim 1 with its indices, sum, mean and max of a 2048×1024 tensor, and a one-element add.
 * {@code python/tensor_ops.py} times the same calls in Python; {@code compare.sh
 * TensorOpsBenchmark python/tensor_ops.py} runs both and prints the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TensorOpsBenchmark {
  private Tensor one;
  private Tensor x10;
  private Tensor x100;
  private Tensor x1000;
  private Tensor big;

  @Setup(Level.Trial)
  public void setUp() {
    Torch.manualSeed(0);
    one = Torch.rand(1);
    x10 = Torch.rand(10, 10);
    x100 = Torch.rand(100, 100);
    x1000 = Torch.rand(1000, 1000);
    big = Torch.rand(2048, 1024);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    one.close();
    x10.close();
    x100.close();
    x1000.close();
    big.close();
  }

  @Benchmark
  public void argmax10x10dim0() {
    x10.argmax(0).close();
  }

  @Benchmark
  public void argmax10x10dim1() {
    x10.argmax(1).close();
  }

  @Benchmark
  public void argmax100x100dim0() {
    x100.argmax(0).close();
  }

  @Benchmark
  public void argmax1000x1000dim0() {
    x1000.argmax(0).close();
  }

  @Benchmark
  public void min2048x1024dim1() {
    try (ValuesIndices r = big.min(1)) {
      // values and indices, both freed
    }
  }

  @Benchmark
  public void sum2048x1024() {
    big.sum().close();
  }

  @Benchmark
  public void mean2048x1024() {
    big.mean().close();
  }

  @Benchmark
  public void max2048x1024() {
    big.max().close();
  }

  @Benchmark
  public void add1() {
    one.add(one).close();
  }
}
