package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jtorch.Scope;
import org.jtorch.data.Example;
import org.jtorch.data.datasets.CIFAR10;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample on a small stand-in for CIFAR-10, written in the binary version's format. */
class Cifar10Test {
  /** One colour per class, far enough apart to tell them in a few steps. */
  private static final int[][] PALETTE = {
    {255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {0, 255, 255},
    {255, 0, 255}, {255, 255, 255}, {255, 128, 0}, {128, 0, 255}, {0, 128, 128}
  };

  /**
   * Writes {@code n} records of CIFAR-10's binary format to {@code file}: a label byte, then the
   * red, green and blue planes of 32x32 bytes. Each image shows its class as a noisy square of
   * the class's colour in the middle of a dark noisy background (it survives crops and flips).
   */
  static void batch(Path file, int n, Random r) throws IOException {
    byte[] out = new byte[n * (1 + 3 * 32 * 32)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int label = r.nextInt(10);
      out[k++] = (byte) label;
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            boolean square = y >= 8 && y < 24 && x >= 8 && x < 24;
            int v = square ? PALETTE[label][c] - 40 + r.nextInt(81) : r.nextInt(90);
            out[k++] = (byte) Math.max(0, Math.min(255, v));
          }
        }
      }
    }
    Files.write(file, out);
  }

  /** The six files of the binary version, {@code perBatch} images in each training file. */
  static void dataset(Path dir, int perBatch, int test) throws IOException {
    Random r = new Random(7);
    for (int b = 1; b <= 5; b++) {
      batch(dir.resolve("data_batch_" + b + ".bin"), perBatch, r);
    }
    batch(dir.resolve("test_batch.bin"), test, r);
  }

  @Test
  void trainsOneEpochAndBeatsChance(@TempDir Path tmp) throws IOException {
    Path data = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
    dataset(data, 240, 300);
    assertTrue(Cifar10.missingFiles(data).isEmpty());
    assertTrue(Cifar10.missingFiles(tmp).isEmpty()); // the parent folder of cifar-10-batches-bin works too
    // the files are what CIFAR10 reads: 5 x 240 training images of [3, 32, 32]
    try (Scope s = Scope.open(); CIFAR10 train = new CIFAR10(data, true, null)) {
      assertEquals(1200, train.size());
      Example first = train.get(0);
      assertArrayEquals(new long[] {3, 32, 32}, first.input().shape());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Cifar10.Result r = Cifar10.run(
        Cifar10.Config.parse(new String[] {data.toString(), "--epochs", "1", "--batch-size", "32", "--limit", "960"}),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(960, r.trainImages(), log);
    assertEquals(300, r.testImages(), log);
    assertTrue(log.contains("epoch 1/1 done"), log);
    assertTrue(log.contains("test accuracy per class:") && log.contains("truck"), log);
    assertTrue(log.contains("TEST ACCURACY"), log);
    // chance is 10%; the class is painted into each image
    assertTrue(r.testAccuracy() > 50, "accuracy " + r.testAccuracy() + "\n" + log);
  }

  @Test
  void saysWhatIsMissingAndWhereToGetIt(@TempDir Path tmp) throws IOException {
    Cifar10.Config none = Cifar10.Config.parse(new String[] {"--data", tmp.resolve("nowhere").toString()});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cifar10.run(none, System.out));
    assertTrue(e.getMessage().contains("nowhere does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("CIFAR-10 binary version"), e.getMessage());
    assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
    assertTrue(e.getMessage().contains("downloads nothing"), e.getMessage());

    // a folder with only some of the files: the message names the others
    Random r = new Random(1);
    batch(tmp.resolve("data_batch_1.bin"), 2, r);
    batch(tmp.resolve("data_batch_2.bin"), 2, r);
    Cifar10.Config partial = Cifar10.Config.parse(new String[] {tmp.toString()});
    e = assertThrows(IllegalArgumentException.class, () -> Cifar10.run(partial, System.out));
    assertTrue(e.getMessage().contains("lacks data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin"),
        e.getMessage());
    assertTrue(e.getMessage().contains("CIFAR-10 binary version"), e.getMessage());

    Cifar10.Config noFolder = Cifar10.Config.parse(new String[0]);
    e = assertThrows(IllegalArgumentException.class, () -> Cifar10.run(noFolder, System.out));
    assertTrue(e.getMessage().startsWith("No CIFAR-10 folder was given."), e.getMessage());
  }

  @Test
  void badOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Cifar10.Config.parse(new String[] {"--epochs"}));
    assertThrows(IllegalArgumentException.class, () -> Cifar10.Config.parse(new String[] {"--nope", "1"}));
    assertThrows(IllegalArgumentException.class, () -> Cifar10.Config.parse(new String[] {"a", "b"}));
  }
}
