package org.jtorch.samples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import org.jtorch.Generator;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.data.WeightedRandomSampler;
import org.jtorch.nn.Linear;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.Adam;

/**
 * A data set of your own, and a sampler that balances it: {@link Points} implements {@link
 * Dataset} ({@code size()} and {@code get(i)}, Python's {@code __len__} and {@code __getitem__})
 * over 2-D points of two classes, a common one (a cloud around the origin, 95% of the points) and a
 * rare one (a ring around it, 5%). A {@link DataLoader} with a {@link WeightedRandomSampler} whose
 * weights are the inverse class frequencies draws the rare class about as often as the common
 * one. A small MLP is trained on the balanced draws and, for comparison, on plain shuffled
 * epochs; the sample prints how many points of each class the sampler drew in an epoch and each
 * model's recall per class on a held-out set with the same imbalance.
 *
 * <pre>
 * ./mvnw -q -f samples exec:java -Dsample=CustomDataset
 * ./mvnw -q -f samples exec:java -Dsample=CustomDataset -Dexec.args="--size 20000 --rare 0.01 --epochs 10"
 * </pre>
 *
 * Options: {@code --size N} training points (4000), {@code --rare X} the rare class's share
 * (0.05), {@code --epochs N} (8), {@code --batch N} (64), {@code --lr X} (0.01), {@code --seed N}
 * (0).
 */
public final class CustomDataset {
  private CustomDataset() {}

  /** The class names, by label. */
  static final String[] CLASSES = {"common", "rare"};

  /**
   * A user-defined map-style data set: points made from a seed and held in Java arrays; {@link
   * #get} builds the sample's tensors (the loader frees them once the batch is built).
   */
  static final class Points implements Dataset<Example> {
    private final float[][] xy;
    private final int[] labels;

    /** {@code n} points, a share {@code rare} of them of class 1, made from {@code seed}. */
    Points(int n, double rare, long seed) {
      Random r = new Random(seed);
      xy = new float[n][];
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        int label = r.nextDouble() < rare ? 1 : 0;
        double x;
        double y;
        if (label == 0) { // a Gaussian cloud around the origin
          x = r.nextGaussian();
          y = r.nextGaussian();
        } else { // a noisy ring of radius 3 around it
          double angle = 2 * Math.PI * r.nextDouble();
          double radius = 3 + 0.3 * r.nextGaussian();
          x = radius * Math.cos(angle);
          y = radius * Math.sin(angle);
        }
        xy[i] = new float[] {(float) x, (float) y};
        labels[i] = label;
      }
    }

    @Override
    public int size() {
      return labels.length;
    }

    @Override
    public Example get(int index) {
      // input: float32 [2]; target: a 0-d int64 class index (the loader stacks them into [B, 2], [B])
      return new Example(
          Torch.tensor(xy[index]), Torch.tensor((long) labels[index]));
    }

    /** The label of point {@code index}, without making tensors. */
    int label(int index) {
      return labels[index];
    }

