package org.jtorch.distributed;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jtorch.Tensor;

/**
 * PyTorch's {@code torch.distributed} module functions: the default process group and the
 * collectives on it.
 *
 * <pre>{@code
 * // started by the launcher (or torchrun-style scripts) with MASTER_ADDR, MASTER_PORT, RANK,
 * // WORLD_SIZE in the environment
 * Distributed.initProcessGroup(Backend.GLOO);
 * Tensor t = Torch.ones(4).mul(Distributed.getRank() + 1);
 * Distributed.allReduce(t);          // every rank now holds the sum
 * Distributed.destroyProcessGroup();
 * }</pre>
 *
 * <p>The collectives here run on the default group; {@link ProcessGroup} documents them, and
 * {@link #defaultGroup()} returns the group itself.
 */
public final class Distributed {
  private static final Object LOCK = new Object();
  private static ProcessGroup defaultGroup;
  private static Store defaultStore;

  private Distributed() {}

  /**
   * Initialises the default group from the environment: PyTorch's {@code
   * init_process_group(backend)} with {@code init_method="env://"}. Reads {@code MASTER_ADDR},
   * {@code MASTER_PORT}, {@code RANK} and {@code WORLD_SIZE}; rank 0 serves the {@link TCPStore},
   * except under PyTorch's {@code torchrun} ({@code TORCHELASTIC_USE_AGENT_STORE=True}), whose
   * agent serves it: Java workers can be started by {@code torchrun --no-python java ...}.
   *
   * @throws IllegalStateException if a variable is missing or malformed, or the default group is
   *     already initialised
   */
  public static ProcessGroup initProcessGroup(Backend backend) {
    return initProcessGroup(backend, "env://", -1, -1, ProcessGroup.DEFAULT_TIMEOUT);
  }

  /**
   * Initialises the default group: PyTorch's {@code init_process_group(backend, init_method,
   * rank=, world_size=, timeout=)}.
   *
   * @param initMethod {@code "env://"}, {@code "tcp://host:port"} (rank 0 serves there) or {@code
   *     "file:///path"} (a {@link FileStore})
   * @param rank this process's rank, or -1 to read {@code RANK} from the environment
   * @param worldSize the number of processes, or -1 to read {@code WORLD_SIZE}
   * @param timeout how long the rendezvous and every collective wait for the other processes
   */
  public static ProcessGroup initProcessGroup(
      Backend backend, String initMethod, int rank, int worldSize, Duration timeout) {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(initMethod, "initMethod");
    Errors.positive(timeout, "timeout");
    Map<String, String> env = System.getenv();
    int r = rank >= 0 ? rank : envInt(env, "RANK");
    int n = worldSize >= 0 ? worldSize : envInt(env, "WORLD_SIZE");
    ProcessGroup.checkRankAndWorldSize(r, n); // before any store is made: a TCPStore would wait for peers
    synchronized (LOCK) {
      checkNotInitialised();
      Store store;
      if (initMethod.equals("env://")) {
        // under torchrun the agent already serves the store on MASTER_PORT: every rank connects
        boolean agentStore = "True".equals(env.get("TORCHELASTIC_USE_AGENT_STORE"));
        store =
            new TCPStore(
                envString(env, "MASTER_ADDR"), envInt(env, "MASTER_PORT"), n,
                r == 0 && !agentStore, timeout);
      } else if (initMethod.startsWith("tcp://")) {
        URI uri = URI.create(initMethod);
        if (uri.getHost() == null || uri.getPort() < 0) {
          throw new IllegalArgumentException(
              "init method must be tcp://host:port, got '" + initMethod + "'");
        }
        store = new TCPStore(uri.getHost(), uri.getPort(), n, r == 0, timeout);
      } else if (initMethod.startsWith("file://")) {
        Path file = Path.of(URI.create(initMethod));
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
          // LibTorch's FileStore would retry opening the file until its own 300 s timeout
          throw new IllegalArgumentException(
              "init method " + initMethod + ": the folder " + folder + " does not exist");
        }
        store = new FileStore(file, n);
        store.setTimeout(timeout); // else LibTorch's default, 300 s, bounds the rendezvous
      } else {
        throw new IllegalArgumentException(
            "unsupported init method '" + initMethod + "': use env://, tcp://host:port or file://");
      }
      try {
        defaultGroup = ProcessGroup.create(backend, store, r, n, timeout);
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
      defaultStore = store;
      return defaultGroup;
    }
  }

  /**
   * Initialises the default group on an existing {@code store}: PyTorch's {@code
   * init_process_group(backend, store=, rank=, world_size=, timeout=)}. The caller keeps
   * ownership of the store.
   */
  public static ProcessGroup initProcessGroup(
      Backend backend, Store store, int rank, int worldSize, Duration timeout) {
    synchronized (LOCK) {
      checkNotInitialised();
      defaultGroup = ProcessGroup.create(backend, store, rank, worldSize, timeout);
      defaultStore = null;
      return defaultGroup;
    }
  }

