package org.jtorch.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.ScriptModule;
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
 * ResNet-18 inference latency through {@link ScriptModule}: batch 1 and 8, the TorchScript model as
 * saved ({@code script}) and frozen for serving ({@code frozen}, {@code torch.jit.freeze}), each
 * output closed at once. {@code python/resnet18.py} times the same file in Python under {@code
 * torch.inference_mode()}; {@code run_resnet18.sh} makes the model, runs both and prints the
 * ratios.
 *
 * <p>The model file: the system property {@code jtorch.bench.resnet18}, by default {@code
 * target/resnet18/resnet18.pt} (written by {@code java-api/src/test/python/generate_models.py
 * --resnet target/resnet18}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class ScriptModuleBenchmark {
  @Param({"1", "8"})
  public int batch;

  @Param({"script", "frozen"})
  public String variant;

  private ScriptModule model;
  private Tensor x;

  @Setup(Level.Trial)
  public void setUp() {
    Path file = Path.of(System.getProperty("jtorch.bench.resnet18", "target/resnet18/resnet18.pt"));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath() + " is missing: run benchmarks/run_resnet18.sh, or "
              + "python3 java-api/src/test/python/generate_models.py --resnet benchmarks/target/resnet18");
    }
    ScriptModule loaded = ScriptModule.load(file).eval();
    if ("frozen".equals(variant)) {
      model = loaded.freeze();
      loaded.close();
    } else {
      model = loaded;
    }
    Torch.manualSeed(0);
    x = Torch.randn(batch, 3, 224, 224);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    x.close();
    model.close();
  }

  @Benchmark
  public void resnet18() {
    model.forward(x).close();
  }
}
