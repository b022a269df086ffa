package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/**
 * Scales each group's lr linearly from {@code startFactor} to {@code endFactor} over {@code
 * totalIters} steps, PyTorch's {@code LinearLR}.
 */
public final class LinearLR extends LRScheduler {
  private double startFactor;
  private double endFactor;
  private long totalIters;

  /** {@code LinearLR(optimizer, start_factor=1/3, end_factor=1, total_iters=5)}. */
  public LinearLR(Optimizer optimizer) {
    this(optimizer, 1.0 / 3, 1.0, 5);
  }

  /** {@code LinearLR(optimizer, startFactor, endFactor, totalIters)}. */
  public LinearLR(Optimizer optimizer, double startFactor, double endFactor, long totalIters) {
    super(optimizer);
    if (startFactor > 1.0 || startFactor <= 0) {
      throw new IllegalArgumentException(
          "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
    }
    if (endFactor > 1.0 || endFactor < 0) {
      throw new IllegalArgumentException(
          "Ending multiplicative factor expected to be between 0 and 1.");
    }
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    List<Double> out = new ArrayList<>();
    if (lastEpoch == 0) {
      lrs.forEach(lr -> out.add(lr * startFactor));
      return out;
    }
    if (isInitial || lastEpoch > totalIters) {
      return lrs;
    }
    double f =
        1.0
            + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
    lrs.forEach(lr -> out.add(lr * f));
    return out;
  }

  @Override
  protected List<Double> closedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(
          b * (startFactor
              + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters));
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("start_factor", startFactor);
    s.put("end_factor", endFactor);
    s.put("total_iters", totalIters);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    startFactor = doubleValue(s, "start_factor");
    endFactor = doubleValue(s, "end_factor");
    totalIters = longValue(s, "total_iters");
  }
}
