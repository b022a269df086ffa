package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * Instance normalisation over (N, C, H, W) or unbatched (C, H, W) input: each sample's channels are
 * normalised with their own spatial statistics, PyTorch's {@code nn.InstanceNorm2d}. Unlike batch
 * norm, affine and trackRunningStats default to false. With running statistics tracked, training
 * mode updates them and eval mode uses them.
 *
 * <p>Where PyTorch only warns (a channel count that differs from numFeatures when not affine),
 * jtorch says nothing.
 */
public class InstanceNorm2d extends NormBase {
  /** PyTorch's {@code nn.InstanceNorm2d(numFeatures)}: not affine, no running stats. */
  public InstanceNorm2d(long numFeatures) {
    this(options(numFeatures));
  }

  /** A layer with the given options. */
  public InstanceNorm2d(Options options) {
    super(options);
  }

  /** The options of a layer over {@code numFeatures} channels: not affine, no running stats. */
  public static Options options(long numFeatures) {
    return new Options(numFeatures, false, false);
  }

  @Override
  public Tensor forward(Tensor input) {
    checkOpen();
    long d = input.dim();
    if (d != 3 && d != 4) {
      throw new IllegalArgumentException("expected 3D or 4D input (got " + d + "D input)");
    }
    long featureDim = d - 3;
    long channels = input.size(featureDim);
    if (channels != numFeatures && affine) {
      throw new IllegalArgumentException(
          "expected input's size at dim=" + featureDim + " to match num_features (" + numFeatures
              + "), but got: " + channels + ".");
    }
    if (d == 3) {
      try (Tensor batched = input.unsqueeze(0);
          Tensor out = apply(batched)) {
        return out.squeeze(0);
      }
    }
    return apply(input);
  }

  private Tensor apply(Tensor input) {
    return F.instanceNorm(
        input,
        runningMean,
        runningVar,
        weight,
        bias,
        isTraining() || !trackRunningStats,
        momentum == null ? 0.0 : momentum,
        eps);
  }
}
