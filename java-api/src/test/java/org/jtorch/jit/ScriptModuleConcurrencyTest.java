package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.junit.jupiter.api.Test;

/** One loaded module serves many threads at once, each getting the single-threaded answer. */
class ScriptModuleConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS = 500;

  @Test
  void eightThreadsFiveHundredCallsEach() throws Exception {
    JsonNode cnnCase = ModelFixtures.expected().get("cnn");
    JsonNode lstmCase = ModelFixtures.expected().get("lstm");
    try (ScriptModule cnn = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        ScriptModule lstm = ScriptModule.load(ModelFixtures.model("lstm.pt"));
        Tensor x = Golden.tensor(cnnCase.get("in"));
        Tensor seq = Golden.tensor(lstmCase.get("in"))) {
      float[] want;
      float[] wantScores;
      try (Scope scope = Scope.open()) {
        want = cnn.forward(x).toFloatArray();
        wantScores = ((Tuple) lstm.run("forward", seq)).tensor(0).toFloatArray();
        Golden.assertTensor(cnnCase.get("out"), cnn.forward(x), 1e-5, "single-threaded cnn");
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final boolean useLstm = t % 4 == 3; // mostly the CNN, some tuple-returning calls too
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int mismatches = 0;
                  for (int i = 0; i < CALLS; i++) {
                    try (Scope scope = Scope.open()) {
                      float[] got =
                          useLstm
                              ? ((Tuple) lstm.run("forward", seq)).tensor(0).toFloatArray()
                              : cnn.forward(x).toFloatArray();
                      assertArrayEquals(useLstm ? wantScores : want, got, "call " + i);
                      calls.incrementAndGet();
                    }
                  }
                  return mismatches;
                }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        assertEquals(0, f.get(5, TimeUnit.MINUTES));
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
      assertEquals(THREADS * CALLS, calls.get());
    }
  }

  @Test
  void closeWaitsForCallsInProgress() throws Exception {
    JsonNode c = ModelFixtures.expected().get("cnn");
    ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"));
    try (Tensor x = Golden.tensor(c.get("in"))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger closedSeen = new AtomicInteger();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    try (Scope scope = Scope.open()) {
                      m.forward(x);
                      ok.incrementAndGet();
                    } catch (IllegalStateException e) {
                      closedSeen.incrementAndGet(); // after close: a Java exception, no crash
                    }
                  }
                }));
      }
      Thread.sleep(50);
      m.close();
      for (Future<?> f : fs) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertEquals(800, ok.get() + closedSeen.get());
      assertTrue(m.isClosed());
    }
  }
}
