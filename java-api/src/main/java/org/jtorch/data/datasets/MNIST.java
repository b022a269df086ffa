package org.jtorch.data.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.internal.NativeCalls;
import static org.jtorch.data.datasets.Native.own;
import org.jtorch.internal.Handles;

/**
 * The MNIST digits, torchvision's {@code MNIST}, from the four IDX files ({@code
 * train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-…}, each plain or with
 * {@code .gz}) in a folder (or its {@code MNIST/raw} sub-folder, torchvision's layout). Nothing is
 * downloaded.
 *
 * <p>Sample {@code i} is an {@link Example}: the image as a uint8 {@code [1, 28, 28]} tensor (put
 * {@link org.jtorch.data.transforms.ToTensor} first in the transform for floats in [0, 1]) after
 * {@code transform}, and the label as a 0-d int64 tensor. The whole file is read into one tensor
 * when the data set is made; samples are views into it.
 */
public class MNIST implements Dataset<Example>, AutoCloseable {
  // native references of our own, outside any Scope (a data set outlives the scope it is made in)
  private final org.bytedeco.pytorch.Tensor images; // uint8 [N, H, W]
  private final org.bytedeco.pytorch.Tensor labels; // int64 [N]
  private final Function<Tensor, Tensor> transform;
  private final int size;
  private volatile boolean closed;

  /**
   * Reads the training ({@code train}) or test set from {@code root}.
   *
   * @param transform applied to each image (null: none)
   * @throws IllegalArgumentException if a file is missing or malformed; the message names the
   *     file and the problem
   */
  public MNIST(Path root, boolean train, Function<Tensor, Tensor> transform) {
    this(root, train, transform, "MNIST");
  }

  /** For subclasses with the same file format and another folder name. */
  protected MNIST(Path root, boolean train, Function<Tensor, Tensor> transform, String name) {
    Objects.requireNonNull(root, "root");
    String prefix = train ? "train" : "t10k";
    Path imageFile = find(root, name, prefix + "-images-idx3-ubyte");
    Path labelFile = find(root, name, prefix + "-labels-idx1-ubyte");
    Idx.Data img = Idx.read(imageFile, 3);
    Idx.Data lab = Idx.read(labelFile, 1);
    if (img.dims()[0] != lab.dims()[0]) {
      throw new IllegalArgumentException(
          "wrong counts: "
              + imageFile
              + " holds "
              + img.dims()[0]
              + " images but "
              + labelFile
              + " holds "
              + lab.dims()[0]
              + " labels");
    }
    this.size = img.dims()[0];
    this.transform = transform;
    try (Tensor i8 = Torch.fromBytes(img.bytes(), DType.UINT8, size, img.dims()[1], img.dims()[2]);
        Tensor u8 = Torch.fromBytes(lab.bytes(), DType.UINT8, size);
        Tensor l64 = u8.to(DType.INT64)) {
      this.images = own(i8);
      this.labels = own(l64);
    }
  }

  /** The file {@code base} or {@code base.gz} in {@code root} or {@code root/name/raw}. */
  static Path find(Path root, String name, String base) {
    for (Path dir : new Path[] {root, root.resolve(name).resolve("raw")}) {
      for (String f : new String[] {base, base + ".gz"}) {
        Path p = dir.resolve(f);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "missing file: expected "
            + base
            + " or "
            + base
            + ".gz in "
            + root
            + " (or in "
            + root.resolve(name).resolve("raw")
            + ")");
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Example get(int index) {
    Objects.checkIndex(index, size);
    if (closed) {
      throw new IllegalStateException("this data set is closed");
    }
    Tensor image = NativeCalls.tensor(() -> images.narrow(0, index, 1)); // [1, H, W]
    Tensor label = NativeCalls.tensor(() -> labels.select(0, index));
    return new Example(transform == null ? image : transform.apply(image), label);
  }

  /** All images, uint8 {@code [N, H, W]}: a new reference, yours to close. */
  public Tensor data() {
    return Handles.wrap(new org.bytedeco.pytorch.Tensor(images));
  }

  /** All labels, int64 {@code [N]}: a new reference, yours to close. */
  public Tensor targets() {
    return Handles.wrap(new org.bytedeco.pytorch.Tensor(labels));
  }

  /**
   * Frees the data set's reference to its images and labels (the GC does otherwise); samples taken
   * before stay valid. Do not close it while a loader still reads it.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    images.close();
    labels.close();
  }
}
