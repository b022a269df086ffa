package org.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.Identity;
import org.jtorch.nn.Linear;
import org.jtorch.nn.Module;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DistributedDataParallel on 2 processes with batch 32 each gives, after 20 SGD steps, the
 * parameters that one process gets with batch 64 on the same data; gradient accumulation under
 * {@code noSync()} averages the accumulated sum.
 */
class DdpTest {
  @TempDir Path dir;

  @Test
  void twoProcessesOfBatch32EqualOneProcessOfBatch64() throws Exception {
    Path out = dir.resolve("ddp");
    List<Workers.Result> results =
        Workers.run(DdpWorker.class, 2, 240, Map.of(), out.toString());
    for (Workers.Result r : results) {
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.stdout().contains("DDP-DONE"), r::toString);
    }
    // the reference: one process, the whole batch, rank 0's initial weights
    Tensor[] data = DdpFixtures.data();
    Module ref = DdpFixtures.smallCnn(100);
    SGD opt = DdpFixtures.sgd(ref);
    for (int step = 0; step < DdpFixtures.STEPS; step++) {
      try (Scope s = Scope.open()) {
        opt.zeroGrad();
        DdpFixtures.loss(ref, data, (long) step * DdpFixtures.GLOBAL_BATCH, DdpFixtures.GLOBAL_BATCH)
            .backward();
        opt.step();
      }
    }
    // the accumulation step: (sum over ranks of both micro-batches' gradients) / 2
    opt.zeroGrad();
    for (int r = 0; r < 2; r++) {
      for (int half = 0; half < 2; half++) {
        try (Scope s = Scope.open()) {
          DdpFixtures.loss(ref, data, r * 32L + half * 16L, 16).backward();
        }
      }
    }
    double worst = 0;
    for (int r = 0; r < 2; r++) {
      Map<String, Tensor> got = Torch.load(Path.of(out + ".rank" + r));
      for (Map.Entry<String, Tensor> e : ref.namedParameters().entrySet()) {
        Tensor p = got.get(e.getKey());
        Tensor g = got.get(e.getKey() + ".grad");
        double dp = p.sub(e.getValue()).abs().max().doubleValue();
        double dg = g.sub(e.getValue().grad().div(2.0)).abs().max().doubleValue();
        assertTrue(dp <= 1e-5, "rank " + r + " " + e.getKey() + " differs by " + dp);
        assertTrue(dg <= 1e-5, "rank " + r + " " + e.getKey() + ".grad differs by " + dg);
        worst = Math.max(worst, Math.max(dp, dg));
      }
    }
    System.out.println("DDP equivalence: largest difference " + worst);
  }

  /** Two layers, of which forward uses only the first. */
  static final class HalfUsed extends Module {
    final Linear used = registerModule("used", new Linear(3, 2));
    final Linear unused = registerModule("unused", new Linear(3, 2));

    @Override
    public Tensor forward(Tensor x) {
      return used.forward(x);
    }
  }

  @Test
  void misuseIsRejected() throws Exception {
    try (TCPStore store = new TCPStore("127.0.0.1", 0, 1, true, Duration.ofSeconds(10));
        ProcessGroup g = ProcessGroup.create(Backend.GLOO, store, 0, 1, Duration.ofSeconds(10))) {
      DistributedDataParallel.Options o = new DistributedDataParallel.Options().group(g);
      assertThrows(
          IllegalArgumentException.class, () -> new DistributedDataParallel(new Identity(), o));
      assertThrows(IllegalArgumentException.class, () -> o.bucketCapMb(0));
      Linear lin = new Linear(3, 2);
      DistributedDataParallel ddp = new DistributedDataParallel(lin, o);
      try (Scope s = Scope.open()) {
        ddp.forward(Torch.ones(4, 3)).sum().backward();
        assertEquals(2, lin.getParameter("weight").grad().shape()[0]);
      }
      ddp.close();
      // a parameter that gets no gradient leaves the reduction unfinished: LibTorch's reducer
      // says so at the next forward, as in PyTorch; findUnusedParameters handles it
      DistributedDataParallel partial = new DistributedDataParallel(new HalfUsed(), o);
      try (Scope s = Scope.open()) {
        partial.forward(Torch.ones(2, 3)).sum().backward();
        org.jtorch.TorchException e =
            assertThrows(org.jtorch.TorchException.class, () -> partial.forward(Torch.ones(2, 3)));
        assertTrue(e.getMessage().contains("Expected to have finished reduction"), e::getMessage);
      }
      partial.close();
      DistributedDataParallel finding =
          new DistributedDataParallel(
              new HalfUsed(),
              new DistributedDataParallel.Options().group(g).findUnusedParameters(true));
      try (Scope s = Scope.open()) {
        for (int i = 0; i < 3; i++) {
          finding.forward(Torch.ones(2, 3)).sum().backward();
        }
      }
      finding.close();
      assertThrows(IllegalStateException.class, () -> ddp.forward(Torch.ones(1, 3)));
    }
    assertThrows(IllegalStateException.class, () -> new DistributedDataParallel(new Linear(1, 1)));
  }
}
