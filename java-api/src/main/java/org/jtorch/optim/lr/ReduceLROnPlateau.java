package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.ParamGroup;

/**
 * Reduces each group's lr by {@code factor} when a metric has stopped improving for {@code
 * patience} steps, PyTorch's {@code ReduceLROnPlateau}. Call {@link #step(double)} with the metric
 * (a validation loss, say) once per epoch.
 *
 * <p>Unlike the other schedulers (and as in PyTorch) it records no {@code initial_lr}; it is not
 * an {@link LRScheduler} here because its step needs the metric.
 */
public final class ReduceLROnPlateau {
  /** The options, with PyTorch's defaults. */
  public static final class Options {
    private String mode = "min";
    private double factor = 0.1;
    private long patience = 10;
    private double threshold = 1e-4;
    private String thresholdMode = "rel";
    private long cooldown = 0;
    private List<Double> minLrs;
    private double minLr = 0;
    private double eps = 1e-8;

    Options() {}

    /** {@code "min"} (default: lower is better) or {@code "max"}. */
    public Options mode(String mode) {
      if (!mode.equals("min") && !mode.equals("max")) {
        throw new IllegalArgumentException("mode " + mode + " is unknown!");
      }
      this.mode = mode;
      return this;
    }

    /** The factor the lr is multiplied by (default 0.1); must be below 1. */
    public Options factor(double factor) {
      if (factor >= 1.0) {
        throw new IllegalArgumentException("Factor should be < 1.0.");
      }
      this.factor = factor;
      return this;
    }

    /** Steps without improvement tolerated before reducing (default 10). */
    public Options patience(long patience) {
      this.patience = patience;
      return this;
    }

    /** The least change that counts as an improvement (default 1e-4). */
    public Options threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** {@code "rel"} (default) or {@code "abs"}. */
    public Options thresholdMode(String thresholdMode) {
      if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
        throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
      }
      this.thresholdMode = thresholdMode;
      return this;
    }

    /** Steps to wait after a reduction before counting bad steps again (default 0). */
    public Options cooldown(long cooldown) {
      this.cooldown = cooldown;
      return this;
    }

    /** The lowest lr for every group (default 0). */
    public Options minLr(double minLr) {
      this.minLr = minLr;
      this.minLrs = null;
      return this;
    }

    /** The lowest lr of each group. */
    public Options minLr(List<Double> minLrs) {
      this.minLrs = List.copyOf(minLrs);
      return this;
    }

