package org.jtorch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jtorch.Golden;
import org.jtorch.Index;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.jit.ScriptModule;
import org.jtorch.jit.Tuple;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * jtorch's operators from Java against the same library run from Python
 * (java-api/src/test/python/generate_ops_goldens.py): outputs and gradients for every floating
 * dtype, several dims, transposed and step-sliced inputs, ties and NaN; and a TorchScript model
 * scripted in Python that calls all three operators.
 */
@Tag("jtorch-native") // needs jtorch's operator library (the no-native run leaves it out)
class OpsGoldenTest {
  private static final JsonNode G = Golden.load("ops");

  private static Tensor view(Tensor base, String kind) {
    switch (kind) {
      case "transpose":
        return base.transpose(0, -1);
      case "slice":
        return base.index(Index.slice(null, null, 2L));
      default:
        return base;
    }
  }

  private static List<Tensor> run(JsonNode c, Tensor x) {
    long dim = c.get("dim").asLong();
    switch (c.get("op").asText()) {
      case "argmax_layer":
        return List.of(Ops.argmaxLayer(x, dim));
      case "soft_argmax":
        return List.of(Ops.softArgmax(x, dim, c.get("temperature").asDouble()));
      default:
        return Ops.minMax(x, dim, c.get("keepdim").asBoolean()).tensors();
    }
  }

  @Test
  void outputsAndGradientsMatchPython() {
    int n = 0;
    for (JsonNode c : G.get("cases")) {
      String what = n + " " + c.get("op").asText() + " " + c.get("in").get("dtype").asText() + " "
          + c.get("view").asText() + " dim " + c.get("dim");
      try (Scope scope = Scope.open()) {
        Tensor base = Golden.tensor(c.get("in")).requiresGrad_(true);
        Tensor x = view(base, c.get("view").asText());
        List<Tensor> outs = run(c, x);
        assertEquals(c.get("out").size(), outs.size(), what);
        Tensor loss = null;
        for (int i = 0; i < outs.size(); i++) {
          Golden.assertTensor(c.get("out").get(i), outs.get(i), -1, what + " out " + i);
          JsonNode w = c.get("weights").get(i);
          if (!w.isNull()) {
            Tensor term = outs.get(i).mul(Golden.tensor(w)).sum();
            loss = loss == null ? term : loss.add(term);
          }
        }
        loss.backward();
        Golden.assertTensor(c.get("grad"), base.grad(), -1, what + " grad");
      }
      n++;
    }
    assertEquals(G.get("cases").size(), n);
    assertTrue(n >= 40, "cases: " + n);
  }

  @Test
  void torchScriptModelScriptedInPythonRunsTheOps() throws URISyntaxException {
    Path model = Path.of(OpsGoldenTest.class.getResource("/ops/ops_model.pt").toURI());
    JsonNode m = G.get("model");
    try (Scope scope = Scope.open();
        ScriptModule module = ScriptModule.load(model)) {
      Tuple out = (Tuple) module.forward((Object) Golden.tensor(m.get("in")));
      List<Tensor> got = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) {
        got.add(out.tensor(i));
      }
      assertEquals(m.get("out").size(), got.size());
      for (int i = 0; i < got.size(); i++) {
        Golden.assertTensor(m.get("out").get(i), got.get(i), 0, "model output " + i);
      }
    }
  }
}
