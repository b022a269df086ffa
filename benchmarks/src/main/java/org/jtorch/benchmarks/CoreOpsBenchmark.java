package org.jtorch.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jtorch.Tensor;
import org.jtorch.Torch;
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
 * Per-call cost of core tensor operations through jtorch's public API, each result closed at
 * once. {@code python/core_ops.py} times the same calls in Python; {@code run_core_ops.sh} runs
 * both and prints the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreOpsBenchmark {
  private Tensor one;
  private Tensor small;
  private Tensor big;

  @Setup(Level.Trial)
  public void setUp() {
    Torch.manualSeed(0);
    one = Torch.rand(1);
    small = Torch.rand(10, 10);
    big = Torch.rand(2048, 1024);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    one.close();
    small.close();
    big.close();
  }

  @Benchmark
  public void add1() {
    one.add(one).close();
  }

  @Benchmark
  public void argmax10x10dim1() {
    small.argmax(1).close();
  }

  @Benchmark
  public void sum2048x1024() {
    big.sum().close();
  }
}
