package org.jtorch.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.AllgatherOptions;
import org.bytedeco.pytorch.AllreduceOptions;
import org.bytedeco.pytorch.BackendOptional;
import org.bytedeco.pytorch.BarrierOptions;
import org.bytedeco.pytorch.BroadcastOptions;
import org.bytedeco.pytorch.GatherOptions;
import org.bytedeco.pytorch.GlooDeviceVector;
import org.bytedeco.pytorch.PrefixStore;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.ReduceOptions;
import org.bytedeco.pytorch.ReduceScatterOptions;
import org.bytedeco.pytorch.ScatterOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.internal.Handles;

/**
 * A group of processes that run collectives together: PyTorch's {@code ProcessGroup} with its
 * Gloo (CPU) or NCCL (CUDA) backend, LibTorch's c10d engine and not a re-implementation. Every
 * process of the group must call the same collectives in the same order.
 *
 * <p>Each collective comes in two forms: {@code allReduce(t)} returns when the result is in
 * {@code t} (PyTorch's default {@code async_op=False}); {@code allReduceAsync(t)} returns a {@link
 * Work} at once (PyTorch's {@code async_op=True}). Results are written into the tensors passed
 * in, as in PyTorch; tensors must be contiguous and on the backend's device.
 *
 * <p>Usually made by {@link Distributed#initProcessGroup}; {@link #create} makes further groups
 * (every process must create them in the same order on the same store). Errors of the backend
 * (a dead peer, a timeout) are {@link DistributedException}s; the group's timeout bounds how long
 * any collective waits for the others.
 */
public final class ProcessGroup implements AutoCloseable {
  /** PyTorch's default timeout of a process group (30 minutes). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  private final Backend backend;
  private final int rank;
  private final int size;
  private final Duration timeout;
  private volatile org.bytedeco.pytorch.ProcessGroup handle;

  private ProcessGroup(
      Backend backend, int rank, int size, Duration timeout,
      org.bytedeco.pytorch.ProcessGroup handle) {
    this.backend = backend;
    this.rank = rank;
    this.size = size;
    this.timeout = timeout;
    this.handle = handle;
  }

  /**
   * Makes a process group of {@code worldSize} processes that meet in {@code store}: PyTorch's
   * {@code ProcessGroupGloo(store, rank, size, timeout)} (or NCCL) registered in a {@code
   * ProcessGroup}. Blocks until all processes have joined.
   *
   * <p>Gloo uses the network interface named by the environment variable {@code
   * GLOO_SOCKET_IFNAME} (comma-separated for several), else the one the host name resolves to, as
   * in PyTorch.
   *
   * @throws IllegalArgumentException if {@code rank} is not in {@code [0, worldSize)}
   * @throws IllegalStateException for NCCL without CUDA or without jtorch's GPU build
   * @throws DistributedException if the processes cannot connect
   */
  public static ProcessGroup create(
      Backend backend, Store store, int rank, int worldSize, Duration timeout) {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(store, "store");
    Errors.positive(timeout, "timeout");
    checkRankAndWorldSize(rank, worldSize);
    org.bytedeco.pytorch.Store prefixed = prefixed(store, store.nextGroupPrefix());
    return Errors.call(
        () -> {
          org.bytedeco.pytorch.ProcessGroup pg =
              new org.bytedeco.pytorch.ProcessGroup(prefixed, rank, worldSize);
          // the rendezvous waits on the store with this timeout: a FileStore's is coarse and gets
          // the same correction as the store's own (FileStore.nativeMillis), which makes the
          // group's collectives on a file:// store time out up to half a second early
          try (Milliseconds ms = new Milliseconds(store.nativeMillis(timeout))) {
            // the group keeps intrusive references of its own to the backend and its options:
            // the Java handles here are released at once
            if (backend == Backend.GLOO) {
              try (ProcessGroupGloo.Options opts = ProcessGroupGloo.Options.create(ms);
                  GlooDeviceVector devices = glooDevices()) {
                opts.devices(devices);
                try (ProcessGroupGloo gloo = new ProcessGroupGloo(prefixed, rank, worldSize, opts);
                    BackendOptional b = new BackendOptional(gloo)) {
                  pg.setBackend(
                      torch.DeviceType.CPU, org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO, b);
                }
              }
              pg.setDefaultBackend(org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO);
            } else {
              try (org.bytedeco.pytorch.Backend nccl = Nccl.backend(prefixed, rank, worldSize, ms);
                  BackendOptional b = new BackendOptional(nccl)) {
                pg.setBackend(
                    torch.DeviceType.CUDA, org.bytedeco.pytorch.ProcessGroup.BackendType.NCCL, b);
              }
              pg.setDefaultBackend(org.bytedeco.pytorch.ProcessGroup.BackendType.NCCL);
            }
          } catch (RuntimeException e) {
            pg.close();
            throw e;
          } finally {
            prefixed.close();
          }
          return new ProcessGroup(backend, rank, worldSize, timeout, pg);
        });
  }

