package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/**
 * Cosine annealing with warm restarts (SGDR), PyTorch's {@code CosineAnnealingWarmRestarts}: the
 * first cycle lasts {@code t0} steps, each next one {@code tMult} times longer.
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
  private long t0;
  private long tI;
  private long tMult;
  private double etaMin;
  private long tCur;

  /** {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0)}. */
  public CosineAnnealingWarmRestarts(Optimizer optimizer, long t0) {
    this(optimizer, t0, 1, 0.0);
  }

  /** {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min)}. */
  public CosineAnnealingWarmRestarts(Optimizer optimizer, long t0, long tMult, double etaMin) {
    super(optimizer);
    if (t0 <= 0) {
      throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
    }
    if (tMult < 1) {
      throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
    }
    this.t0 = t0;
    this.tI = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.tCur = lastEpoch;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(etaMin + (b - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2);
    }
    return out;
  }

  /** Advances by one step (PyTorch's {@code step()} without an epoch; it leaves _step_count). */
  @Override
  public void step() {
    long epoch;
    if (lastEpoch < 0) {
      epoch = 0;
      tI = t0;
      tCur = 0;
    } else {
      epoch = lastEpoch + 1;
      tCur = tCur + 1;
      if (tCur >= tI) {
        tCur = tCur % tI;
        tI = tI * tMult;
      }
    }
    lastEpoch = epoch;
    setLrs(getLr());
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("T_0", t0);
    s.put("T_i", tI);
    s.put("T_mult", tMult);
    s.put("eta_min", etaMin);
    s.put("T_cur", tCur);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    t0 = longValue(s, "T_0");
    tI = longValue(s, "T_i");
    tMult = longValue(s, "T_mult");
    etaMin = doubleValue(s, "eta_min");
    tCur = longValue(s, "T_cur");
  }
}