  /** Whether the default group is initialised: PyTorch's {@code is_initialized()}. */
  public static boolean isInitialized() {
    synchronized (LOCK) {
      return defaultGroup != null;
    }
  }

  /**
   * The default group.
   *
   * @throws IllegalStateException if it is not initialised
   */
  public static ProcessGroup defaultGroup() {
    synchronized (LOCK) {
      if (defaultGroup == null) {
        throw new IllegalStateException(
            "Default process group has not been initialized, please make sure to call "
                + "initProcessGroup.");
      }
      return defaultGroup;
    }
  }

  /** This process's rank in the default group: PyTorch's {@code get_rank()}. */
  public static int getRank() {
    return defaultGroup().rank();
  }

  /** The size of the default group: PyTorch's {@code get_world_size()}. */
  public static int getWorldSize() {
    return defaultGroup().size();
  }

  /**
   * Shuts the default group down and releases it (and the store made for it): PyTorch's {@code
   * destroy_process_group()}. Afterwards {@link #initProcessGroup} may run again. Does nothing if
   * no group is initialised.
   */
  public static void destroyProcessGroup() {
    ProcessGroup g;
    Store s;
    synchronized (LOCK) {
      g = defaultGroup;
      s = defaultStore;
      defaultGroup = null;
      defaultStore = null;
    }
    if (g != null) {
      g.close();
    }
    if (s != null) {
      s.close();
    }
  }

  /** {@link ProcessGroup#allReduce(Tensor)} on the default group. */
  public static void allReduce(Tensor tensor) {
    defaultGroup().allReduce(tensor);
  }

  /** {@link ProcessGroup#allReduce(Tensor, ReduceOp)} on the default group. */
  public static void allReduce(Tensor tensor, ReduceOp op) {
    defaultGroup().allReduce(tensor, op);
  }

  /** {@link ProcessGroup#allReduceAsync} on the default group. */
  public static Work allReduceAsync(Tensor tensor, ReduceOp op) {
    return defaultGroup().allReduceAsync(tensor, op);
  }

  /** {@link ProcessGroup#reduce} on the default group. */
  public static void reduce(Tensor tensor, int dst, ReduceOp op) {
    defaultGroup().reduce(tensor, dst, op);
  }

  /** {@link ProcessGroup#broadcast} on the default group. */
  public static void broadcast(Tensor tensor, int src) {
    defaultGroup().broadcast(tensor, src);
  }

  /** {@link ProcessGroup#allGather} on the default group. */
  public static void allGather(List<Tensor> outputs, Tensor input) {
    defaultGroup().allGather(outputs, input);
  }

  /** {@link ProcessGroup#allGatherIntoTensor} on the default group. */
  public static void allGatherIntoTensor(Tensor output, Tensor input) {
    defaultGroup().allGatherIntoTensor(output, input);
  }

  /** {@link ProcessGroup#reduceScatter} on the default group. */
  public static void reduceScatter(Tensor output, List<Tensor> inputs, ReduceOp op) {
    defaultGroup().reduceScatter(output, inputs, op);
  }

  /** {@link ProcessGroup#gather} on the default group. */
  public static void gather(Tensor input, List<Tensor> gatherList, int dst) {
    defaultGroup().gather(input, gatherList, dst);
  }

  /** {@link ProcessGroup#scatter} on the default group. */
  public static void scatter(Tensor output, List<Tensor> scatterList, int src) {
    defaultGroup().scatter(output, scatterList, src);
  }

  /** {@link ProcessGroup#barrier} on the default group. */
  public static void barrier() {
    defaultGroup().barrier();
  }

  /** {@link ProcessGroup#send} on the default group. */
  public static void send(Tensor tensor, int dst) {
    defaultGroup().send(tensor, dst);
  }

  /** {@link ProcessGroup#recv} on the default group. */
  public static void recv(Tensor tensor, int src) {
    defaultGroup().recv(tensor, src);
  }

  /** {@link ProcessGroup#isend} on the default group. */
  public static Work isend(Tensor tensor, int dst, int tag) {
    return defaultGroup().isend(tensor, dst, tag);
  }

  /** {@link ProcessGroup#irecv} on the default group. */
  public static Work irecv(Tensor tensor, int src, int tag) {
    return defaultGroup().irecv(tensor, src, tag);
  }

  private static void checkNotInitialised() {
    if (defaultGroup != null) {
      throw new IllegalStateException("trying to initialize the default process group twice!");
    }
  }

  private static String envString(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(
          "Error initializing jtorch.distributed using env:// rendezvous: environment variable "
              + name + " expected, but not set");
    }
    return v.strip();
  }

  private static int envInt(Map<String, String> env, String name) {
    String v = envString(env, name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "environment variable " + name + " must be an integer, got '" + v + "'", e);
    }
  }
}
