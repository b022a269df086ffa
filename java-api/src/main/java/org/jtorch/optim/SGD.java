package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, weight decay
 * and maximization, PyTorch's {@code torch.optim.SGD}.
 *
 * <pre>{@code
 * var opt = new SGD(model.parameters(), SGD.options().lr(0.1).momentum(0.9).nesterov(true));
 * }</pre>
 */
public final class SGD extends Optimizer {
  /** SGD's options with PyTorch's defaults ({@code lr=1e-3}, everything else off). */
  public static final class Options extends Optimizer.Options<Options> {
    Options() {
      set("lr", 1e-3);
      set("momentum", 0.0);
      set("dampening", 0.0);
      set("weight_decay", 0.0);
      set("nesterov", false);
      set("maximize", false);
      set("foreach", null);
      set("differentiable", false);
      set("fused", null);
    }

    /** The momentum factor (default 0). */
    public Options momentum(double momentum) {
      checkNonNegative("momentum", momentum);
      return set("momentum", momentum);
    }

    /** Dampening for momentum (default 0). */
    public Options dampening(double dampening) {
      return set("dampening", dampening);
    }

    /** L2 penalty added to the gradient (default 0). */
    public Options weightDecay(double weightDecay) {
      checkNonNegative("weight_decay", weightDecay);
      return set("weight_decay", weightDecay);
    }

    /** Nesterov momentum (default false); needs momentum and zero dampening. */
    public Options nesterov(boolean nesterov) {
      return set("nesterov", nesterov);
    }

    /** Maximize the objective instead of minimizing it (default false). */
    public Options maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** SGD's default options. */
  public static Options options() {
    return new Options();
  }

  /** SGD over {@code params} with {@code options}. */
  public SGD(Iterable<Tensor> params, Options options) {
    super(params, check(options));
  }

  /** SGD over {@code params} with learning rate {@code lr} and PyTorch's other defaults. */
  public SGD(Iterable<Tensor> params, double lr) {
    this(params, options().lr(lr));
  }

  /** SGD over parameter groups; options a group does not set come from {@code options}. */
  public SGD(List<ParamGroup> groups, Options options) {
    super(groups, check(options));
  }

  private static Options check(Options o) {
    Map<String, Object> m = o.asMap();
    if (Boolean.TRUE.equals(m.get("nesterov"))
        && (((Number) m.get("momentum")).doubleValue() <= 0
            || ((Number) m.get("dampening")).doubleValue() != 0)) {
      throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }
    return o;
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double momentum = group.getDouble("momentum");
    double dampening = group.getDouble("dampening");
    double weightDecay = group.getDouble("weight_decay");
    boolean nesterov = group.getBoolean("nesterov");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Tensor grad = maybeNeg(grads.get(i), maximize);
      if (weightDecay != 0) {
        grad = grad.add(param, weightDecay);
      }
      if (momentum != 0) {
        Map<String, Object> state = stateOf(param);
        Tensor buf = (Tensor) state.get("momentum_buffer");
        if (buf == null) {
          buf = persistent(grad.detach().clone());
          state.put("momentum_buffer", buf);
        } else {
          buf.mul_(momentum).add_(grad, 1 - dampening);
        }
        grad = nesterov ? grad.add(buf, momentum) : buf;
      }
      param.add_(grad, -lr);
    }
  }
}
