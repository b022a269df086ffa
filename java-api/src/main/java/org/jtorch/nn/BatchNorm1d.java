package org.jtorch.nn;

import org.jtorch.Tensor;

/**
 * Batch normalisation over (N, C) or (N, C, L) input (statistics per channel C), PyTorch's {@code
 * nn.BatchNorm1d}. See {@link BatchNorm} for how train and eval modes use and update the running
 * statistics.
 *
 * <pre>{@code
 * new BatchNorm1d(BatchNorm1d.options(64).momentum(null).affine(false))
 * }</pre>
 */
public class BatchNorm1d extends BatchNorm {
  /** PyTorch's {@code nn.BatchNorm1d(numFeatures)}. */
  public BatchNorm1d(long numFeatures) {
    this(options(numFeatures));
  }

  /** A layer with the given options. */
  public BatchNorm1d(Options options) {
    super(options);
  }

  /** The options of a layer over {@code numFeatures} channels: affine, tracking running stats. */
  public static Options options(long numFeatures) {
    return new Options(numFeatures, true, true);
  }

  @Override
  void checkInputDim(Tensor input) {
    long d = input.dim();
    if (d != 2 && d != 3) {
      throw new IllegalArgumentException("expected 2D or 3D input (got " + d + "D input)");
    }
  }
}
