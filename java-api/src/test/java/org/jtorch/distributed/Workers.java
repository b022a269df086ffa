package org.jtorch.distributed;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code n} worker JVMs on loopback with the environment of a distributed launch
 * (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK) and collects what they printed.
 */
final class Workers {
  /** What one worker did. */
  record Result(int rank, int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "rank " + rank + ": exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n"
          + stderr;
    }
  }

  private Workers() {}

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs {@code main} in {@code n} JVMs; kills any still running after {@code limitSeconds}. */
  static List<Result> run(Class<?> main, int n, int limitSeconds, Map<String, String> extraEnv,
      String... args) throws IOException, InterruptedException {
    int port = freePort();
    List<Process> procs = new ArrayList<>();
    List<Path> outs = new ArrayList<>();
    List<Path> errs = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx384m");
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(main.getName());
      cmd.addAll(List.of(args));
      Path out = Files.createTempFile("jtorch-worker" + r, ".out");
      Path err = Files.createTempFile("jtorch-worker" + r, ".err");
      outs.add(out);
      errs.add(err);
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.put("MASTER_ADDR", "127.0.0.1");
      env.put("MASTER_PORT", Integer.toString(port));
      env.put("RANK", Integer.toString(r));
      env.put("LOCAL_RANK", Integer.toString(r));
      env.put("WORLD_SIZE", Integer.toString(n));
      env.put("OMP_NUM_THREADS", "1");
      env.putAll(extraEnv);
      procs.add(pb.start());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    List<Result> results = new ArrayList<>();
    try {
      for (int r = 0; r < n; r++) {
        Process p = procs.get(r);
        long left = Math.max(0, deadline - System.nanoTime());
        if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.destroyForcibly().waitFor();
        }
        results.add(
            new Result(
                r,
                p.exitValue(),
                Files.readString(outs.get(r), StandardCharsets.UTF_8),
                Files.readString(errs.get(r), StandardCharsets.UTF_8)));
      }
    } finally {
      for (Process p : procs) {
        p.destroyForcibly();
      }
      for (Path p : outs) {
        Files.deleteIfExists(p);
      }
      for (Path p : errs) {
        Files.deleteIfExists(p);
      }
    }
    return results;
  }
}