  /** PyTorch's checks of a rank and world size, before anything waits for the other ranks. */
  static void checkRankAndWorldSize(int rank, int worldSize) {
    if (worldSize < 1) {
      throw new IllegalArgumentException("worldSize must be positive, got " + worldSize);
    }
    if (rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException(
          "Invalid rank " + rank + ", rank should be in the interval [0, " + (worldSize - 1) + "]");
    }
  }

  /**
   * The store under a key prefix of its own, so that groups on one store do not see each other's
   * keys (PyTorch's PrefixStore). The presets construct a PrefixStore with a plain {@code new};
   * its {@code clone()} is the intrusive pointer LibTorch can share (see {@link Store}).
   */
  private static org.bytedeco.pytorch.Store prefixed(Store store, String prefix) {
    return Errors.call(
        () -> {
          try (PrefixStore raw = new PrefixStore(prefix, store.handle())) {
            return raw.clone();
          }
        });
  }

  private static GlooDeviceVector glooDevices() {
    String ifnames = System.getenv("GLOO_SOCKET_IFNAME");
    GlooDeviceVector v = new GlooDeviceVector();
    if (ifnames != null && !ifnames.isBlank()) {
      for (String name : ifnames.split(",")) {
        v.push_back(ProcessGroupGloo.createDeviceForInterface(name.strip()));
      }
    } else {
      v.push_back(ProcessGroupGloo.createDefaultDevice());
    }
    return v;
  }

  /** This process's rank in the group, PyTorch's {@code get_rank(group)}. */
  public int rank() {
    return rank;
  }

  /** The number of processes, PyTorch's {@code get_world_size(group)}. */
  public int size() {
    return size;
  }

  /** The backend: Gloo or NCCL. */
  public Backend backend() {
    return backend;
  }

  /** How long a collective waits for the other processes before it fails. */
  public Duration timeout() {
    return timeout;
  }

  // ---------------------------------------------------------------------------------------------
  // all-reduce, reduce, broadcast

  /** Sums {@code tensor} over all processes, in place: PyTorch's {@code all_reduce(tensor)}. */
  public void allReduce(Tensor tensor) {
    allReduce(tensor, ReduceOp.SUM);
  }

  /**
   * Reduces {@code tensor} over all processes with {@code op}; every process gets the result in
   * {@code tensor}: PyTorch's {@code all_reduce(tensor, op)}.
   */
  public void allReduce(Tensor tensor, ReduceOp op) {
    allReduceAsync(tensor, op).await();
  }

  /** {@link #allReduce(Tensor, ReduceOp)} with {@code async_op=True}. */
  public Work allReduceAsync(Tensor tensor, ReduceOp op) {
    Objects.requireNonNull(op, "op");
    return start(
        "allReduce",
        () -> {
          try (TensorVector v = vector(tensor);
              AllreduceOptions o = new AllreduceOptions();
              org.bytedeco.pytorch.ReduceOp r = new org.bytedeco.pytorch.ReduceOp(op.nativeType)) {
            o.reduceOp(r);
            return pg().allreduce(v, o);
          }
        },
        null);
  }

