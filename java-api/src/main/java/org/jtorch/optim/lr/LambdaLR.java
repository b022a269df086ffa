package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import org.jtorch.optim.Optimizer;

/**
 * Sets each group's lr to its initial lr times {@code lrLambda(epoch)}, PyTorch's {@code LambdaLR}.
 *
 * <pre>{@code
 * var sched = new LambdaLR(opt, epoch -> Math.pow(0.95, epoch));
 * }</pre>
 *
 * <p>As in PyTorch, the functions themselves are not part of the state dict ({@code lr_lambdas}
 * holds one {@code None} per group).
 */
public final class LambdaLR extends LRScheduler {
  private final List<IntToDoubleFunction> lrLambdas;

  /** One function for every group. */
  public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
    this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), Objects.requireNonNull(lrLambda, "lrLambda")));
  }

  /**
   * One function per group.
   *
   * @throws IllegalArgumentException if there are not as many functions as groups
   */
  public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
    super(optimizer);
    if (lrLambdas.size() != optimizer.paramGroups().size()) {
      throw new IllegalArgumentException(
          "Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got " + lrLambdas.size());
    }
    this.lrLambdas = List.copyOf(lrLambdas);
    initialStep();
  }

  @Override
  protected List<Double> getLr() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < baseLrs.size(); i++) {
      out.add(baseLrs.get(i) * lrLambdas.get(i).applyAsDouble((int) lastEpoch));
    }
    return out;
  }

  @Override
  protected void writeStateAfter(Map<String, Object> s) {
    s.put("lr_lambdas", new ArrayList<Object>(Collections.nCopies(lrLambdas.size(), null)));
  }
}
