package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.junit.jupiter.api.Test;

/**
 * torchvision's ResNet-18 (random weights, scripted in Python) gives Python's logits in Java. The
 * 45 MB model is not committed: generate_models.py --resnet writes it into target/test-models/
 * during the run; the test skips where python3 with torch 2.13 and torchvision is missing (fails under CI).
 */
class ScriptModuleResNetTest {
  @Test
  void resnet18MatchesPython() throws Exception {
    Path dir = ModelFixtures.generated("resnet", "resnet18.pt");
    JsonNode info = new ObjectMapper().readTree(dir.resolve("resnet18.json").toFile());
    long[] inShape = ModelFixtures.longs(info.get("in_shape"));
    long[] outShape = ModelFixtures.longs(info.get("out_shape"));
    try (ScriptModule m = ScriptModule.load(dir.resolve("resnet18.pt"));
        Scope scope = Scope.open()) {
      assertEquals(info.get("parameters").asLong(), m.namedParameters().values().stream().mapToLong(Tensor::numel).sum());
      Tensor x = ModelFixtures.floats(dir.resolve("resnet18.in.bin"), inShape);
      Tensor want = ModelFixtures.floats(dir.resolve("resnet18.out.bin"), outShape);
      Tensor got = m.forward(x);
      assertArrayEquals(outShape, got.shape());
      float[] w = want.toFloatArray();
      float[] g = got.toFloatArray();
      double worst = 0;
      for (int i = 0; i < w.length; i++) {
        double err = Math.abs(w[i] - g[i]);
        worst = Math.max(worst, err);
        if (err > 1e-5 + 1e-5 * Math.abs(w[i])) {
          fail("logit " + i + ": Python " + w[i] + ", Java " + g[i] + " (|diff| " + err + ")");
        }
      }
      // the same model, frozen as for serving, agrees too (folding changes rounding a little)
      try (ScriptModule frozen = m.freeze()) {
        float[] f = frozen.forward(x).toFloatArray();
        for (int i = 0; i < w.length; i++) {
          if (Math.abs(w[i] - f[i]) > 1e-4 + 1e-4 * Math.abs(w[i])) {
            fail("frozen logit " + i + ": Python " + w[i] + ", Java " + f[i]);
          }
        }
      }
      System.out.println("ResNet-18: largest |Java - Python| over " + w.length + " logits: " + worst);
    }
  }
}
