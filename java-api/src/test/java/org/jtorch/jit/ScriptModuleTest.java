package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TorchScript models saved by Python torch 2.13 load in Java and give Python's outputs. */
class ScriptModuleTest {
  private static final double TOL = 1e-5;
  private static final JsonNode E = ModelFixtures.expected();

  @Test
  void smallCnnMatchesPython() {
    JsonNode c = E.get("cnn");
    Map<String, String> extra = new HashMap<>();
    extra.put("meta.json", "");
    extra.put("absent.txt", "kept");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"), Device.CPU, extra);
        Scope scope = Scope.open()) {
      Tensor x = Golden.tensor(c.get("in"));
      Tensor y = m.forward(x);
      Golden.assertTensor(c.get("out"), y, TOL, "cnn");
      // the same through the general entry point
      Object o = m.forward((Object) x);
      Golden.assertTensor(c.get("out"), (Tensor) o, TOL, "cnn via forward(Object...)");
      Golden.assertTensor(c.get("out"), (Tensor) m.run("forward", x), TOL, "cnn via run");
      assertEquals(c.get("meta.json").asText(), extra.get("meta.json"));
      assertEquals("kept", extra.get("absent.txt"));
      assertFalse(y.requiresGrad());
    }
  }

  @Test
  void parametersBuffersAndChildrenInModuleOrder() {
    JsonNode c = E.get("cnn");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        Scope scope = Scope.open()) {
      Map<String, Tensor> params = m.namedParameters();
      assertEquals(names(c.get("parameters")), new ArrayList<>(params.keySet()));
      Map<String, Tensor> buffers = m.namedBuffers();
      assertEquals(names(c.get("buffers")), new ArrayList<>(buffers.keySet()));
      Golden.assertTensor(c.get("conv1.bias"), params.get("conv1.bias"), 0, "conv1.bias");
      Golden.assertTensor(c.get("bn1.running_mean"), buffers.get("bn1.running_mean"), 0, "running_mean");
      assertTrue(params.get("fc.weight").requiresGrad());
      Map<String, ScriptModule> children = m.namedChildren();
      assertEquals(names(c.get("children")), new ArrayList<>(children.keySet()));
      try (ScriptModule conv1 = children.get("conv1")) {
        assertEquals(List.of("weight", "bias"), new ArrayList<>(conv1.namedParameters().keySet()));
        assertTrue(conv1.toString().contains("Conv2d"), conv1.toString());
      }
      for (ScriptModule child : children.values()) {
        child.close();
      }
      // closing the returned handles leaves the module intact
      params.values().forEach(Tensor::close);
      Golden.assertTensor(c.get("out"), m.forward(Golden.tensor(c.get("in"))), TOL, "after close");
      assertTrue(m.attributeNames().containsAll(List.of("conv1", "bn1", "training")));
    }
  }

  @Test
  void lstmReturnsANestedTuple() {
    JsonNode c = E.get("lstm");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("lstm.pt"));
        Scope scope = Scope.open()) {
      Object out = m.run("forward", Golden.tensor(c.get("in")));
      Tuple t = assertInstanceOf(Tuple.class, out);
      assertEquals(2, t.size());
      Golden.assertTensor(c.get("scores"), t.tensor(0), TOL, "scores");
      Golden.assertTensor(c.get("h"), t.tuple(1).tensor(0), TOL, "h");
      Golden.assertTensor(c.get("c"), t.tuple(1).tensor(1), TOL, "c");
      assertThrows(ClassCastException.class, () -> t.tuple(0));
      // forward(Tensor...) wants a tensor back and says what to do instead
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> m.forward(Golden.tensor(c.get("in"))));
      assertTrue(e.getMessage().contains("run(\"forward\""), e.getMessage());
    }
  }

  @Test
  void dictInDictOut() {
    JsonNode c = E.get("dict_model");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("dict_model.pt"));
        Scope scope = Scope.open()) {
      Map<String, Tensor> in = new LinkedHashMap<>();
      in.put("a", Golden.tensor(c.get("a")));
      in.put("b", Golden.tensor(c.get("b")));
      Map<?, ?> out = assertInstanceOf(Map.class, m.forward(in));
      assertEquals(names(c.get("keys")), new ArrayList<>(out.keySet()));
      for (String k : names(c.get("keys"))) {
        Golden.assertTensor(c.get("out").get(k), (Tensor) out.get(k), TOL, k);
      }
    }
  }

  @Test
  void exportedMethodsAndAttributes() {
    JsonNode c = E.get("methods");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("methods.pt"));
        Scope scope = Scope.open()) {
      Tensor x = Golden.tensor(c.get("x"));
      Golden.assertTensor(c.get("forward"), m.forward(x), TOL, "forward");
      // a Java double, and a Java int where TorchScript declares float
      Golden.assertTensor(c.get("scale"), (Tensor) m.run("scale", x, 0.5), TOL, "scale");
      Golden.assertTensor(c.get("scale"), (Tensor) m.run("scale", x, 0.5f), TOL, "scale(float)");
      try (Tensor x1 = x.narrow(0, 0, 1)) {
        assertEquals(c.get("top_label").asText(), m.run("top_label", x1));
      }

      Tuple d = (Tuple) m.run("describe", List.of(1, 2, 3, 4L), Torch.tensor(new float[] {1, -2}), true, "abc");
      JsonNode want = c.get("describe");
      assertEquals(want.get("total").asLong(), d.get(0));
      assertEquals(want.get("tag").asText(), d.get(1));
      assertEquals(List.of(0.5, 1.0, 1.5, 2.0), d.get(2));
      Golden.assertTensor(want.get("doubled"), d.tensor(3), 0, "doubled");
      assertEquals(false, d.get(4));
      // long[] for List[int], Optional.empty() / null for None
      Tuple d2 = (Tuple) m.run("describe", new long[] {5, 6}, Optional.empty(), false, "");
      assertEquals(Tuple.of(11L, "!", List.of(2.5, 3.0), null, true), d2);
      Tuple d3 = (Tuple) m.run("describe", List.of(), null, false, "é✓");
      assertEquals(Tuple.of(0L, "é✓!", List.of(), null, true), d3);

      Map<String, List<Tensor>> lists = new LinkedHashMap<>();
      lists.put("p", List.of(x.narrow(0, 0, 1).reshape(4), x.narrow(0, 1, 1).reshape(4)));
      lists.put("q", List.of(x.narrow(0, 2, 1).reshape(4)));
      Map<?, ?> sums = (Map<?, ?>) m.run("sum_lists", lists);
      Golden.assertTensor(c.get("sum_lists").get("p"), (Tensor) sums.get("p"), TOL, "p");
      Golden.assertTensor(c.get("sum_lists").get("q"), (Tensor) sums.get("q"), TOL, "q");

      Map<Object, String> byInt = new LinkedHashMap<>();
      byInt.put(2, "two");
      byInt.put(1L, "one");
      byInt.put(3, "three");
      assertEquals(names(c.get("names_of")), m.run("names_of", byInt));

      assertNull(m.run("maybe_double", (Object) null));
      assertArrayEquals(new float[] {2, 4}, ((Tensor) m.run("maybe_double", Torch.tensor(new float[] {1, 2}))).toFloatArray());
      // a tuple parameter takes a Tuple or a List
      List<?> pair = (List<?>) m.run("pair", Tuple.of(x, 2));
      Golden.assertTensor(c.get("pair").get(0), (Tensor) pair.get(0), TOL, "pair[0]");
      Golden.assertTensor(c.get("pair").get(1), (Tensor) pair.get(1), TOL, "pair[1]");
      List<?> pair2 = (List<?>) m.run("pair", List.of(x, 2L));
      Golden.assertTensor(c.get("pair").get(0), (Tensor) pair2.get(0), TOL, "pair(List)[0]");

      Tuple echo = (Tuple) m.run("echo_floats", new double[] {1.5, 2}, 3, new boolean[] {true, false});
      assertEquals(Tuple.of(List.of(1.5, 2.0), 3.0, List.of(true, false)), echo);

      // attributes of every kind
      assertEquals(3L, m.attribute("version"));
      assertEquals("with-methods", m.attribute("name"));
      assertEquals(List.of("neg", "pos"), m.attribute("labels"));
      assertEquals(Map.of("low", 0.25, "high", 0.75), m.attribute("thresholds"));
      assertEquals(List.of("low", "high"), new ArrayList<>(((Map<?, ?>) m.attribute("thresholds")).keySet()));
      assertEquals(true, m.attribute("enabled"));
      assertEquals(1.5, m.attribute("temperature"));
      assertEquals(false, m.attribute("training"));
      Golden.assertTensor(c.get("offset"), (Tensor) m.attribute("offset"), 0, "offset");
      try (ScriptModule lin = (ScriptModule) m.attribute("lin")) {
        Golden.assertTensor(c.get("lin.weight"), (Tensor) lin.attribute("weight"), 0, "lin.weight");
      }
      assertTrue(m.hasAttribute("labels"));
      assertFalse(m.hasAttribute("nope"));

      // methods
      assertTrue(m.hasMethod("forward"));
      assertTrue(m.hasMethod("describe"));
      assertFalse(m.hasMethod("nope"));
      assertTrue(m.methodNames().containsAll(List.of("forward", "scale", "describe", "top_label")));
      assertEquals(
          "describe(__torch__.WithMethods self, int[] xs, Tensor? weights, bool flag, str tag)"
              + " -> (int, str, float[], Tensor?, bool)",
          m.schema("describe"));

      // setting attributes converts to the declared type, and refuses what does not fit
      m.setAttribute("labels", List.of("no", "yes"));
      assertEquals(List.of("no", "yes"), m.attribute("labels"));
      try (Tensor x1 = x.narrow(0, 0, 1)) {
        assertTrue(List.of("no", "yes").contains((String) m.run("top_label", x1)));
      }
      m.setAttribute("temperature", 2);
      assertEquals(2.0, m.attribute("temperature"));
      assertThrows(IllegalArgumentException.class, () -> m.setAttribute("version", "three"));
      assertThrows(IllegalArgumentException.class, () -> m.setAttribute("labels", List.of(1, 2)));
      assertThrows(org.jtorch.TorchException.class, () -> m.setAttribute("nope", 1));
      assertEquals(3L, m.attribute("version"));
    }
  }

  @Tag("jtorch-native")
  @Test
  void customOperatorModelMatchesPython() {
    // the model calls jtorch::argmax_layer, which is loaded together with LibTorch
    JsonNode c = E.get("argmax_layer");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("argmax_layer.pt"));
        Scope scope = Scope.open()) {
      Golden.assertTensor(c.get("out"), m.forward(Golden.tensor(c.get("in"))), 0, "argmax_layer");
    }
  }

  @Test
  void modesFreezeAndOptimize() {
    JsonNode c = E.get("cnn");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        Scope scope = Scope.open()) {
      Tensor x = Golden.tensor(c.get("in"));
      assertFalse(m.isTraining());
      m.train();
      assertTrue(m.isTraining());
      try (ScriptModule conv1 = m.namedChildren().get("bn1")) {
        assertTrue(conv1.isTraining());
      }
      // freezing needs eval mode: PyTorch's message
      org.jtorch.TorchException e = assertThrows(org.jtorch.TorchException.class, m::freeze);
      assertTrue(e.getMessage().contains("eval mode"), e.getMessage());
      m.eval();
      assertFalse(m.isTraining());
      try (ScriptModule frozen = m.freeze()) {
        Golden.assertTensor(c.get("frozen_out"), frozen.forward(x), TOL, "frozen");
        assertTrue(frozen.namedParameters().isEmpty());
      }
      try (ScriptModule optimized = m.optimizeForInference()) {
        Golden.assertTensor(c.get("out"), optimized.forward(x), 1e-4, "optimized");
      }
      m.to(Device.CPU);
      Golden.assertTensor(c.get("out"), m.forward(x), TOL, "after to(cpu)");
      m.to(DType.FLOAT64);
      Tensor y64 = m.forward(x.to(DType.FLOAT64));
      assertEquals(DType.FLOAT64, y64.dtype());
      Golden.assertTensor(c.get("out"), y64.to(DType.FLOAT32), 1e-4, "float64");
    }
  }

  @Test
  void saveAndLoadAgain(@TempDir Path dir) throws Exception {
    JsonNode c = E.get("methods");
    Path file = dir.resolve("copy.pt");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("methods.pt"))) {
      m.setAttribute("version", 4);
      m.save(file, Map.of("notes.txt", "saved from Java ✓"));
    }
    Map<String, String> extra = new HashMap<>(Map.of("notes.txt", ""));
    try (InputStream in = Files.newInputStream(file);
        ScriptModule m = ScriptModule.load(in, null, extra);
        Scope scope = Scope.open()) {
      assertEquals(4L, m.attribute("version"));
      assertEquals("saved from Java ✓", extra.get("notes.txt"));
      Golden.assertTensor(c.get("forward"), m.forward(Golden.tensor(c.get("x"))), TOL, "reloaded");
    }
  }

  @Test
  void defineAddsMethodsWrittenInJava() {
    JsonNode c = E.get("cnn");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        Scope scope = Scope.open()) {
      m.define("def predict(self, x: Tensor) -> Tensor:\n    return self.forward(x).argmax(1)\n");
      assertTrue(m.hasMethod("predict"));
      Tensor x = Golden.tensor(c.get("in"));
      Tensor want = Golden.tensor(c.get("out")).argmax(1);
      assertArrayEquals(want.toLongArray(), ((Tensor) m.run("predict", x)).toLongArray());
      org.jtorch.TorchException e =
          assertThrows(org.jtorch.TorchException.class, () -> m.define("def broken(self) -> int:\n    return 'x'\n"));
      assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }
  }

  @Test
  void inferenceModeByDefaultAutogradOnRequest() {
    JsonNode c = E.get("cnn");
    try (ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        Scope scope = Scope.open()) {
      Tensor x = Golden.tensor(c.get("in"));
      assertTrue(m.isInferenceMode());
      assertFalse(m.forward(x).requiresGrad());
      m.setInferenceMode(false);
      Tensor y = m.forward(x);
      assertTrue(y.requiresGrad());
      y.sum().backward();
      Tensor g = m.namedParameters().get("fc.bias").grad();
      assertEquals(10, g.numel());
      // d(sum of logits)/d(fc.bias) = batch size for every class
      assertArrayEquals(new float[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, g.toFloatArray());
    }
  }

  @Test
  void resultsBelongToTheCurrentScope() {
    JsonNode c = E.get("lstm");
    ScriptModule m = ScriptModule.load(ModelFixtures.model("lstm.pt"));
    Tensor x = Golden.tensor(c.get("in"));
    Tuple out;
    try (Scope scope = Scope.open()) {
      out = (Tuple) m.run("forward", x);
      assertEquals(3, scope.size());
    }
    assertTrue(out.tensor(0).isClosed());
    assertTrue(out.tuple(1).tensor(1).isClosed());
    // Scope.returning moves every tensor of a (nested) tuple out
    Tuple kept = Scope.returning(() -> (Tuple) m.run("forward", x));
    assertFalse(kept.tensor(0).isClosed());
    assertFalse(kept.tuple(1).tensor(0).isClosed());
    assertFalse(kept.tuple(1).tensor(1).isClosed());
    Golden.assertTensor(c.get("scores"), kept.tensor(0), TOL, "kept");
    kept.tensor(0).close();
    kept.tuple(1).tensor(0).close();
    kept.tuple(1).tensor(1).close();
    x.close();
    m.close();
    m.close(); // idempotent
    assertTrue(m.isClosed());
    assertEquals("ScriptModule(<closed>)", m.toString());
    assertThrows(IllegalStateException.class, () -> m.forward(x));
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
