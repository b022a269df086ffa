package org.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher starts real worker JVMs ({@link Worker}, plain Java: no LibTorch) and checks their
 * environment, exit codes and that no worker survives a failure.
 */
class LauncherTest {
  /** Fast-starting, small worker JVMs. */
  private static Launcher.Config config(int n) {
    return Launcher.config(n)
        .jvmArg("-Xmx32m")
        .jvmArg("-XX:TieredStopAtLevel=1")
        .jvmArg("-XX:+UseSerialGC")
        .jvmArg("-Djtorch.test.marker=launched");
  }

  private static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }

  /** Reads the files of {@code n} workers, waiting for them to appear. */
  private static List<Properties> awaitWorkers(Path dir, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<Properties> out = new ArrayList<>();
    for (int l = 0; l < n; l++) {
      Path f = dir.resolve("local-" + l + ".properties");
      while (!Files.exists(f)) {
        assertTrue(System.nanoTime() < deadline, "worker " + l + " wrote nothing");
        Thread.sleep(20);
      }
      out.add(read(f));
    }
    return out;
  }

  private static void assertDead(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertTrue(System.nanoTime() < deadline, "process " + pid + " is still alive");
      Thread.sleep(20);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void workersGetTorchrunsEnvironment(int n, @TempDir Path dir) throws Exception {
    Launcher.Config c = config(n).env("JTORCH_TEST_EXTRA", "extra value");
    if (n == 3) {
      c.masterAddr("10.1.2.3").masterPort(1234);
    }
    int code = Launcher.launch(c, Worker.class, dir.toString(), "ok", "two words", "--lr=0.1");
    assertEquals(0, code);

    Set<Integer> ranks = new HashSet<>();
    List<Properties> ws = awaitWorkers(dir, n);
    for (int l = 0; l < n; l++) {
      Properties p = ws.get(l);
      ranks.add(Integer.parseInt(p.getProperty("RANK")));
      assertEquals(Integer.toString(l), p.getProperty("LOCAL_RANK"));
      assertEquals(p.getProperty("LOCAL_RANK"), p.getProperty("RANK"));
      assertEquals(Integer.toString(n), p.getProperty("WORLD_SIZE"));
      assertEquals(Integer.toString(n), p.getProperty("LOCAL_WORLD_SIZE"));
      assertEquals("0", p.getProperty("GROUP_RANK"));
      assertEquals("1", p.getProperty("GROUP_WORLD_SIZE"));
      assertEquals(p.getProperty("RANK"), p.getProperty("ROLE_RANK"));
      assertEquals(n == 3 ? "10.1.2.3" : "127.0.0.1", p.getProperty("MASTER_ADDR"));
      assertEquals(n == 3 ? "1234" : "29500", p.getProperty("MASTER_PORT"));
      String omp = System.getenv("OMP_NUM_THREADS");
      assertEquals(omp != null ? omp : "1", p.getProperty("OMP_NUM_THREADS"));
      assertEquals("extra value", p.getProperty("JTORCH_TEST_EXTRA"));
      assertEquals("launched", p.getProperty("marker"));
      assertEquals("two words|--lr=0.1", p.getProperty("args"));
    }
    assertEquals(n, ranks.size());
    for (int r = 0; r < n; r++) {
      assertTrue(ranks.contains(r), "rank " + r + " missing: " + ranks);
    }
  }

  @Test
  void secondNodeGetsTheUpperRanks(@TempDir Path dir) throws Exception {
    Launcher.Config c = config(2).nnodes(2).nodeRank(1).masterAddr("node0.example");
    assertEquals(4, c.worldSize());
    assertEquals(0, Launcher.launch(c, Worker.class, dir.toString(), "ok"));
    List<Properties> ws = awaitWorkers(dir, 2);
    for (int l = 0; l < 2; l++) {
      Properties p = ws.get(l);
      assertEquals(Integer.toString(2 + l), p.getProperty("RANK"));
      assertEquals(Integer.toString(l), p.getProperty("LOCAL_RANK"));
      assertEquals("4", p.getProperty("WORLD_SIZE"));
      assertEquals("2", p.getProperty("LOCAL_WORLD_SIZE"));
      assertEquals("1", p.getProperty("GROUP_RANK"));
      assertEquals("2", p.getProperty("GROUP_WORLD_SIZE"));
      assertEquals("node0.example", p.getProperty("MASTER_ADDR"));
    }
  }

  @Test
  void aFailingWorkerStopsTheOthersAndGivesItsCode(@TempDir Path dir) throws Exception {
    // rank 0 exits with 3 once all are up; rank 1 sleeps 60 s; rank 2 sleeps 60 s and ignores
    // SIGTERM (its shutdown hook blocks), so only SIGKILL after the grace period ends it.
    Launcher.Config c = config(3).gracePeriod(Duration.ofSeconds(1));
    long t0 = System.nanoTime();
    try (Launcher.WorkerGroup g =
        Launcher.start(c, Worker.class, dir.toString(), "exit3,sleep60,stubborn")) {
      List<Long> pids = g.pids();
      assertEquals(3, pids.size());
      assertEquals(0, g.firstRank());
      OptionalInt code = g.waitFor(Duration.ofSeconds(20));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(OptionalInt.of(3), code, "exit code");
      assertTrue(seconds < 12, "took " + seconds + " s");
      assertTrue(seconds > 1, "rank 2 ignores SIGTERM: only SIGKILL after 1 s ends it");
      assertEquals(OptionalInt.of(0), g.failedRank());
      assertEquals(OptionalInt.of(3), g.exitCode());
      List<Properties> ws = awaitWorkers(dir, 3);
      for (int l = 0; l < 3; l++) {
        assertEquals(Long.toString(pids.get(l)), ws.get(l).getProperty("pid"));
        assertDead(pids.get(l));
      }
    }
  }

  @Test
  void aKilledWorkerFailsTheGroup(@TempDir Path dir) throws Exception {
    Launcher.Config c = config(2).nodeRank(1).nnodes(2);
    try (Launcher.WorkerGroup g =
        Launcher.start(c, Worker.class, dir.toString(), "sleep60,sleep60")) {
      awaitWorkers(dir, 2);
      assertEquals(OptionalInt.empty(), g.exitCode());
      List<Long> pids = g.pids();
      long t0 = System.nanoTime();
      ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly();
      assertEquals(OptionalInt.of(128 + 9), g.waitFor(Duration.ofSeconds(20)));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds < 10, "took " + seconds + " s"); // rank 2 would sleep 60 s
      assertEquals(128 + 9, g.waitFor());
      assertEquals(OptionalInt.of(3), g.failedRank()); // global rank: node 1, local rank 1
      assertDead(pids.get(0));
    }
  }

  @Test
  void closeStopsRunningWorkers(@TempDir Path dir) throws Exception {
    Launcher.WorkerGroup g = Launcher.start(config(1), Worker.class, dir.toString(), "sleep60");
    long pid = g.pids().get(0);
    awaitWorkers(dir, 1);
    g.close();
    assertDead(pid);
    assertEquals(OptionalInt.of(128 + 15), g.exitCode()); // SIGTERM
    g.close(); // idempotent
  }

  @Test
  void badConfigurations() {
    assertThrows(IllegalArgumentException.class, () -> Launcher.config(0));
    Launcher.Config c = Launcher.config(2);
    assertThrows(IllegalArgumentException.class, () -> c.nnodes(0));
    assertThrows(IllegalArgumentException.class, () -> c.nodeRank(-1));
    assertThrows(IllegalArgumentException.class, () -> c.masterPort(0));
    assertThrows(IllegalArgumentException.class, () -> c.masterPort(65536));
    assertThrows(IllegalArgumentException.class, () -> c.masterAddr(" "));
    assertThrows(IllegalArgumentException.class, () -> c.jvmArg(""));
    assertThrows(IllegalArgumentException.class, () -> c.env("RANK", "7"));
    assertThrows(IllegalArgumentException.class, () -> c.env("A=B", "7"));
    assertThrows(IllegalArgumentException.class, () -> c.gracePeriod(Duration.ofSeconds(-1)));
    // nothing was changed by the rejected calls
    assertEquals(1, c.nnodes());
    assertEquals(29500, c.masterPort());
    assertEquals("127.0.0.1", c.masterAddr());

    c.nnodes(2).nodeRank(2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Launcher.start(c, Worker.class));
    assertTrue(e.getMessage().contains("node_rank 2"), e.getMessage());
    c.nodeRank(1);
    assertThrows(IllegalArgumentException.class, () -> Launcher.launch(c, ""));
    assertThrows(IllegalArgumentException.class, () -> Launcher.launch(c, "-Xmx1g"));
    assertThrows(NullPointerException.class, () -> Launcher.launch(c, (Class<?>) null));
  }

  @Test
  void parsesTorchrunsOptions() {
    Launcher.Command cmd =
        Launcher.parse(
            new String[] {
              "--nproc-per-node=4",
              "--nnodes",
              "3",
              "--node_rank",
              "2",
              "--master-addr",
              "host-a",
              "--master_port=1234",
              "--jvm-arg",
              "-Xmx1g",
              "--jvm-arg=-Dx=y",
              "--prefix-output",
              "com.example.Train",
              "--lr",
              "0.1",
              "--nproc",
              "9"
            });
    assertEquals(4, cmd.config.nprocPerNode());
    assertEquals(3, cmd.config.nnodes());
    assertEquals(2, cmd.config.nodeRank());
    assertEquals("host-a", cmd.config.masterAddr());
    assertEquals(1234, cmd.config.masterPort());
    assertEquals(List.of("-Xmx1g", "-Dx=y"), cmd.config.jvmArgs());
    assertTrue(cmd.config.prefixOutput());
    assertEquals(12, cmd.config.worldSize());
    assertEquals("com.example.Train", cmd.mainClass);
    assertEquals(List.of("--lr", "0.1", "--nproc", "9"), cmd.args); // the main class's own

    Launcher.Command d = Launcher.parse(new String[] {"--nproc", "2", "--", "Main"});
    assertEquals(2, d.config.nprocPerNode());
    assertEquals(1, d.config.nnodes());
    assertEquals(0, d.config.nodeRank());
    assertEquals("127.0.0.1", d.config.masterAddr());
    assertEquals(29500, d.config.masterPort());
    assertFalse(d.config.prefixOutput());
    assertEquals("Main", d.mainClass);
    assertEquals(List.of(), d.args);

    assertNull(Launcher.parse(new String[] {"--help"}));
  }

  private static String badArgs(String... argv) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Launcher.parse(argv));
    return e.getMessage();
  }

  @Test
  void rejectsBadCommandLines() {
    assertEquals("missing the main class", badArgs());
    assertEquals("missing the main class", badArgs("--nproc", "2"));
    assertEquals("missing the main class", badArgs("--nproc", "2", "--"));
    assertEquals("--nproc expects an integer, got 'two'", badArgs("--nproc", "two", "Main"));
    assertEquals("--nnodes expects an integer, got ''", badArgs("--nnodes=", "Main"));
    assertEquals("--master-port needs a value", badArgs("--master-port"));
    assertEquals("unknown option --bogus", badArgs("--bogus", "1", "Main"));
    assertTrue(badArgs("--nproc", "0", "Main").contains("at least 1"));
    assertTrue(badArgs("--nnodes", "2", "--node-rank", "2", "Main").contains("out of range"));
    assertTrue(badArgs("--master-port", "99999", "Main").contains("65535"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Launcher.run(
            new String[] {"--nproc", "x", "Main"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.startsWith("jtorch-run: --nproc expects an integer"), e);
    assertTrue(e.contains("Usage: jtorch-run [options] MainClass [args...]"), e);
    assertEquals("", out.toString(StandardCharsets.UTF_8));

    out.reset();
    assertEquals(
        0,
        Launcher.run(
            new String[] {"-h"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--nproc-per-node"));
  }

  /** The command line end to end: a launcher JVM, its exit code, prefixed output. */
  @Test
  void commandLineExitsWithTheFailedWorkersCode(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("launcher.out");
    Path err = dir.resolve("launcher.err");
    Process launcher =
        launcherJvm(
                "--nproc",
                "2",
                "--prefix-output",
                "--jvm-arg",
                "-Xmx32m",
                Worker.class.getName(),
                dir.toString(),
                "print+ok,print+exit3")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
    String o = Files.readString(out);
    String e = Files.readString(err);
    assertEquals(3, launcher.exitValue(), o + e);
    assertTrue(o.contains("[rank 0] hello from rank 0\n"), o);
    assertTrue(o.contains("[rank 1] hello from rank 1\n"), o);
    assertTrue(e.contains("[rank 1] warning from rank 1\n"), e);
    assertTrue(e.contains("jtorch-run: worker rank 1 (local rank 1, pid "), e);
    assertTrue(e.contains(") exited with code 3"), e);
  }

  /** SIGTERM to the launcher (as from Ctrl-C or a job scheduler) stops its workers too. */
  @Test
  void stoppingTheLauncherStopsItsWorkers(@TempDir Path dir) throws Exception {
    Process launcher =
        launcherJvm("--nproc", "2", Worker.class.getName(), dir.toString(), "sleep60")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("launcher.err").toFile())
            .start();
    try {
      List<Properties> ws = awaitWorkers(dir, 2);
      launcher.destroy(); // SIGTERM
      assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "launcher did not stop");
      assertEquals(128 + 15, launcher.exitValue());
      for (Properties p : ws) {
        assertDead(Long.parseLong(p.getProperty("pid")));
      }
    } finally {
      launcher.destroyForcibly();
    }
  }

  private static ProcessBuilder launcherJvm(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx64m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Launcher.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  /**
   * A launched worker: {@code Worker DIR BEHAVIOURS [ARGS...]}. It writes its environment, pid and
   * arguments to {@code DIR/local-<LOCAL_RANK>.properties}, then does what the comma-separated
   * {@code BEHAVIOURS} give for its local rank (the last one for higher ranks), steps joined by
   * {@code +}: {@code ok} (exit 0), {@code print} (a line on stdout and on stderr), {@code exitN}
   * (once every local worker has written its file, exit N), {@code sleepN} (sleep N s), {@code
   * stubborn} (ignore SIGTERM and sleep 60 s).
   */
  static final class Worker {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      int local = Integer.parseInt(System.getenv("LOCAL_RANK"));
      int size = Integer.parseInt(System.getenv("LOCAL_WORLD_SIZE"));
      Properties p = new Properties();
      for (String k :
          List.of(
              "MASTER_ADDR",
              "MASTER_PORT",
              "WORLD_SIZE",
              "RANK",
              "LOCAL_RANK",
              "LOCAL_WORLD_SIZE",
              "GROUP_RANK",
              "GROUP_WORLD_SIZE",
              "ROLE_RANK",
              "ROLE_WORLD_SIZE",
              "OMP_NUM_THREADS",
              "JTORCH_TEST_EXTRA")) {
        String v = System.getenv(k);
        if (v != null) {
          p.setProperty(k, v);
        }
      }
      p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
      p.setProperty("marker", System.getProperty("jtorch.test.marker", ""));
      p.setProperty("args", String.join("|", List.of(args).subList(2, args.length)));
      String[] all = args[1].split(",");
      String mine = all[Math.min(local, all.length - 1)];
      if (mine.contains("stubborn")) {
        Runtime.getRuntime().addShutdownHook(new Thread(Worker::sleepLong));
      }
      Path tmp = dir.resolve("local-" + local + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp)) {
        p.store(w, null);
      }
      Files.move(
          tmp, dir.resolve("local-" + local + ".properties"), StandardCopyOption.ATOMIC_MOVE);
      for (String step : mine.split("\\+")) {
        if (step.equals("ok")) {
          System.exit(0);
        } else if (step.equals("print")) {
          System.out.println("hello from rank " + System.getenv("RANK"));
          System.err.println("warning from rank " + System.getenv("RANK"));
        } else if (step.startsWith("exit")) {
          for (int l = 0; l < size; l++) {
            Path f = dir.resolve("local-" + l + ".properties");
            for (int i = 0; i < 1500 && !Files.exists(f); i++) {
              Thread.sleep(20);
            }
          }
          System.exit(Integer.parseInt(step.substring(4)));
        } else if (step.startsWith("sleep")) {
          Thread.sleep(1000L * Integer.parseInt(step.substring(5)));
        } else if (step.equals("stubborn")) {
          sleepLong();
        } else {
          throw new IllegalArgumentException("unknown step " + step);
        }
      }
    }

    private static void sleepLong() {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
