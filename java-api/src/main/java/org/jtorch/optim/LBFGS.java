package org.jtorch.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;

/**
 * L-BFGS, PyTorch's {@code torch.optim.LBFGS}: a quasi-Newton method that re-evaluates the loss
 * several times per step, so {@link #step(Supplier)} needs a closure. One parameter group only.
 *
 * <pre>{@code
 * var opt = new LBFGS(List.of(w), LBFGS.options().lr(1).maxIter(20));
 * Tensor loss = opt.step(() -> {
 *   opt.zeroGrad();
 *   Tensor l = objective(w);
 *   l.backward();
 *   return l;
 * });
 * }</pre>
 *
 * <p>Differs from PyTorch: only {@code line_search_fn=None} is supported ({@code "strong_wolfe"}
 * is refused with an {@link UnsupportedOperationException}).
 */
public final class LBFGS extends Optimizer {
  /** L-BFGS's options with PyTorch's defaults: lr 1, max_iter 20, history_size 100. */
  public static final class Options extends Optimizer.Options<Options> {
    Options() {
      set("lr", 1.0);
      set("max_iter", 20L);
      set("max_eval", null);
      set("tolerance_grad", 1e-7);
      set("tolerance_change", 1e-9);
      set("history_size", 100L);
      set("line_search_fn", null);
    }

    /** The most iterations per step (default 20). */
    public Options maxIter(long maxIter) {
      return set("max_iter", maxIter);
    }

    /** The most function evaluations per step (default {@code maxIter * 5 / 4}). */
    public Options maxEval(long maxEval) {
      return set("max_eval", maxEval);
    }

    /** Stop when the gradient's largest magnitude is at most this (default 1e-7). */
    public Options toleranceGrad(double tol) {
      return set("tolerance_grad", tol);
    }

    /** Stop when the change of loss or parameters is below this (default 1e-9). */
    public Options toleranceChange(double tol) {
      return set("tolerance_change", tol);
    }

    /** The number of past updates kept (default 100). */
    public Options historySize(long historySize) {
      return set("history_size", historySize);
    }

    /** The line search: null (the default, a fixed step); {@code "strong_wolfe"} is not supported. */
    public Options lineSearchFn(String fn) {
      return set("line_search_fn", fn);
    }
  }

  /** L-BFGS's default options. */
  public static Options options() {
    return new Options();
  }

  private final List<Tensor> params;

  /** L-BFGS over {@code params}. */
  public LBFGS(Iterable<Tensor> params, Options options) {
    super(params, withMaxEval(options));
    this.params = paramGroups().get(0).params();
  }

  private static Options withMaxEval(Options o) {
    Object lineSearch = o.get("line_search_fn");
    if (lineSearch != null) {
      throw new UnsupportedOperationException(
          "LBFGS: line_search_fn " + lineSearch + " is not supported by jtorch (only None)");
    }
    if (o.get("max_eval") == null) {
      o.set("max_eval", ((Number) o.get("max_iter")).longValue() * 5 / 4);
    }
    return o;
  }

  /** L-BFGS supports one parameter group only. */
  @Override
  public void addParamGroup(ParamGroup group) {
    if (!paramGroups().isEmpty()) {
      throw new IllegalArgumentException(
          "LBFGS doesn't support per-parameter options (parameter groups)");
    }
    super.addParamGroup(group);
  }

  /** @throws IllegalStateException always: L-BFGS needs a closure */
  @Override
  public void step() {
    throw new IllegalStateException("LBFGS.step needs a closure that re-evaluates the loss");
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> p, List<Tensor> g) {
    throw new IllegalStateException("LBFGS.step needs a closure");
  }

  private static Tensor evaluate(Supplier<Tensor> closure) {
    try (GradMode g = Torch.enableGrad()) {
      Tensor loss = closure.get();
      if (loss == null) {
        throw new IllegalStateException("the LBFGS closure returned null instead of the loss");
      }
      return loss;
    }
  }

  private Tensor gatherFlatGrad() {
    List<Tensor> views = new ArrayList<>();
    for (Tensor p : params) {
      Tensor grad = p.grad();
      views.add(grad == null ? Torch.zeros(p.numel()) : grad.reshape(-1));
    }
    return Torch.cat(views, 0);
  }

  private void addGrad(double stepSize, Tensor update) {
    long offset = 0;
    for (Tensor p : params) {
      long n = p.numel();
      p.add_(update.narrow(0, offset, n).view(p.shape()), stepSize);
      offset += n;
    }
  }

  private static boolean isTrue(Tensor t) {
    return t.booleanValue();
  }

