package org.jtorch.distributed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the worker JVMs of a distributed job on this machine, as PyTorch's {@code torchrun} does:
 * the command-line tool {@code jtorch-run} ({@code bin/jtorch-run}) is this class's {@link #main}.
 *
 * <pre>
 * jtorch-run --nproc-per-node 2 com.example.Train --epochs 10
 * </pre>
 *
 * <p>or, from Java (a test, an application that starts its own training job):
 *
 * <pre>{@code
 * int exit = Launcher.launch(Launcher.config(2).jvmArg("-Xmx2g"), Train.class, "--epochs", "10");
 * }</pre>
 *
 * <h2>The workers</h2>
 *
 * <p>{@code nprocPerNode} workers are started, each a new JVM: the {@code java} of this JVM's
 * {@code java.home}, the given JVM arguments, this JVM's class path ({@code java.class.path}, or
 * {@link Config#classPath}), then the main class and its arguments, unchanged. Each worker inherits
 * this process's environment and working directory, plus the variables {@code torchrun} sets, which
 * {@code env://} initialisation of a process group reads:
 *
 * <table>
 *   <caption>Environment of local worker {@code l} on node {@code R} ({@code N} workers per node,
 *   {@code M} nodes)</caption>
 *   <tr><th>variable</th><th>value</th></tr>
 *   <tr><td>{@code MASTER_ADDR}, {@code MASTER_PORT}</td><td>the rendezvous host and port (of
 *       node 0, where rank 0 runs the TCP store); default {@code 127.0.0.1}, {@code 29500}</td></tr>
 *   <tr><td>{@code WORLD_SIZE}</td><td>{@code N * M}</td></tr>
 *   <tr><td>{@code RANK}</td><td>{@code R * N + l}</td></tr>
 *   <tr><td>{@code LOCAL_RANK}</td><td>{@code l}, in {@code [0, N)}</td></tr>
 *   <tr><td>{@code LOCAL_WORLD_SIZE}</td><td>{@code N}</td></tr>
 *   <tr><td>{@code GROUP_RANK}, {@code GROUP_WORLD_SIZE}</td><td>{@code R}, {@code M}</td></tr>
 *   <tr><td>{@code ROLE_RANK}, {@code ROLE_WORLD_SIZE}</td><td>{@code RANK}, {@code
 *       WORLD_SIZE} (one role)</td></tr>
 *   <tr><td>{@code OMP_NUM_THREADS}</td><td>{@code 1} when {@code N > 1} and neither this
 *       process's environment nor {@link Config#env} sets it (as {@code torchrun} does: {@code N}
 *       workers each with one OpenMP thread per core would overload the machine); tune it for
 *       your job</td></tr>
 * </table>
 *
 * <p>Output: by default the workers inherit this process's standard input, output and error, so
 * their lines interleave unchanged (as with {@code torchrun}). With {@link Config#prefixOutput}
 * ({@code --prefix-output}) each line a worker writes is copied to this process's {@code
 * System.out} or {@code System.err} with the prefix {@code "[rank k] "}.
 *
 * <h2>Failures</h2>
 *
 * <p>The launcher waits for all workers. When every worker exits with 0, the job's exit code is 0.
 * As soon as one exits with anything else (a thrown exception gives 1, a signal {@code s} gives
 * {@code 128 + s}), the launcher prints which rank failed with which code on {@code System.err},
 * stops the others (SIGTERM to each worker and its child processes, then SIGKILL to those still
 * alive after {@link Config#gracePeriod}, 5 s by default) and returns (or, {@code jtorch-run},
 * exits with) that worker's code. If the launcher's JVM is asked to stop (SIGTERM, SIGINT, {@code
 * System.exit}) while workers run, a shutdown hook stops them the same way, so no worker outlives
 * it. Only SIGKILL of the launcher itself leaves the workers running: the JVM runs no code then.
 * There are no restarts (torchrun's {@code --max-restarts} is 0 here).
 *
 * <h2>Several machines</h2>
 *
 * <p>Run the same launcher on every host, with the same {@code --nproc-per-node} and {@code
 * --nnodes M}, its own {@code --node-rank} (0 to {@code M-1}), and {@code --master-addr} (and
 * {@code --master-port}) of the host with node rank 0, which must be reachable from the others:
 *
 * <pre>
 * host-a$ jtorch-run --nnodes 2 --node-rank 0 --nproc-per-node 4 --master-addr host-a com.example.Train
 * host-b$ jtorch-run --nnodes 2 --node-rank 1 --nproc-per-node 4 --master-addr host-a com.example.Train
 * </pre>
 *
 * <p>This is {@code torchrun}'s static rendezvous: ranks follow from the node rank, and the hosts
 * meet in the process group's TCP store at {@code MASTER_ADDR:MASTER_PORT}. Each launcher
 * supervises only its own workers: when a worker on another host fails, the workers here learn it
 * from their collectives (which fail after the process group's timeout), exit non-zero, and this
 * launcher then stops the rest of its workers.
 *
 * <h2>Differences from torchrun</h2>
 *
 * <p>Workers are Java main classes, not Python scripts; no elastic rendezvous (c10d/etcd), no
 * restarts, no per-worker log files; {@code --nproc-per-node} takes a number only (not {@code
 * auto}/{@code gpu}). Option names may be written with dashes or underscores ({@code
 * --nproc_per_node}), with the value as the next argument or after {@code =}.
 */
public final class Launcher {
  private static final String TOOL = "jtorch-run";

  /** The variables the launcher sets in every worker's environment ({@link Config#env} may not). */
  private static final Set<String> MANAGED_ENV =
      Set.of(
          "MASTER_ADDR",
          "MASTER_PORT",
          "WORLD_SIZE",
          "RANK",
          "LOCAL_RANK",
          "LOCAL_WORLD_SIZE",
          "GROUP_RANK",
          "GROUP_WORLD_SIZE",
          "ROLE_RANK",
          "ROLE_WORLD_SIZE");

  static final String USAGE =
      String.join(
          "\n",
          "Usage: " + TOOL + " [options] MainClass [args...]",
          "Starts the workers of a distributed jtorch job on this machine, as PyTorch's torchrun"
              + " does.",
          "Each worker is a JVM running MainClass with args and the environment MASTER_ADDR,"
              + " MASTER_PORT,",
          "WORLD_SIZE, RANK, LOCAL_RANK, LOCAL_WORLD_SIZE, GROUP_RANK (and GROUP_WORLD_SIZE,"
              + " ROLE_RANK, ROLE_WORLD_SIZE).",
          "If one worker fails, the others are stopped and its exit code is this command's.",
          "",
          "Options:",
          "  --nproc-per-node N, --nproc N   workers on this node (default 1)",
          "  --nnodes M                      number of nodes (default 1)",
          "  --node-rank R                   this node's rank, 0..M-1 (default 0)",
          "  --master-addr A                 address of node 0 (default 127.0.0.1)",
          "  --master-port P                 port of the rendezvous on node 0 (default 29500)",
          "  --jvm-arg X                     an argument for the worker JVMs, e.g. -Xmx2g"
              + " (repeatable)",
          "  --prefix-output                 prefix each output line with \"[rank k] \"",
          "  -h, --help                      this text",
          "  --                              end of options (MainClass follows)",
          "",
          "The workers use this JVM's java and class path: the application's and jtorch's jars.",
          "");

  private Launcher() {}

  /**
   * A launch configuration for {@code nprocPerNode} workers on this node, with {@code torchrun}'s
   * defaults for the rest (one node, master {@code 127.0.0.1:29500}).
   *
   * @param nprocPerNode workers to start on this node, at least 1
   * @return a new configuration, to be refined with its setters
   * @throws IllegalArgumentException if {@code nprocPerNode < 1}
   */
  public static Config config(int nprocPerNode) {
    return new Config().nprocPerNode(nprocPerNode);
  }

  /**
   * Starts the workers, waits for them and returns the job's exit code: 0 when all exited with 0,
   * else the code of the first worker that failed (the others are stopped then). An interrupt of
   * the waiting thread stops the workers and is rethrown.
   *
   * @param config what to launch (copied: later changes do not matter)
   * @param mainClass the workers' main class, on the configuration's class path
   * @param args the main class's arguments, passed unchanged
   * @return 0, or the exit code of the first worker that failed
   * @throws IllegalArgumentException for an inconsistent configuration or a blank main class
   * @throws UncheckedIOException if a worker JVM cannot be started
   * @throws InterruptedException if the waiting thread is interrupted (the workers are stopped)
   */
  public static int launch(Config config, Class<?> mainClass, String... args)
      throws InterruptedException {
    Objects.requireNonNull(mainClass, "mainClass");
    return launch(config, mainClass.getName(), args);
  }

  /** {@link #launch(Config, Class, String...)} with the main class given by its binary name. */
  public static int launch(Config config, String mainClass, String... args)
      throws InterruptedException {
    try (WorkerGroup group = start(config, mainClass, args)) {
      return group.waitFor();
    }
  }

  /**
   * Starts the workers and returns at once: the handle waits for them, reports the result, and
   * stops them ({@link WorkerGroup#close}). Failure supervision runs whether or not anyone waits.
   *
   * @param config what to launch (copied: later changes do not matter)
   * @param mainClass the workers' main class, on the configuration's class path
   * @param args the main class's arguments, passed unchanged
   * @return the running workers; close it (try-with-resources) so that none outlives its use
   * @throws IllegalArgumentException for an inconsistent configuration or a blank main class
   * @throws UncheckedIOException if a worker JVM cannot be started (those already started are
   *     stopped)
   */
  public static WorkerGroup start(Config config, Class<?> mainClass, String... args) {
    Objects.requireNonNull(mainClass, "mainClass");
    return start(config, mainClass.getName(), args);
  }

  /** {@link #start(Config, Class, String...)} with the main class given by its binary name. */
  public static WorkerGroup start(Config config, String mainClass, String... args) {
    Objects.requireNonNull(config, "config");
    checkMainClass(mainClass);
    for (String a : args) {
      Objects.requireNonNull(a, "a worker argument is null");
    }
    Config c = config.copy();
    c.validate();
    return new WorkerGroup(c, mainClass, List.of(args), System.out, System.err);
  }

  /**
   * The command-line tool {@code jtorch-run}: {@code [options] MainClass [args...]} (run with
   * {@code --help} for the options). Exits with the job's exit code, with 2 for bad arguments
   * (after a usage message), and with 1 if the workers cannot be started.
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** {@link #main} without {@code System.exit}: returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Command cmd;
    try {
      cmd = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(TOOL + ": " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (cmd == null) {
      out.print(USAGE);
      return 0;
    }
    try {
      return launch(cmd.config, cmd.mainClass, cmd.args.toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      err.println(TOOL + ": " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (UncheckedIOException e) {
      err.println(TOOL + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(TOOL + ": interrupted; the workers were stopped");
      return 1;
    }
  }

  /** A parsed command line: the configuration, the main class and its arguments. */
  static final class Command {
    final Config config;
    final String mainClass;
    final List<String> args;

    Command(Config config, String mainClass, List<String> args) {
      this.config = config;
      this.mainClass = mainClass;
      this.args = List.copyOf(args);
    }
  }

  /**
   * Parses {@code jtorch-run}'s arguments; {@code null} for {@code --help}.
   *
   * @throws IllegalArgumentException for an unknown option, a missing or non-numeric value, a
   *     missing main class, or values out of range
   */
  static Command parse(String[] argv) {
    Config c = new Config();
    int i = 0;
    while (i < argv.length) {
      String a = argv[i];
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.equals("-h") || a.equals("--help")) {
        return null;
      }
      if (!a.startsWith("-")) {
        break;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      name = name.replace('_', '-');
      if (name.equals("--prefix-output")) {
        if (value != null) {
          throw new IllegalArgumentException("--prefix-output takes no value, got " + a);
        }
        c.prefixOutput(true);
        i++;
        continue;
      }
      if (!Set.of(
              "--nproc-per-node",
              "--nproc",
              "--nnodes",
              "--node-rank",
              "--master-addr",
              "--master-port",
              "--jvm-arg")
          .contains(name)) {
        throw new IllegalArgumentException("unknown option " + a);
      }
      if (value == null) {
        if (i + 1 >= argv.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = argv[++i];
      }
      i++;
      switch (name) {
        case "--nproc-per-node":
        case "--nproc":
          c.nprocPerNode(integer(name, value));
          break;
        case "--nnodes":
          c.nnodes(integer(name, value));
          break;
        case "--node-rank":
          c.nodeRank(integer(name, value));
          break;
        case "--master-addr":
          c.masterAddr(value);
          break;
        case "--master-port":
          c.masterPort(integer(name, value));
          break;
        default: // --jvm-arg
          c.jvmArg(value);
          break;
      }
    }
    if (i >= argv.length) {
      throw new IllegalArgumentException("missing the main class");
    }
    String main = argv[i];
    checkMainClass(main);
    c.validate();
    return new Command(c, main, List.of(argv).subList(i + 1, argv.length));
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects an integer, got '" + value + "'");
    }
  }

  private static void checkMainClass(String mainClass) {
    if (mainClass == null || mainClass.isBlank()) {
      throw new IllegalArgumentException("missing the main class");
    }
    if (mainClass.startsWith("-") || mainClass.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("not a main class name: '" + mainClass + "'");
    }
  }

  /**
   * What to launch on this node: PyTorch's {@code torchrun} options, with its defaults (one worker,
   * one node, node rank 0, master {@code 127.0.0.1:29500}). Setters check their argument at once
   * ({@link IllegalArgumentException}); that the node rank is below the node count is checked when
   * launching. {@link Launcher#start} copies the configuration, so later changes do not affect
   * workers already started.
   */
  public static final class Config {
    private int nprocPerNode = 1;
    private int nnodes = 1;
    private int nodeRank;
    private String masterAddr = "127.0.0.1";
    private int masterPort = 29500;
    private final List<String> jvmArgs = new ArrayList<>();
    private String classPath;
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean prefixOutput;
    private Duration gracePeriod = Duration.ofSeconds(5);

    private Config() {}

    /** Workers on this node, {@code --nproc-per-node} (default 1). */
    public Config nprocPerNode(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("nproc_per_node must be at least 1, got " + n);
      }
      this.nprocPerNode = n;
      return this;
    }

    /** Workers on this node. */
    public int nprocPerNode() {
      return nprocPerNode;
    }

    /** Number of nodes (hosts) in the job, {@code --nnodes} (default 1). */
    public Config nnodes(int m) {
      if (m < 1) {
        throw new IllegalArgumentException("nnodes must be at least 1, got " + m);
      }
      this.nnodes = m;
      return this;
    }

    /** Number of nodes. */
    public int nnodes() {
      return nnodes;
    }

    /** This node's rank in {@code [0, nnodes)}, {@code --node-rank} (default 0). */
    public Config nodeRank(int r) {
      if (r < 0) {
        throw new IllegalArgumentException("node_rank must not be negative, got " + r);
      }
      this.nodeRank = r;
      return this;
    }

    /** This node's rank. */
    public int nodeRank() {
      return nodeRank;
    }

    /** Host name or address of node 0, {@code --master-addr} (default {@code 127.0.0.1}). */
    public Config masterAddr(String addr) {
      if (addr == null || addr.isBlank() || addr.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("not a master address: '" + addr + "'");
      }
      this.masterAddr = addr;
      return this;
    }

    /** Host name or address of node 0. */
    public String masterAddr() {
      return masterAddr;
    }

    /** The rendezvous port on node 0, {@code --master-port} (default 29500). */
    public Config masterPort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("master_port must be in [1, 65535], got " + port);
      }
      this.masterPort = port;
      return this;
    }

    /** The rendezvous port on node 0. */
    public int masterPort() {
      return masterPort;
    }

    /**
     * Adds an argument for every worker JVM ({@code --jvm-arg}), placed before the class path and
     * main class: {@code -Xmx2g}, {@code -Dkey=value}, {@code -XX:...}. Use {@link #classPath}, not
     * {@code -cp}.
     */
    public Config jvmArg(String arg) {
      if (arg == null || arg.isEmpty()) {
        throw new IllegalArgumentException("a JVM argument must not be empty");
      }
      jvmArgs.add(arg);
      return this;
    }

    /** The worker JVMs' arguments, in order. */
    public List<String> jvmArgs() {
      return Collections.unmodifiableList(jvmArgs);
    }

    /**
     * The workers' class path (default: this JVM's {@code java.class.path}). It must hold the main
     * class and jtorch's jars.
     */
    public Config classPath(String cp) {
      if (cp == null || cp.isEmpty()) {
        throw new IllegalArgumentException("the class path must not be empty");
      }
      this.classPath = cp;
      return this;
    }

    /** The workers' class path. */
    public String classPath() {
      return classPath != null ? classPath : System.getProperty("java.class.path");
    }

    /**
     * Sets an extra environment variable in every worker ({@code OMP_NUM_THREADS}, say). The
     * variables the launcher computes ({@code RANK}, {@code WORLD_SIZE}, {@code MASTER_ADDR}...)
     * cannot be set this way.
     */
    public Config env(String name, String value) {
      if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
      }
      if (MANAGED_ENV.contains(name)) {
        throw new IllegalArgumentException(name + " is set by the launcher for each worker");
      }
      Objects.requireNonNull(value, "value");
      env.put(name, value);
      return this;
    }

    /** The extra environment variables. */
    public Map<String, String> env() {
      return Collections.unmodifiableMap(env);
    }

    /**
     * Copy each line the workers write to standard output and error to this JVM's {@code
     * System.out} / {@code System.err} with the prefix {@code "[rank k] "} ({@code
     * --prefix-output}); by default (false) the workers inherit this process's streams.
     */
    public Config prefixOutput(boolean prefix) {
      this.prefixOutput = prefix;
      return this;
    }

    /** Whether output lines get a rank prefix. */
    public boolean prefixOutput() {
      return prefixOutput;
    }

    /**
     * How long a worker being stopped gets between SIGTERM and SIGKILL (default 5 s). Zero sends
     * SIGKILL at once.
     */
    public Config gracePeriod(Duration grace) {
      if (grace == null || grace.isNegative()) {
        throw new IllegalArgumentException("the grace period must not be negative: " + grace);
      }
      this.gracePeriod = grace;
      return this;
    }

    /** How long a worker being stopped gets between SIGTERM and SIGKILL. */
    public Duration gracePeriod() {
      return gracePeriod;
    }

    /** {@code nprocPerNode * nnodes}. */
    public int worldSize() {
      return Math.multiplyExact(nprocPerNode, nnodes);
    }

    void validate() {
      if (nodeRank >= nnodes) {
        throw new IllegalArgumentException(
            "node_rank "
                + nodeRank
                + " is out of range for "
                + nnodes
                + " node(s): [0, "
                + nnodes
                + ")");
      }
      try {
        worldSize();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "world size overflows: " + nprocPerNode + " * " + nnodes);
      }
    }

    Config copy() {
      Config c = new Config();
      c.nprocPerNode = nprocPerNode;
      c.nnodes = nnodes;
      c.nodeRank = nodeRank;
      c.masterAddr = masterAddr;
      c.masterPort = masterPort;
      c.jvmArgs.addAll(jvmArgs);
      c.classPath = classPath();
      c.env.putAll(env);
      c.prefixOutput = prefixOutput;
      c.gracePeriod = gracePeriod;
      return c;
    }

    @Override
    public String toString() {
      return "Launcher.Config(nproc_per_node="
          + nprocPerNode
          + ", nnodes="
          + nnodes
          + ", node_rank="
          + nodeRank
          + ", master="
          + masterAddr
          + ":"
          + masterPort
          + ", jvm_args="
          + jvmArgs
          + ")";
    }
  }

  /**
   * The running workers of one node, from {@link Launcher#start}. Supervision does not depend on
   * this handle: when a worker fails, the others are stopped even if nobody waits. {@link #close}
   * stops the workers still running (try-with-resources makes sure none is left behind).
   */
  public static final class WorkerGroup implements AutoCloseable {
    private final int firstRank;
    private final Duration grace;
    private final PrintStream err;
    private final List<Process> processes = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();
    private final CompletableFuture<Void> allExited;
    private final Thread shutdownHook;
    private final Object lock = new Object();
    private int failedLocalRank = -1;
    private int exitCode;
    private boolean stopping;

    WorkerGroup(Config c, String mainClass, List<String> args, PrintStream out, PrintStream err) {
      this.firstRank = c.nodeRank * c.nprocPerNode;
      this.grace = c.gracePeriod;
      this.err = err;
      // Registered before the first worker starts: a SIGTERM from here on stops every worker.
      this.shutdownHook = new Thread(() -> stopAll(grace), "jtorch-run shutdown");
      try {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("the JVM is shutting down: no workers started", e);
      }
      List<CompletableFuture<?>> exits = new ArrayList<>();
      try {
        for (int local = 0; local < c.nprocPerNode; local++) {
          Process p = startWorker(c, local, mainClass, args, out, err);
          if (p == null) {
            break; // a worker already failed (or the JVM is exiting): start no more
          }
          final int l = local;
          exits.add(p.onExit().thenAccept(done -> exited(l, done)));
        }
      } catch (RuntimeException | Error e) {
        stopAll(grace);
        removeHook();
        throw e;
      }
      this.allExited =
          CompletableFuture.allOf(exits.toArray(new CompletableFuture<?>[0]))
              .whenComplete((v, t) -> removeHook());
    }

    /** Starts local worker {@code local}; null if the group is already stopping. */
    private Process startWorker(
        Config c,
        int local,
        String mainClass,
        List<String> args,
        PrintStream out,
        PrintStream err) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(c.jvmArgs);
      cmd.add("-cp");
      cmd.add(c.classPath);
      cmd.add(mainClass);
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd);
      Map<String, String> e = pb.environment();
      if (c.nprocPerNode > 1
          && !e.containsKey("OMP_NUM_THREADS")
          && !c.env.containsKey("OMP_NUM_THREADS")) {
        e.put("OMP_NUM_THREADS", "1");
        if (local == 0) {
          err.println(
              TOOL
                  + ": OMP_NUM_THREADS is set to 1 for each worker so as not to overload the"
                  + " machine; set it yourself to tune it");
        }
      }
      e.putAll(c.env);
      int rank = firstRank + local;
      int world = c.worldSize();
      e.put("MASTER_ADDR", c.masterAddr);
      e.put("MASTER_PORT", Integer.toString(c.masterPort));
      e.put("WORLD_SIZE", Integer.toString(world));
      e.put("RANK", Integer.toString(rank));
      e.put("LOCAL_RANK", Integer.toString(local));
      e.put("LOCAL_WORLD_SIZE", Integer.toString(c.nprocPerNode));
      e.put("GROUP_RANK", Integer.toString(c.nodeRank));
      e.put("GROUP_WORLD_SIZE", Integer.toString(c.nnodes));
      e.put("ROLE_RANK", Integer.toString(rank));
      e.put("ROLE_WORLD_SIZE", Integer.toString(world));
      if (c.prefixOutput) {
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
      } else {
        pb.inheritIO();
      }
      Process p;
      synchronized (lock) {
        if (stopping) {
          return null;
        }
        try {
          p = pb.start();
        } catch (IOException ex) {
          throw new UncheckedIOException(
              "could not start worker rank " + rank + " (" + cmd.get(0) + "): " + ex.getMessage(),
              ex);
        }
        processes.add(p);
      }
      if (c.prefixOutput) {
        String prefix = "[rank " + rank + "] ";
        pumps.add(pump(p.getInputStream(), out, prefix, "jtorch-run rank " + rank + " stdout"));
        pumps.add(pump(p.getErrorStream(), err, prefix, "jtorch-run rank " + rank + " stderr"));
      }
      return p;
    }

    private static Thread pump(InputStream in, PrintStream to, String prefix, String name) {
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    to.println(prefix + line);
                  }
                } catch (IOException e) {
                  // the worker is gone; nothing more to copy
                }
              },
              name);
      t.setDaemon(true);
      t.start();
      return t;
    }

    private void exited(int local, Process p) {
      int code = p.exitValue();
      boolean report;
      synchronized (lock) {
        if (code == 0 || failedLocalRank >= 0) {
          return;
        }
        failedLocalRank = local;
        exitCode = code;
        report = !stopping;
      }
      if (report) {
        int alive;
        synchronized (lock) {
          alive = (int) processes.stream().filter(Process::isAlive).count();
        }
        err.println(
            TOOL
                + ": worker rank "
                + (firstRank + local)
                + " (local rank "
                + local
                + ", pid "
                + p.pid()
                + ") exited with code "
                + code
                + signalNote(code)
                + (alive > 0 ? "; stopping the other " + alive + " worker(s)" : ""));
      }
      stop();
    }

    private static String signalNote(int code) {
      if (code > 128 && code < 128 + 65) {
        int sig = code - 128;
        String name = sig == 9 ? "SIGKILL" : sig == 15 ? "SIGTERM" : sig == 2 ? "SIGINT" : null;
        return " (128 + " + sig + ": signal " + sig + (name != null ? ", " + name : "") + ")";
      }
      return "";
    }

    /**
     * The workers' process ids, by local rank (fewer than {@code nprocPerNode} only if a worker
     * failed while the others were being started).
     */
    public List<Long> pids() {
      synchronized (lock) {
        return processes.stream().map(Process::pid).toList();
      }
    }

    /** The global rank of local worker 0: {@code nodeRank * nprocPerNode}. */
    public int firstRank() {
      return firstRank;
    }

    /**
     * Waits until every worker has exited and returns the job's exit code: 0, or the code of the
     * first worker that failed.
     */
    public int waitFor() throws InterruptedException {
      try {
        allExited.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("worker supervision failed", e.getCause());
      }
      drainOutput();
      synchronized (lock) {
        return exitCode;
      }
    }

    /**
     * Waits at most {@code timeout} for every worker to exit.
     *
     * @return the job's exit code, empty if workers are still running
     */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
      try {
        allExited.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return OptionalInt.empty();
      } catch (ExecutionException e) {
        throw new IllegalStateException("worker supervision failed", e.getCause());
      }
      drainOutput();
      synchronized (lock) {
        return OptionalInt.of(exitCode);
      }
    }

    /** The job's exit code once every worker has exited; empty before. */
    public OptionalInt exitCode() {
      if (!allExited.isDone()) {
        return OptionalInt.empty();
      }
      synchronized (lock) {
        return OptionalInt.of(exitCode);
      }
    }

    /** The global rank of the first worker that exited with a non-zero code; empty if none. */
    public OptionalInt failedRank() {
      synchronized (lock) {
        return failedLocalRank < 0
            ? OptionalInt.empty()
            : OptionalInt.of(firstRank + failedLocalRank);
      }
    }

    /**
     * Starts stopping the workers (SIGTERM, then SIGKILL after the grace period) and returns at
     * once; {@link #waitFor()} then returns the first non-zero exit code (143 for SIGTERM).
     */
    public void stop() {
      synchronized (lock) {
        if (stopping) {
          return;
        }
        stopping = true;
      }
      Thread t = new Thread(() -> stopAll(grace), "jtorch-run stop");
      t.setDaemon(true);
      t.start();
    }

    /** Stops the workers still running and waits until all have exited. */
    @Override
    public void close() {
      synchronized (lock) {
        stopping = true;
      }
      stopAll(grace);
      boolean interrupted = false;
      while (true) {
        try {
          allExited.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          break;
        }
      }
      drainOutput();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** SIGTERM to every live worker and its descendants; SIGKILL to those left after grace. */
    private void stopAll(Duration grace) {
      List<Process> ps;
      synchronized (lock) {
        stopping = true;
        ps = List.copyOf(processes);
      }
      List<ProcessHandle> all = new ArrayList<>();
      for (Process p : ps) {
        if (p.isAlive()) {
          // children first, while they can still be found (they are re-parented once p dies)
          p.descendants().forEach(all::add);
          all.add(p.toHandle());
        }
      }
      if (all.isEmpty()) {
        return;
      }
      if (!grace.isZero()) {
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          try {
            h.onExit().get(left, TimeUnit.NANOSECONDS);
          } catch (TimeoutException | ExecutionException e) {
            break;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      for (ProcessHandle h : all) {
        if (h.isAlive()) {
          h.destroyForcibly();
        }
      }
    }

    private void drainOutput() {
      // Grandchildren that inherited a worker's pipe could keep it open: wait briefly only.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      for (Thread t : pumps) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          break;
        }
        try {
          t.join(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }

    private void removeHook() {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running or has run
      }
    }
  }
}
