package org.jtorch.samples;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Dataset;
import org.jtorch.data.DistributedSampler;
import org.jtorch.data.Example;
import org.jtorch.data.Subset;
import org.jtorch.data.datasets.FashionMNIST;
import org.jtorch.data.transforms.Compose;
import org.jtorch.data.transforms.Normalize;
import org.jtorch.data.transforms.RandomHorizontalFlip;
import org.jtorch.data.transforms.ToTensor;
import org.jtorch.distributed.Backend;
import org.jtorch.distributed.Distributed;
import org.jtorch.distributed.DistributedDataParallel;
import org.jtorch.distributed.Launcher;
import org.jtorch.distributed.ProcessGroup;
import org.jtorch.distributed.ReduceOp;
import org.jtorch.nn.Module;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.Adam;

/**
 * The Fashion-MNIST CNN trained data-parallel by several processes: {@code
 * DistributedDataParallel}, a {@code DistributedSampler} per rank, loss and accuracy averaged
 * over the ranks with {@code allReduce}, the test set evaluated by rank 0.
 *
 * <pre>
 * ./mvnw -q -f samples exec:java -Dsample=DistributedFashionMnist -Dexec.args="--nproc 2 --epochs 2"
 * </pre>
 *
 * Started without {@code RANK} in its environment it is the launcher: it starts {@code --nproc}
 * copies of itself with {@link Launcher} (as {@code jtorch-run} would) and exits with their exit
 * code; each copy is one rank. Options: {@code --nproc N} (2), {@code --master-port P} (29500),
 * and {@link FashionMnist}'s, with the defaults {@code --out target/fashion-mnist-ddp}, {@code
 * --epochs 2} and {@code --batch 32} (per process).
 */
public final class DistributedFashionMnist {
  private DistributedFashionMnist() {}

