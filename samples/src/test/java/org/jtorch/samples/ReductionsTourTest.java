package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReductionsTourTest {
  @Test
  void tourPrintsPyTorchsAnswers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReductionsTour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("t.sum(0) = tensor([6, 6, 6, 6])"), out);
    assertTrue(out.contains("t.sum(1) = tensor([ 4,  8, 12])"), out);
    assertTrue(out.contains("u.max() = tensor(5), u.argmax() = tensor(11)"), out);
    assertTrue(out.contains("u.max(0): values tensor([4, 3, 3, 5]), indices tensor([2, 1, 1, 2])"), out);
    assertTrue(out.contains("u.argmax(1) = tensor([3, 1, 3])"), out);
    assertTrue(out.contains("f.mean(0) = tensor([4., 5., 6.])"), out);
  }
}
