package org.jtorch.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.nn.Conv2d;
import org.jtorch.nn.Flatten;
import org.jtorch.nn.Linear;
import org.jtorch.nn.MaxPool2d;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.SGD;
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
 * One training step (zero_grad, forward, cross-entropy, backward, SGD with momentum 0.9) on a
 * batch of 64, for the MLP 784-256-10 and the small CNN of the nn issue (conv 1→32 3×3, ReLU,
 * maxpool 2, conv 32→64 3×3, ReLU, maxpool 2, linear 1600→128, ReLU, linear 128→10). Each step
 * runs in a {@link org.jtorch.Scope}, as a training loop should. {@code python/training_step.py}
 * times the same steps in Python: {@code compare.sh TrainingStepBenchmark
 * python/training_step.py}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingStepBenchmark {
  private Module mlp;
  private Module cnn;
  private SGD mlpOpt;
  private SGD cnnOpt;
  private Tensor flat;
  private Tensor images;
  private Tensor labels;

  @Setup(Level.Trial)
  public void setUp() {
    Torch.manualSeed(0);
    mlp = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
    cnn =
        new Sequential(
            new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
            new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
            new Flatten(), new Linear(1600, 128), new ReLU(), new Linear(128, 10));
    mlpOpt = new SGD(mlp.parameters(), SGD.options().lr(0.01).momentum(0.9));
    cnnOpt = new SGD(cnn.parameters(), SGD.options().lr(0.01).momentum(0.9));
    flat = Torch.randn(64, 784);
    images = Torch.randn(64, 1, 28, 28);
    labels = Torch.randint(0, 10, new long[] {64}, TensorOptions.dtype(DType.INT64));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    mlp.close();
    cnn.close();
    flat.close();
    images.close();
    labels.close();
  }

  private static double step(Module model, SGD opt, Tensor x, Tensor y) {
    try (org.jtorch.Scope s = org.jtorch.Scope.open()) {
      opt.zeroGrad();
      Tensor loss = F.crossEntropy(model.forward(x), y);
      loss.backward();
      opt.step();
      return loss.doubleValue();
    }
  }

  @Benchmark
  public double mlpStep() {
    return step(mlp, mlpOpt, flat, labels);
  }

  @Benchmark
  public double cnnStep() {
    return step(cnn, cnnOpt, images, labels);
  }
}
