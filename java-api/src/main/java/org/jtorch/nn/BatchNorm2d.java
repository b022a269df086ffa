package org.jtorch.nn;

import org.jtorch.Tensor;

/**
 * Batch normalisation over (N, C, H, W) input (statistics per channel C), PyTorch's {@code
 * nn.BatchNorm2d}. See {@link BatchNorm} for how train and eval modes use and update the running
 * statistics.
 *
 * <pre>{@code
 * new BatchNorm2d(BatchNorm2d.options(64).momentum(null).affine(false))
 * }</pre>
 */
public class BatchNorm2d extends BatchNorm {
  /** PyTorch's {@code nn.BatchNorm2d(numFeatures)}. */
  public BatchNorm2d(long numFeatures) {
    this(options(numFeatures));
  }

  /** A layer with the given options. */
  public BatchNorm2d(Options options) {
    super(options);
  }

  /** The options of a layer over {@code numFeatures} channels: affine, tracking running stats. */
  public static Options options(long numFeatures) {
    return new Options(numFeatures, true, true);
  }

  @Override
  void checkInputDim(Tensor input) {
    long d = input.dim();
    if (d != 4) {
      throw new IllegalArgumentException("expected 4D input (got " + d + "D input)");
    }
  }
}
