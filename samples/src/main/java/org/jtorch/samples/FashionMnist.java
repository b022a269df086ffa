package org.jtorch.samples;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jtorch.DType;
import org.jtorch.Generator;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.data.Subset;
import org.jtorch.data.datasets.FashionMNIST;
import org.jtorch.data.transforms.Compose;
import org.jtorch.data.transforms.Normalize;
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
 * The README's main job: trains a CNN on Fashion-MNIST (Debian's {@code dataset-fashion-mnist}),
 * validates after every epoch, keeps the best checkpoint (a PyTorch state dict Python can load),
 * draws the learning curves, and analyses the test set: accuracy, confusion matrix, the most
 * confidently wrong and the least confident predictions.
 *
 * <pre>
 * samples/fashion-mnist.sh                       # installs the data set if it can, then runs this
 * ./mvnw -q -f samples exec:java -Dsample=FashionMnist -Dexec.args="--epochs 8"
 * </pre>
 *
 * Options: {@code --data DIR} (default /usr/share/datasets/fashion-mnist), {@code --out DIR}
 * (default target/fashion-mnist), {@code --epochs N} (8), {@code --batch N} (64), {@code --lr X}
 * (0.001), {@code --train-limit N} and {@code --test-limit N} (use only the first N images, for a
 * quick run), {@code --workers N} (1), {@code --seed N} (0).
 */
public final class FashionMnist {
  private FashionMnist() {}

  /** The run's settings. */
  record Config(
      Path data, Path out, int epochs, int batch, double lr, int trainLimit, int testLimit,
      int workers, long seed) {
    static Config parse(String[] args) {
      SampleArgs a =
          SampleArgs.parse(
              args,
              java.util.Set.of(
                  "--data", "--out", "--epochs", "--batch", "--lr", "--train-limit", "--test-limit",
                  "--workers", "--seed"),
              java.util.Set.of(),
              false);
      return new Config(
          a.path("--data", FashionMNIST.DEFAULT_ROOT),
          a.path("--out", Path.of("target", "fashion-mnist")),
          a.integer("--epochs", 8),
          a.integer("--batch", 64),
          a.number("--lr", 1e-3),
          a.integer("--train-limit", 0),
          a.integer("--test-limit", 0),
          a.integer("--workers", 1),
          a.longValue("--seed", 0));
    }
  }

  /** What a run measured. */
  record Result(double testAccuracy, double seconds, int bestEpoch, Path checkpoint, Path chart) {}

  public static void main(String[] args) throws IOException {
    Config c = Config.parse(args);
    if (!hasData(c.data())) {
      System.err.println(
          "Fashion-MNIST is not in " + c.data().toAbsolutePath() + ".\n"
              + "Install Debian's package:   sudo apt-get install dataset-fashion-mnist\n"
              + "(it puts train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
              + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz under "
              + "/usr/share/datasets/fashion-mnist/), or pass --data DIR with those four files.");
      System.exit(2);
    }
    run(c, System.out);
  }

  static boolean hasData(Path dir) {
    for (String f : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
      if (!Files.exists(dir.resolve(f)) && !Files.exists(dir.resolve(f + ".gz"))) {
        return false;
      }
    }
    return true;
  }

  /** Two conv blocks with BatchNorm, dropout, two linear layers. */
  static Module model() {
    return new Sequential(
        new Conv2d(Conv2d.options(1, 32, 3).padding(1)), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
        new Conv2d(Conv2d.options(32, 64, 3).padding(1)), new BatchNorm2d(64), new ReLU(), new MaxPool2d(2),
        new Dropout(0.25), new Flatten(),
        new Linear(64 * 7 * 7, 128), new ReLU(), new Dropout(0.25),
        new Linear(128, 10));
  }

  static Result run(Config c, PrintStream out) throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(c.out());
    Torch.manualSeed(c.seed());
    // Fashion-MNIST's mean and std over the training images
    Normalize normalize = new Normalize(0.2860, 0.3530);
    FashionMNIST trainFull = new FashionMNIST(c.data(), true, new Compose(new ToTensor(), normalize, new RandomHorizontalFlip()));
    FashionMNIST plainTrain = new FashionMNIST(c.data(), true, new Compose(new ToTensor(), normalize));
    FashionMNIST test = new FashionMNIST(c.data(), false, new Compose(new ToTensor(), normalize));
    int n = c.trainLimit() > 0 ? Math.min(c.trainLimit(), trainFull.size()) : trainFull.size();
    int valN = Math.max(1, n / 12); // 5,000 of 60,000 for validation
    int[] perm = permutation(n, c.seed());
    int[] trainIdx = java.util.Arrays.copyOfRange(perm, valN, n);
    int[] valIdx = java.util.Arrays.copyOfRange(perm, 0, valN);
    Dataset<Example> train = new Subset<>(trainFull, trainIdx);
    Dataset<Example> val = new Subset<>(plainTrain, valIdx);
    int testN = c.testLimit() > 0 ? Math.min(c.testLimit(), test.size()) : test.size();
    Dataset<Example> testSet = new Subset<>(test, range(testN));
    out.printf(Locale.ROOT, "Fashion-MNIST: %d training, %d validation, %d test images; %d epochs, batch %d, %d threads%n",
        train.size(), val.size(), testSet.size(), c.epochs(), c.batch(), Torch.getNumThreads());

