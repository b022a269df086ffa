package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/**
 * Anneals each group's lr along a cosine from its initial value to {@code etaMin} over {@code
 * tMax} steps, PyTorch's {@code CosineAnnealingLR} (recursive form, so it composes).
 */
public final class CosineAnnealingLR extends LRScheduler {
  private long tMax;
  private double etaMin;

  /** {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)}. */
  public CosineAnnealingLR(Optimizer optimizer, long tMax) {
    this(optimizer, tMax, 0.0);
  }

  /** {@code CosineAnnealingLR(optimizer, T_max, eta_min)}. */
  public CosineAnnealingLR(Optimizer optimizer, long tMax, double etaMin) {
    super(optimizer);
    if (tMax <= 0) {
      throw new IllegalArgumentException("T_max must be positive, got " + tMax);
    }
    this.tMax = tMax;
    this.etaMin = etaMin;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    if (isInitial) {
      return lrs;
    }
    List<Double> out = new ArrayList<>();
    if (stepCount == 1 && lastEpoch > 0) {
      for (double b : baseLrs) {
        out.add(etaMin + (b - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2);
      }
      return out;
    }
    if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
      for (int i = 0; i < lrs.size(); i++) {
        out.add(lrs.get(i) + (baseLrs.get(i) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
      }
      return out;
    }
    for (double lr : lrs) {
      out.add(
          (1 + Math.cos(Math.PI * lastEpoch / tMax))
                  / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                  * (lr - etaMin)
              + etaMin);
    }
    return out;
  }

  @Override
  protected List<Double> closedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(etaMin + (b - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2);
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("T_max", tMax);
    s.put("eta_min", etaMin);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    tMax = longValue(s, "T_max");
    etaMin = doubleValue(s, "eta_min");
  }
}