  /**
   * Reduces {@code tensor} over all processes with {@code op} into {@code tensor} on rank {@code
   * dst}: PyTorch's {@code reduce(tensor, dst, op)}. On the other ranks {@code tensor} may be
   * overwritten with intermediate values (as in PyTorch).
   */
  public void reduce(Tensor tensor, int dst, ReduceOp op) {
    reduceAsync(tensor, dst, op).await();
  }

  /** {@link #reduce} with {@code async_op=True}. */
  public Work reduceAsync(Tensor tensor, int dst, ReduceOp op) {
    Objects.requireNonNull(op, "op");
    checkRank(dst, "dst");
    return start(
        "reduce",
        () -> {
          try (TensorVector v = vector(tensor);
              ReduceOptions o = new ReduceOptions();
              org.bytedeco.pytorch.ReduceOp r = new org.bytedeco.pytorch.ReduceOp(op.nativeType)) {
            o.reduceOp(r).rootRank(dst);
            return pg().reduce(v, o);
          }
        },
        null);
  }

  /**
   * Copies {@code tensor} of rank {@code src} into {@code tensor} of every other rank: PyTorch's
   * {@code broadcast(tensor, src)}.
   */
  public void broadcast(Tensor tensor, int src) {
    broadcastAsync(tensor, src).await();
  }

  /** {@link #broadcast} with {@code async_op=True}. */
  public Work broadcastAsync(Tensor tensor, int src) {
    checkRank(src, "src");
    return start(
        "broadcast",
        () -> {
          try (TensorVector v = vector(tensor);
              BroadcastOptions o = new BroadcastOptions()) {
            o.rootRank(src);
            return pg().broadcast(v, o);
          }
        },
        null);
  }

  // ---------------------------------------------------------------------------------------------
  // gathering and scattering

  /**
   * Gathers {@code input} of every process into {@code outputs} (one tensor per rank, each shaped
   * like {@code input}) on every process: PyTorch's {@code all_gather(tensor_list, tensor)}.
   */
  public void allGather(List<Tensor> outputs, Tensor input) {
    allGatherAsync(outputs, input).await();
  }

  /** {@link #allGather} with {@code async_op=True}. */
  public Work allGatherAsync(List<Tensor> outputs, Tensor input) {
    checkList(outputs, "outputs");
    return start(
        "allGather",
        () -> {
          try (TensorVector out = nested(outputs);
              TensorVector in = vector(input);
              AllgatherOptions o = new AllgatherOptions()) {
            return pg().allgather(out, in, o);
          }
        },
        null);
  }

  /**
   * Gathers {@code input} of every process into {@code output}, whose first dimension is {@code
   * size()} times {@code input}'s, in rank order: PyTorch's {@code all_gather_into_tensor}.
   */
  public void allGatherIntoTensor(Tensor output, Tensor input) {
    allGatherIntoTensorAsync(output, input).await();
  }

  /** {@link #allGatherIntoTensor} with {@code async_op=True}. */
  public Work allGatherIntoTensorAsync(Tensor output, Tensor input) {
    org.bytedeco.pytorch.Tensor out = handle(output, "output");
    org.bytedeco.pytorch.Tensor in = handle(input, "input");
    return start(
        "allGatherIntoTensor",
        () -> {
          try (AllgatherOptions o = new AllgatherOptions()) {
            return pg()._allgather_base(out, in, o);
          }
        },
        null);
  }

  /**
   * Reduces {@code inputs} (one tensor per rank) over all processes with {@code op} and leaves
   * the reduction of the {@code r}-th inputs in {@code output} of rank {@code r}: PyTorch's {@code
   * reduce_scatter(output, input_list, op)}.
   */
  public void reduceScatter(Tensor output, List<Tensor> inputs, ReduceOp op) {
    reduceScatterAsync(output, inputs, op).await();
  }

