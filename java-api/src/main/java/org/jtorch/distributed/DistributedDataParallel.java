package org.jtorch.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.BoolVector;
import org.bytedeco.pytorch.LoggerOptional;
import org.bytedeco.pytorch.LongVector;
import org.bytedeco.pytorch.Reducer;
import org.bytedeco.pytorch.SizeTStringMap;
import org.bytedeco.pytorch.SizeTVector;
import org.bytedeco.pytorch.SizeTVectorVector;
import org.bytedeco.pytorch.T_SizeTVectorVectorSizeTVector_T;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.nn.Module;

/**
 * Data-parallel training across the processes of a group: PyTorch's {@code
 * torch.nn.parallel.DistributedDataParallel}, on LibTorch's own C++ {@code Reducer}.
 *
 * <p>Construction checks that every process has parameters of the same shapes, then copies rank
 * 0's parameters and buffers to every process. During {@code loss.backward()} the gradients are
 * averaged over the processes in buckets (the first 1 MiB, then {@link Options#bucketCapMb} each),
 * each bucket's all-reduce starting as soon as its gradients are ready, overlapping the rest of
 * the backward pass; when {@code backward()} returns, every process holds the same averaged
 * gradients, so identical optimizer steps keep the replicas identical.
 *
 * <pre>{@code
 * Distributed.initProcessGroup(Backend.GLOO);
 * DistributedDataParallel ddp = new DistributedDataParallel(model);
 * SGD opt = new SGD(ddp.parameters(), 0.01);
 * for (Example batch : loader) {       // a DistributedSampler gives each rank its shard
 *   opt.zeroGrad();
 *   Tensor loss = F.crossEntropy(ddp.forward(batch.input()), batch.target());
 *   loss.backward();                   // gradients arrive averaged over all ranks
 *   opt.step();
 * }
 * }</pre>
 *
 * <p>As in PyTorch: the wrapped module is registered as the child {@code "module"} (state-dict
 * keys start with {@code "module."}); with {@link Options#broadcastBuffers} (default) every
 * forward pass first copies rank 0's buffers (BatchNorm statistics) to all ranks; {@link
 * #noSync()} skips the averaging for gradient accumulation. Each {@link #forward} in training
 * must be followed by one {@code backward()} on every rank before the next forward (unless in
 * {@link #noSync()}), and every parameter must receive a gradient unless {@link
 * Options#findUnusedParameters} is set.
 */
public final class DistributedDataParallel extends Module {
  /** PyTorch's {@code dist._DEFAULT_FIRST_BUCKET_BYTES}: the small first bucket (1 MiB). */
  static final long FIRST_BUCKET_BYTES = 1L << 20;

  /** Size of the broadcasts that copy rank 0's state (PyTorch's 250 MiB). */
  static final long BROADCAST_BUCKET_BYTES = 250L << 20;

  /** Keyword arguments of {@code DistributedDataParallel(...)} with PyTorch's defaults. */
  public static final class Options {
    private ProcessGroup group;
    private double bucketCapMb = 25;
    private boolean broadcastBuffers = true;
    private boolean findUnusedParameters;
    private boolean gradientAsBucketView;

    /** The group to average over ({@code process_group}); default the default group. */
    public Options group(ProcessGroup group) {
      this.group = Objects.requireNonNull(group, "group");
      return this;
    }

    /** Maximum bucket size in MiB ({@code bucket_cap_mb}, default 25). */
    public Options bucketCapMb(double mb) {
      if (!(mb > 0)) {
        throw new IllegalArgumentException("bucketCapMb must be positive, got " + mb);
      }
      this.bucketCapMb = mb;
      return this;
    }

    /** Copy rank 0's buffers to all ranks before each forward ({@code broadcast_buffers}, true). */
    public Options broadcastBuffers(boolean b) {
      this.broadcastBuffers = b;
      return this;
    }

    /**
     * Find parameters that the forward pass did not use, from its output's autograd graph, and
     * mark them ready ({@code find_unused_parameters}, default false: costs a graph walk).
     */
    public Options findUnusedParameters(boolean b) {
      this.findUnusedParameters = b;
      return this;
    }

