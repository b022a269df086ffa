package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.Tuple;

/** NAdam (Adam with Nesterov momentum), PyTorch's {@code torch.optim.NAdam}. */
public final class NAdam extends Optimizer {
  /** NAdam's options with PyTorch's defaults: lr 2e-3, betas (0.9, 0.999), momentum decay 4e-3. */
  public static final class Options extends AdamOptions<Options> {
    Options() {
      set("lr", 2e-3);
      set("betas", Tuple.of(0.9, 0.999));
      set("eps", 1e-8);
      set("weight_decay", 0.0);
      set("momentum_decay", 4e-3);
      set("decoupled_weight_decay", false);
      set("maximize", false);
      set("foreach", null);
      set("capturable", false);
      set("differentiable", false);
    }

    /** The momentum decay psi (default 4e-3). */
    public Options momentumDecay(double momentumDecay) {
      checkNonNegative("momentum_decay", momentumDecay);
      return set("momentum_decay", momentumDecay);
    }

    /** Decoupled weight decay, as in AdamW (default false). */
    public Options decoupledWeightDecay(boolean decoupled) {
      return set("decoupled_weight_decay", decoupled);
    }
  }

  /** NAdam's default options. */
  public static Options options() {
    return new Options();
  }

  /** NAdam over {@code params}. */
  public NAdam(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** NAdam over parameter groups. */
  public NAdam(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double beta1 = group.getDouble("betas", 0);
    double beta2 = group.getDouble("betas", 1);
    double eps = group.getDouble("eps");
    double weightDecay = group.getDouble("weight_decay");
    double momentumDecay = group.getDouble("momentum_decay");
    boolean decoupled = group.getBoolean("decoupled_weight_decay");
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("mu_product", scalarState(1.0));
        state.put("exp_avg", persistent(Torch.zerosLike(param)));
        state.put("exp_avg_sq", persistent(Torch.zerosLike(param)));
      }
      Tensor grad = maybeNeg(grads.get(i), maximize);
      Tensor expAvg = (Tensor) state.get("exp_avg");
      Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
      Tensor muProduct = (Tensor) state.get("mu_product");
      Tensor stepT = (Tensor) state.get("step");
      stepT.add_(1);
      double step = stepT.doubleValue();
      double biasCorrection2 = 1 - Math.pow(beta2, step);
      if (weightDecay != 0) {
        if (decoupled) {
          param.mul_(1 - lr * weightDecay);
        } else {
          grad = grad.add(param, weightDecay);
        }
      }
      double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, step * momentumDecay));
      double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
      muProduct.mul_(mu);
      expAvg.lerp_(grad, 1 - beta1);
      expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
      Tensor denom = expAvgSq.div(biasCorrection2).sqrt();
      double muProductValue = muProduct.doubleValue();
      double muProductNext = muProductValue * muNext;
      denom.add_(eps);
      param.addcdiv_(grad, denom, -lr * (1.0 - mu) / (1.0 - muProductValue));
      param.addcdiv_(expAvg, denom, (-lr * muNext) / (1.0 - muProductNext));
    }
  }
}
