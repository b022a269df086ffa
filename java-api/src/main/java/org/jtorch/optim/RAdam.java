package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.Tuple;

/** RAdam (rectified Adam), PyTorch's {@code torch.optim.RAdam}. */
public final class RAdam extends Optimizer {
  /** RAdam's options with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8. */
  public static final class Options extends AdamOptions<Options> {
    Options() {
      set("lr", 1e-3);
      set("betas", Tuple.of(0.9, 0.999));
      set("eps", 1e-8);
      set("weight_decay", 0.0);
      set("maximize", false);
      set("foreach", null);
      set("capturable", false);
      set("decoupled_weight_decay", false);
      set("differentiable", false);
    }

    /** Decoupled weight decay, as in AdamW (default false). */
    public Options decoupledWeightDecay(boolean decoupled) {
      return set("decoupled_weight_decay", decoupled);
    }
  }

  /** RAdam's default options. */
  public static Options options() {
    return new Options();
  }

  /** RAdam over {@code params}. */
  public RAdam(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** RAdam over parameter groups. */
  public RAdam(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("exp_avg", persistent(Torch.zerosLike(param)));
        state.put("exp_avg_sq", persistent(Torch.zerosLike(param)));
      }
      Tensor grad = maybeNeg(grads.get(i), maximize);
      Tensor expAvg = (Tensor) state.get("exp_avg");
      Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
      Tensor stepT = (Tensor) state.get("step");
      stepT.add_(1);
      double step = stepT.doubleValue();
      if (weightDecay != 0) {
        if (decoupled) {
          param.mul_(1 - lr * weightDecay);
        } else {
          grad = grad.add(param, weightDecay);
        }
      }
      expAvg.lerp_(grad, 1 - beta1);
      expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
      double biasCorrection1 = 1 - Math.pow(beta1, step);
      double biasCorrection2 = 1 - Math.pow(beta2, step);
      Tensor biasCorrectedExpAvg = expAvg.div(biasCorrection1);
      double rhoInf = 2 / (1 - beta2) - 1;
      double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
      if (rhoT > 5.0) {
        double rect =
            Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        Tensor adaptiveLr = expAvgSq.sqrt().add_(eps).reciprocal().mul(Math.sqrt(biasCorrection2));
        param.add_(biasCorrectedExpAvg.mul(lr).mul(adaptiveLr).mul(rect), -1.0);
      } else {
        param.add_(biasCorrectedExpAvg.mul(lr), -1.0);
      }
    }
  }
}
