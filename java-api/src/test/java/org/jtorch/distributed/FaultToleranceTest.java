package org.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker that dies or hangs mid-run makes the others fail with an exception, within the group's
 * timeout, instead of hanging forever.
 */
class FaultToleranceTest {
  @Test
  void aKilledPeerFailsTheCollective() throws Exception {
    Workers.Result r0 = run("killed", "sync");
    assertTrue(r0.stdout().contains("FAILED DistributedException"), r0::toString);
    assertTrue(failedAfterMillis(r0) < 10_000, r0::toString);
  }

  @Test
  void aHungPeerTimesTheCollectiveOut() throws Exception {
    Workers.Result r0 = run("hung", "sync");
    assertTrue(r0.stdout().contains("FAILED DistributedTimeoutException"), r0::toString);
    long ms = failedAfterMillis(r0);
    assertTrue(ms >= 2_500 && ms < 15_000, r0::toString);
  }

  @Test
  void aHungPeerTimesAnAsyncWaitOut() throws Exception {
    Workers.Result r0 = run("hung", "async");
    assertTrue(r0.stdout().contains("FAILED DistributedTimeoutException"), r0::toString);
    assertTrue(failedAfterMillis(r0) < 15_000, r0::toString);
  }

  private static Workers.Result run(String mode, String how) throws Exception {
    List<Workers.Result> results = Workers.run(FaultWorker.class, 2, 40, Map.of(), mode, how);
    Workers.Result r0 = results.get(0);
    assertEquals(0, r0.exitCode(), r0::toString);
    return r0;
  }

  private static long failedAfterMillis(Workers.Result r) {
    String line = r.stdout().lines().filter(l -> l.startsWith("FAILED ")).findFirst().orElseThrow();
    return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
  }
}
