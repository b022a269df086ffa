package org.jtorch.nn;

import org.jtorch.Tensor;

/**
 * Batch normalisation over (N, C, D, H, W) input (statistics per channel C), PyTorch's {@code
 * nn.BatchNorm3d}. See {@link BatchNorm} for how train and eval modes use and update the running
 * statistics.
 *
 * <pre>{@code
 * new BatchNorm3d(BatchNorm3d.options(64).momentum(null).affine(false))
 * }</pre>
 */
public class BatchNorm3d extends BatchNorm {
  /** PyTorch's {@code nn.BatchNorm3d(numFeatures)}. */
  public BatchNorm3d(long numFeatures) {
    this(options(numFeatures));
  }

  /** A layer with the given options. */
  public BatchNorm3d(Options options) {
    super(options);
  }

  /** The options of a layer over {@code numFeatures} channels: affine, tracking running stats. */
  public static Options options(long numFeatures) {
    return new Options(numFeatures, true, true);
  }

  @Override
  void checkInputDim(Tensor input) {
    long d = input.dim();
    if (d != 5) {
      throw new IllegalArgumentException("expected 5D input (got " + d + "D input)");
    }
  }
}