  /** Runs up to {@code max_iter} L-BFGS iterations; returns the closure's first loss. */
  @Override
  public Tensor step(Supplier<Tensor> closure) {
    if (closure == null) {
      throw new IllegalStateException("LBFGS.step needs a closure that re-evaluates the loss");
    }
    ParamGroup group = paramGroups().get(0);
    double lr = group.lr();
    long maxIter = (long) group.getDouble("max_iter");
    long maxEval = (long) group.getDouble("max_eval");
    double toleranceGrad = group.getDouble("tolerance_grad");
    double toleranceChange = group.getDouble("tolerance_change");
    int historySize = (int) group.getDouble("history_size");
    if (group.get("line_search_fn") != null) {
      throw new UnsupportedOperationException("LBFGS: only line_search_fn=None is supported");
    }
    Map<String, Object> state = stateOf(params.get(0));
    state.putIfAbsent("func_evals", 0L);
    state.putIfAbsent("n_iter", 0L);

    Tensor origLoss = evaluate(closure);
    try (Scope scope = Scope.open();
        GradMode noGrad = Torch.noGrad()) {
      double loss = origLoss.doubleValue();
      long currentEvals = 1;
      state.put("func_evals", ((Number) state.get("func_evals")).longValue() + 1);
      Tensor flatGrad = gatherFlatGrad();
      if (isTrue(flatGrad.abs().max().le(toleranceGrad))) {
        return origLoss;
      }
      Tensor d = (Tensor) state.get("d");
      Object tObj = state.get("t");
      double t = tObj instanceof Number ? ((Number) tObj).doubleValue() : tObj instanceof Tensor ? ((Tensor) tObj).doubleValue() : 0;
      List<Tensor> oldDirs = tensors(state.get("old_dirs"));
      List<Tensor> oldStps = tensors(state.get("old_stps"));
      List<Tensor> ro = tensors(state.get("ro"));
      Object hDiag = state.get("H_diag");
      Tensor prevFlatGrad = (Tensor) state.get("prev_flat_grad");
      Object prevLossObj = state.get("prev_loss");
      double prevLoss = prevLossObj instanceof Number ? ((Number) prevLossObj).doubleValue() : 0;
      List<Tensor> al = null;

      long nIter = 0;
      while (nIter < maxIter) {
        nIter++;
        long stateNIter = ((Number) state.get("n_iter")).longValue() + 1;
        state.put("n_iter", stateNIter);
        if (stateNIter == 1) {
          d = flatGrad.neg();
          oldDirs = new ArrayList<>();
          oldStps = new ArrayList<>();
          ro = new ArrayList<>();
          hDiag = 1L;
        } else {
          Tensor y = flatGrad.sub(prevFlatGrad);
          Tensor s = d.mul(t);
          Tensor ys = y.dot(s);
          if (isTrue(ys.gt(1e-10))) {
            if (oldDirs.size() == historySize) {
              oldDirs.remove(0);
              oldStps.remove(0);
              ro.remove(0);
            }
            oldDirs.add(y);
            oldStps.add(s);
            ro.add(ys.reciprocal());
            hDiag = ys.div(y.dot(y));
          }
          int numOld = oldDirs.size();
          if (al == null) {
            al = tensors(state.get("al"));
            if (al == null) {
              al = new ArrayList<>(Arrays.asList(new Tensor[historySize]));
            }
          }
          Tensor q = flatGrad.neg();
          for (int i = numOld - 1; i >= 0; i--) {
            al.set(i, oldStps.get(i).dot(q).mul(ro.get(i)));
            q.add_(oldDirs.get(i), -al.get(i).doubleValue());
          }
          Tensor r = hDiag instanceof Tensor ? q.mul((Tensor) hDiag) : q.mul(((Number) hDiag).doubleValue());
          d = r;
          for (int i = 0; i < numOld; i++) {
            Tensor beI = oldDirs.get(i).dot(r).mul(ro.get(i));
            r.add_(oldStps.get(i), al.get(i).sub(beI).doubleValue());
          }
        }
        if (prevFlatGrad == null) {
          prevFlatGrad = flatGrad.clone();
        } else {
          prevFlatGrad.copy_(flatGrad);
        }
        prevLoss = loss;
        if (stateNIter == 1) {
          Tensor recip = flatGrad.abs().sum().reciprocal();
          t = isTrue(recip.lt(1.0)) ? recip.mul(lr).doubleValue() : lr;
        } else {
          t = lr;
        }
        Tensor gtd = flatGrad.dot(d);
        if (isTrue(gtd.gt(-toleranceChange))) {
          break;
        }
        long lsFuncEvals = 0;
        addGrad(t, d);
        boolean optCond = false;
        if (nIter != maxIter) {
          Tensor l = evaluate(closure);
          loss = l.doubleValue();
          flatGrad = gatherFlatGrad();
          optCond = isTrue(flatGrad.abs().max().le(toleranceGrad));
          lsFuncEvals = 1;
        }
        currentEvals += lsFuncEvals;
        state.put("func_evals", ((Number) state.get("func_evals")).longValue() + lsFuncEvals);
        if (nIter == maxIter || currentEvals >= maxEval || optCond) {
          break;
        }
        if (isTrue(d.mul(t).abs().max().le(toleranceChange))) {
          break;
        }
        if (Math.abs(loss - prevLoss) < toleranceChange) {
          break;
        }
      }
      // move the state out of this step's scope; drop the previous references
      Map<String, Object> old = Map.copyOf(stateWithoutNulls(state));
      state.put("d", persistent(d));
      state.put("t", t);
      state.put("old_dirs", persistAll(oldDirs));
      state.put("old_stps", persistAll(oldStps));
      state.put("ro", persistAll(ro));
      state.put("H_diag", hDiag instanceof Tensor ? persistent((Tensor) hDiag) : hDiag);
      state.put("prev_flat_grad", persistent(prevFlatGrad));
      state.put("prev_loss", prevLoss);
      if (al != null) {
        state.put("al", persistAll(al));
      }
      old.values().forEach(Optimizer::closeTensors);
    }
    return origLoss;
  }

  private static Map<String, Object> stateWithoutNulls(Map<String, Object> state) {
    Map<String, Object> m = new java.util.HashMap<>();
    for (Map.Entry<String, Object> e : state.entrySet()) {
      if (e.getValue() instanceof Tensor || e.getValue() instanceof List) {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static List<Tensor> tensors(Object o) {
    return o == null ? null : new ArrayList<>((List<Tensor>) o);
  }

  private static List<Tensor> persistAll(List<Tensor> ts) {
    List<Tensor> out = new ArrayList<>(ts.size());
    for (Tensor t : ts) {
      out.add(t == null ? null : persistent(t));
    }
    return out;
  }
}
