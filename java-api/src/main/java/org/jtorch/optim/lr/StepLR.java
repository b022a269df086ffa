package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/** Multiplies each group's lr by {@code gamma} every {@code stepSize} steps, PyTorch's {@code StepLR}. */
public final class StepLR extends LRScheduler {
  private long stepSize;
  private double gamma;

  /** {@code StepLR(optimizer, stepSize, gamma=0.1)}. */
  public StepLR(Optimizer optimizer, long stepSize) {
    this(optimizer, stepSize, 0.1);
  }

  /** {@code StepLR(optimizer, stepSize, gamma)}. */
  public StepLR(Optimizer optimizer, long stepSize, double gamma) {
    super(optimizer);
    if (stepSize <= 0) {
      throw new IllegalArgumentException("step_size must be positive, got " + stepSize);
    }
    this.stepSize = stepSize;
    this.gamma = gamma;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    if (lastEpoch == 0 || lastEpoch % stepSize != 0) {
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
      out.add(b * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize)));
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("step_size", stepSize);
    s.put("gamma", gamma);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    stepSize = longValue(s, "step_size");
    gamma = doubleValue(s, "gamma");
  }
}
