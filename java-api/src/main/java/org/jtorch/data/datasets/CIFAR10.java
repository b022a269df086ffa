package org.jtorch.data.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.internal.NativeCalls;

/**
 * CIFAR-10 in its binary format, from a folder holding {@code data_batch_1.bin} … {@code
 * data_batch_5.bin} and {@code test_batch.bin} (or its {@code cifar-10-batches-bin} sub-folder, as
 * the archive unpacks). Each record is one label byte and 3×32×32 pixel bytes (red, green, blue
 * planes). Nothing is downloaded.
 *
 * <p>Sample {@code i} is an {@link Example}: the image as a uint8 {@code [3, 32, 32]} tensor after
 * {@code transform}, and the label as a 0-d int64 tensor.
 */
public class CIFAR10 implements Dataset<Example>, AutoCloseable {
  /** The class names, by label (the order of the binary version's {@code batches.meta.txt}). */
  public static final String[] CLASSES = {
    "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"
  };

  /**
   * Per-channel mean of the training images (RGB, pixels in [0, 1]), for {@code Normalize}, as
   * torchvision users write it.
   */
  public static final double[] MEAN = {0.4914, 0.4822, 0.4465};

  /** Per-channel standard deviation of the training images (RGB, pixels in [0, 1]). */
  public static final double[] STD = {0.2470, 0.2435, 0.2616};

  /** Bytes of pixels in one record. */
  static final int PIXELS = 3 * 32 * 32;

  private final org.bytedeco.pytorch.Tensor images; // uint8 [N, 3, 32, 32]
  private final org.bytedeco.pytorch.Tensor labels; // int64 [N]
  private final Function<Tensor, Tensor> transform;
  private final int size;
  private volatile boolean closed;

  /**
   * Reads the training ({@code train}) or test set from {@code root}.
   *
   * @param transform applied to each image (null: none)
   * @throws IllegalArgumentException if a file is missing or its length is not a whole number of
   *     records
   */
  public CIFAR10(Path root, boolean train, Function<Tensor, Tensor> transform) {
    this(root, transform, "cifar-10-batches-bin", train ? trainFiles() : List.of("test_batch.bin"), 1);
  }

  private static List<String> trainFiles() {
    List<String> f = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      f.add("data_batch_" + i + ".bin");
    }
    return f;
  }

  /** For CIFAR-100: {@code labelBytes} label bytes per record, the last one used. */
  CIFAR10(Path root, Function<Tensor, Tensor> transform, String sub, List<String> files, int labelBytes) {
    Objects.requireNonNull(root, "root");
    int record = labelBytes + PIXELS;
    List<String> missing = new ArrayList<>();
    for (String name : files) {
      if (!Files.isRegularFile(root.resolve(name))
          && !Files.isRegularFile(root.resolve(sub).resolve(name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) { // every one of them, before anything is read
      throw new IllegalArgumentException(
          "missing file" + (missing.size() > 1 ? "s" : "") + ": expected " + String.join(", ", missing)
              + " in " + root + " or " + root.resolve(sub));
    }
    List<byte[]> contents = new ArrayList<>();
    long total = 0;
    for (String name : files) {
      Path p = root.resolve(name);
      if (!Files.isRegularFile(p)) {
        p = root.resolve(sub).resolve(name);
      }
      byte[] b;
      try {
        b = Files.readAllBytes(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
      }
      if (b.length == 0 || b.length % record != 0) {
        throw new IllegalArgumentException(
            p
                + ": malformed CIFAR binary file: "
                + b.length
                + " bytes is not a whole number of "
                + record
                + "-byte records (truncated?)");
      }
      contents.add(b);
      total += b.length / record;
    }
    if (total * PIXELS > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many records");
    }
    int n = (int) total;
    byte[] pixels = new byte[n * PIXELS];
    byte[] labelBytes0 = new byte[n];
    int k = 0;
    for (byte[] b : contents) {
      for (int off = 0; off < b.length; off += record, k++) {
        byte label = b[off + labelBytes - 1];
        labelBytes0[k] = label;
        System.arraycopy(b, off + labelBytes, pixels, k * PIXELS, PIXELS);
      }
    }
    this.size = n;
    this.transform = transform;
    try (Tensor img = Torch.fromBytes(pixels, DType.UINT8, n, 3, 32, 32);
        Tensor u8 = Torch.fromBytes(labelBytes0, DType.UINT8, n);
        Tensor l64 = u8.to(DType.INT64)) {
      this.images = Native.own(img);
      this.labels = Native.own(l64);
    }
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
    Tensor image = NativeCalls.tensor(() -> images.select(0, index));
    Tensor label = NativeCalls.tensor(() -> labels.select(0, index));
    return new Example(transform == null ? image : transform.apply(image), label);
  }

  /**
   * Frees the data set's reference to its images and labels (the GC does otherwise). Do not close
   * it while a loader still reads it.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      images.close();
      labels.close();
    }
  }
}
