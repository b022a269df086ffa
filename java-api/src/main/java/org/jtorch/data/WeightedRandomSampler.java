package org.jtorch.data;

import java.util.Iterator;
import org.jtorch.Generator;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Indices drawn with the given (unnormalised) weights, PyTorch's {@code WeightedRandomSampler}:
 * {@code multinomial(weights, numSamples, replacement)} in float64, so rare classes can be drawn as
 * often as common ones (weight each sample by {@code 1 / count(its class)}).
 */
public final class WeightedRandomSampler implements Sampler<Integer> {
  private final double[] weights;
  private final int numSamples;
  private final boolean replacement;
  private final Generator generator;

  /**
   * A sampler drawing {@code numSamples} indices into {@code weights}.
   *
   * @param replacement with replacement (PyTorch's default); without, {@code numSamples} must not
   *     exceed the number of non-zero weights
   * @param generator the source of randomness, or null for the default generator
   * @throws IllegalArgumentException if {@code numSamples} is not positive or a weight is negative
   *     or not finite
   */
  public WeightedRandomSampler(
      double[] weights, int numSamples, boolean replacement, Generator generator) {
    if (numSamples <= 0) {
      throw new IllegalArgumentException(
          "num_samples should be a positive integer value, but got num_samples=" + numSamples);
    }
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            "weights must be finite and non-negative; weight " + i + " is " + weights[i]);
      }
    }
    this.weights = weights.clone();
    this.numSamples = numSamples;
    this.replacement = replacement;
    this.generator = generator;
  }

  @Override
  public int size() {
    return numSamples;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new ChunkIterator() {
      private boolean drawn;

      @Override
      int[] nextChunk() {
        if (drawn) {
          return null;
        }
        drawn = true;
        try (Tensor w = Torch.tensor(weights); // float64, as Python's as_tensor(dtype=double)
            Tensor draw = Torch.multinomial(w, numSamples, replacement, generator)) {
          return draw.toIntArray();
        }
      }
    };
  }
}
