package org.jtorch.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jtorch.Generator;

/**
 * A map-style data set, PyTorch's {@code torch.utils.data.Dataset}: {@link #size()} samples, each
 * read with {@link #get(int)} (Python's {@code __len__} and {@code __getitem__}).
 *
 * <p>A {@link DataLoader} with workers calls {@link #get} from several threads at once, so an
 * implementation must be safe for concurrent reads (the data sets of jtorch are). A tensor that
 * {@code get} creates belongs to the loader, which frees it once the batch is built; a tensor the
 * data set holds and returns as is (a cached sample) is never closed by the loader.
 *
 * @param <T> the type of a sample, such as {@link Example}
 */
public interface Dataset<T> {
  /** The number of samples. */
  int size();

  /**
   * The sample at {@code index}, {@code 0 <= index < size()}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  T get(int index);

  /**
   * A view of this data set whose samples are {@code fn} applied to this one's, computed on each
   * {@link #get} (like a transform of torchvision's data sets).
   */
  default <R> Dataset<R> map(Function<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    Dataset<T> self = this;
    return new Dataset<R>() {
      @Override
      public int size() {
        return self.size();
      }

      @Override
      public R get(int index) {
        return fn.apply(self.get(index));
      }
    };
  }

  /**
   * Splits {@code dataset} into non-overlapping random subsets of the given lengths, PyTorch's
   * {@code random_split(dataset, lengths, generator)}: the same generator state gives the same
   * subsets as Python. The lengths must add up to {@code dataset.size()}.
   *
   * @param generator the source of the permutation; null: the default generator
   */
  static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
    Objects.requireNonNull(dataset, "dataset");
    long total = 0;
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 0) {
        throw new IllegalArgumentException("length at index " + i + " is negative: " + lengths[i]);
      }
      total += lengths[i];
    }
    if (total != dataset.size()) {
      throw new IllegalArgumentException(
          "sum of input lengths ("
              + total
              + ") does not equal the length of the input dataset ("
              + dataset.size()
              + ")");
    }
    int[] perm = Draws.randperm((int) total, generator);
    List<Subset<T>> out = new ArrayList<>(lengths.length);
    int offset = 0;
    for (int length : lengths) {
      int[] idx = new int[length];
      System.arraycopy(perm, offset, idx, 0, length);
      out.add(new Subset<>(dataset, idx));
      offset += length;
    }
    return out;
  }

  /**
   * {@link #randomSplit(Dataset, int[], Generator)} with fractions that add up to 1, turned into
   * lengths as PyTorch does: {@code floor(size * fraction)} each, then the remainder handed out one
   * by one, round robin from the first split.
   */
  static <T> List<Subset<T>> randomSplit(
      Dataset<T> dataset, double[] fractions, Generator generator) {
    Objects.requireNonNull(dataset, "dataset");
    double sum = 0;
    for (int i = 0; i < fractions.length; i++) {
      if (!(fractions[i] >= 0 && fractions[i] <= 1)) {
        throw new IllegalArgumentException("fraction at index " + i + " is not between 0 and 1");
      }
      sum += fractions[i];
    }
    if (Math.abs(sum - 1) > 1e-9 || sum > 1 + 1e-12) {
      throw new IllegalArgumentException("fractions must add up to 1, got " + sum);
    }
    int n = dataset.size();
    int[] lengths = new int[fractions.length];
    int used = 0;
    for (int i = 0; i < fractions.length; i++) {
      lengths[i] = (int) Math.floor(n * fractions[i]);
      used += lengths[i];
    }
    for (int i = 0; i < n - used; i++) {
      lengths[i % lengths.length]++;
    }
    return randomSplit(dataset, lengths, generator);
  }
}
