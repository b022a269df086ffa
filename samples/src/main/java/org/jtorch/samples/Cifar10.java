package org.jtorch.samples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jtorch.Device;
import org.jtorch.Generator;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.data.Subset;
import org.jtorch.data.datasets.CIFAR10;
import org.jtorch.data.transforms.Compose;
import org.jtorch.data.transforms.Normalize;
import org.jtorch.data.transforms.RandomCrop;
import org.jtorch.data.transforms.RandomHorizontalFlip;
import org.jtorch.data.transforms.ToTensor;
import org.jtorch.nn.BatchNorm2d;
import org.jtorch.nn.Conv2d;
import org.jtorch.nn.Dropout;
import org.jtorch.nn.Flatten;
import org.jtorch.nn.Linear;
import org.jtorch.nn.MaxPool2d;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.Adam;
import org.jtorch.optim.lr.CosineAnnealingLR;

/**
 * Trains a small CNN on CIFAR-10 and evaluates it on the test batch: the data read by {@link
 * CIFAR10} from the binary version's files, torchvision's augmentation ({@code RandomCrop(32,
 * padding=4)}, {@code RandomHorizontalFlip}, {@code Normalize} with CIFAR-10's channel means and
 * standard deviations), three conv blocks with BatchNorm, Adam with a cosine learning-rate
 * schedule, then the test accuracy overall and per class. It runs on the GPU where CUDA is
 * available (the GPU flavour), else on the CPU.
 *
 * <p>Nothing is downloaded: get the "CIFAR-10 binary version (suitable for C programs)", {@code
 * cifar-10-binary.tar.gz}, from the CIFAR-10 page of its authors (Alex Krizhevsky, Vinod Nair and
 * Geoffrey Hinton, University of Toronto), unpack it, and pass the {@code cifar-10-batches-bin}
 * folder (or the folder that holds it):
 *
 * <pre>
 * tar xzf cifar-10-binary.tar.gz
 * ./mvnw -q -f samples exec:java -Dsample=Cifar10 -Dexec.args="/path/to/cifar-10-batches-bin"
 * ./mvnw -q -f samples exec:java -Dsample=Cifar10 \
 *     -Dexec.args="--data /path/to/cifar-10-batches-bin --epochs 1 --limit 5000"
 * </pre>
 *
 * Options: the data folder as the first argument or {@code --data DIR}; {@code --epochs N} (10),
 * {@code --batch-size N} (128), {@code --lr X} (0.001), {@code --limit N} (use only the first N
 * training images), {@code --test-limit N} (only the first N test images), {@code --workers N}
 * (1), {@code --seed N} (0).
 */
public final class Cifar10 {
  private Cifar10() {}

  /** The class names, by label. */
  static final String[] CLASSES = CIFAR10.CLASSES;

  /** The files of the binary version. */
  static final List<String> FILES = List.of(
      "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
      "data_batch_5.bin", "test_batch.bin");

  /** Per-channel mean and standard deviation of CIFAR-10's training images (RGB, in [0, 1]). */
  static final double[] MEAN = CIFAR10.MEAN;
  static final double[] STD = CIFAR10.STD;

  /** The run's settings; {@code data} is null when none was given. */
  record Config(
      Path data, int epochs, int batchSize, double lr, int limit, int testLimit, int workers, long seed) {
    static Config parse(String[] args) {
      SampleArgs a =
          SampleArgs.parse(
              args,
              java.util.Set.of(
                  "--data", "--epochs", "--batch-size", "--lr", "--limit", "--test-limit",
                  "--workers", "--seed"),
              java.util.Set.of(),
              true);
      List<String> bare = a.bare();
      Path data = a.path("--data", null);
      if (bare.size() + (data == null ? 0 : 1) > 1) {
        throw new IllegalArgumentException(
            "more than one data folder: " + (data == null ? "" : data + ", ") + String.join(", ", bare));
      }
      if (data == null && !bare.isEmpty()) {
        data = Path.of(bare.get(0));
      }
      return new Config(
          data,
          a.integer("--epochs", 10),
          a.integer("--batch-size", 128),
          a.number("--lr", 1e-3),
          a.integer("--limit", 0),
          a.integer("--test-limit", 0),
          a.integer("--workers", 1),
          a.longValue("--seed", 0));
    }
  }

