package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job on a reduced budget: a small generated Fashion-MNIST-shaped data set, one epoch. */
class FashionMnistTest {
  /** Writes an IDX file (gzipped): magic 0x000008NN, dims, then unsigned bytes. */
  static void idx(Path file, byte[] data, int... dims) throws IOException {
    try (OutputStream f = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(f))) {
      out.writeInt(0x00000800 | dims.length);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(data);
    }
  }

  /** Images whose class is drawn in them (a bright horizontal band at row 2 * label). */
  static void dataset(Path dir, String prefix, int n, long seed) throws IOException {
    Random r = new Random(seed);
    byte[] images = new byte[n * 28 * 28];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int label = r.nextInt(10);
      labels[i] = (byte) label;
      for (int p = 0; p < 28 * 28; p++) {
        int row = p / 28;
        int v = r.nextInt(60) + (row / 2 == label + 2 ? 180 : 0);
        images[i * 784 + p] = (byte) Math.min(255, v);
      }
    }
    idx(dir.resolve(prefix + "-images-idx3-ubyte.gz"), images, n, 28, 28);
    idx(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), labels, n);
  }

  @Test
  void trainsEvaluatesAndWritesItsOutputs(@TempDir Path tmp) throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    dataset(data, "train", 480, 1);
    dataset(data, "t10k", 100, 2);
    assertTrue(FashionMnist.hasData(data));
    assertFalse(FashionMnist.hasData(tmp));
    Path out = tmp.resolve("out");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FashionMnist.Result r =
        FashionMnist.run(
            FashionMnist.Config.parse(
                new String[] {"--data", data.toString(), "--out", out.toString(), "--epochs", "2", "--batch", "32"}),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("epoch 2/2 done"), log);
    assertTrue(log.contains("confusion matrix"), log);
    assertTrue(log.contains("most confidently wrong") && log.contains("least confident"), log);
    assertTrue(log.contains("TEST ACCURACY"), log);
    // the class is painted into each image: two short epochs learn it
    assertTrue(r.testAccuracy() > 50, "accuracy " + r.testAccuracy() + "\n" + log);
    assertTrue(Files.size(out.resolve("confusion_matrix.txt")) > 0);
    assertEquals(1100, ImageIO.read(r.chart().toFile()).getWidth());
    // the checkpoint is a PyTorch state dict with the model's keys
    try (Scope s = Scope.open()) {
      Map<String, Tensor> sd = Torch.load(r.checkpoint());
      assertTrue(sd.containsKey("0.weight") && sd.containsKey("1.running_mean") && sd.containsKey("13.bias"), sd.keySet().toString());
    }
  }

  @Test
  void badOptionsAreRejected() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> FashionMnist.Config.parse(new String[] {"--epochs"}));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> FashionMnist.Config.parse(new String[] {"--nope", "1"}));
  }
}
