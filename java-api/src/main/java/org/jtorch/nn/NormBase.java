package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.nn.init.Init;

/**
 * The common base of batch and instance normalisation, PyTorch's {@code _NormBase}: the affine
 * parameters {@code weight} (ones) and {@code bias} (zeros), and the buffers {@code running_mean}
 * (zeros), {@code running_var} (ones) and {@code num_batches_tracked} (an int64 scalar), registered
 * under PyTorch's names and in its order so that state dicts match.
 */
public abstract class NormBase extends Module {
  /** The scale, shape (numFeatures), or null when not affine. */
  public final Tensor weight;
  /** The shift, shape (numFeatures), or null when not affine or without bias. */
  public final Tensor bias;
  /** The running mean, shape (numFeatures), or null when running stats are not tracked. */
  public final Tensor runningMean;
  /** The running (unbiased) variance, or null when running stats are not tracked. */
  public final Tensor runningVar;
  /** The number of training batches seen (int64 scalar), or null when not tracked. */
  public final Tensor numBatchesTracked;

  final long numFeatures;
  final double eps;
  final Double momentum;
  final boolean affine;
  final boolean trackRunningStats;

  /**
   * The keyword arguments of a normalisation layer. Defaults are PyTorch's: eps 1e-5, momentum
   * 0.1, bias true; affine and trackRunningStats true for batch norm, false for instance norm.
   */
  public static final class Options {
    final long numFeatures;
    double eps = 1e-5;
    Double momentum = 0.1;
    boolean affine;
    boolean trackRunningStats;
    boolean bias = true;

    Options(long numFeatures, boolean affine, boolean trackRunningStats) {
      this.numFeatures = numFeatures;
      this.affine = affine;
      this.trackRunningStats = trackRunningStats;
    }

    /** The value added to the variance for numerical stability (default 1e-5). */
    public Options eps(double eps) {
      this.eps = eps;
      return this;
    }

    /**
     * The weight of the new batch statistic in the running ones (default 0.1); null (PyTorch's
     * None) means a cumulative moving average over all batches seen.
     */
    public Options momentum(Double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** Whether the layer has learnable weight and bias. */
    public Options affine(boolean affine) {
      this.affine = affine;
      return this;
    }

    /** Whether running statistics are kept (and used in eval mode). */
    public Options trackRunningStats(boolean trackRunningStats) {
      this.trackRunningStats = trackRunningStats;
      return this;
    }

    /** Whether an affine layer has a bias (default true). */
    public Options bias(boolean bias) {
      this.bias = bias;
      return this;
    }
  }

  NormBase(Options o) {
    java.util.Objects.requireNonNull(o, "options");
    this.numFeatures = o.numFeatures;
    this.eps = o.eps;
    this.momentum = o.momentum;
    this.affine = o.affine;
    this.trackRunningStats = o.trackRunningStats;
    long n = o.numFeatures;
    try (Tensor w = o.affine ? Torch.empty(n) : null;
        Tensor b = o.affine && o.bias ? Torch.empty(n) : null;
        Tensor rm = o.trackRunningStats ? Torch.zeros(n) : null;
        Tensor rv = o.trackRunningStats ? Torch.ones(n) : null;
        Tensor nb = o.trackRunningStats ? Torch.full(new long[0], 0L) : null) {
      this.weight = registerParameter("weight", w);
      this.bias = registerParameter("bias", b);
      this.runningMean = registerBuffer("running_mean", rm);
      this.runningVar = registerBuffer("running_var", rv);
      this.numBatchesTracked = registerBuffer("num_batches_tracked", nb);
    }
    resetParameters();
  }

  /** Zeroes the running mean and batch count and fills the running variance with ones. */
  public void resetRunningStats() {
    if (trackRunningStats) {
      try (GradMode off = Torch.noGrad()) {
        runningMean.zero_();
        runningVar.fill_(1.0);
        numBatchesTracked.zero_();
      }
    }
  }

  /** Resets the running statistics, and weight to ones and bias to zeros, as PyTorch does. */
  public void resetParameters() {
    resetRunningStats();
    if (affine) {
      Init.ones_(weight);
      if (bias != null) {
        Init.zeros_(bias);
      }
    }
  }

  /** The number of features (channels). */
  public long numFeatures() {
    return numFeatures;
  }

  /** The momentum, or null for a cumulative average. */
  public Double momentum() {
    return momentum;
  }

  /** The epsilon added to the variance. */
  public double eps() {
    return eps;
  }

  @Override
  public String extraRepr() {
    return numFeatures + ", eps=" + py(eps)
        + ", momentum=" + (momentum == null ? "None" : py(momentum))
        + ", affine=" + py(affine) + ", bias=" + py(bias != null) + ", track_running_stats="
        + py(trackRunningStats);
  }
}
