package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/** Multiplies each group's lr by {@code gamma} every step, PyTorch's {@code ExponentialLR}. */
public final class ExponentialLR extends LRScheduler {
  private double gamma;

  /** {@code ExponentialLR(optimizer, gamma)}. */
  public ExponentialLR(Optimizer optimizer, double gamma) {
    super(optimizer);
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    if (isInitial) {
      return lrs;
    }
    List<Double> out = new ArrayList<>();
    for (double lr : lrs) {
      out.add(lr * gamma);
    }
    return out;
  }

  @Override
  protected List<Double> closedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(b * Math.pow(gamma, lastEpoch));
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("gamma", gamma);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    gamma = doubleValue(s, "gamma");
  }
}
