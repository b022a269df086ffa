package org.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
}