    Module model = model();
    out.println(model);
    out.printf(Locale.ROOT, "%d parameters%n", model.parameterCount());
    Adam opt = new Adam(model.parameters(), Adam.options().lr(c.lr()));
    CosineAnnealingLR schedule = new CosineAnnealingLR(opt, c.epochs());
    List<Double> trainLoss = new ArrayList<>();
    List<Double> trainAcc = new ArrayList<>();
    List<Double> valLoss = new ArrayList<>();
    List<Double> valAcc = new ArrayList<>();
    double best = -1;
    int bestEpoch = 0;
    Path checkpoint = c.out().resolve("fashion_mnist_best.pt");
    try (DataLoader<Example> loader = DataLoader.builder(train).batchSize(c.batch()).shuffle(true)
            .generator(new Generator(c.seed())).numWorkers(c.workers()).build()) {
      for (int epoch = 1; epoch <= c.epochs(); epoch++) {
        model.train();
        long t0 = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        int batches = loader.size();
        int b = 0;
        Progress bar = new Progress(out, "epoch " + epoch + "/" + c.epochs(), batches);
        for (Example batch : loader) {
          try (Scope step = Scope.open()) { // the batch is freed when the next one is taken
            opt.zeroGrad();
            Tensor logits = model.forward(batch.input());
            Tensor loss = F.crossEntropy(logits, batch.target());
            loss.backward();
            opt.step();
            long bs = batch.target().size(0);
            lossSum += loss.doubleValue() * bs;
            correct += logits.argmax(1).eq(batch.target()).sum().longValue();
            seen += bs;
          }
          b++;
          double secs = (System.nanoTime() - t0) / 1e9;
          bar.update(b, String.format(Locale.ROOT, "loss %.4f  acc %5.2f%%  %5.0f samples/s",
              lossSum / seen, 100.0 * correct / seen, seen / secs));
        }
        schedule.step();
        double[] v = evaluate(model, val, 256);
        trainLoss.add(lossSum / seen);
        trainAcc.add(100.0 * correct / seen);
        valLoss.add(v[0]);
        valAcc.add(v[1]);
        bar.done(String.format(Locale.ROOT, "loss %.4f  acc %5.2f%%  | val loss %.4f  val acc %5.2f%%  (%.0f s)",
            lossSum / seen, 100.0 * correct / seen, v[0], v[1], (System.nanoTime() - t0) / 1e9));
        if (v[1] > best) {
          best = v[1];
          bestEpoch = epoch;
          try (Scope s = Scope.open()) {
            Torch.save(model.stateDict(), checkpoint);
          }
        }
      }
    }
    Path chart = c.out().resolve("fashion_mnist_curves.png");
    Charts.twoPanels(chart,
        "loss per epoch",
        List.of(new Charts.Series("train", trainLoss, new Color(31, 119, 180)),
            new Charts.Series("validation", valLoss, new Color(255, 127, 14))),
        "accuracy per epoch (%)",
        List.of(new Charts.Series("train", trainAcc, new Color(31, 119, 180)),
            new Charts.Series("validation", valAcc, new Color(255, 127, 14))));
    // the best epoch's weights, read back from the checkpoint file
    try (Scope s = Scope.open()) {
      model.loadStateDict(Torch.load(checkpoint));
    }
    double acc = analyse(model, testSet, c, out);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "best validation accuracy %.2f%% at epoch %d; checkpoint %s; chart %s%n",
        best, bestEpoch, checkpoint, chart);
    out.printf(Locale.ROOT, "TEST ACCURACY %.2f%%  (%d images, %.1f min in all)%n", acc, testSet.size(), seconds / 60);
    model.close();
    trainFull.close();
    plainTrain.close();
    test.close();
    return new Result(acc, seconds, bestEpoch, checkpoint, chart);
  }

  /** Mean loss and accuracy (%) over a data set, in eval mode without gradients. */
  static double[] evaluate(Module model, Dataset<Example> data, int batch) {
    model.eval();
    double lossSum = 0;
    long correct = 0;
    long seen = 0;
    try (GradMode g = Torch.inferenceMode();
        DataLoader<Example> loader = DataLoader.builder(data).batchSize(batch).build()) {
      for (Example b : loader) {
        try (Scope s = Scope.open()) {
          Tensor logits = model.forward(b.input());
          lossSum += F.crossEntropy(logits, b.target()).doubleValue() * b.target().size(0);
          correct += logits.argmax(1).eq(b.target()).sum().longValue();
          seen += b.target().size(0);
        }
      }
    }
    return new double[] {lossSum / seen, 100.0 * correct / seen};
  }

  /** One test prediction, for the uncertainty analysis. */
  record Prediction(int index, int label, int predicted, double confidence) {}

  /** Test accuracy, confusion matrix, the most confidently wrong and the least confident images. */
  static double analyse(Module model, Dataset<Example> test, Config c, PrintStream out) throws IOException {
    model.eval();
    long[][] confusion = new long[10][10];
    List<Prediction> predictions = new ArrayList<>();
    int index = 0;
    try (GradMode g = Torch.inferenceMode();
        DataLoader<Example> loader = DataLoader.builder(test).batchSize(256).build()) {
      for (Example b : loader) {
        try (Scope s = Scope.open()) {
          Tensor probs = model.forward(b.input()).softmax(1);
          var top = probs.max(1); // softmax max per row: the confidence and the predicted class
          float[] conf = top.values().toFloatArray();
          long[] pred = top.indices().toLongArray();
          long[] labels = b.target().toLongArray();
          for (int i = 0; i < labels.length; i++) {
            confusion[(int) labels[i]][(int) pred[i]]++;
            predictions.add(new Prediction(index++, (int) labels[i], (int) pred[i], conf[i]));
          }
        }
      }
    }
    long correct = 0;
    for (int i = 0; i < 10; i++) {
      correct += confusion[i][i];
    }
    String[] names = FashionMNIST.CLASSES;
    StringBuilder table = new StringBuilder("confusion matrix (rows: true class, columns: predicted)\n");
    table.append(String.format(Locale.ROOT, "%-12s", ""));
    for (int j = 0; j < 10; j++) {
      table.append(String.format(Locale.ROOT, "%6s", abbreviate(names[j])));
    }
    table.append('\n');
    for (int i = 0; i < 10; i++) {
      table.append(String.format(Locale.ROOT, "%-12s", names[i]));
      for (int j = 0; j < 10; j++) {
        table.append(String.format(Locale.ROOT, "%6d", confusion[i][j]));
      }
      table.append('\n');
    }
    out.print(table);
    Files.writeString(c.out().resolve("confusion_matrix.txt"), table.toString());
    out.println("most confidently wrong (softmax max of a wrong prediction):");
    predictions.stream().filter(p -> p.predicted() != p.label())
        .sorted(Comparator.comparingDouble(Prediction::confidence).reversed()).limit(5)
        .forEach(p -> out.printf(Locale.ROOT, "  test image %5d: %-11s predicted as %-11s with p=%.4f%n",
            p.index(), names[p.label()], names[p.predicted()], p.confidence()));
    out.println("least confident (lowest softmax max):");
    predictions.stream().sorted(Comparator.comparingDouble(Prediction::confidence)).limit(5)
        .forEach(p -> out.printf(Locale.ROOT, "  test image %5d: %-11s predicted as %-11s with p=%.4f%n",
            p.index(), names[p.label()], names[p.predicted()], p.confidence()));
    return 100.0 * correct / predictions.size();
  }

  private static String abbreviate(String name) {
    return name.length() <= 5 ? name : name.substring(0, 5);
  }

  static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  /** A seeded permutation of 0..n-1 (LibTorch's randperm), for the validation split. */
  private static int[] permutation(int n, long seed) {
    try (Scope s = Scope.open(); Generator g = new Generator(seed)) {
      long[] p = Torch.randperm(n, g).toLongArray();
      int[] r = new int[n];
      for (int i = 0; i < n; i++) {
        r[i] = (int) p[i];
      }
      return r;
    }
  }

  /** A progress bar on a terminal; a line every tenth of the epoch otherwise (logs, CI). */
  static final class Progress {
    private final PrintStream out;
    private final String label;
    private final int total;
    private final boolean tty = System.console() != null;
    private int lastTenth = -1;

    Progress(PrintStream out, String label, int total) {
      this.out = out;
      this.label = label;
      this.total = Math.max(1, total);
    }

    void update(int done, String status) {
      if (tty) {
        int width = 30;
        int filled = (int) ((long) width * done / total);
        out.print("\r" + label + " [" + "=".repeat(filled) + (filled < width ? ">" : "")
            + " ".repeat(Math.max(0, width - filled - 1)) + "] " + done + "/" + total + "  " + status);
        out.flush();
      } else {
        int tenth = (int) (10L * done / total);
        if (tenth != lastTenth && tenth < 10) {
          lastTenth = tenth;
          out.println(label + " " + done + "/" + total + "  " + status);
        }
      }
    }

    void done(String status) {
      out.print((tty ? "\r" : "") + label + " done  " + status + (tty ? "          \n" : "\n"));
    }
  }
}
