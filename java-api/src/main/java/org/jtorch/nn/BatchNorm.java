package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.nn.functional.F;

/**
 * The common base of {@link BatchNorm1d} and {@link BatchNorm2d}, PyTorch's {@code _BatchNorm}.
 *
 * <p>In training mode the layer normalises with the batch's statistics and, when it tracks running
 * statistics, adds one to {@code num_batches_tracked} and updates {@code running_mean} and {@code
 * running_var} in place with {@code momentum} (or with 1/num_batches_tracked when momentum is
 * null: a cumulative average). In eval mode it normalises with the running statistics, or with the
 * batch's when it tracks none.
 */
public abstract class BatchNorm extends NormBase {
  BatchNorm(Options options) {
    super(options);
  }

  /** Throws PyTorch's ValueError (as IllegalArgumentException) for an input of the wrong rank. */
  abstract void checkInputDim(Tensor input);

  @Override
  public Tensor forward(Tensor input) {
    checkOpen();
    checkInputDim(input);
    double factor = momentum == null ? 0.0 : momentum;
    if (isTraining() && trackRunningStats) {
      try (GradMode off = Torch.noGrad()) {
        numBatchesTracked.add_(1L);
      }
      if (momentum == null) {
        factor = 1.0 / numBatchesTracked.longValue();
      }
    }
    boolean bnTraining = isTraining() || (runningMean == null && runningVar == null);
    boolean useRunning = !isTraining() || trackRunningStats;
    return F.batchNorm(
        input,
        useRunning ? runningMean : null,
        useRunning ? runningVar : null,
        weight,
        bias,
        bnTraining,
        factor,
        eps);
  }
}