  /** {@link #reduceScatter} with {@code async_op=True}. */
  public Work reduceScatterAsync(Tensor output, List<Tensor> inputs, ReduceOp op) {
    Objects.requireNonNull(op, "op");
    checkList(inputs, "inputs");
    return start(
        "reduceScatter",
        () -> {
          try (TensorVector out = vector(output);
              TensorVector in = nested(inputs);
              ReduceScatterOptions o = new ReduceScatterOptions();
              org.bytedeco.pytorch.ReduceOp r = new org.bytedeco.pytorch.ReduceOp(op.nativeType)) {
            o.reduceOp(r);
            return pg().reduce_scatter(out, in, o);
          }
        },
        null);
  }

  /**
   * Gathers {@code input} of every process into {@code gatherList} on rank {@code dst}: PyTorch's
   * {@code gather(tensor, gather_list, dst)}. {@code gatherList} (one tensor per rank) is needed
   * on {@code dst} only; other ranks pass {@code null} or an empty list.
   */
  public void gather(Tensor input, List<Tensor> gatherList, int dst) {
    gatherAsync(input, gatherList, dst).await();
  }

  /** {@link #gather} with {@code async_op=True}. */
  public Work gatherAsync(Tensor input, List<Tensor> gatherList, int dst) {
    checkRank(dst, "dst");
    boolean root = dst == rank;
    checkRootList(gatherList, root, "gatherList", "dst");
    return start(
        "gather",
        () -> {
          try (TensorVector out = root ? nested(gatherList) : none();
              TensorVector in = vector(input);
              GatherOptions o = new GatherOptions()) {
            o.rootRank(dst);
            return pg().gather(out, in, o);
          }
        },
        null);
  }

  /**
   * Sends the {@code r}-th tensor of {@code scatterList} on rank {@code src} into {@code output}
   * of rank {@code r}: PyTorch's {@code scatter(tensor, scatter_list, src)}. {@code scatterList}
   * is needed on {@code src} only; other ranks pass {@code null} or an empty list.
   */
  public void scatter(Tensor output, List<Tensor> scatterList, int src) {
    scatterAsync(output, scatterList, src).await();
  }

  /** {@link #scatter} with {@code async_op=True}. */
  public Work scatterAsync(Tensor output, List<Tensor> scatterList, int src) {
    checkRank(src, "src");
    boolean root = src == rank;
    checkRootList(scatterList, root, "scatterList", "src");
    return start(
        "scatter",
        () -> {
          try (TensorVector out = vector(output);
              TensorVector in = root ? nested(scatterList) : none();
              ScatterOptions o = new ScatterOptions()) {
            o.rootRank(src);
            return pg().scatter(out, in, o);
          }
        },
        null);
  }

  // ---------------------------------------------------------------------------------------------
  // synchronisation and point to point

  /** Waits until every process of the group has called {@code barrier()}. */
  public void barrier() {
    barrierAsync().await();
  }

  /** {@link #barrier} with {@code async_op=True}. */
  public Work barrierAsync() {
    return start(
        "barrier",
        () -> {
          try (BarrierOptions o = new BarrierOptions()) {
            return pg().barrier(o);
          }
        },
        null);
  }

  /** Sends {@code tensor} to rank {@code dst} (tag 0) and waits: PyTorch's {@code send}. */
  public void send(Tensor tensor, int dst) {
    isend(tensor, dst, 0).await();
  }

  /** Receives into {@code tensor} from rank {@code src} (tag 0): PyTorch's {@code recv}. */
  public void recv(Tensor tensor, int src) {
    irecv(tensor, src, 0).await();
  }

  /** Starts sending {@code tensor} to rank {@code dst} with {@code tag}: PyTorch's {@code isend}. */
  public Work isend(Tensor tensor, int dst, int tag) {
    checkPeer(dst, "destination");
    return start(
        "send",
        () -> {
          try (TensorVector v = vector(tensor)) {
            return pg().send(v, dst, tag);
          }
        },
        null);
  }