    /** Let gradients be views into the communication buckets ({@code gradient_as_bucket_view}). */
    public Options gradientAsBucketView(boolean b) {
      this.gradientAsBucketView = b;
      return this;
    }
  }

  private final Module module;
  private final ProcessGroup group;
  private final boolean broadcastBuffers;
  private final boolean findUnusedParameters;
  private final List<Tensor> buffers;
  private Reducer reducer;
  private boolean requireBackwardGradSync = true;
  private boolean requireForwardParamSync = true;

  /** Wraps {@code module} for the default process group, with PyTorch's defaults. */
  public DistributedDataParallel(Module module) {
    this(module, new Options());
  }

  /**
   * Wraps {@code module}: verifies its parameters across the group, broadcasts rank 0's state and
   * sets up the gradient buckets. Every process of the group must construct it together.
   *
   * @throws IllegalArgumentException if the module has no parameter that requires grad
   * @throws DistributedException if the processes' parameters differ in number or shape
   */
  public DistributedDataParallel(Module module, Options options) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(options, "options");
    this.group = options.group != null ? options.group : Distributed.defaultGroup();
    this.broadcastBuffers = options.broadcastBuffers;
    this.findUnusedParameters = options.findUnusedParameters;
    List<String> names = new ArrayList<>();
    List<Tensor> params = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : module.namedParameters().entrySet()) {
      if (e.getValue().requiresGrad()) {
        names.add(e.getKey());
        params.add(e.getValue());
      }
    }
    if (params.isEmpty()) {
      throw new IllegalArgumentException(
          "DistributedDataParallel is not needed when a module doesn't have any parameter that"
              + " requires a gradient.");
    }
    this.module = registerModule("module", module);
    this.buffers = module.buffers();
    org.bytedeco.pytorch.ProcessGroup pg = group.pg();
    long capBytes = (long) (options.bucketCapMb * (1 << 20));
    try (TensorVector pv = ProcessGroup.vector(params);
        LoggerOptional noLogger = new LoggerOptional()) {
      Errors.call(
          () -> {
            torch.verify_params_across_processes(pg, pv, noLogger);
            return null;
          });
      List<Tensor> state = new ArrayList<>(module.parameters());
      state.addAll(buffers);
      broadcastFromRank0(state);
      try (BoolVector sparse = falses(params.size());
          SizeTVector limits = new SizeTVector(FIRST_BUCKET_BYTES, capBytes);
          LongVector noIndices = new LongVector();
          T_SizeTVectorVectorSizeTVector_T assignment =
              Errors.call(
                  () ->
                      torch.compute_bucket_assignment_by_size(
                          pv, limits, sparse, noIndices, noLogger));
          SizeTVectorVector buckets = assignment.get0();
          SizeTVectorVector reversed = reversed(buckets);
          SizeTStringMap paramNames = new SizeTStringMap();
          LongVector capList = new LongVector()) {
        for (int i = 0; i < names.size(); i++) {
          paramNames.put(i, new BytePointer(names.get(i)));
        }
        // PyTorch hands the reducer the buckets in reverse order: gradients become ready from
        // the last layer to the first during backward
        this.reducer =
            Errors.call(
                () ->
                    new Reducer(
                        pv, reversed, pg, sparse, capBytes, options.findUnusedParameters,
                        options.gradientAsBucketView, paramNames, FIRST_BUCKET_BYTES,
                        false, false, capList));
      }
    }
  }

  /** The wrapped module ({@code ddp.module} in PyTorch). */
  public Module module() {
    return module;
  }

  /** The group whose processes average gradients. */
  public ProcessGroup group() {
    return group;
  }

  /**
   * Runs the wrapped module's forward pass and prepares the gradient averaging of the backward
   * pass that follows (when grad mode is on and not inside {@link #noSync()}).
   */
  @Override
  public Tensor forward(Tensor input) {
    Object out = forward(List.<Object>of(input));
    if (out instanceof Tensor t) {
      return t;
    }
    throw new IllegalStateException("the wrapped module returned no tensor; use call(Object...)");
  }

  /**
   * The wrapped module's call ({@link Module#call(Object...)}, with its hooks) on any inputs,
   * with DDP's synchronisation around it as in {@link #forward(Tensor)}. The output's tensors (a
   * tensor, or a list or tuple of them) are what the reducer watches for unused parameters.
   */
  @Override
  public Object forward(List<Object> inputs) {
    checkOpen();
    Reducer r = reducer();
    boolean grad = Torch.isGradEnabled();
    if (grad && requireBackwardGradSync) {
      Errors.call(
          () -> {
            r.prepare_for_forward();
            return null;
          });
    }
    if (grad) {
      Errors.call(r::rebuild_buckets);
    }
    if (broadcastBuffers && requireForwardParamSync && !buffers.isEmpty()) {
      broadcastFromRank0(buffers);
    }
    Object out = module.call(inputs.toArray());
    if (grad && requireBackwardGradSync) {
      requireForwardParamSync = true;
      try (TensorVector outputs =
          findUnusedParameters ? ProcessGroup.vector(tensorsOf(out)) : new TensorVector()) {
        Errors.call(
            () -> {
              r.prepare_for_backward(outputs);
              return null;
            });
      }
    } else {
      requireForwardParamSync = false;
    }
    return out;
  }

  /** The tensors of a module's output: itself, or the tensors of a list or tuple. */
  private static List<Tensor> tensorsOf(Object out) {
    if (out instanceof Tensor t) {
      return List.of(t);
    }
    List<Tensor> ts = new java.util.ArrayList<>();
    if (out instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Tensor t) {
          ts.add(t);
        }
      }
    }
    return ts;
  }

  /**
   * A scope in which gradients are not averaged, PyTorch's {@code with ddp.no_sync():}: forward
   * and backward passes inside it accumulate local gradients, and the first synchronised backward
   * after it averages the accumulated sum.
   *
   * <pre>{@code
   * try (var s = ddp.noSync()) {
   *   F.crossEntropy(ddp.forward(x1), y1).backward();   // local only
   * }
   * F.crossEntropy(ddp.forward(x2), y2).backward();     // averages x1's + x2's gradients
   * }</pre>
   */
  public AutoCloseable noSync() {
    boolean before = requireBackwardGradSync;
    requireBackwardGradSync = false;
    return new NoSync(this, before);
  }

  private record NoSync(DistributedDataParallel ddp, boolean before) implements AutoCloseable {
    @Override
    public void close() {
      ddp.requireBackwardGradSync = before;
    }
  }

  /** Removes the reducer's hooks, then closes the wrapped module (its parameters and buffers). */
  @Override
  public void close() {
    Reducer r = reducer;
    reducer = null;
    if (r != null) {
      r.close();
    }
    super.close();
  }

  @Override
  public String extraRepr() {
    return "";
  }

  private Reducer reducer() {
    Reducer r = reducer;
    if (r == null) {
      throw new IllegalStateException("this DistributedDataParallel is closed");
    }
    return r;
  }

  /** Copies rank 0's tensors to every rank, in 250 MiB broadcasts (PyTorch's sync of states). */
  private void broadcastFromRank0(List<Tensor> tensors) {
    if (tensors.isEmpty()) {
      return;
    }
    try (GradMode g = Torch.noGrad();
        TensorVector v = ProcessGroup.vector(tensors)) {
      Errors.call(
          () -> {
            torch.broadcast_coalesced(group.pg(), v, BROADCAST_BUCKET_BYTES, 0);
            return null;
          });
    }
  }

  private static BoolVector falses(int n) {
    BoolVector v = new BoolVector();
    for (int i = 0; i < n; i++) {
      v.push_back(false);
    }
    return v;
  }

  private static SizeTVectorVector reversed(SizeTVectorVector buckets) {
    SizeTVectorVector r = new SizeTVectorVector();
    for (long i = buckets.size() - 1; i >= 0; i--) {
      r.push_back(buckets.get(i));
    }
    return r;
  }
}
