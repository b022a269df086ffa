package org.jtorch.benchmarks;

import java.util.Locale;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.distributed.Backend;
import org.jtorch.distributed.Distributed;
import org.jtorch.distributed.DistributedDataParallel;
import org.jtorch.distributed.ProcessGroup;
import org.jtorch.distributed.ReduceOp;
import org.jtorch.nn.Conv2d;
import org.jtorch.nn.Flatten;
import org.jtorch.nn.Linear;
import org.jtorch.nn.MaxPool2d;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.SGD;

/**
 * The distributed benchmark (issue "beyond one machine"): Gloo all-reduce bandwidth and the
 * small CNN's data-parallel training rate, run by every process of a job started with {@link
 * org.jtorch.distributed.Launcher} ({@code jtorch-run}); {@code python/distributed.py} does the
 * same under {@code torchrun}, and {@code run_distributed.sh} runs both and compares them.
 *
 * <p>This is a plain main class, not a JMH benchmark: a collective needs all processes of the
 * group to call it in lockstep, the same number of times, and JMH's harness (its own forks,
 * time-based iterations decided in each JVM alone) cannot drive several processes together. The
 * ranks here agree on every iteration count through a small all-reduce before they time anything.
 *
 * <pre>
 * java -cp CP org.jtorch.distributed.Launcher --nproc-per-node 2 \
 *     org.jtorch.benchmarks.DistributedBenchmark allreduce
 * java -cp CP org.jtorch.distributed.Launcher --nproc-per-node 2 \
 *     org.jtorch.benchmarks.DistributedBenchmark cnn
 * </pre>
 *
 * <p>Modes, each printed by rank 0 only:
 *
 * <ul>
 *   <li>{@code allreduce [seconds]}: float32 tensors of 1, 4, 16, 64 and 256 MiB; per size a
 *       warm-up, a barrier, then K timed {@code allReduce(SUM)} calls, K chosen so that the size
 *       takes about {@code seconds} (default 1.5). Prints {@code allreduce <MiB> <ms per call>
 *       <algbw GB/s> <busbw GB/s>}: algbw is bytes / time, busbw is algbw × 2(n−1)/n, the
 *       convention of NCCL's {@code nccl-tests} (the bytes each process sends and receives in a
 *       ring all-reduce, so the figure is comparable across process counts; 0 for one process).
 *   <li>{@code cnn [seconds]}: the small CNN (conv 1→32 3×3, ReLU, maxpool 2, conv 32→64 3×3,
 *       ReLU, maxpool 2, flatten, linear 1600→128, ReLU, linear 128→10), SGD lr 0.01 momentum 0.9,
 *       a random batch of 64 per process, cross-entropy; wrapped in {@link
 *       DistributedDataParallel} when the world size is above 1, the plain model with one process.
 *       Warm-up steps, then K timed steps (about {@code seconds}, default 3). Prints {@code cnn
 *       <nproc> <samples/s across all processes>}.
 * </ul>
 *
 * <p>Lines starting with {@code #} describe the run (world size, intra-op threads).
 */
public final class DistributedBenchmark {
  private static final int[] SIZES_MIB = {1, 4, 16, 64, 256};

  private DistributedBenchmark() {}

  /**
   * Runs one mode in this process of the job.
   *
   * @param args {@code allreduce [seconds]} or {@code cnn [seconds]}
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: DistributedBenchmark allreduce|cnn [seconds]");
      System.exit(2);
    }
    String mode = args[0];
    ProcessGroup g = Distributed.initProcessGroup(Backend.GLOO);
    try {
      if (g.rank() == 0) {
        say(
            "# jtorch %s: world size %d, intra-op threads %d, OMP_NUM_THREADS=%s",
            mode, g.size(), Torch.getNumThreads(), System.getenv("OMP_NUM_THREADS"));
      }
      switch (mode) {
        case "allreduce" -> allReduce(g, args.length > 1 ? Double.parseDouble(args[1]) : 1.5);
        case "cnn" -> cnn(g, args.length > 1 ? Double.parseDouble(args[1]) : 3.0);
        default -> throw new IllegalArgumentException("unknown mode '" + mode + "'");
      }
    } finally {
      Distributed.destroyProcessGroup();
    }
  }

  private static void allReduce(ProcessGroup g, double seconds) {
    int n = g.size();
    for (int mib : SIZES_MIB) {
      long bytes = (long) mib << 20;
      try (Tensor t = Torch.zeros(bytes / Float.BYTES)) {
        Runnable call = () -> g.allReduce(t, ReduceOp.SUM);
        // two calls to estimate the cost, then a warm-up of about a fifth of the timed run
        double est = agreed(g, timeCalls(g, call, 2) / 2);
        int warm = Math.max(1, (int) Math.ceil(0.2 * seconds / est));
        est = agreed(g, timeCalls(g, call, warm) / warm);
        int k = Math.max(3, (int) Math.ceil(seconds / est));
        double perCall = timeCalls(g, call, k) / k;
        double algbw = bytes / perCall / 1e9;
        double busbw = algbw * 2.0 * (n - 1) / n;
        if (g.rank() == 0) {
          say("allreduce %d %.3f %.3f %.3f", mib, perCall * 1e3, algbw, busbw);
        }
      }
    }
    // the result is right: every process adds its rank + 1
    try (Tensor t = Torch.full(new long[] {1024}, g.rank() + 1.0)) {
      g.allReduce(t, ReduceOp.SUM);
      double expected = n * (n + 1) / 2.0;
      if (t.min().doubleValue() != expected || t.max().doubleValue() != expected) {
        throw new IllegalStateException("all-reduce gave a wrong sum, expected " + expected);
      }
    }
  }

  private static void cnn(ProcessGroup g, double seconds) {
    int n = g.size();
    Torch.manualSeed(0);
    Module model =
        new Sequential(
            new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
            new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
            new Flatten(), new Linear(1600, 128), new ReLU(), new Linear(128, 10));
    Module trained = n > 1 ? new DistributedDataParallel(model) : model;
    SGD opt = new SGD(trained.parameters(), SGD.options().lr(0.01).momentum(0.9));
    Torch.manualSeed(1000 + g.rank());
    Tensor images = Torch.randn(64, 1, 28, 28);
    Tensor labels = Torch.randint(0, 10, new long[] {64}, TensorOptions.dtype(DType.INT64));
    Runnable step =
        () -> {
          try (Scope s = Scope.open()) {
            opt.zeroGrad();
            F.crossEntropy(trained.forward(images), labels).backward();
            opt.step();
          }
        };
    double est = agreed(g, timeCalls(g, step, 3) / 3);
    int warm = Math.max(2, (int) Math.ceil(0.2 * seconds / est));
    est = agreed(g, timeCalls(g, step, warm) / warm);
    int k = Math.max(5, (int) Math.ceil(seconds / est));
    double elapsed = timeCalls(g, step, k);
    if (g.rank() == 0) {
      say("# %d timed steps of %.1f ms", k, elapsed / k * 1e3);
      say("cnn %d %.1f", n, (double) n * 64 * k / elapsed);
    }
    if (trained != model) {
      trained.close();
    }
    model.close();
    images.close();
    labels.close();
  }

  /** Seconds for {@code count} calls of {@code call}, started together after a barrier. */
  private static double timeCalls(ProcessGroup g, Runnable call, int count) {
    g.barrier();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      call.run();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The largest of the processes' values, so that all of them choose the same counts. */
  private static double agreed(ProcessGroup g, double value) {
    try (Tensor t = Torch.tensor(new double[] {value})) {
      g.allReduce(t, ReduceOp.MAX);
      return t.doubleValue();
    }
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
