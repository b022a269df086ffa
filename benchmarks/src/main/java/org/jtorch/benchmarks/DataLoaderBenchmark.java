package org.jtorch.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jtorch.Generator;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Example;
import org.jtorch.data.datasets.FashionMNIST;
import org.jtorch.data.transforms.Compose;
import org.jtorch.data.transforms.Normalize;
import org.jtorch.data.transforms.RandomHorizontalFlip;
import org.jtorch.data.transforms.ToTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of Fashion-MNIST's training set (60,000 images, 938 batches) through a {@link
 * DataLoader}: batch 64, shuffled, ToTensor + Normalize + RandomHorizontalFlip per image, with 0, 1
 * and 2 worker threads (kept between epochs). Each batch is closed as soon as it arrives. {@code
 * python/data_loader.py} times Python's {@code DataLoader} on the same files; {@code
 * run_data_loader.sh} runs both and prints batches per second.
 *
 * <p>The folder: the system property {@code jtorch.bench.fashion}, by default Debian's {@code
 * /usr/share/datasets/fashion-mnist}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 5)
@Fork(1)
public class DataLoaderBenchmark {
  @Param({"0", "1", "2"})
  public int workers;

  private FashionMNIST train;
  private DataLoader<Example> loader;

  @Setup(Level.Trial)
  public void setUp() {
    Path root =
        Path.of(System.getProperty("jtorch.bench.fashion", FashionMNIST.DEFAULT_ROOT.toString()));
    train =
        new FashionMNIST(
            root,
            true,
            new Compose(new ToTensor(), new Normalize(0.2860, 0.3530), new RandomHorizontalFlip()));
    DataLoader.Builder<Example> b =
        DataLoader.builder(train).batchSize(64).shuffle(true).generator(new Generator(0));
    if (workers > 0) {
      b.numWorkers(workers).persistentWorkers(true);
    }
    loader = b.build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    loader.close();
    train.close();
  }

  /** One epoch; returns the number of batches so that the work is not optimised away. */
  @Benchmark
  public int epoch() {
    int n = 0;
    for (Example batch : loader) { // each batch is freed when the next one is taken
      n++;
    }
    return n;
  }
}
