package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distributed sample on 2 processes, a small generated data set and one short epoch. */
class DistributedFashionMnistTest {
  @Test
  void twoProcessesTrainAndRankZeroReports(@TempDir Path tmp) throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    FashionMnistTest.dataset(data, "train", 640, 1);
    FashionMnistTest.dataset(data, "t10k", 100, 2);
    Path out = tmp.resolve("out");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int code =
        DistributedFashionMnist.launch(
            new String[] {
              "--nproc", "2", "--master-port", Integer.toString(port), "--data", data.toString(),
              "--out", out.toString(), "--epochs", "2", "--batch", "32"
            });
    assertEquals(0, code);
    String result = Files.readString(out.resolve("result.txt"));
    assertTrue(result.contains("processes 2"), result);
    double accuracy =
        Double.parseDouble(
            result.lines().filter(l -> l.startsWith("test_accuracy ")).findFirst().orElseThrow()
                .substring("test_accuracy ".length()));
    // the class is painted into each image (see FashionMnistTest): two short epochs learn it
    assertTrue(accuracy > 50, result);
    assertTrue(Files.size(out.resolve("fashion_mnist_ddp.pt")) > 0);
  }

  @Test
  void missingDataIsReported(@TempDir Path tmp) throws Exception {
    assertEquals(2, DistributedFashionMnist.launch(new String[] {"--data", tmp.toString()}));
  }
}
