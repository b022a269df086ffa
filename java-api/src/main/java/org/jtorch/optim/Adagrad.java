package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Adagrad, PyTorch's {@code torch.optim.Adagrad}. As in PyTorch, the state of every parameter
 * ({@code step}, {@code sum}) is created when the optimizer is.
 */
public final class Adagrad extends Optimizer {
  /** Adagrad's options with PyTorch's defaults: lr 1e-2, eps 1e-10. */
  public static final class Options extends Optimizer.Options<Options> {
    Options() {
      set("lr", 1e-2);
      set("lr_decay", 0.0);
      set("eps", 1e-10);
      set("weight_decay", 0.0);
      set("initial_accumulator_value", 0.0);
      set("foreach", null);
      set("maximize", false);
      set("differentiable", false);
      set("fused", null);
    }

    /** The learning-rate decay (default 0). */
    public Options lrDecay(double lrDecay) {
      checkNonNegative("lr_decay", lrDecay);
      return set("lr_decay", lrDecay);
    }

    /** The term added to the denominator (default 1e-10). */
    public Options eps(double eps) {
      checkNonNegative("epsilon", eps);
      return set("eps", eps);
    }

    /** L2 penalty (default 0). */
    public Options weightDecay(double weightDecay) {
      checkNonNegative("weight_decay", weightDecay);
      return set("weight_decay", weightDecay);
    }

    /** The initial value of the sum of squares (default 0). */
    public Options initialAccumulatorValue(double v) {
      checkNonNegative("initial_accumulator_value", v);
      return set("initial_accumulator_value", v);
    }

    /** Maximize the objective (default false). */
    public Options maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** Adagrad's default options. */
  public static Options options() {
    return new Options();
  }

  /** Adagrad over {@code params}. */
  public Adagrad(Iterable<Tensor> params, Options options) {
    super(params, options);
    initState();
  }

  /** Adagrad over parameter groups. */
  public Adagrad(List<ParamGroup> groups, Options options) {
    super(groups, options);
    initState();
  }

  private void initState() {
    for (ParamGroup g : paramGroups()) {
      double init = g.getDouble("initial_accumulator_value");
      for (Tensor p : g.params()) {
        Map<String, Object> state = stateOf(p);
        state.put("step", scalarState(0.0));
        state.put("sum", persistent(Torch.fullLike(p, init)));
      }
    }
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double lrDecay = group.getDouble("lr_decay");
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) { // a group added after construction
        state.put("step", scalarState(0.0));
        state.put("sum", persistent(Torch.fullLike(param, group.getDouble("initial_accumulator_value"))));
      }
      Tensor stepT = (Tensor) state.get("step");
      Tensor stateSum = (Tensor) state.get("sum");
      stepT.add_(1);
      double step = stepT.doubleValue();
      Tensor grad = maybeNeg(grads.get(i), maximize);
      if (weightDecay != 0) {
        grad = grad.add(param, weightDecay);
      }
      double clr = lr / (1 + (step - 1) * lrDecay);
      stateSum.addcmul_(grad, grad, 1);
      Tensor std = stateSum.sqrt().add_(eps);
      param.addcdiv_(grad, std, -clr);
    }
  }
}
