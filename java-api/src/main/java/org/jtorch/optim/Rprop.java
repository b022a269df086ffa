package org.jtorch.optim;

import java.util.List;
import java.util.Map;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.Tuple;

/**
 * Rprop (resilient backpropagation), PyTorch's {@code torch.optim.Rprop}: each element keeps a
 * step size that grows by {@code etaplus} while its gradient keeps its sign and shrinks by {@code
 * etaminus} when it flips (within {@code stepSizes}); the update is the gradient's sign times that
 * step, and no step is taken where the sign flipped.
 */
public final class Rprop extends Optimizer {
  /** Rprop's options with PyTorch's defaults: lr 1e-2, etas (0.5, 1.2), step sizes (1e-6, 50). */
  public static final class Options extends Optimizer.Options<Options> {
    Options() {
      set("lr", 1e-2);
      set("etas", Tuple.of(0.5, 1.2));
      set("step_sizes", Tuple.of(1e-6, 50.0));
      set("foreach", null);
      set("maximize", false);
      set("differentiable", false);
      set("capturable", false);
    }

    /** The multiplicative decrease and increase of the step sizes (default 0.5, 1.2). */
    public Options etas(double etaminus, double etaplus) {
      if (!(0 < etaminus && etaminus < 1 && 1 < etaplus)) {
        throw new IllegalArgumentException("Invalid eta values: " + etaminus + ", " + etaplus);
      }
      return set("etas", Tuple.of(etaminus, etaplus));
    }

    /** The smallest and largest step sizes (default 1e-6, 50). */
    public Options stepSizes(double min, double max) {
      return set("step_sizes", Tuple.of(min, max));
    }

    /** Maximize the objective (default false). */
    public Options maximize(boolean maximize) {
      return set("maximize", maximize);
    }
  }

  /** Rprop's default options. */
  public static Options options() {
    return new Options();
  }

  /** Rprop over {@code params}. */
  public Rprop(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** Rprop over parameter groups. */
  public Rprop(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    double lr = group.lr();
    double etaminus = group.getDouble("etas", 0);
    double etaplus = group.getDouble("etas", 1);
    double stepMin = group.getDouble("step_sizes", 0);
    double stepMax = group.getDouble("step_sizes", 1);
    boolean maximize = group.getBoolean("maximize");
    for (int i = 0; i < params.size(); i++) {
      Tensor param = params.get(i);
      Tensor grad = maybeNeg(grads.get(i), maximize);
      Map<String, Object> state = stateOf(param);
      if (state.isEmpty()) {
        state.put("step", scalarState(0.0));
        state.put("prev", persistent(Torch.zerosLike(param)));
        state.put("step_size", persistent(Torch.fullLike(grad, lr)));
      }
      ((Tensor) state.get("step")).add_(1);
      Tensor prev = (Tensor) state.get("prev");
      Tensor stepSize = (Tensor) state.get("step_size");
      Tensor sign = grad.mul(prev).sign();
      sign.maskedFill_(sign.gt(0), etaplus);
      sign.maskedFill_(sign.lt(0), etaminus);
      sign.maskedFill_(sign.eq(0), 1);
      stepSize.mul_(sign).clamp_(stepMin, stepMax);
      Tensor g = grad.clone();
      g.maskedFill_(sign.eq(etaminus), 0);
      param.addcmul_(g.sign(), stepSize, -1);
      prev.copy_(g);
    }
  }
}