  /** What a run measured: test accuracy (%) overall and per class, and the time it took. */
  record Result(double testAccuracy, double[] classAccuracy, int trainImages, int testImages, double seconds) {}

  public static void main(String[] args) {
    Config c;
    try {
      c = Config.parse(args);
      checkData(c.data());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(c, System.out);
  }

  /**
   * The files of the binary version that neither {@code dir} nor its {@code cifar-10-batches-bin}
   * sub-folder holds (where {@link CIFAR10} looks).
   */
  static List<String> missingFiles(Path dir) {
    List<String> missing = new ArrayList<>();
    for (String f : FILES) {
      if (!Files.isRegularFile(dir.resolve(f))
          && !Files.isRegularFile(dir.resolve("cifar-10-batches-bin").resolve(f))) {
        missing.add(f);
      }
    }
    return missing;
  }

  /**
   * Checks that {@code dir} holds CIFAR-10's binary version.
   *
   * @throws IllegalArgumentException that says what is missing and where to get it
   */
  static void checkData(Path dir) {
    String problem;
    if (dir == null) {
      problem = "No CIFAR-10 folder was given.";
    } else if (!Files.isDirectory(dir)) {
      problem = "The CIFAR-10 folder " + dir.toAbsolutePath() + " does not exist.";
    } else {
      List<String> missing = missingFiles(dir);
      if (missing.isEmpty()) {
        return;
      }
      problem = "The CIFAR-10 folder " + dir.toAbsolutePath() + " lacks " + String.join(", ", missing)
          + " (looked in it and in its cifar-10-batches-bin sub-folder).";
    }
    throw new IllegalArgumentException(problem + "\n"
        + "This sample reads CIFAR-10's binary files data_batch_1.bin ... data_batch_5.bin and test_batch.bin"
        + " (each record: 1 label byte, then 3072 pixel bytes) and downloads nothing.\n"
        + "Get the \"CIFAR-10 binary version (suitable for C programs)\", cifar-10-binary.tar.gz, from the CIFAR-10"
        + " page of its authors (Alex Krizhevsky, Vinod Nair and Geoffrey Hinton, University of Toronto),\n"
        + "unpack it with  tar xzf cifar-10-binary.tar.gz  and pass the folder:\n"
        + "  ./mvnw -q -f samples exec:java -Dsample=Cifar10 -Dexec.args=\"/path/to/cifar-10-batches-bin\"");
  }

  /**
   * Three blocks of conv-BatchNorm-ReLU and 2x2 max pooling (32x32 to 4x4, 32 to 128 channels),
   * dropout, two linear layers.
   */
  static Module model() {
    return new Sequential(
        new Conv2d(Conv2d.options(3, 32, 3).padding(1)), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
        new Conv2d(Conv2d.options(32, 64, 3).padding(1)), new BatchNorm2d(64), new ReLU(), new MaxPool2d(2),
        new Conv2d(Conv2d.options(64, 128, 3).padding(1)), new BatchNorm2d(128), new ReLU(), new MaxPool2d(2),
        new Flatten(), new Dropout(0.3),
        new Linear(128 * 4 * 4, 256), new ReLU(), new Dropout(0.3),
        new Linear(256, 10));
  }

  /**
   * Trains and evaluates.
   *
   * @throws IllegalArgumentException if the data folder is missing or lacks a file (the message
   *     says where to get CIFAR-10)
   */
  static Result run(Config c, PrintStream out) {
    checkData(c.data());
    long start = System.nanoTime();
    Torch.manualSeed(c.seed());
    Device device = Torch.cuda().isAvailable() ? Device.cuda() : Device.CPU;
    Normalize normalize = new Normalize(MEAN, STD);
    // torchvision's CIFAR recipe, on the uint8 image tensors CIFAR10 gives
    try (CIFAR10 trainFull = new CIFAR10(c.data(), true,
            new Compose(new RandomCrop(32, 4), new RandomHorizontalFlip(), new ToTensor(), normalize));
        CIFAR10 testFull = new CIFAR10(c.data(), false, new Compose(new ToTensor(), normalize));
        Module model = model().to(device)) {
      Dataset<Example> train = c.limit() > 0 && c.limit() < trainFull.size()
          ? new Subset<>(trainFull, FashionMnist.range(c.limit())) : trainFull;
      Dataset<Example> test = c.testLimit() > 0 && c.testLimit() < testFull.size()
          ? new Subset<>(testFull, FashionMnist.range(c.testLimit())) : testFull;
      out.printf(Locale.ROOT,
          "CIFAR-10 from %s: %d training, %d test images; %d epochs, batch %d, on %s (%d threads)%n",
          c.data(), train.size(), test.size(), c.epochs(), c.batchSize(), device, Torch.getNumThreads());
      out.printf(Locale.ROOT, "%s%n%d parameters%n", model, model.parameterCount());

      Adam opt = new Adam(model.parameters(), Adam.options().lr(c.lr()));
      CosineAnnealingLR schedule = new CosineAnnealingLR(opt, c.epochs());
      try (Generator g = new Generator(c.seed());
          DataLoader<Example> loader = DataLoader.builder(train).batchSize(c.batchSize()).shuffle(true)
              .generator(g).numWorkers(c.workers()).build()) {
        for (int epoch = 1; epoch <= c.epochs(); epoch++) {
          model.train();
          long t0 = System.nanoTime();
          double lossSum = 0;
          long correct = 0;
          long seen = 0;
          int b = 0;
          FashionMnist.Progress bar =
              new FashionMnist.Progress(out, "epoch " + epoch + "/" + c.epochs(), loader.size());
          for (Example batch : loader) {
            try (Scope step = Scope.open()) { // the batch is freed when the next one is taken
              Tensor x = batch.input().to(device);
              Tensor y = batch.target().to(device);
              opt.zeroGrad();
              Tensor logits = model.forward(x);
              Tensor loss = F.crossEntropy(logits, y);
              loss.backward();
              opt.step();
              long n = y.size(0);
              lossSum += loss.doubleValue() * n;
              correct += logits.argmax(1).eq(y).sum().longValue();
              seen += n;
            }
            b++;
            double secs = (System.nanoTime() - t0) / 1e9;
            bar.update(b, String.format(Locale.ROOT, "loss %.4f  acc %5.2f%%  %5.0f images/s",
                lossSum / seen, 100.0 * correct / seen, seen / secs));
          }
          schedule.step();
          bar.done(String.format(Locale.ROOT, "loss %.4f  train acc %5.2f%%  (%.0f s)",
              lossSum / seen, 100.0 * correct / seen, (System.nanoTime() - t0) / 1e9));
        }
      }

      double[] classAccuracy = new double[CLASSES.length];
      double accuracy = evaluate(model, test, device, classAccuracy);
      out.println("test accuracy per class:");
      for (int k = 0; k < CLASSES.length; k++) {
        out.printf(Locale.ROOT, "  %-10s %6.2f%%%n", CLASSES[k], classAccuracy[k]);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "TEST ACCURACY %.2f%%  (%d images, %.1f min in all)%n",
          accuracy, test.size(), seconds / 60);
      return new Result(accuracy, classAccuracy, train.size(), test.size(), seconds);
    }
  }

  /** Test accuracy (%), and each class's accuracy (%) into {@code perClass} (NaN for an absent class). */
  static double evaluate(Module model, Dataset<Example> test, Device device, double[] perClass) {
    model.eval();
    long[] hits = new long[perClass.length];
    long[] totals = new long[perClass.length];
    try (GradMode g = Torch.inferenceMode();
        DataLoader<Example> loader = DataLoader.builder(test).batchSize(500).build()) {
      for (Example b : loader) {
        try (Scope s = Scope.open()) {
          long[] predicted = model.forward(b.input().to(device)).argmax(1).toLongArray();
          long[] labels = b.target().toLongArray();
          for (int i = 0; i < labels.length; i++) {
            totals[(int) labels[i]]++;
            if (predicted[i] == labels[i]) {
              hits[(int) labels[i]]++;
            }
          }
        }
      }
    }
    long allHits = 0;
    long all = 0;
    for (int k = 0; k < perClass.length; k++) {
      perClass[k] = totals[k] == 0 ? Double.NaN : 100.0 * hits[k] / totals[k];
      allHits += hits[k];
      all += totals[k];
    }
    return 100.0 * allHits / all;
  }
}
