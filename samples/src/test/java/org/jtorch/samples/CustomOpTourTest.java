package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The custom-op tour on a reduced budget: the hard choice still learns, and all paths agree. */
class CustomOpTourTest {
  @Test
  void trainsThroughTheArgmaxAndAgreesWithTorchScriptAndPython() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CustomOpTour.Result r =
        CustomOpTour.run(150, 0, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(r.lastLoss() < r.firstLoss() / 2, r + "\n" + log);
    assertTrue(r.accuracy() > 0.9, "test accuracy " + r.accuracy() + "\n" + log);
    assertTrue(r.torchScriptAgrees(), log);
    assertTrue(log.contains("quadrants [3, 2, 0, 1]"), log);
    assertTrue(log.contains("torch.ops.load_library('/") && log.contains("libjtorch_ops.so')"), log);
    assertTrue(log.contains("torch.ops.jtorch.argmax_layer(scores, 1)"), log);
    // where python3 with torch is installed, Python ran the op and Java's trained weights
    r.pythonAgrees().ifPresent(same -> {
      assertTrue(same, log);
      assertTrue(log.contains("tensor([[0., 1., 0.],"), log);
    });
    if (PythonSide.required()) {
      PythonSide.requireTorch();
    }
    if (SampleFiles.pythonTorch().isPresent()) {
      assertEquals(java.util.Optional.of(true), r.pythonAgrees(), log);
    }
  }
}
