package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.jtorch.jit.Tuple;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.ParamGroup;

/**
 * Cycles each group's lr between {@code base_lr} and {@code max_lr} (and momentum the other way),
 * PyTorch's {@code CyclicLR}. Step it after every batch.
 *
 * <pre>{@code
 * var sched = new CyclicLR(opt, CyclicLR.options(0.01, 0.1).stepSizeUp(2000).mode("triangular2"));
 * }</pre>
 */
public final class CyclicLR extends LRScheduler {
  /** CyclicLR's options with PyTorch's defaults. */
  public static final class Options {
    private final List<Double> baseLr;
    private final List<Double> maxLr;
    private long stepSizeUp = 2000;
    private Long stepSizeDown;
    private String mode = "triangular";
    private double gamma = 1.0;
    private DoubleUnaryOperator scaleFn;
    private String scaleMode = "cycle";
    private boolean cycleMomentum = true;
    private List<Double> baseMomentum = List.of(0.8);
    private List<Double> maxMomentum = List.of(0.9);

    Options(List<Double> baseLr, List<Double> maxLr) {
      this.baseLr = List.copyOf(baseLr);
      this.maxLr = List.copyOf(maxLr);
    }

    /** Steps of the rising half of a cycle (default 2000). */
    public Options stepSizeUp(long n) {
      this.stepSizeUp = n;
      return this;
    }

    /** Steps of the falling half (default: {@code stepSizeUp}). */
    public Options stepSizeDown(long n) {
      this.stepSizeDown = n;
      return this;
    }

    /** {@code "triangular"} (default), {@code "triangular2"} or {@code "exp_range"}. */
    public Options mode(String mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The base of {@code exp_range}'s scaling, {@code gamma ** iterations} (default 1). */
    public Options gamma(double gamma) {
      this.gamma = gamma;
      return this;
    }

    /** A custom scaling function, replacing {@code mode}'s (not saved in the state dict). */
    public Options scaleFn(DoubleUnaryOperator fn, String scaleMode) {
      this.scaleFn = fn;
      this.scaleMode = Objects.requireNonNull(scaleMode, "scaleMode");
      return this;
    }

    /** Cycle momentum (or beta1) inversely to the lr (default true). */
    public Options cycleMomentum(boolean cycle) {
      this.cycleMomentum = cycle;
      return this;
    }

    /** The lower momentum bound (default 0.8). */
    public Options baseMomentum(double m) {
      this.baseMomentum = List.of(m);
      return this;
    }

    /** The upper momentum bound (default 0.9). */
    public Options maxMomentum(double m) {
      this.maxMomentum = List.of(m);
      return this;
    }
  }

  /** Options with one base and one max lr for every group. */
  public static Options options(double baseLr, double maxLr) {
    return new Options(List.of(baseLr), List.of(maxLr));
  }

  /** Options with one base and one max lr per group. */
  public static Options options(List<Double> baseLrs, List<Double> maxLrs) {
    return new Options(baseLrs, maxLrs);
  }

  private List<Double> maxLrs;
  private double totalSize;
  private double stepRatio;
  private String mode;
  private double gamma;
  private String scaleMode;
  private final DoubleUnaryOperator scaleFnCustom;
  private boolean cycleMomentum;
  private boolean useBeta1;
  private List<Double> baseMomentums;
  private List<Double> maxMomentums;

