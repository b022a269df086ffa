package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/**
 * Multiplies each group's lr by {@code factor} until step {@code totalIters}, PyTorch's {@code
 * ConstantLR}.
 */
public final class ConstantLR extends LRScheduler {
  private double factor;
  private long totalIters;

  /** {@code ConstantLR(optimizer, factor=1/3, total_iters=5)}. */
  public ConstantLR(Optimizer optimizer) {
    this(optimizer, 1.0 / 3, 5);
  }

  /** {@code ConstantLR(optimizer, factor, totalIters)}. */
  public ConstantLR(Optimizer optimizer, double factor, long totalIters) {
    super(optimizer);
    if (factor > 1.0 || factor < 0) {
      throw new IllegalArgumentException(
          "Constant multiplicative factor expected to be between 0 and 1.");
    }
    this.factor = factor;
    this.totalIters = totalIters;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    List<Double> out = new ArrayList<>();
    if (lastEpoch == 0) {
      lrs.forEach(lr -> out.add(lr * factor));
      return out;
    }
    if (lastEpoch != totalIters) {
      return lrs;
    }
    lrs.forEach(lr -> out.add(lr * (1.0 / factor)));
    return out;
  }

  @Override
  protected List<Double> closedFormLr() {
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(b * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor)));
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("factor", factor);
    s.put("total_iters", totalIters);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    factor = doubleValue(s, "factor");
    totalIters = longValue(s, "total_iters");
  }
}
