package org.jtorch.optim;

import org.jtorch.jit.Tuple;

/**
 * The options shared by the Adam family ({@link Adam}, {@link AdamW}, {@link Adamax}, {@link
 * NAdam}, {@link RAdam}): {@code betas}, {@code eps}, {@code weight_decay} and {@code maximize}.
 *
 * @param <O> the concrete options type
 */
public abstract class AdamOptions<O extends AdamOptions<O>> extends Optimizer.Options<O> {
  AdamOptions() {}

  /** The coefficients of the running averages of the gradient and its square (beta1, beta2). */
  public O betas(double beta1, double beta2) {
    checkBeta(0, beta1);
    checkBeta(1, beta2);
    return set("betas", Tuple.of(beta1, beta2));
  }

  /** The term added to the denominator for numerical stability. */
  public O eps(double eps) {
    checkNonNegative("epsilon", eps);
    return set("eps", eps);
  }

  /** The weight decay (L2 penalty, or decoupled where the optimizer says so). */
  public O weightDecay(double weightDecay) {
    checkNonNegative("weight_decay", weightDecay);
    return set("weight_decay", weightDecay);
  }

  /** Maximize the objective instead of minimizing it (default false). */
  public O maximize(boolean maximize) {
    return set("maximize", maximize);
  }
}
