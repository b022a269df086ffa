package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a class's main method in a JVM of its own, with this test JVM's class path. */
final class ChildJvm {
  final int exitCode;
  final String stdout;
  final String stderr;

  private ChildJvm(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Runs {@code main} with {@code jvmArgs} and {@code args}; the environment variables in {@code
   * unsetEnv} are removed from the child's environment.
   */
  static ChildJvm run(Class<?> main, List<String> jvmArgs, List<String> unsetEnv, String... args)
      throws IOException, InterruptedException {
    return run(main.getName(), List.of(), null, jvmArgs, unsetEnv, args);
  }

  /**
   * Runs {@code mainClass} with {@code extraClassPath} before this JVM's class path, in {@code
   * workDir} (null: this JVM's working folder).
   */
  static ChildJvm run(
      String mainClass,
      List<Path> extraClassPath,
      Path workDir,
      List<String> jvmArgs,
      List<String> unsetEnv,
      String... args)
      throws IOException, InterruptedException {
    List<String> cp = new ArrayList<>();
    extraClassPath.forEach(p -> cp.add(p.toString()));
    cp.addAll(classPath());
    return runWithClassPath(mainClass, cp, workDir, jvmArgs, unsetEnv, args);
  }

  /** This JVM's class path, entry by entry. */
  static List<String> classPath() {
    return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
  }

  /** Runs {@code mainClass} with exactly {@code classPath}. */
  static ChildJvm runWithClassPath(
      String mainClass,
      List<String> classPath,
      Path workDir,
      List<String> jvmArgs,
      List<String> unsetEnv,
      String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(String.join(java.io.File.pathSeparator, classPath));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("jtorch-child", ".out");
    Path err = Files.createTempFile("jtorch-child", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (workDir != null) {
        pb.directory(workDir.toFile());
      }
      unsetEnv.forEach(pb.environment()::remove);
      Process p = pb.start();
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      assertTrue(done, "child JVM timed out: " + cmd);
      return new ChildJvm(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
  }
}