  /** Starts receiving into {@code tensor} from {@code src} with {@code tag}: PyTorch's {@code irecv}. */
  public Work irecv(Tensor tensor, int src, int tag) {
    checkPeer(src, "source");
    return start(
        "recv",
        () -> {
          try (TensorVector v = vector(tensor)) {
            return pg().recv(v, src, tag);
          }
        },
        null);
  }

  // ---------------------------------------------------------------------------------------------
  // lifetime

  /** Whether {@link #close()} has run. */
  public boolean isClosed() {
    return handle == null;
  }

  /**
   * Shuts the group down and releases it, PyTorch's {@code destroy_process_group(group)}: no
   * collective may run on it afterwards.
   */
  @Override
  public void close() {
    org.bytedeco.pytorch.ProcessGroup h;
    synchronized (this) {
      h = handle;
      handle = null;
    }
    if (h != null) {
      try {
        h.shutdown();
      } catch (RuntimeException ignored) {
        // a group whose peers are gone may fail to shut down cleanly; it is released anyway
      } finally {
        h.close();
      }
    }
  }

  /** The native group, for {@link DistributedDataParallel}. */
  org.bytedeco.pytorch.ProcessGroup pg() {
    org.bytedeco.pytorch.ProcessGroup h = handle;
    if (h == null) {
      throw new IllegalStateException("ProcessGroup is closed");
    }
    return h;
  }

  @Override
  public String toString() {
    return "ProcessGroup(" + backend + ", rank " + rank + " of " + size + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private Work start(
      String operation, Supplier<org.bytedeco.pytorch.Work> call, Runnable afterSuccess) {
    pg();
    return new Work(operation, Errors.call(call), afterSuccess);
  }

  private static org.bytedeco.pytorch.Tensor handle(Tensor t, String name) {
    return Handles.unwrap(Objects.requireNonNull(t, name));
  }

  private static TensorVector vector(Tensor t) {
    return new TensorVector(handle(t, "tensor"));
  }

  /** A {@code std::vector<Tensor>} of {@code tensors}' handles (also for DDP). */
  static TensorVector vector(List<Tensor> tensors) {
    List<org.bytedeco.pytorch.Tensor> hs = new ArrayList<>(tensors.size());
    for (Tensor t : tensors) {
      hs.add(handle(t, "tensor in list"));
    }
    return new TensorVector(hs.toArray(new org.bytedeco.pytorch.Tensor[0]));
  }

  /** A {@code std::vector<std::vector<Tensor>>} of one inner vector, as the presets pass it. */
  private static TensorVector nested(List<Tensor> tensors) {
    TensorVector v = vector(tensors);
    v.limit(v.position() + 1);
    return v;
  }

  /** An empty {@code std::vector<std::vector<Tensor>>} (a null one crashes the presets). */
  private static TensorVector none() {
    TensorVector v = new TensorVector();
    v.limit(v.position());
    return v;
  }

  private void checkList(List<Tensor> tensors, String name) {
    Objects.requireNonNull(tensors, name);
    if (tensors.size() != size) {
      throw new IllegalArgumentException(
          name + " must hold one tensor per rank (" + size + "), got " + tensors.size());
    }
  }

  private void checkRootList(List<Tensor> tensors, boolean root, String name, String rootName) {
    if (root) {
      if (tensors == null) {
        throw new IllegalArgumentException(
            "Argument ``" + name + "`` must be specified on the " + rootName + " rank.");
      }
      checkList(tensors, name);
    } else if (tensors != null && !tensors.isEmpty()) {
      throw new IllegalArgumentException(
          "Argument ``" + name + "`` must NOT be specified on non-" + rootName + " ranks.");
    }
  }

  private void checkRank(int r, String name) {
    if (r < 0 || r >= size) {
      throw new IllegalArgumentException(
          "Invalid " + name + " rank " + r + ": should be in [0, " + size + ")");
    }
  }

  private void checkPeer(int r, String role) {
    checkRank(r, role);
    if (r == rank) {
      throw new IllegalArgumentException(
          "Invalid " + role + " rank: " + role
              + " rank should not be the same as the rank of the current process.");
    }
  }
}
