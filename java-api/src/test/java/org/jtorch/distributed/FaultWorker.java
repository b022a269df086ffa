package org.jtorch.distributed;

import java.time.Duration;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * One process of {@link FaultToleranceTest}. Mode "killed": rank 1 dies abruptly after a barrier
 * while rank 0 keeps all-reducing. Mode "hung": rank 1 stops taking part (sleeps 5 s) while rank 0
 * all-reduces under a 3 s group timeout. Rank 0 prints "FAILED exception-class millis" when a
 * collective throws, and "NO-FAILURE" if none did.
 */
public final class FaultWorker {
  public static void main(String[] args) throws InterruptedException {
    String mode = args[0];
    boolean async = args.length > 1 && args[1].equals("async");
    ProcessGroup g =
        Distributed.initProcessGroup(Backend.GLOO, "env://", -1, -1, Duration.ofSeconds(3));
    g.barrier();
    if (g.rank() == 1) {
      if (mode.equals("killed")) {
        Runtime.getRuntime().halt(3);
      }
      // hung: long enough for rank 0 to time out, then leave without a word
      Thread.sleep(5_000);
      Runtime.getRuntime().halt(0);
    }
    long start = System.nanoTime();
    try {
      for (int i = 0; i < 100; i++) {
        Tensor t = Torch.ones(1000);
        if (async) {
          g.allReduceAsync(t, ReduceOp.SUM).await(Duration.ofSeconds(2));
        } else {
          g.allReduce(t);
        }
        Thread.sleep(20);
      }
      System.out.println("NO-FAILURE");
    } catch (DistributedException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("FAILED " + e.getClass().getSimpleName() + " " + ms);
      System.out.println("MESSAGE " + e.getMessage().lines().findFirst().orElse(""));
    }
    System.out.flush();
    // the group's peer is gone: leave without waiting for it
    Runtime.getRuntime().halt(0);
  }
}
