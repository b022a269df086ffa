package org.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jtorch.testing.PythonSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every collective across 2 and 3 worker processes on loopback, for float32, float64, int64 and
 * int32 tensors of shape (), (5) and (3, 4): the result must be the mathematically expected one
 * on every rank ({@link CollectivesWorker} does the checking).
 */
class CollectivesTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void everyCollectiveGivesTheExpectedResult(int worldSize) throws Exception {
    List<Workers.Result> results = Workers.run(CollectivesWorker.class, worldSize, 150, Map.of());
    int total = 0;
    for (Workers.Result r : results) {
      assertEquals(0, r.exitCode(), r::toString);
      String line = r.stdout().lines().filter(l -> l.startsWith("CHECKS ")).findFirst().orElse("");
      assertTrue(line.startsWith("CHECKS "), r::toString);
      int checks = Integer.parseInt(line.substring(7).strip());
      assertTrue(checks > 1000, r::toString);
      total += checks;
    }
    System.out.println(
        "distributed collectives: " + total + " checks passed on " + worldSize + " processes");
  }

  /**
   * Java workers started by PyTorch's own launcher ({@code torchrun --no-python java ...}), whose
   * agent serves the rendezvous store: env:// initialisation must connect to it instead of
   * serving one. Skipped where Python's torch is not installed (failed under CI).
   */
  @Test
  void javaWorkersRunUnderPythonsTorchrun() throws Exception {
    PythonSide.require(pythonHasTorch(), "python3 with torch (torchrun)");
    List<String> cmd = new ArrayList<>(List.of(
        "python3", "-m", "torch.distributed.run", "--nproc-per-node", "2",
        "--master-port", Integer.toString(Workers.freePort()), "--no-python",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CollectivesWorker.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(150, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertEquals(2, out.lines().filter(l -> l.startsWith("CHECKS ")).count(), out);
  }

  private static boolean pythonHasTorch() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import torch.distributed.run").start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
