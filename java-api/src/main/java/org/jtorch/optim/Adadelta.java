package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Adadelta, PyTorch's {@code torch.optim.Adadelta}: per-element step sizes from running averages
 * of squared gradients ({@code square_avg}) and of squared updates ({@code acc_delta}).
 */
public final class Adadelta extends Optimizer {
  /** Adadelta's options with PyTorch's defaults: lr 1.0, rho 0.9, eps 1e-6. */
  public static final class Options extends Optimizer.Options<Options> {
    Options() {
      set("lr", 1.0);
      set("rho", 0.9);
      set("eps", 1e-6);
      set("weight_decay", 0.0);
      set("maximize", false);
      set("capturable", false);
      set("foreach", null);
      set("differentiable", false);
    }

    /** The decay of the running averages (default 0.9), in [0, 1]. */
    public Options rho(double rho) {
      if (!(rho >= 0 && rho <= 1)) {
        throw new IllegalArgumentException("Invalid rho value: " + rho);
      }
      return set("rho", rho);
    }

    /** The term added inside the square roots (default 1e-6). */
    public Options eps(double eps) {
      checkNonNegative("epsilon", eps);
      return set("eps", eps);
    }

    /** L2 penalty (default 0). */
    public Options weightDecay(double weightDecay) {
      checkNonNegative("weight_decay", weightDecay);
      return set("weight_decay", weightDecay);
    }

    /** Maximize the objective (default false). */
    public Options maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** Adadelta's default options. */
  public static Options options() {
    return new Options();
  }

  /** Adadelta over {@code params}. */
  public Adadelta(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** Adadelta over parameter groups. */
  public Adadelta(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double rho = group.getDouble("rho");
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("square_avg", persistent(Torch.zerosLike(param)));
        state.put("acc_delta", persistent(Torch.zerosLike(param)));
      }
      ((Tensor) state.get("step")).add_(1);
      Tensor grad = maybeNeg(grads.get(i), maximize);
      if (weightDecay != 0) {
        grad = grad.add(param, weightDecay);
      }
      Tensor squareAvg = (Tensor) state.get("square_avg");
      Tensor accDelta = (Tensor) state.get("acc_delta");
      squareAvg.mul_(rho).addcmul_(grad, grad, 1 - rho);
      Tensor std = squareAvg.add(eps).sqrt_();
      Tensor delta = accDelta.add(eps).sqrt_();
      delta.div_(std).mul_(grad);
      accDelta.mul_(rho).addcmul_(delta, delta, 1 - rho);
      param.add_(delta, -lr);
    }
  }
}
