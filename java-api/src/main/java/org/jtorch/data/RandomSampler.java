package org.jtorch.data;

import java.util.Iterator;
import org.jtorch.Generator;

/**
 * Random indices, PyTorch's {@code RandomSampler}: without replacement, a random permutation of the
 * data set (repeated when {@code numSamples} is larger); with replacement, {@code numSamples}
 * uniform draws. Draws exactly what Python draws from the generator: {@code randperm(n)} per full
 * pass plus one for the rest (even an empty rest), or {@code randint(n, (32,))} chunks plus one for
 * the rest.
 *
 * <p>Without a generator, each pass seeds a new generator with a number drawn from the default
 * generator, as Python does: after {@code Torch.manualSeed(s)} the order is Python's after {@code
 * torch.manual_seed(s)}.
 */
public final class RandomSampler implements Sampler<Integer> {
  private final int n;
  private final boolean replacement;
  private final int numSamples;
  private final Generator generator;

  /** A random permutation of {@code dataset}'s indices, drawn from {@code generator} (or null). */
  public RandomSampler(Dataset<?> dataset, Generator generator) {
    this(dataset.size(), false, null, generator);
  }

  /**
   * A sampler over a data set of {@code size} samples.
   *
   * @param replacement draw with replacement
   * @param numSamples how many indices a pass yields; null: {@code size}
   * @param generator the source of randomness; null: a fresh one per pass, seeded from the
   *     default generator
   * @throws IllegalArgumentException if {@code numSamples} is not positive
   */
  public RandomSampler(int size, boolean replacement, Integer numSamples, Generator generator) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be non-negative, got " + size);
    }
    int ns = numSamples == null ? size : numSamples;
    if (ns <= 0) {
      throw new IllegalArgumentException(
          "num_samples should be a positive integer value, but got num_samples=" + ns);
    }
    this.n = size;
    this.replacement = replacement;
    this.numSamples = ns;
    this.generator = generator;
  }

  @Override
  public int size() {
    return numSamples;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new ChunkIterator() {
      private Generator g;
      private boolean own;
      private int chunksLeft = -1; // full chunks still to draw; -1 before the first draw
      private boolean restDrawn;

      @Override
      int[] nextChunk() {
        if (chunksLeft < 0) {
          if (generator == null) {
            g = new Generator(Draws.randomInt64(null));
            own = true;
          } else {
            g = generator;
          }
          chunksLeft = replacement ? numSamples / 32 : numSamples / n;
        }
        if (chunksLeft > 0) {
          chunksLeft--;
          return replacement ? Draws.randint(n, 32, g) : Draws.randperm(n, g);
        }
        if (!restDrawn) {
          restDrawn = true;
          int[] rest;
          if (replacement) {
            rest = Draws.randint(n, numSamples % 32, g);
          } else {
            int[] perm = Draws.randperm(n, g);
            rest = java.util.Arrays.copyOf(perm, numSamples % n);
          }
          if (own) {
            g.close();
          }
          return rest;
        }
        return null;
      }
    };
  }
}
