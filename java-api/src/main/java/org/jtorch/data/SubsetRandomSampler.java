package org.jtorch.data;

import java.util.Iterator;
import org.jtorch.Generator;

/**
 * The given indices in a random order, PyTorch's {@code SubsetRandomSampler}: {@code
 * indices[randperm(len(indices))]}, drawn from the generator (or the default one).
 */
public final class SubsetRandomSampler implements Sampler<Integer> {
  private final int[] indices;
  private final Generator generator;

  /** A sampler over a copy of {@code indices}. */
  public SubsetRandomSampler(int[] indices, Generator generator) {
    this.indices = indices.clone();
    this.generator = generator;
  }

  @Override
  public int size() {
    return indices.length;
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
        int[] perm = Draws.randperm(indices.length, generator);
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
          out[i] = indices[perm[i]];
        }
        return out;
      }
    };
  }
}
