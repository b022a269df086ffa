package org.jtorch.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jtorch.Device;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Times the reductions {@code min}, {@code max}, {@code mean} and {@code argmax} over growing
 * float32 tensors on the CPU and, where {@code Torch.cuda().isAvailable()}, on the GPU: once with
 * the tensor already there, once including the copy from host memory. Each time includes reading
 * the scalar result back on the host, which waits for the GPU to finish. Prints a table and, per
 * operation, the crossover size from which the GPU wins; without CUDA it says so and prints the CPU
 * table.
 *
 * <pre>
 * ./mvnw -q -f samples exec:java -Dsample=CpuVsGpu
 * ./mvnw -q -f samples exec:java -Dsample=CpuVsGpu -Dexec.args="--sizes 1000,100000,10000000"
 * </pre>
 *
 * {@code --threads N} sets LibTorch's intra-op threads for the CPU side. On a busy machine, a
 * reduction split over threads waits for a thread the operating system has not scheduled yet
 * (milliseconds); {@code --threads 1} shows what one core does without that wait.
 *
 * The GPU needs jtorch's GPU flavour ({@code -Djavacpp.platform.extension=-gpu}, see the README);
 * the CPU flavour never sees one.
 */
public final class CpuVsGpu {
  private CpuVsGpu() {}

  /** The reductions timed, each producing a host scalar so the work is finished. */
  static final Map<String, Function<Tensor, Number>> OPS = new LinkedHashMap<>();

  static {
    OPS.put("min", t -> t.min().floatValue());
    OPS.put("max", t -> t.max().floatValue());
    OPS.put("mean", t -> t.mean().floatValue());
    OPS.put("argmax", t -> t.argmax().longValue());
  }

  /** One row of the table: median microseconds per call; NaN where there is no GPU. */
  record Row(long size, String op, double cpuUs, double gpuUs, double gpuWithCopyUs) {}

  public static void main(String[] args) {
    long[] sizes = {1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--threads") && i + 1 < args.length) {
        Torch.setNumThreads(Integer.parseInt(args[++i]));
      } else if (args[i].equals("--sizes") && i + 1 < args.length) {
        sizes = Arrays.stream(args[++i].split(",")).mapToLong(s -> (long) Double.parseDouble(s.trim())).toArray();
      } else {
        throw new IllegalArgumentException(
            "usage: [--sizes 1000,10000,...] [--threads N] (got " + args[i] + ")");
      }
    }
    run(sizes, System.out);
  }

  /** Times every size and operation, prints the table and the crossovers, returns the rows. */
  static List<Row> run(long[] sizes, PrintStream out) {
    for (long n : sizes) {
      if (n < 1) {
        throw new IllegalArgumentException("sizes must be positive, got " + n);
      }
    }
    boolean gpu = Torch.cuda().isAvailable();
    out.println("intra-op threads: " + Torch.getNumThreads());
    if (!gpu) {
      out.println("CUDA is not available (jtorch's CPU flavour, or no usable GPU): CPU times only.");
    } else {
      out.println("CUDA is available: " + Torch.cuda().deviceCount() + " GPU(s); using cuda:0.");
    }
    Torch.manualSeed(0);
    try (Scope warmUp = Scope.open()) { // the first calls of each kernel pay for its set-up
      Tensor w = Torch.rand(10_000);
      for (Function<Tensor, Number> f : OPS.values()) {
        median(50, () -> f.apply(w));
      }
    }
    List<Row> rows = new ArrayList<>();
    out.printf(Locale.ROOT, "%12s  %-7s %12s %12s %16s  %s%n",
        "elements", "op", "CPU us", "GPU us", "GPU+copy us", "faster");
    for (long n : sizes) {
      try (Scope scope = Scope.open()) {
        Tensor x = Torch.rand(n);
        Tensor xg = gpu ? x.to(Device.cuda()) : null;
        int reps = (int) Math.max(5, Math.min(200, 20_000_000L / n));
        for (Map.Entry<String, Function<Tensor, Number>> op : OPS.entrySet()) {
          Function<Tensor, Number> f = op.getValue();
          double cpu = median(reps, () -> f.apply(x));
          double onGpu = gpu ? median(reps, () -> f.apply(xg)) : Double.NaN;
          double withCopy = gpu ? median(reps, () -> {
            try (Tensor moved = x.to(Device.cuda())) {
              return f.apply(moved);
            }
          }) : Double.NaN;
          Row r = new Row(n, op.getKey(), cpu, onGpu, withCopy);
          rows.add(r);
          out.printf(Locale.ROOT, "%12d  %-7s %12.1f %12s %16s  %s%n", n, r.op(), cpu,
              gpu ? String.format(Locale.ROOT, "%.1f", onGpu) : "-",
              gpu ? String.format(Locale.ROOT, "%.1f", withCopy) : "-",
              !gpu ? "CPU (only)" : withCopy < cpu ? "GPU even with the copy"
                  : onGpu < cpu ? "GPU if the data is already there" : "CPU");
        }
      }
    }
    if (gpu) {
      for (String op : OPS.keySet()) {
        out.println("crossover for " + op + ": "
            + crossover(rows, op, false) + " (data on the GPU); " + crossover(rows, op, true)
            + " (counting the copy)");
      }
    } else {
      out.println("no crossover to report without a GPU.");
    }
    return rows;
  }

  /**
   * The smallest size from which the GPU is faster than the CPU for {@code op} at every larger
   * size measured, as text.
   */
  static String crossover(List<Row> rows, String op, boolean withCopy) {
    List<Row> r = rows.stream().filter(x -> x.op().equals(op)).toList();
    Long from = null;
    for (int i = r.size() - 1; i >= 0; i--) {
      Row row = r.get(i);
      double g = withCopy ? row.gpuWithCopyUs() : row.gpuUs();
      if (g < row.cpuUs()) {
        from = row.size();
      } else {
        break;
      }
    }
    if (from == null) {
      return "the CPU is faster at every size up to " + r.get(r.size() - 1).size();
    }
    return from == r.get(0).size() ? "the GPU is faster at every size from " + from
        : "the GPU is faster from " + from + " elements";
  }

  /** The median time of one call in microseconds, over {@code reps} calls after a warm-up. */
  private static double median(int reps, java.util.function.Supplier<Number> call) {
    for (int i = 0; i < Math.max(10, reps / 4); i++) {
      call.get();
    }
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      try (Scope s = Scope.open()) {
        call.get();
      }
      t[i] = (System.nanoTime() - t0) / 1e3;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }
}
