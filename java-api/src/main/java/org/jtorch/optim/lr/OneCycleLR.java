package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.ParamGroup;

/**
 * The 1cycle policy, PyTorch's {@code OneCycleLR}: the lr rises from {@code max_lr/div_factor} to
 * {@code max_lr}, then anneals to {@code initial_lr/final_div_factor} (momentum the other way).
 * Step it after every batch, exactly {@code totalSteps} times.
 *
 * <pre>{@code
 * var sched = new OneCycleLR(opt, OneCycleLR.options(0.1, 1000).pctStart(0.25));
 * }</pre>
 */
public final class OneCycleLR extends LRScheduler {
  /** OneCycleLR's options with PyTorch's defaults. */
  public static final class Options {
    private final List<Double> maxLr;
    private final long totalSteps;
    private double pctStart = 0.3;
    private String annealStrategy = "cos";
    private boolean cycleMomentum = true;
    private List<Double> baseMomentum = List.of(0.85);
    private List<Double> maxMomentum = List.of(0.95);
    private double divFactor = 25.0;
    private double finalDivFactor = 1e4;
    private boolean threePhase;

    Options(List<Double> maxLr, long totalSteps) {
      if (totalSteps <= 0) {
        throw new IllegalArgumentException(
            "Expected positive integer total_steps, but got " + totalSteps);
      }
      this.maxLr = List.copyOf(maxLr);
      this.totalSteps = totalSteps;
    }

    /** The fraction of steps spent raising the lr (default 0.3). */
    public Options pctStart(double pct) {
      if (pct < 0 || pct > 1) {
        throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + pct);
      }
      this.pctStart = pct;
      return this;
    }

    /** {@code "cos"} (default) or {@code "linear"}. */
    public Options annealStrategy(String s) {
      if (!s.equals("cos") && !s.equals("linear")) {
        throw new IllegalArgumentException(
            "anneal_strategy must be one of 'cos' or 'linear', instead got " + s);
      }
      this.annealStrategy = s;
      return this;
    }

    /** Cycle momentum (or beta1) inversely to the lr (default true). */
    public Options cycleMomentum(boolean c) {
      this.cycleMomentum = c;
      return this;
    }

    /** The lower momentum bound (default 0.85). */
    public Options baseMomentum(double m) {
      this.baseMomentum = List.of(m);
      return this;
    }

    /** The upper momentum bound (default 0.95). */
    public Options maxMomentum(double m) {
      this.maxMomentum = List.of(m);
      return this;
    }

    /** initial_lr = max_lr / divFactor (default 25). */
    public Options divFactor(double d) {
      this.divFactor = d;
      return this;
    }

    /** min_lr = initial_lr / finalDivFactor (default 1e4). */
    public Options finalDivFactor(double d) {
      this.finalDivFactor = d;
      return this;
    }