    /** How many points each class has. */
    long[] classCounts() {
      long[] counts = new long[CLASSES.length];
      for (int label : labels) {
        counts[label]++;
      }
      return counts;
    }
  }

  /** The run's settings. */
  record Config(int size, double rare, int epochs, int batch, double lr, long seed) {
    static Config parse(String[] args) {
      SampleArgs a =
          SampleArgs.parse(
              args,
              java.util.Set.of("--size", "--rare", "--epochs", "--batch", "--lr", "--seed"),
              java.util.Set.of(),
              false);
      int size = a.integer("--size", 4000);
      double rare = a.number("--rare", 0.05);
      int epochs = a.integer("--epochs", 8);
      int batch = a.integer("--batch", 64);
      double lr = a.number("--lr", 0.01);
      long seed = a.longValue("--seed", 0);
      if (!(rare > 0 && rare < 1)) {
        throw new IllegalArgumentException("--rare must be between 0 and 1, got " + rare);
      }
      return new Config(size, rare, epochs, batch, lr, seed);
    }
  }

  /**
   * What a run measured.
   *
   * @param datasetCounts points per class in the training set
   * @param drawnCounts points per class the weighted sampler drew in the first epoch
   * @param recall recall per class on the test set, trained with the weighted sampler
   * @param shuffledRecall the same, trained on plain shuffled epochs
   */
  record Result(long[] datasetCounts, long[] drawnCounts, double[] recall, double[] shuffledRecall) {
    /** The rare class's share of the first epoch's draws. */
    double rareShare() {
      return (double) drawnCounts[1] / (drawnCounts[0] + drawnCounts[1]);
    }
  }

  public static void main(String[] args) {
    run(Config.parse(args), System.out);
  }

  /** Two linear layers of 32 with ReLU: enough for a ring around a cloud. */
  static Module model() {
    return new Sequential(new Linear(2, 32), new ReLU(), new Linear(32, 32), new ReLU(), new Linear(32, 2));
  }

  static Result run(Config c, PrintStream out) {
    Points train = new Points(c.size(), c.rare(), c.seed());
    Points test = new Points(Math.max(1000, c.size() / 2), c.rare(), c.seed() + 1);
    long[] counts = train.classCounts();
    out.printf(Locale.ROOT, "training set: %d points, %d %s and %d %s (%.1f%%)%n",
        train.size(), counts[0], CLASSES[0], counts[1], CLASSES[1], 100.0 * counts[1] / train.size());

    // each point weighs 1 / (the size of its class): both classes weigh the same in all
    double[] weights = new double[train.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1.0 / counts[train.label(i)];
    }
    out.printf(Locale.ROOT, "sampler weights: %.3g for a %s point, %.3g for a %s point%n",
        1.0 / counts[0], CLASSES[0], 1.0 / counts[1], CLASSES[1]);

    long[] drawn;
    double[] recall;
    Torch.manualSeed(c.seed());
    try (Module model = model();
        Generator g = new Generator(c.seed());
        DataLoader<Example> loader = DataLoader.builder(train)
            .batchSize(c.batch())
            // as many draws per epoch as there are points, with replacement (PyTorch's default)
            .sampler(new WeightedRandomSampler(weights, train.size(), true, g))
            .build()) {
      out.println("\nwith a WeightedRandomSampler (inverse class frequencies):");
      drawn = train(model, loader, c, out);
      out.printf(Locale.ROOT, "first epoch drew %d %s and %d %s points (%.1f%% %s; the data set has %.1f%%)%n",
          drawn[0], CLASSES[0], drawn[1], CLASSES[1], 100.0 * drawn[1] / (drawn[0] + drawn[1]), CLASSES[1],
          100.0 * counts[1] / train.size());
      recall = recall(model, test, out);
    }

    double[] shuffledRecall;
    Torch.manualSeed(c.seed());
    try (Module model = model();
        Generator g = new Generator(c.seed());
        DataLoader<Example> loader =
            DataLoader.builder(train).batchSize(c.batch()).shuffle(true).generator(g).build()) {
      out.println("\nfor comparison, plain shuffled epochs:");
      long[] plain = train(model, loader, c, out);
      out.printf(Locale.ROOT, "first epoch drew %d %s and %d %s points%n", plain[0], CLASSES[0], plain[1], CLASSES[1]);
      shuffledRecall = recall(model, test, out);
    }
    out.printf(Locale.ROOT, "%nrecall of the %s class: %.1f%% with the weighted sampler, %.1f%% without%n",
        CLASSES[1], 100 * recall[1], 100 * shuffledRecall[1]);
    return new Result(counts, drawn, recall, shuffledRecall);
  }

  /** Trains with Adam; returns how many points of each class the first epoch drew. */
  static long[] train(Module model, DataLoader<Example> loader, Config c, PrintStream out) {
    Adam opt = new Adam(model.parameters(), Adam.options().lr(c.lr()));
    long[] firstEpoch = null;
    model.train();
    for (int epoch = 1; epoch <= c.epochs(); epoch++) {
      long[] drawn = new long[CLASSES.length];
      double lossSum = 0;
      long seen = 0;
      for (Example batch : loader) {
        try (Scope step = Scope.open()) { // the batch is freed when the next one is taken
          opt.zeroGrad();
          Tensor loss = F.crossEntropy(model.forward(batch.input()), batch.target());
          loss.backward();
          opt.step();
          long n = batch.target().size(0);
          long rare = batch.target().sum().longValue();
          drawn[1] += rare;
          drawn[0] += n - rare;
          lossSum += loss.doubleValue() * n;
          seen += n;
        }
      }
      if (firstEpoch == null) {
        firstEpoch = drawn;
      }
      out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  drew %d %s, %d %s%n",
          epoch, c.epochs(), lossSum / seen, drawn[0], CLASSES[0], drawn[1], CLASSES[1]);
    }
    return firstEpoch;
  }

  /** Recall per class (the share of each class's points predicted as that class), printed. */
  static double[] recall(Module model, Dataset<Example> test, PrintStream out) {
    model.eval();
    long[] hits = new long[CLASSES.length];
    long[] totals = new long[CLASSES.length];
    try (GradMode g = Torch.inferenceMode();
        DataLoader<Example> loader = DataLoader.builder(test).batchSize(512).build()) {
      for (Example b : loader) {
        try (Scope s = Scope.open()) {
          long[] predicted = model.forward(b.input()).argmax(1).toLongArray();
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
    double[] recall = new double[CLASSES.length];
    StringBuilder line = new StringBuilder("test recall:");
    for (int k = 0; k < recall.length; k++) {
      recall[k] = totals[k] == 0 ? Double.NaN : (double) hits[k] / totals[k];
      line.append(String.format(Locale.ROOT, "  %s %.1f%% (%d of %d)",
          CLASSES[k], 100 * recall[k], hits[k], totals[k]));
    }
    out.println(line);
    return recall;
  }
}
