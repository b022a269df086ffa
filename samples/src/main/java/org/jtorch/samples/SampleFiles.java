package org.jtorch.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Where the samples find the repository's files, and how they run Python when it is there. */
final class SampleFiles {
  private SampleFiles() {}

  /**
   * The checkout's root folder: the first of the working directory and its parents that holds
   * {@code java-api/src/test/python/generate_models.py} ({@code ./mvnw -f samples} runs in the
   * root, the tests in {@code samples/}).
   */
  static Optional<Path> repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("java-api/src/test/python/generate_models.py"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** What a finished process printed (stdout and stderr together) and its exit status. */
  record Output(int exitCode, String text) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /**
   * Runs {@code python3 args...} (or {@code -Djtorch.samples.python=...}) and returns what it
   * printed; empty when there is no python3 or it did not finish within {@code seconds}.
   */
  static Optional<Output> python(int seconds, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("jtorch.samples.python", "python3"));
    cmd.addAll(List.of(args));
    Path log = null;
    try {
      log = Files.createTempFile("jtorch-sample-python", ".log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }

  /** The version of Python's torch, or empty where python3 or torch is missing. */
  static Optional<String> pythonTorch() {
    return python(120, "-c", "import torch; print(torch.__version__)")
        .filter(Output::ok)
        .map(o -> o.text().strip().lines().reduce((a, b) -> b).orElse(""))
        .filter(v -> !v.isEmpty());
  }
}
