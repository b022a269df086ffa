package org.jtorch.data.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jtorch.DType;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.data.Dataset;
import org.jtorch.data.Example;
import org.jtorch.data.transforms.ToTensor;

/**
 * Images in one sub-folder per class, torchvision's {@code ImageFolder}: {@code root/cat/1.png},
 * {@code root/dog/7.jpg}, … Classes are the sub-folders' names in sorted order (their index is the
 * label); images are the files with an image extension ({@code .png}, {@code .jpg}, {@code .jpeg},
 * {@code .bmp}, {@code .gif}), sorted, read with {@code javax.imageio} on each {@link #get}.
 *
 * <p>Sample {@code i} is an {@link Example}: the image as a uint8 RGB {@code [3, H, W]} tensor
 * (torchvision's loader converts to RGB too) after {@code transform}, and the label as a 0-d
 * int64 tensor.
 */
public final class ImageFolder implements Dataset<Example> {
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

  private final List<String> classes;
  private final List<Path> files;
  private final int[] targets;
  private final Function<Tensor, Tensor> transform;

  /**
   * Lists the images under {@code root}.
   *
   * @param transform applied to each image (null: none)
   * @throws IllegalArgumentException if {@code root} is not a folder, has no class folders, or a
   *     class folder holds no image
   */
  public ImageFolder(Path root, Function<Tensor, Tensor> transform) {
    Objects.requireNonNull(root, "root");
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a folder: " + root);
    }
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(Files::isDirectory).forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    dirs.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("no class folders found in " + root);
    }
    List<String> names = new ArrayList<>();
    List<Path> all = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < dirs.size(); c++) {
      Path dir = dirs.get(c);
      names.add(dir.getFileName().toString());
      List<Path> images = new ArrayList<>();
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(Files::isRegularFile).filter(ImageFolder::isImage).forEach(images::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
      if (images.isEmpty()) {
        throw new IllegalArgumentException(
            "found no valid file for the class "
                + dir.getFileName()
                + " in "
                + dir
                + ". Supported extensions are: .png, .jpg, .jpeg, .bmp, .gif");
      }
      Collections.sort(images);
      for (Path p : images) {
        all.add(p);
        labels.add(c);
      }
    }
    this.classes = List.copyOf(names);
    this.files = List.copyOf(all);
    this.targets = labels.stream().mapToInt(Integer::intValue).toArray();
    this.transform = transform;
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The class names, sorted; a sample's label is its class's index here. */
  public List<String> classes() {
    return classes;
  }

  /** Class name to label. */
  public Map<String, Integer> classToIdx() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      m.put(classes.get(i), i);
    }
    return m;
  }

  /** The image files, in sample order. */
  public List<Path> files() {
    return files;
  }

  @Override
  public int size() {
    return files.size();
  }

  /**
   * The image at {@code index}, decoded now.
   *
   * @throws IllegalArgumentException if the file is not a readable image
   */
  @Override
  public Example get(int index) {
    Objects.checkIndex(index, files.size());
    Path p = files.get(index);
    BufferedImage img;
    try {
      img = ImageIO.read(p.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot decode the image " + p + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IllegalArgumentException("not an image javax.imageio can read: " + p);
    }
    Tensor image = ToTensor.rgb(img, 3);
    Tensor label = Torch.scalarTensor(targets[index], TensorOptions.dtype(DType.INT64));
    return new Example(transform == null ? image : transform.apply(image), label);
  }
}