  /**
   * The launcher's two options and the training settings, which are {@link FashionMnist}'s with
   * other defaults (out dir, 2 epochs, batch 32 per process).
   */
  record Config(int nproc, int masterPort, FashionMnist.Config run) {
    static Config parse(String[] args) {
      int nproc = 2;
      int port = 29500;
      List<String> rest =
          new ArrayList<>(List.of("--out", "target/fashion-mnist-ddp", "--epochs", "2", "--batch", "32"));
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--nproc" -> nproc = Integer.parseInt(value(args, i++));
          case "--master-port" -> port = Integer.parseInt(value(args, i++));
          default -> rest.add(args[i]);
        }
      }
      // later options win: the user's follow the defaults
      return new Config(nproc, port, FashionMnist.Config.parse(rest.toArray(new String[0])));
    }

    private static String value(String[] args, int i) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      return args[i + 1];
    }
  }

  public static void main(String[] args) throws Exception {
    System.exit(System.getenv("RANK") == null ? launch(args) : worker(Config.parse(args).run()));
  }

  /** The launcher role: starts {@code --nproc} workers of this class; returns the job's code. */
  static int launch(String[] args) throws InterruptedException {
    Config c = Config.parse(args);
    if (!FashionMnist.hasData(c.run().data())) {
      System.err.println(
          "Fashion-MNIST is not in " + c.run().data().toAbsolutePath()
              + " (sudo apt-get install dataset-fashion-mnist, or --data DIR)");
      return 2;
    }
    return Launcher.launch(
        Launcher.config(c.nproc()).masterPort(c.masterPort()).jvmArg("-Xmx1g").classPath(classPath()),
        DistributedFashionMnist.class,
        args);
  }

  /** One rank's training; rank 0 reports and writes {@code result.txt}. */
  static int worker(FashionMnist.Config c) throws IOException {
    ProcessGroup group = Distributed.initProcessGroup(Backend.GLOO);
    int rank = group.rank();
    int world = group.size();
    Normalize normalize = new Normalize(0.2860, 0.3530);
    FashionMNIST trainFull =
        new FashionMNIST(c.data(), true, new Compose(new ToTensor(), normalize, new RandomHorizontalFlip()));
    FashionMNIST testFull = new FashionMNIST(c.data(), false, new Compose(new ToTensor(), normalize));
    Dataset<Example> train = limit(trainFull, c.trainLimit());
    Dataset<Example> test = limit(testFull, c.testLimit());
    // every rank builds the same model; DDP copies rank 0's weights anyway
    Torch.manualSeed(c.seed());
    Module model = FashionMnist.model();
    DistributedDataParallel ddp = new DistributedDataParallel(model);
    Adam opt = new Adam(ddp.parameters(), Adam.options().lr(c.lr()));
    DistributedSampler sampler = new DistributedSampler(train.size(), world, rank, true, c.seed(), false);
    if (rank == 0) {
      System.out.printf(Locale.ROOT,
          "%d processes x batch %d (global batch %d), %d training images (%d per rank), %d epochs%n",
          world, c.batch(), world * c.batch(), train.size(), sampler.size(), c.epochs());
    }
    long start = System.nanoTime();
    try (DataLoader<Example> loader =
        DataLoader.builder(train).batchSize(c.batch()).sampler(sampler).build()) {
      for (int epoch = 1; epoch <= c.epochs(); epoch++) {
        sampler.setEpoch(epoch);
        ddp.train();
        long t0 = System.nanoTime();
        double lossSum = 0;
        double correct = 0;
        double seen = 0;
        for (Example b : loader) {
          try (Scope step = Scope.open()) { // the batch is freed when the next one is taken
            opt.zeroGrad();
            Tensor logits = ddp.forward(b.input());
            Tensor loss = F.crossEntropy(logits, b.target());
            loss.backward(); // gradients arrive averaged over the ranks
            opt.step();
            long bs = b.target().size(0);
            lossSum += loss.doubleValue() * bs;
            correct += logits.argmax(1).eq(b.target()).sum().doubleValue();
            seen += bs;
          }
        }
        // the epoch's figures over all ranks
        try (Tensor totals = Torch.tensor(new double[] {lossSum, correct, seen})) {
          group.allReduce(totals, ReduceOp.SUM);
          double[] t = totals.toDoubleArray();
          double secs = (System.nanoTime() - t0) / 1e9;
          if (rank == 0) {
            System.out.printf(Locale.ROOT,
                "epoch %d/%d: loss %.4f, accuracy %.2f%%, %.0f samples/s over %d processes%n",
                epoch, c.epochs(), t[0] / t[2], 100 * t[1] / t[2], t[2] / secs, world);
          }
        }
      }
    }
    int code = 0;
    if (rank == 0) {
      double[] lossAcc = FashionMnist.evaluate(model, test, 256);
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "TEST ACCURACY %.2f%% (loss %.4f), training %.1f s%n",
          lossAcc[1], lossAcc[0], secs);
      Files.createDirectories(c.out());
      Torch.save(model.stateDict(), c.out().resolve("fashion_mnist_ddp.pt"));
      Files.writeString(
          c.out().resolve("result.txt"),
          String.format(Locale.ROOT, "processes %d%ntest_accuracy %.4f%nseconds %.1f%n",
              world, lossAcc[1], secs));
    }
    group.barrier();
    ddp.close();
    Distributed.destroyProcessGroup();
    return code;
  }

  /**
   * The class path the workers need: this JVM's, or, under {@code mvn exec:java} (which loads the
   * project in a class loader of its own), that loader's.
   */
  private static String classPath() {
    if (DistributedFashionMnist.class.getClassLoader() instanceof URLClassLoader loader) {
      StringBuilder cp = new StringBuilder();
      for (URL url : loader.getURLs()) {
        try {
          cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
          throw new IllegalStateException("class path entry " + url, e);
        }
      }
      return cp.toString();
    }
    return System.getProperty("java.class.path");
  }

  private static Dataset<Example> limit(Dataset<Example> d, int limit) {
    return limit <= 0 || limit >= d.size() ? d : new Subset<>(d, FashionMnist.range(limit));
  }


}
