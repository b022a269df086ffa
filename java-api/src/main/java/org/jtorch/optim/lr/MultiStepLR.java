package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jtorch.optim.Optimizer;

/**
 * Multiplies each group's lr by {@code gamma} at each milestone (once per occurrence), PyTorch's
 * {@code MultiStepLR}.
 */
public final class MultiStepLR extends LRScheduler {
  private Map<Long, Long> milestones; // epoch -> count, PyTorch's Counter
  private double gamma;

  /** {@code MultiStepLR(optimizer, milestones, gamma=0.1)}. */
  public MultiStepLR(Optimizer optimizer, Collection<? extends Number> milestones) {
    this(optimizer, milestones, 0.1);
  }

  /** {@code MultiStepLR(optimizer, milestones, gamma)}. */
  public MultiStepLR(Optimizer optimizer, Collection<? extends Number> milestones, double gamma) {
    super(optimizer);
    this.milestones = new LinkedHashMap<>();
    for (Number m : milestones) {
      this.milestones.merge(m.longValue(), 1L, Long::sum);
    }
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    Long count = milestones.get(lastEpoch);
    if (count == null) {
      return lrs;
    }
    List<Double> out = new ArrayList<>();
    for (double lr : lrs) {
      out.add(lr * Math.pow(gamma, count));
    }
    return out;
  }

  @Override
  protected List<Double> closedFormLr() {
    long passed = 0;
    for (Map.Entry<Long, Long> e : new TreeMap<>(milestones).entrySet()) {
      if (e.getKey() <= lastEpoch) {
        passed += e.getValue();
      }
    }
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(b * Math.pow(gamma, passed));
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("milestones", new LinkedHashMap<Object, Object>(milestones));
    s.put("gamma", gamma);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    Object m = s.get("milestones");
    if (!(m instanceof Map)) {
      throw new IllegalArgumentException("scheduler state 'milestones' is " + m + ", not a Counter");
    }
    Map<Long, Long> ms = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
      ms.put(((Number) e.getKey()).longValue(), ((Number) e.getValue()).longValue());
    }
    milestones = ms;
    gamma = doubleValue(s, "gamma");
  }
}
