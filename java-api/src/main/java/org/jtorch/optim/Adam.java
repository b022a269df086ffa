package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.Tuple;

/**
 * Adam, PyTorch's {@code torch.optim.Adam}, with {@code amsgrad}, {@code maximize} and (with
 * {@code decoupledWeightDecay(true)}) AdamW's decoupled weight decay.
 *
 * <pre>{@code
 * var opt = new Adam(model.parameters(), Adam.options().lr(1e-3).betas(0.9, 0.999));
 * }</pre>
 */
public final class Adam extends Optimizer {
  /** Adam's options with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8. */
  public static final class Options extends AdamOptions<Options> {
    Options() {
      this(0.0, false);
    }

    Options(double weightDecay, boolean decoupled) {
      set("lr", 1e-3);
      set("betas", Tuple.of(0.9, 0.999));
      set("eps", 1e-8);
      set("weight_decay", weightDecay);
      set("amsgrad", false);
      set("maximize", false);
      set("foreach", null);
      set("capturable", false);
      set("differentiable", false);
      set("fused", null);
      set("decoupled_weight_decay", decoupled);
    }

    /** The AMSGrad variant (default false). */
    public Options amsgrad(boolean amsgrad) {
      return set("amsgrad", amsgrad);
    }

    /** Decoupled weight decay, as in AdamW (default false). */
    public Options decoupledWeightDecay(boolean decoupled) {
      return set("decoupled_weight_decay", decoupled);
    }
  }

  /** Adam's default options. */
  public static Options options() {
    return new Options();
  }

  /** Adam over {@code params}. */
  public Adam(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** Adam over parameter groups. */
  public Adam(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    update(this, group, params, grads);
  }

  /** The single-tensor Adam update, shared with {@link AdamW}. */
  static void update(Optimizer opt, ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    boolean amsgrad = group.getBoolean("amsgrad");
    boolean maximize = group.getBoolean("maximize");
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = opt.stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("exp_avg", persistent(Torch.zerosLike(param)));
        state.put("exp_avg_sq", persistent(Torch.zerosLike(param)));
        if (amsgrad) {
          state.put("max_exp_avg_sq", persistent(Torch.zerosLike(param)));
        }
      }
      Tensor grad = maybeNeg(grads.get(i), maximize);
      Tensor expAvg = (Tensor) state.get("exp_avg");
      Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
      Tensor stepT = (Tensor) state.get("step");
      stepT.add_(1);
      if (weightDecay != 0) {
        if (decoupled) {
          param.mul_(1 - lr * weightDecay);
        } else {
          grad = grad.add(param, weightDecay);
        }
      }
      expAvg.lerp_(grad, 1 - beta1);
      expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
      double step = stepT.doubleValue();
      double biasCorrection1 = 1 - Math.pow(beta1, step);
      double biasCorrection2 = 1 - Math.pow(beta2, step);
      double stepSize = lr / biasCorrection1;
      double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
      Tensor denom;
      if (amsgrad) {
        Tensor maxSq = (Tensor) state.get("max_exp_avg_sq");
        if (maxSq == null) {
          throw new IllegalStateException("amsgrad is on but the state has no max_exp_avg_sq");
        }
        maxSq.copy_(maxSq.maximum(expAvgSq));
        denom = maxSq.sqrt().div(biasCorrection2Sqrt).add_(eps);
      } else {
        denom = expAvgSq.sqrt().div(biasCorrection2Sqrt).add_(eps);
      }
      param.addcdiv_(expAvg, denom, -stepSize);
    }
  }
}