    /** Reductions smaller than this are skipped (default 1e-8). */
    public Options eps(double eps) {
      this.eps = eps;
      return this;
    }
  }

  /** The default options. */
  public static Options options() {
    return new Options();
  }

  private final Optimizer optimizer;
  private double factor;
  private Double defaultMinLr;
  private List<Double> minLrs;
  private long patience;
  private long cooldown;
  private double eps;
  private long lastEpoch;
  private List<Double> lastLr;
  private double modeWorse;
  private String mode;
  private double threshold;
  private String thresholdMode;
  private double best;
  private long cooldownCounter;
  private long numBadEpochs;

  /** With PyTorch's defaults. */
  public ReduceLROnPlateau(Optimizer optimizer) {
    this(optimizer, options());
  }

  /** With {@code options}. */
  public ReduceLROnPlateau(Optimizer optimizer, Options o) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    this.factor = o.factor;
    int n = optimizer.paramGroups().size();
    if (o.minLrs != null) {
      if (o.minLrs.size() != n) {
        throw new IllegalArgumentException("expected " + n + " min_lrs, got " + o.minLrs.size());
      }
      this.defaultMinLr = null;
      this.minLrs = new ArrayList<>(o.minLrs);
    } else {
      this.defaultMinLr = o.minLr;
      this.minLrs = new ArrayList<>(java.util.Collections.nCopies(n, o.minLr));
    }
    this.patience = o.patience;
    this.cooldown = o.cooldown;
    this.eps = o.eps;
    this.lastEpoch = 0;
    this.lastLr = lrs();
    this.mode = o.mode;
    this.threshold = o.threshold;
    this.thresholdMode = o.thresholdMode;
    this.modeWorse = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    reset();
  }

  private List<Double> lrs() {
    List<Double> out = new ArrayList<>();
    for (ParamGroup g : optimizer.paramGroups()) {
      out.add(g.lr());
    }
    return out;
  }

  private void reset() {
    best = modeWorse;
    cooldownCounter = 0;
    numBadEpochs = 0;
  }

  private boolean isBetter(double a, double best) {
    if (mode.equals("min") && thresholdMode.equals("rel")) {
      return a < best * (1.0 - threshold);
    } else if (mode.equals("min")) {
      return a < best - threshold;
    } else if (thresholdMode.equals("rel")) {
      return a > best * (threshold + 1.0);
    }
    return a > best + threshold;
  }

  /** Records {@code metric} for this step and reduces the learning rates if it has plateaued. */
  public void step(double metric) {
    lastEpoch = lastEpoch + 1;
    if (isBetter(metric, best)) {
      best = metric;
      numBadEpochs = 0;
    } else {
      numBadEpochs++;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      numBadEpochs = 0;
    }
    if (numBadEpochs > patience) {
      reduceLr();
      cooldownCounter = cooldown;
      numBadEpochs = 0;
    }
    lastLr = lrs();
  }

  private void reduceLr() {
    List<ParamGroup> groups = optimizer.paramGroups();
    if (groups.size() != minLrs.size()) {
      if (defaultMinLr == null) {
        throw new IllegalStateException(
            "The number of param groups in the `optimizer` (" + groups.size()
                + ") differs from when `ReduceLROnPlateau` was initialized (" + minLrs.size() + ")");
      }
      minLrs = new ArrayList<>(java.util.Collections.nCopies(groups.size(), defaultMinLr));
    }
    for (int i = 0; i < groups.size(); i++) {
      double oldLr = groups.get(i).lr();
      double newLr = Math.max(oldLr * factor, minLrs.get(i));
      if (oldLr - newLr > eps) {
        groups.get(i).lr(newLr);
      }
    }
  }

  /** The learning rates after the last step. */
  public List<Double> getLastLr() {
    return List.copyOf(lastLr);
  }

  /** The best metric seen so far. */
  public double best() {
    return best;
  }

  /** The number of steps taken. */
  public long lastEpoch() {
    return lastEpoch;
  }

  /** The state under PyTorch's keys ({@code best}, {@code num_bad_epochs}, ...). */
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("factor", factor);
    m.put("default_min_lr", defaultMinLr);
    m.put("min_lrs", new ArrayList<Object>(minLrs));
    m.put("patience", patience);
    m.put("cooldown", cooldown);
    m.put("eps", eps);
    m.put("last_epoch", lastEpoch);
    m.put("_last_lr", new ArrayList<Object>(lastLr));
    m.put("mode_worse", modeWorse);
    m.put("mode", mode);
    m.put("threshold", threshold);
    m.put("threshold_mode", thresholdMode);
    m.put("best", best);
    m.put("cooldown_counter", cooldownCounter);
    m.put("num_bad_epochs", numBadEpochs);
    return m;
  }

  /** Restores a state from {@link #stateDict()} (Java's or Python's). */
  public void loadStateDict(Map<String, ?> s) {
    Objects.requireNonNull(s, "state");
    factor = LRScheduler.doubleValue(s, "factor");
    Object d = s.get("default_min_lr");
    defaultMinLr = d == null ? null : ((Number) d).doubleValue();
    minLrs = LRScheduler.doubles(s, "min_lrs");
    patience = LRScheduler.longValue(s, "patience");
    cooldown = LRScheduler.longValue(s, "cooldown");
    eps = LRScheduler.doubleValue(s, "eps");
    lastEpoch = LRScheduler.longValue(s, "last_epoch");
    lastLr = LRScheduler.doubles(s, "_last_lr");
    mode = String.valueOf(s.get("mode"));
    threshold = LRScheduler.doubleValue(s, "threshold");
    thresholdMode = String.valueOf(s.get("threshold_mode"));
    modeWorse = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    best = LRScheduler.doubleValue(s, "best");
    cooldownCounter = LRScheduler.longValue(s, "cooldown_counter");
    numBadEpochs = LRScheduler.longValue(s, "num_bad_epochs");
  }
}