    /** Use a third phase that returns to initial_lr before annealing (default false). */
    public Options threePhase(boolean t) {
      this.threePhase = t;
      return this;
    }
  }

  /** Options with one max lr for every group. */
  public static Options options(double maxLr, long totalSteps) {
    return new Options(List.of(maxLr), totalSteps);
  }

  /** Options with one max lr per group. */
  public static Options options(List<Double> maxLrs, long totalSteps) {
    return new Options(maxLrs, totalSteps);
  }

  private long totalSteps;
  private List<Map<String, Object>> phases;
  private String annealStrategy;
  private boolean cycleMomentum;
  private boolean useBeta1;

  /** A one-cycle schedule; sets {@code initial_lr}, {@code max_lr}, {@code min_lr} in each group. */
  public OneCycleLR(Optimizer optimizer, Options o) {
    super(prepare(optimizer, o));
    this.totalSteps = o.totalSteps;
    this.phases = new ArrayList<>();
    if (o.threePhase) {
      phases.add(phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
      phases.add(phase(2 * o.pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"));
      phases.add(phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
    } else {
      phases.add(phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
      phases.add(phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
    }
    this.annealStrategy = o.annealStrategy;
    this.cycleMomentum = o.cycleMomentum;
    if (cycleMomentum) {
      Map<String, Object> d = optimizer.defaults();
      if (!d.containsKey("momentum") && !d.containsKey("betas")) {
        throw new IllegalArgumentException(
            "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
      }
      this.useBeta1 = d.containsKey("betas");
      List<Double> maxM = perGroup("max_momentum", optimizer, o.maxMomentum);
      List<Double> baseM = perGroup("base_momentum", optimizer, o.baseMomentum);
      List<ParamGroup> groups = optimizer.paramGroups();
      for (int i = 0; i < groups.size(); i++) {
        CyclicLR.setMomentum(groups.get(i), maxM.get(i), useBeta1);
        groups.get(i).set("max_momentum", maxM.get(i));
        groups.get(i).set("base_momentum", baseM.get(i));
      }
    }
    initialStep();
  }

  private static Map<String, Object> phase(Object endStep, String startLr, String endLr, String startM, String endM) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("end_step", endStep instanceof Integer ? ((Integer) endStep).longValue() : endStep);
    m.put("start_lr", startLr);
    m.put("end_lr", endLr);
    m.put("start_momentum", startM);
    m.put("end_momentum", endM);
    return m;
  }

  private static Optimizer prepare(Optimizer optimizer, Options o) {
    List<Double> maxLrs = perGroup("max_lr", optimizer, o.maxLr);
    List<ParamGroup> groups = optimizer.paramGroups();
    for (int i = 0; i < groups.size(); i++) {
      ParamGroup g = groups.get(i);
      g.set("initial_lr", maxLrs.get(i) / o.divFactor);
      g.set("max_lr", maxLrs.get(i));
      g.set("min_lr", g.getDouble("initial_lr") / o.finalDivFactor);
    }
    return optimizer;
  }

  private double anneal(double start, double end, double pct) {
    if (annealStrategy.equals("cos")) {
      double cosOut = Math.cos(Math.PI * pct) + 1;
      return end + (start - end) / 2.0 * cosOut;
    }
    return (end - start) * pct + start;
  }

  @Override
  protected List<Double> getLr() {
    long stepNum = lastEpoch;
    if (stepNum > totalSteps) {
      throw new IllegalStateException(
          "Tried to step " + stepNum + " times. The specified number of total steps is " + totalSteps);
    }
    List<Double> lrs = new ArrayList<>();
    for (ParamGroup group : optimizer.paramGroups()) {
      double startStep = 0.0;
      double lr = 0;
      double momentum = 0;
      for (int i = 0; i < phases.size(); i++) {
        Map<String, Object> p = phases.get(i);
        double endStep = ((Number) p.get("end_step")).doubleValue();
        if (stepNum <= endStep || i == phases.size() - 1) {
          double pct = (stepNum - startStep) / (endStep - startStep);
          lr = anneal(group.getDouble((String) p.get("start_lr")), group.getDouble((String) p.get("end_lr")), pct);
          if (cycleMomentum) {
            momentum = anneal(
                group.getDouble((String) p.get("start_momentum")),
                group.getDouble((String) p.get("end_momentum")),
                pct);
          }
          break;
        }
        startStep = endStep;
      }
      lrs.add(lr);
      if (cycleMomentum) {
        CyclicLR.setMomentum(group, momentum, useBeta1);
      }
    }
    return lrs;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("total_steps", totalSteps);
    List<Object> ph = new ArrayList<>();
    phases.forEach(p -> ph.add(new LinkedHashMap<>(p)));
    s.put("_schedule_phases", ph);
    s.put("_anneal_func_type", annealStrategy);
    s.put("cycle_momentum", cycleMomentum);
    if (cycleMomentum) {
      s.put("use_beta1", useBeta1);
    }
  }

  @Override
  protected void readState(Map<String, ?> s) {
    totalSteps = longValue(s, "total_steps");
    Object ph = s.get("_schedule_phases");
    if (!(ph instanceof List)) {
      throw new IllegalArgumentException("scheduler state '_schedule_phases' is " + ph);
    }
    List<Map<String, Object>> phs = new ArrayList<>();
    for (Object p : (List<?>) ph) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) p);
      phs.add(m);
    }
    phases = phs;
    annealStrategy = String.valueOf(s.get("_anneal_func_type"));
    cycleMomentum = boolValue(s, "cycle_momentum");
    if (cycleMomentum) {
      useBeta1 = boolValue(s, "use_beta1");
    }
  }
}
