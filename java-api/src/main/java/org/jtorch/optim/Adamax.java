package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.Tuple;

/** Adamax (Adam with the infinity norm), PyTorch's {@code torch.optim.Adamax}. */
public final class Adamax extends Optimizer {
  /** Adamax's options with PyTorch's defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8. */
  public static final class Options extends AdamOptions<Options> {
    Options() {
      set("lr", 2e-3);
      set("betas", Tuple.of(0.9, 0.999));
      set("eps", 1e-8);
      set("weight_decay", 0.0);
      set("foreach", null);
      set("maximize", false);
      set("differentiable", false);
      set("capturable", false);
    }
  }

  /** Adamax's default options. */
  public static Options options() {
    return new Options();
  }

  /** Adamax over {@code params}. */
  public Adamax(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** Adamax over parameter groups. */
  public Adamax(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("exp_avg", persistent(Torch.zerosLike(param)));
        state.put("exp_inf", persistent(Torch.zerosLike(param)));
      }
      Tensor grad = maybeNeg(grads.get(i), maximize);
      Tensor expAvg = (Tensor) state.get("exp_avg");
      Tensor expInf = (Tensor) state.get("exp_inf");
      Tensor stepT = (Tensor) state.get("step");
      stepT.add_(1);
      if (weightDecay != 0) {
        grad = grad.add(param, weightDecay);
      }
      expAvg.lerp_(grad, 1 - beta1);
      expInf.mul_(beta2);
      expInf.copy_(expInf.maximum(grad.abs().add_(eps)));
      double biasCorrection = 1 - Math.pow(beta1, stepT.doubleValue());
      double clr = lr / biasCorrection;
      param.addcdiv_(expAvg, expInf, -clr);
    }
  }
}
