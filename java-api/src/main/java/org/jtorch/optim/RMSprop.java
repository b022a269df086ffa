package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/** RMSprop, PyTorch's {@code torch.optim.RMSprop}, with {@code centered} and {@code momentum}. */
public final class RMSprop extends Optimizer {
  /** RMSprop's options with PyTorch's defaults: lr 1e-2, alpha 0.99, eps 1e-8. */
  public static final class Options extends Optimizer.Options<Options> {
    Options() {
      set("lr", 1e-2);
      set("momentum", 0.0);
      set("alpha", 0.99);
      set("eps", 1e-8);
      set("centered", false);
      set("weight_decay", 0.0);
      set("capturable", false);
      set("foreach", null);
      set("maximize", false);
      set("differentiable", false);
    }

    /** The smoothing constant (default 0.99). */
    public Options alpha(double alpha) {
      checkNonNegative("alpha", alpha);
      return set("alpha", alpha);
    }

    /** The term added to the denominator (default 1e-8). */
    public Options eps(double eps) {
      checkNonNegative("epsilon", eps);
      return set("eps", eps);
    }

    /** The momentum factor (default 0). */
    public Options momentum(double momentum) {
      checkNonNegative("momentum", momentum);
      return set("momentum", momentum);
    }

    /** Normalise by an estimate of the gradient's variance (default false). */
    public Options centered(boolean centered) {
      return set("centered", centered);
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

  /** RMSprop's default options. */
  public static Options options() {
    return new Options();
  }

  /** RMSprop over {@code params}. */
  public RMSprop(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** RMSprop over parameter groups. */
  public RMSprop(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double alpha = group.getDouble("alpha");
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    double momentum = group.getDouble("momentum");
    boolean centered = group.getBoolean("centered");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("square_avg", persistent(Torch.zerosLike(param)));
        if (momentum > 0) {
          state.put("momentum_buffer", persistent(Torch.zerosLike(param)));
        }
        if (centered) {
          state.put("grad_avg", persistent(Torch.zerosLike(param)));
        }
      }
      Tensor grad = maybeNeg(grads.get(i), maximize);
      Tensor squareAvg = (Tensor) state.get("square_avg");
      ((Tensor) state.get("step")).add_(1);
      if (weightDecay != 0) {
        grad = grad.add(param, weightDecay);
      }
      squareAvg.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
      Tensor avg;
      if (centered) {
        Tensor gradAvg = (Tensor) state.get("grad_avg");
        gradAvg.lerp_(grad, 1 - alpha);
        avg = squareAvg.clone().addcmul_(gradAvg, gradAvg, -1).sqrt_();
      } else {
        avg = squareAvg.sqrt();
      }
      avg = avg.add_(eps);
      if (momentum > 0) {
        Tensor buf = (Tensor) state.get("momentum_buffer");
        buf.mul_(momentum).addcdiv_(grad, avg, 1);
        param.add_(buf, -lr);
      } else {
        param.addcdiv_(grad, avg, -lr);
      }
    }
  }
}