  /** A cyclic schedule; sets each group's lr to its base lr. */
  public CyclicLR(Optimizer optimizer, Options o) {
    super(setBaseLrs(optimizer, o));
    List<Double> base = perGroup("base_lr", optimizer, o.baseLr);
    this.maxLrs = perGroup("max_lr", optimizer, o.maxLr);
    double up = o.stepSizeUp;
    double down = o.stepSizeDown != null ? o.stepSizeDown : up;
    this.totalSize = up + down;
    this.stepRatio = up / totalSize;
    if (!List.of("triangular", "triangular2", "exp_range").contains(o.mode) && o.scaleFn == null) {
      throw new IllegalArgumentException("mode is invalid and scale_fn is None");
    }
    this.mode = o.mode;
    this.gamma = o.gamma;
    this.scaleFnCustom = o.scaleFn;
    this.scaleMode = o.scaleMode;
    initScaleFn();
    this.cycleMomentum = o.cycleMomentum;
    if (cycleMomentum) {
      Map<String, Object> d = optimizer.defaults();
      if (!d.containsKey("momentum") && !d.containsKey("betas")) {
        throw new IllegalArgumentException(
            "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
      }
      this.useBeta1 = d.containsKey("betas");
      this.baseMomentums = perGroup("base_momentum", optimizer, o.baseMomentum);
      this.maxMomentums = perGroup("max_momentum", optimizer, o.maxMomentum);
      List<ParamGroup> groups = optimizer.paramGroups();
      for (int i = 0; i < groups.size(); i++) {
        setMomentum(groups.get(i), maxMomentums.get(i), useBeta1);
        groups.get(i).set("max_momentum", maxMomentums.get(i));
        groups.get(i).set("base_momentum", baseMomentums.get(i));
      }
    }
    initialStep();
    this.baseLrs = base;
  }

  private static Optimizer setBaseLrs(Optimizer optimizer, Options o) {
    List<Double> base = perGroup("base_lr", optimizer, o.baseLr);
    for (int i = 0; i < base.size(); i++) {
      optimizer.paramGroups().get(i).lr(base.get(i));
    }
    return optimizer;
  }

  static void setMomentum(ParamGroup g, double m, boolean useBeta1) {
    if (useBeta1) {
      List<?> betas = (List<?>) g.get("betas");
      List<Object> nb = new ArrayList<>(betas);
      nb.set(0, m);
      g.set("betas", Tuple.copyOf(nb));
    } else {
      g.set("momentum", m);
    }
  }

  private void initScaleFn() {
    if (scaleFnCustom != null) {
      return;
    }
    if (mode.equals("triangular") || mode.equals("triangular2")) {
      scaleMode = "cycle";
    } else if (mode.equals("exp_range")) {
      scaleMode = "iterations";
    }
  }

  private double scaleFn(double x) {
    if (scaleFnCustom != null) {
      return scaleFnCustom.applyAsDouble(x);
    }
    switch (mode) {
      case "triangular":
        return 1.0;
      case "triangular2":
        return 1 / Math.pow(2.0, x - 1);
      default:
        return Math.pow(gamma, x);
    }
  }

  @Override
  protected List<Double> getLr() {
    double cycle = Math.floor(1 + lastEpoch / totalSize);
    double x = 1.0 + lastEpoch / totalSize - cycle;
    double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    double scaleArg = scaleMode.equals("cycle") ? cycle : lastEpoch;
    List<Double> lrs = new ArrayList<>();
    for (int i = 0; i < baseLrs.size(); i++) {
      double baseHeight = (maxLrs.get(i) - baseLrs.get(i)) * scaleFactor;
      lrs.add(baseLrs.get(i) + baseHeight * scaleFn(scaleArg));
    }
    if (cycleMomentum) {
      List<ParamGroup> groups = optimizer.paramGroups();
      for (int i = 0; i < groups.size(); i++) {
        double baseHeight = (maxMomentums.get(i) - baseMomentums.get(i)) * scaleFactor;
        setMomentum(groups.get(i), maxMomentums.get(i) - baseHeight * scaleFn(scaleArg), useBeta1);
      }
    }
    return lrs;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("max_lrs", new ArrayList<Object>(maxLrs));
    s.put("total_size", totalSize);
    s.put("step_ratio", stepRatio);
    s.put("mode", mode);
    s.put("gamma", gamma);
    s.put("scale_mode", scaleMode);
    s.put("cycle_momentum", cycleMomentum);
    if (cycleMomentum) {
      s.put("use_beta1", useBeta1);
      s.put("base_momentums", new ArrayList<Object>(baseMomentums));
      s.put("max_momentums", new ArrayList<Object>(maxMomentums));
    }
  }

  @Override
  protected void writeStateAfter(Map<String, Object> s) {
    s.put("_scale_fn_custom", null);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    maxLrs = doubles(s, "max_lrs");
    totalSize = doubleValue(s, "total_size");
    stepRatio = doubleValue(s, "step_ratio");
    mode = String.valueOf(s.get("mode"));
    gamma = doubleValue(s, "gamma");
    scaleMode = String.valueOf(s.get("scale_mode"));
    cycleMomentum = boolValue(s, "cycle_momentum");
    if (cycleMomentum) {
      useBeta1 = boolValue(s, "use_beta1");
      baseMomentums = doubles(s, "base_momentums");
      maxMomentums = doubles(s, "max_momentums");
    }
    initScaleFn();
  }
}
