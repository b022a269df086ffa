package org.jtorch.data.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jtorch.Tensor;

/**
 * CIFAR-100 in its binary format, from a folder holding {@code train.bin} and {@code test.bin} (or
 * its {@code cifar-100-binary} sub-folder). Each record is a coarse label byte, a fine label byte
 * and 3×32×32 pixel bytes; the label of a sample is the fine one (0..99), as torchvision's.
 */
public final class CIFAR100 extends CIFAR10 {
  /**
   * Reads the training ({@code train}) or test set from {@code root}.
   *
   * @throws IllegalArgumentException if a file is missing or malformed
   */
  public CIFAR100(Path root, boolean train, Function<Tensor, Tensor> transform) {
    super(root, transform, "cifar-100-binary", List.of(train ? "train.bin" : "test.bin"), 2);
  }
}
