package org.jtorch.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;

/**
 * One process of {@link CollectivesTest}: runs every collective for several dtypes and shapes on
 * the default group and checks the mathematically expected result. Prints "CHECKS n" and exits 0,
 * or throws (exit 1).
 */
public final class CollectivesWorker {
  private static int checks;

  public static void main(String[] args) {
    ProcessGroup g = Distributed.initProcessGroup(Backend.GLOO);
    int r = g.rank();
    int n = g.size();
    check(Distributed.isInitialized(), "initialised");
    check(Distributed.getRank() == r && Distributed.getWorldSize() == n, "rank/size");
    check(n == Integer.parseInt(System.getenv("WORLD_SIZE")), "world size from env");
    long[][] shapes = {{}, {5}, {3, 4}};
    DType[] dtypes = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.INT32};
    for (DType d : dtypes) {
      boolean floating = d == DType.FLOAT32 || d == DType.FLOAT64;
      for (long[] shape : shapes) {
        try (Scope s = Scope.open()) {
          TensorOptions o = TensorOptions.dtype(d);
          // all-reduce with every op
          expect(reduced(g, shape, o, r + 1, ReduceOp.SUM), (double) n * (n + 1) / 2, d, shape);
          expect(reduced(g, shape, o, r + 1, ReduceOp.PRODUCT), factorial(n), d, shape);
          expect(reduced(g, shape, o, r + 1, ReduceOp.MIN), 1, d, shape);
          expect(reduced(g, shape, o, r + 1, ReduceOp.MAX), n, d, shape);
          if (floating) {
            expect(reduced(g, shape, o, r + 1, ReduceOp.AVG), (n + 1) / 2.0, d, shape);
          } else {
            expect(reduced(g, shape, o, 1L << r, ReduceOp.BOR), (1L << n) - 1, d, shape);
            expect(reduced(g, shape, o, 1L << r, ReduceOp.BXOR), (1L << n) - 1, d, shape);
            expect(reduced(g, shape, o, 3L << r, ReduceOp.BAND), n == 2 ? 2 : 0, d, shape);
          }
          // broadcast from the last rank
          Tensor b = Torch.full(shape, (long) (r * 10), o);
          g.broadcast(b, n - 1);
          expect(b, (n - 1) * 10, d, shape);
          // reduce to rank 0
          Tensor red = Torch.full(shape, (long) (r + 1), o);
          g.reduce(red, 0, ReduceOp.SUM);
          if (r == 0) {
            expect(red, (double) n * (n + 1) / 2, d, shape);
          }
          // all-gather (list and into one tensor)
          Tensor in = Torch.full(shape, (long) (100 * r + 7), o);
          List<Tensor> outs = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            outs.add(Torch.full(shape, -1L, o));
          }
          g.allGather(outs, in);
          for (int k = 0; k < n; k++) {
            expect(outs.get(k), 100 * k + 7, d, shape);
          }
          // gather to rank 1, scatter from rank 1
          int root = 1;
          List<Tensor> gl = null;
          if (r == root) {
            gl = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              gl.add(Torch.full(shape, -1L, o));
            }
          }
          g.gather(Torch.full(shape, (long) (r + 40), o), gl, root);
          if (r == root) {
            for (int k = 0; k < n; k++) {
              expect(gl.get(k), k + 40, d, shape);
            }
          }
          List<Tensor> sl = null;
          if (r == root) {
            sl = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              sl.add(Torch.full(shape, (long) (7 * k), o));
            }
          }
          Tensor so = Torch.full(shape, -1L, o);
          g.scatter(so, sl, root);
          expect(so, 7 * r, d, shape);
          // reduce-scatter: inputs[k] = r + k; rank r gets sum_j (j + r)
          List<Tensor> rin = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            rin.add(Torch.full(shape, (long) (r + k), o));
          }
          Tensor rout = Torch.full(shape, -1L, o);
          g.reduceScatter(rout, rin, ReduceOp.SUM);
          expect(rout, n * (n - 1) / 2.0 + (double) n * r, d, shape);
        }
      }
    }
    try (Scope s = Scope.open()) {
      // all-gather into one tensor, rank order along dim 0
      Tensor in = Torch.arange(3).add((long) (10 * r));
      Tensor out = Torch.zeros(3L * n).to(DType.INT64);
      g.allGatherIntoTensor(out, in);
      long[] got = out.toLongArray();
      for (int k = 0; k < n; k++) {
        for (int i = 0; i < 3; i++) {
          check(got[3 * k + i] == 10L * k + i, "allGatherIntoTensor " + java.util.Arrays.toString(got));
        }
      }
      // point to point around a ring, asynchronously
      Tensor send = Torch.full(new long[] {4}, (double) r);
      Tensor recv = Torch.zeros(4);
      int next = (r + 1) % n;
      int prev = (r + n - 1) % n;
      Work ws = g.isend(send, next, 3);
      Work wr = g.irecv(recv, prev, 3);
      wr.await(Duration.ofSeconds(30));
      ws.await();
      check(wr.isCompleted() && wr.isSuccess(), "irecv completed");
      expect(recv, prev, DType.FLOAT32, new long[] {4});
      if (r == 0) {
        g.send(Torch.full(new long[] {2}, 5.0), 1);
      } else if (r == 1) {
        Tensor x = Torch.zeros(2);
        g.recv(x, 0);
        expect(x, 5, DType.FLOAT32, new long[] {2});
      }
      // async all-reduce
      Tensor a = Torch.ones(1000).mul(r + 1.0);
      Work w = g.allReduceAsync(a, ReduceOp.SUM);
      w.await();
      check(w.isCompleted() && w.isSuccess(), "async work completed");
      expect(a, (double) n * (n + 1) / 2, DType.FLOAT32, new long[] {1000});
      // the collective functions of Distributed act on the default group
      Tensor c = Torch.ones(2);
      Distributed.allReduce(c);
      expect(c, n, DType.FLOAT32, new long[] {2});
      g.barrier();
      // DistributedSampler(dataset) shards by the default group: the ranks' shards cover the data
      org.jtorch.data.DistributedSampler sampler =
          new org.jtorch.data.DistributedSampler(
              new org.jtorch.data.TensorDataset(Torch.arange(10)));
      sampler.setEpoch(3);
      long[] mine = new long[sampler.size()];
      int i = 0;
      for (int index : sampler) {
        mine[i++] = index;
      }
      List<Tensor> shards = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        shards.add(Torch.zeros(mine.length).to(DType.INT64));
      }
      g.allGather(shards, Torch.tensor(mine));
      java.util.Set<Long> seen = new java.util.TreeSet<>();
      for (Tensor shard : shards) {
        for (long x : shard.toLongArray()) {
          seen.add(x);
        }
      }
      check(seen.size() == 10 && seen.contains(0L) && seen.contains(9L), "shards cover " + seen);
      // misuse is caught in Java
      throwsIae(() -> g.broadcast(Torch.ones(1), n));
      throwsIae(() -> g.send(Torch.ones(1), r));
      throwsIae(() -> g.allGather(List.of(Torch.ones(1)), Torch.ones(1)));
      throwsIae(() -> g.scatter(Torch.ones(1), r == 0 ? null : List.of(Torch.ones(1)), 0));
      // the backend rejects what it cannot do, with an exception
      // a non-contiguous view is reduced in place, as in PyTorch
      Tensor base = Torch.ones(3, 4).mul(r + 1.0);
      Tensor view = base.t();
      g.allReduce(view);
      expect(base, (double) n * (n + 1) / 2, DType.FLOAT32, new long[] {3, 4});
      // the backend rejects what it cannot do, with an exception
      try {
        List<Tensor> wrong = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          wrong.add(Torch.zeros(5).to(DType.FLOAT64));
        }
        g.allGather(wrong, Torch.ones(2));
        throw new AssertionError("all-gather into tensors of another shape did not throw");
      } catch (org.jtorch.TorchException expected) {
        checks++;
        System.out.println("mismatch: " + expected.getMessage().lines().findFirst().orElse(""));
      }
      try {
        Distributed.initProcessGroup(Backend.GLOO);
        throw new AssertionError("second init did not throw");
      } catch (IllegalStateException expected) {
        checks++;
      }
    }
    Distributed.destroyProcessGroup();
    check(!Distributed.isInitialized(), "destroyed");
    try {
      g.barrier();
      throw new AssertionError("barrier on a destroyed group did not throw");
    } catch (IllegalStateException expected) {
      checks++;
    }
    System.out.println("CHECKS " + checks);
  }

  private static Tensor reduced(ProcessGroup g, long[] shape, TensorOptions o, long v, ReduceOp op) {
    Tensor t = Torch.full(shape, v, o);
    g.allReduce(t, op);
    return t;
  }

  private static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  private static void expect(Tensor t, double value, DType d, long[] shape) {
    check(t.dtype() == d, "dtype " + t.dtype() + " != " + d);
    check(java.util.Arrays.equals(t.shape(), shape), "shape " + java.util.Arrays.toString(t.shape()));
    double[] got = t.to(DType.FLOAT64).reshape(-1).toDoubleArray();
    for (double x : got) {
      check(x == value, "expected " + value + " got " + java.util.Arrays.toString(got) + " (" + d + ")");
    }
  }

  private static void throwsIae(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException expected) {
      checks++;
      return;
    }
    throw new AssertionError("no IllegalArgumentException");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
    checks++;
  }
}
