package org.jtorch.distributed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.Module;
import org.jtorch.optim.SGD;

/**
 * One process of {@link DdpTest}: trains the small CNN with DistributedDataParallel for {@link
 * DdpFixtures#STEPS} steps on its half of each global batch, then accumulates two micro-batches
 * with {@code noSync()}; saves parameters and accumulated gradients to {@code <out>.rank<r>}.
 */
public final class DdpWorker {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    ProcessGroup g = Distributed.initProcessGroup(Backend.GLOO);
    int r = g.rank();
    int n = g.size();
    long local = DdpFixtures.GLOBAL_BATCH / n;
    Tensor[] data = DdpFixtures.data();
    // each rank starts from different weights: DDP must copy rank 0's
    Module model = DdpFixtures.smallCnn(100 + r);
    // a small bucket cap so that the model's gradients travel in several buckets
    DistributedDataParallel ddp =
        new DistributedDataParallel(model, new DistributedDataParallel.Options().bucketCapMb(0.1));
    check(ddp.stateDict().keySet().iterator().next().startsWith("module."), "state-dict keys");
    SGD opt = DdpFixtures.sgd(ddp);
    for (int step = 0; step < DdpFixtures.STEPS; step++) {
      try (Scope s = Scope.open()) {
        opt.zeroGrad();
        DdpFixtures.loss(ddp, data, step * DdpFixtures.GLOBAL_BATCH + r * local, local).backward();
        opt.step();
      }
    }
    // gradient accumulation: the first micro-batch stays local, the second averages the sum
    opt.zeroGrad();
    Tensor firstGrad = ddp.parameters().get(0);
    long half = local / 2;
    try (AutoCloseable ns = ddp.noSync();
        Scope s = Scope.open()) {
      DdpFixtures.loss(ddp, data, r * local, half).backward();
      List<Tensor> all = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        all.add(Torch.zerosLike(firstGrad.grad()));
      }
      g.allGather(all, firstGrad.grad());
      check(!all.get(0).equal(all.get(1)), "gradients under noSync() are local");
    }
    try (Scope s = Scope.open()) {
      DdpFixtures.loss(ddp, data, r * local + half, half).backward();
      List<Tensor> all = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        all.add(Torch.zerosLike(firstGrad.grad()));
      }
      g.allGather(all, firstGrad.grad());
      check(all.get(0).equal(all.get(1)), "gradients after a synchronised backward are equal");
    }
    Map<String, Tensor> saved = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
      saved.put(e.getKey(), e.getValue());
      saved.put(e.getKey() + ".grad", e.getValue().grad());
    }
    Torch.save(saved, Path.of(out + ".rank" + r));
    // forward under noGrad (evaluation) needs no backward afterwards
    try (var ng = Torch.noGrad();
        Scope s = Scope.open()) {
      ddp.forward(data[0].narrow(0, 0, 4));
      ddp.forward(data[0].narrow(0, 0, 4));
    }
    ddp.close();
    Distributed.destroyProcessGroup();
    System.out.println("DDP-DONE");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
