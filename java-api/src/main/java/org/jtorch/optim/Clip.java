package org.jtorch.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.jtorch.autograd.GradMode;
import org.jtorch.linalg.Linalg;

/**
 * Gradient clipping, PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code
 * clip_grad_value_}. Parameters without a gradient are skipped.
 *
 * <pre>{@code
 * loss.backward();
 * Tensor norm = Clip.clipGradNorm_(model.parameters(), 1.0);
 * opt.step();
 * }</pre>
 */
public final class Clip {
  private Clip() {}

  /** {@link #clipGradNorm_(Iterable, double, double, boolean)} with the 2-norm. */
  public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm) {
    return clipGradNorm_(parameters, maxNorm, 2.0, false);
  }

  /** {@link #clipGradNorm_(Iterable, double, double, boolean)} without the non-finite check. */
  public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType) {
    return clipGradNorm_(parameters, maxNorm, normType, false);
  }

  /**
   * Scales all gradients together so that their joint {@code normType}-norm (the norm of the
   * per-gradient norms; {@code Double.POSITIVE_INFINITY} for the max-norm) is at most {@code
   * maxNorm}, in place. Returns the total norm before clipping (a 0-d tensor; 0 when no parameter
   * has a gradient).
   *
   * @throws TorchException if {@code errorIfNonfinite} and the total norm is NaN or infinite
   *     (gradients are then left unchanged)
   */
  public static Tensor clipGradNorm_(
      Iterable<Tensor> parameters, double maxNorm, double normType, boolean errorIfNonfinite) {
    Objects.requireNonNull(parameters, "parameters");
    try (GradMode g = Torch.noGrad()) {
      List<Tensor> grads = grads(parameters);
      if (grads.isEmpty()) {
        return Torch.scalarTensor(0.0);
      }
      Tensor total;
      try (Scope scope = Scope.open()) {
        List<Tensor> norms = new ArrayList<>();
        for (Tensor grad : grads) {
          norms.add(Linalg.vectorNorm(grad, normType));
        }
        total = scope.keep(Linalg.vectorNorm(Torch.stack(norms), normType));
        if (errorIfNonfinite && !Double.isFinite(total.doubleValue())) {
          total.close();
          throw new TorchException(
              "The total norm of order " + normType + " for gradients from `parameters` is"
                  + " non-finite, so it cannot be clipped. To disable this error and scale the"
                  + " gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
        }
        Tensor coef = total.add(1e-6).reciprocal().mul(maxNorm).clampMax(1.0);
        for (Tensor grad : grads) {
          grad.mul_(coef);
        }
      } finally {
        grads.forEach(Tensor::close);
      }
      return total;
    }
  }

  /**
   * Clamps every gradient to {@code [-clipValue, clipValue]} in place, PyTorch's {@code
   * clip_grad_value_}.
   */
  public static void clipGradValue_(Iterable<Tensor> parameters, double clipValue) {
    Objects.requireNonNull(parameters, "parameters");
    try (GradMode g = Torch.noGrad()) {
      List<Tensor> grads = grads(parameters);
      try {
        for (Tensor grad : grads) {
          grad.clamp_(-clipValue, clipValue);
        }
      } finally {
        grads.forEach(Tensor::close);
      }
    }
  }

  private static List<Tensor> grads(Iterable<Tensor> parameters) {
    List<Tensor> grads = new ArrayList<>();
    for (Tensor p : parameters) {
      Tensor grad = Objects.requireNonNull(p, "a parameter is null").grad();
      if (grad != null) {
        grads.add(grad);
      }
    }
    return grads;
  }
}
