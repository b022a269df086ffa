package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;

/**
 * Decays each group's lr as {@code base_lr * (1 - step / totalIters)^power} until step {@code
 * totalIters} (where it reaches 0), PyTorch's {@code PolynomialLR}.
 */
public final class PolynomialLR extends LRScheduler {
  private long totalIters;
  private double power;

  /** {@code PolynomialLR(optimizer, total_iters=5, power=1.0)}. */
  public PolynomialLR(Optimizer optimizer) {
    this(optimizer, 5, 1.0);
  }

  /** {@code PolynomialLR(optimizer, totalIters, power)}. */
  public PolynomialLR(Optimizer optimizer, long totalIters, double power) {
    super(optimizer);
    this.totalIters = totalIters;
    this.power = power;
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> lrs = groupLrs();
    if (isInitial || lastEpoch > totalIters) {
      return lrs;
    }
    double f =
        Math.pow(
            (1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters),
            power);
    List<Double> out = new ArrayList<>();
    lrs.forEach(lr -> out.add(lr * f));
    return out;
  }

  /**
   * @throws ArithmeticException where {@code totalIters} is 0 (Python's ZeroDivisionError: the
   *     closed form divides by it)
   */
  @Override
  protected List<Double> closedFormLr() {
    if (totalIters == 0) {
      throw new ArithmeticException("division by zero");
    }
    List<Double> out = new ArrayList<>();
    for (double b : baseLrs) {
      out.add(b * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power));
    }
    return out;
  }

  @Override
  protected void writeState(Map<String, Object> s) {
    s.put("total_iters", totalIters);
    s.put("power", power);
  }

  @Override
  protected void readState(Map<String, ?> s) {
    totalIters = longValue(s, "total_iters");
    power = doubleValue(s, "power");
  }
}
