package org.jtorch;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What PyTorch's {@code torch.unique} returns: the distinct values and, when asked for, the inverse
 * indices and the counts. Where PyTorch returns a bare tensor or a shorter tuple, jtorch always
 * returns this record, with {@code null} for the parts not asked for.
 *
 * <p>Closing the record closes every tensor it holds.
 *
 * @param values the distinct values (or slices, with a dim), sorted where asked
 * @param inverseIndices for each input element (or slice), the index of its value in {@code
 *     values}; null unless {@code returnInverse} was set
 * @param counts how often each value occurs; null unless {@code returnCounts} was set
 */
public record Unique(Tensor values, Tensor inverseIndices, Tensor counts) implements TensorTuple {
  @Override
  public List<Tensor> tensors() {
    return Stream.of(values, inverseIndices, counts)
        .filter(Objects::nonNull)
        .collect(Collectors.toUnmodifiableList());
  }
}
