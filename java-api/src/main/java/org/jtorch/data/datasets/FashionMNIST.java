package org.jtorch.data.datasets;

import java.nio.file.Path;
import java.util.function.Function;
import org.jtorch.Tensor;

/**
 * Zalando's Fashion-MNIST, torchvision's {@code FashionMNIST}: the same IDX format and samples as
 * {@link MNIST} (28×28 grey images, 10 classes, 60,000 training and 10,000 test images).
 *
 * <p>{@link #DEFAULT_ROOT} is where Debian's {@code dataset-fashion-mnist} package installs the
 * four {@code .gz} files ({@code apt-get install dataset-fashion-mnist}).
 */
public final class FashionMNIST extends MNIST {
  /** {@code /usr/share/datasets/fashion-mnist}, Debian's {@code dataset-fashion-mnist}. */
  public static final Path DEFAULT_ROOT = Path.of("/usr/share/datasets/fashion-mnist");

  /** The class names, by label. */
  public static final String[] CLASSES = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
  };

  /** Reads the training or test set from {@link #DEFAULT_ROOT}. */
  public FashionMNIST(boolean train, Function<Tensor, Tensor> transform) {
    this(DEFAULT_ROOT, train, transform);
  }

  /**
   * Reads the training ({@code train}) or test set from {@code root} (or {@code
   * root/FashionMNIST/raw}).
   *
   * @throws IllegalArgumentException if a file is missing or malformed
   */
  public FashionMNIST(Path root, boolean train, Function<Tensor, Tensor> transform) {
    super(root, train, transform, "FashionMNIST");
  }
}
