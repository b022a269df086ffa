package org.jtorch.data.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Example;
import org.jtorch.data.transforms.ToTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data sets read from small fixtures written by the tests themselves. */
class DatasetsTest {
  @TempDir Path dir;

  private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(b);
    }
    return bytes.toByteArray();
  }

  /** n images of 28x28 whose pixel (r, c) is (i + r + c) % 256, labels i % 10. */
  private void writeMnist(Path folder, String prefix, int n, boolean gz) throws IOException {
    byte[] px = new byte[n * 28 * 28];
    byte[] lab = new byte[n];
    for (int i = 0; i < n; i++) {
      lab[i] = (byte) (i % 10);
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          px[i * 784 + r * 28 + c] = (byte) (i + r + c);
        }
      }
    }
    byte[] images = idx(0x803, new int[] {n, 28, 28}, px);
    byte[] labels = idx(0x801, new int[] {n}, lab);
    String ext = gz ? ".gz" : "";
    Files.createDirectories(folder);
    Files.write(folder.resolve(prefix + "-images-idx3-ubyte" + ext), gz ? gzip(images) : images);
    Files.write(folder.resolve(prefix + "-labels-idx1-ubyte" + ext), gz ? gzip(labels) : labels);
  }

  @Test
  void fashionMnistFromGzippedAndPlainIdx() throws IOException {
    writeMnist(dir, "train", 12, true);
    writeMnist(dir, "t10k", 5, false);
    try (FashionMNIST train = new FashionMNIST(dir, true, null);
        FashionMNIST test = new FashionMNIST(dir, false, new ToTensor());
        Scope scope = Scope.open()) {
      assertEquals(12, train.size());
      assertEquals(5, test.size());
      Example e = train.get(7);
      assertArrayEquals(new long[] {1, 28, 28}, e.input().shape());
      assertEquals(DType.UINT8, e.input().dtype());
      assertEquals(7, e.target().longValue());
      assertEquals(DType.INT64, e.target().dtype());
      byte[] px = e.input().toByteArray();
      assertEquals((byte) (7 + 3 + 5), px[3 * 28 + 5]);
      Example f = test.get(4);
      assertEquals(DType.FLOAT32, f.input().dtype());
      assertEquals((4 + 27 + 27) / 255f, f.input().toFloatArray()[28 * 28 - 1], 1e-7);
      try (DataLoader<Example> loader = DataLoader.builder(train).batchSize(5).build()) {
        Example b = loader.iterator().next();
        assertArrayEquals(new long[] {5, 1, 28, 28}, b.input().shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, b.target().toLongArray());
      }
      assertThrows(IndexOutOfBoundsException.class, () -> train.get(12));
    }
    assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), FashionMNIST.DEFAULT_ROOT);
  }

  @Test
  void mnistInTorchvisionsRawFolder() throws IOException {
    writeMnist(dir.resolve("MNIST").resolve("raw"), "t10k", 3, false);
    try (MNIST m = new MNIST(dir, false, null); Tensor data = m.data(); Tensor targets = m.targets()) {
      assertArrayEquals(new long[] {3, 28, 28}, data.shape());
      assertArrayEquals(new long[] {0, 1, 2}, targets.toLongArray());
    }
  }

  private IllegalArgumentException fails(byte[] images, byte[] labels) throws IOException {
    Files.write(dir.resolve("train-images-idx3-ubyte"), images);
    Files.write(dir.resolve("train-labels-idx1-ubyte"), labels);
    return assertThrows(IllegalArgumentException.class, () -> new MNIST(dir, true, null));
  }

  @Test
  void malformedIdxFilesNameTheProblem() throws IOException {
    byte[] px = new byte[2 * 784];
    byte[] goodImages = idx(0x803, new int[] {2, 28, 28}, px);
    byte[] goodLabels = idx(0x801, new int[] {2}, new byte[2]);
    IllegalArgumentException e =
        fails(idx(0x802, new int[] {2, 28, 28}, px), goodLabels);
    assertTrue(e.getMessage().contains("wrong magic number 0x00000802"), e.getMessage());
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    e = fails(Arrays.copyOf(goodImages, goodImages.length - 100), goodLabels);
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    e = fails(Arrays.copyOf(goodImages, 6), goodLabels);
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    e = fails(goodImages, idx(0x801, new int[] {3}, new byte[3]));
    assertTrue(e.getMessage().contains("wrong counts"), e.getMessage());
    e = fails(gzip(Arrays.copyOf(goodImages, 500)), goodLabels);
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    e = fails(Arrays.copyOf(goodImages, goodImages.length + 1), goodLabels);
    assertTrue(e.getMessage().contains("longer than its header"), e.getMessage());
    Files.delete(dir.resolve("train-labels-idx1-ubyte"));
    e = assertThrows(IllegalArgumentException.class, () -> new MNIST(dir, true, null));
    assertTrue(e.getMessage().contains("missing file"), e.getMessage());
    assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
  }

  private static byte[] cifar(int n, int labelBytes) {
    int rec = labelBytes + 3072;
    byte[] b = new byte[n * rec];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < labelBytes; k++) {
        b[i * rec + k] = (byte) (i * (k + 1) % 100);
      }
      for (int p = 0; p < 3072; p++) {
        b[i * rec + labelBytes + p] = (byte) (p / 1024 * 50 + i);
      }
    }
    return b;
  }

  @Test
  void cifarBinaryFiles() throws IOException {
    Path c10 = dir.resolve("cifar-10-batches-bin");
    Files.createDirectories(c10);
    for (int i = 1; i <= 5; i++) {
      Files.write(c10.resolve("data_batch_" + i + ".bin"), cifar(2, 1));
    }
    Files.write(c10.resolve("test_batch.bin"), cifar(3, 1));
    try (CIFAR10 train = new CIFAR10(dir, true, null);
        CIFAR10 test = new CIFAR10(dir, false, null);
        Scope scope = Scope.open()) {
      assertEquals(10, train.size());
      assertEquals(3, test.size());
      Example e = test.get(2);
      assertArrayEquals(new long[] {3, 32, 32}, e.input().shape());
      assertEquals(2, e.target().longValue());
      byte[] px = e.input().toByteArray();
      assertEquals(2, px[0]);
      assertEquals(52, px[1024]);
      assertEquals(102, px[2048 + 5]);
    }
    Files.write(dir.resolve("train.bin"), cifar(4, 2));
    Files.write(dir.resolve("test.bin"), cifar(1, 2));
    try (CIFAR100 c = new CIFAR100(dir, true, null); Scope scope = Scope.open()) {
      assertEquals(4, c.size());
      assertEquals(6, c.get(3).target().longValue()); // the fine label, 3 * 2
    }
    Files.write(c10.resolve("test_batch.bin"), Arrays.copyOf(cifar(3, 1), 3 * 3073 - 7));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CIFAR10(dir, false, null));
    assertTrue(e.getMessage().contains("test_batch.bin"), e.getMessage());
    assertTrue(e.getMessage().contains("not a whole number of 3073-byte records"), e.getMessage());
    Files.delete(c10.resolve("data_batch_3.bin"));
    e = assertThrows(IllegalArgumentException.class, () -> new CIFAR10(dir, true, null));
    assertTrue(e.getMessage().contains("data_batch_3.bin"), e.getMessage());
    Files.delete(c10.resolve("data_batch_5.bin"));
    e = assertThrows(IllegalArgumentException.class, () -> new CIFAR10(dir, true, null));
    assertTrue(e.getMessage().contains("missing files: expected data_batch_3.bin, data_batch_5.bin"),
        e.getMessage());
    assertEquals(10, CIFAR10.CLASSES.length);
  }

  @Test
  void imageFolderReadsPngsPerClass() throws IOException {
    String[] classes = {"dog", "cat"};
    for (int c = 0; c < 2; c++) {
      Path d = dir.resolve(classes[c]);
      Files.createDirectories(d);
      for (int i = 0; i < 2; i++) {
        BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 2, (10 * c + i) << 16 | 200 << 8 | 7);
        ImageIO.write(img, "png", d.resolve("img" + i + ".png").toFile());
      }
      Files.writeString(d.resolve("notes.txt"), "not an image");
    }
    ImageFolder f = new ImageFolder(dir, new ToTensor());
    assertEquals(List.of("cat", "dog"), f.classes());
    assertEquals(4, f.size());
    try (Scope scope = Scope.open()) {
      Example e = f.get(1); // cat/img1.png
      assertArrayEquals(new long[] {3, 4, 5}, e.input().shape());
      assertEquals(0, e.target().longValue());
      float[] px = e.input().toFloatArray();
      assertEquals(11 / 255f, px[2 * 5 + 1], 1e-7);
      assertEquals(200 / 255f, px[20 + 2 * 5 + 1], 1e-7);
      assertEquals(7 / 255f, px[40 + 2 * 5 + 1], 1e-7);
      assertEquals(1, f.get(2).target().longValue());
    }
    Files.writeString(dir.resolve("cat").resolve("broken.png"), "garbage");
    ImageFolder g = new ImageFolder(dir, null);
    int broken = g.files().indexOf(dir.resolve("cat").resolve("broken.png"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.get(broken));
    assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    Files.createDirectories(dir.resolve("empty"));
    e = assertThrows(IllegalArgumentException.class, () -> new ImageFolder(dir, null));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void csvWithHeaderAndWithout() throws IOException {
    Path f = dir.resolve("iris.csv");
    Files.writeString(f, "a,b,label,c\n1,2,0,3\n\n4.5,5,2,6\n");
    try (CsvDataset d = CsvDataset.read(f, "label", DType.INT64); Scope scope = Scope.open()) {
      assertEquals(2, d.size());
      assertEquals(List.of("a", "b", "c"), d.featureNames());
      Example e = d.get(1);
      assertArrayEquals(new float[] {4.5f, 5, 6}, e.input().toFloatArray());
      assertEquals(2, e.target().longValue());
      assertEquals(DType.INT64, e.target().dtype());
    }
    Path g = dir.resolve("plain.csv");
    Files.writeString(g, "1;2;0.5\n3;4;1.5\n");
    try (CsvDataset d = CsvDataset.read(g, ';', -1, DType.FLOAT32); Scope scope = Scope.open()) {
      assertEquals(1.5f, d.get(1).target().floatValue());
      assertArrayEquals(new float[] {3, 4}, d.get(1).input().toFloatArray());
    }
    Files.writeString(f, "a,label\n1,0\n2,x\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvDataset.read(f, "label", DType.INT64));
    assertTrue(e.getMessage().contains("line 3, column 2"), e.getMessage());
    Files.writeString(f, "a,label\n1,0\n2\n");
    e = assertThrows(IllegalArgumentException.class, () -> CsvDataset.read(f, "label", DType.INT64));
    assertTrue(e.getMessage().contains("line 3 has 1 values, expected 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CsvDataset.read(f, "nope", DType.INT64));
    assertTrue(e.getMessage().contains("no column named 'nope'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CsvDataset.read(dir.resolve("missing.csv"), "x", DType.INT64));
    assertTrue(e.getMessage().contains("missing file"), e.getMessage());
  }
}
