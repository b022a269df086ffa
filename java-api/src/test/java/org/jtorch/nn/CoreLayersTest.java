package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.init.Init;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Linear, Bilinear, activations, dropout and containers against golden/nn/core.json. */
class CoreLayersTest {
  static final Map<String, Supplier<? extends Module>> MODULES = new LinkedHashMap<>();

  static {
    MODULES.put("linear", () -> new Linear(6, 3));
    MODULES.put("linear_nobias", () -> new Linear(6, 3, false));
    MODULES.put("linear_3d", () -> new Linear(6, 5));
    MODULES.put("linear_double", () -> new Linear(6, 2).double_());
    MODULES.put("identity", Identity::new);
    MODULES.put("flatten", Flatten::new);
    MODULES.put("flatten_0_1", () -> new Flatten(0, 1));
    MODULES.put("unflatten", () -> new Unflatten(1, 2, 3));
    MODULES.put("relu", ReLU::new);
    MODULES.put("relu6", ReLU6::new);
    MODULES.put("leaky_relu", LeakyReLU::new);
    MODULES.put("leaky_relu_0.2", () -> new LeakyReLU(0.2));
    MODULES.put("prelu", PReLU::new);
    MODULES.put("elu", ELU::new);
    MODULES.put("elu_0.5", () -> new ELU(0.5));
    MODULES.put("selu", SELU::new);
    MODULES.put("gelu", GELU::new);
    MODULES.put("gelu_tanh", () -> new GELU("tanh"));
    MODULES.put("silu", SiLU::new);
    MODULES.put("mish", Mish::new);
    MODULES.put("sigmoid", Sigmoid::new);
    MODULES.put("tanh", Tanh::new);
    MODULES.put("softmax", () -> new Softmax(1));
    MODULES.put("softmax_0", () -> new Softmax(0));
    MODULES.put("log_softmax", () -> new LogSoftmax(1));
    MODULES.put("softplus", Softplus::new);
    MODULES.put("softplus_2_1", () -> new Softplus(2.0, 1.0));
    MODULES.put("hardtanh", Hardtanh::new);
    MODULES.put("hardtanh_0_2", () -> new Hardtanh(0.0, 2.0));
    MODULES.put("hardswish", Hardswish::new);
    MODULES.put("prelu_channels", () -> new PReLU(4, 0.1));
    MODULES.put("dropout_train", () -> new Dropout(0.3));
    MODULES.put("dropout_eval", () -> new Dropout(0.3));
    MODULES.put("dropout2d_train", () -> new Dropout2d(0.5));
    MODULES.put("dropout2d_3d", () -> new Dropout2d(0.5));
    MODULES.put(
        "mlp", () -> new Sequential(new Linear(10, 8), new ReLU(), new Dropout(0.2), new Linear(8, 3)));
    MODULES.put("mlp_eval", () -> new Sequential(new Linear(10, 8), new Tanh(), new Linear(8, 3)));
  }

  @TestFactory
  Stream<DynamicTest> layersMatchPyTorch() {
    Map<String, JsonNode> cases = NnGolden.cases("core");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases.values()) {
      String id = c.get("id").asText();
      if (c.has("error")) {
        continue;
      }
      if (id.equals("bilinear")) {
        tests.add(
            DynamicTest.dynamicTest(
                id,
                () ->
                    NnGolden.check(
                        c,
                        () -> new Bilinear(3, 4, 2),
                        (m, in) -> List.of(m.forward(in.get(0), in.get(1))))));
        continue;
      }
      Supplier<? extends Module> make = MODULES.get(id);
      assertNotNull(make, "no Java module for golden case " + id);
      tests.add(DynamicTest.dynamicTest(id, () -> NnGolden.check(c, make)));
    }
    return tests.stream();
  }

  @Test
  void inPlaceReluChangesItsInput() {
    try (Scope s = Scope.open()) {
      Tensor x = Torch.tensor(new float[] {-1, 0, 2});
      assertSame(x, org.jtorch.nn.functional.F.relu_(x));
      assertArrayEquals(new float[] {0, 0, 2}, x.toFloatArray());
      Tensor leaf = Torch.tensor(new float[] {-1, 2}).requiresGrad_();
      assertThrows(org.jtorch.TorchException.class, () -> org.jtorch.nn.functional.F.relu_(leaf));
    }
  }

  @Test
  void linearWrongFeatureSizeHasPyTorchsMessage() {
    JsonNode c = NnGolden.cases("core").get("linear_wrong_features");
    NnGolden.checkError(c, () -> new Linear(6, 3), (m, in) -> m.forward(in.get(0)));
  }

  @Test
  void initialisersMatchPyTorch() {
    Map<String, JsonNode> cases = new LinkedHashMap<>();
    for (JsonNode c : Golden.load("nn/init").get("cases")) {
      cases.put(c.get("id").asText(), c);
    }
    JsonNode gains = cases.get("gains").get("gains");
    for (String k : List.of("linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu")) {
      assertEquals(gains.get(k).asDouble(), Init.calculateGain(k), 1e-15, k);
    }
    assertEquals(gains.get("leaky_relu_0.2").asDouble(), Init.calculateGain("leaky_relu", 0.2), 1e-15);
    Map<String, java.util.function.Consumer<Tensor>> fns = new LinkedHashMap<>();
    fns.put("uniform", t -> Init.uniform_(t, -0.5, 2.0));
    fns.put("normal", t -> Init.normal_(t, 1.0, 0.5));
    fns.put("constant", t -> Init.constant_(t, 0.3));
    fns.put("xavier_uniform", Init::xavierUniform_);
    fns.put("xavier_uniform_gain", t -> Init.xavierUniform_(t, Init.calculateGain("relu")));
    fns.put("xavier_normal", Init::xavierNormal_);
    fns.put("kaiming_uniform", Init::kaimingUniform_);
    fns.put("kaiming_uniform_relu_out", t -> Init.kaimingUniform_(t, 0, "fan_out", "relu"));
    fns.put("kaiming_normal", Init::kaimingNormal_);
    fns.put("kaiming_normal_a", t -> Init.kaimingNormal_(t, 0.1, "fan_in", "leaky_relu"));
    fns.put("trunc_normal", Init::truncNormal_);
    fns.put("trunc_normal_args", t -> Init.truncNormal_(t, 0.5, 2.0, -1.0, 3.0));
    fns.put("trunc_normal_narrow", t -> Init.truncNormal_(t, 0.0, 1.0, 1.0, 1.5));
    fns.put("orthogonal", Init::orthogonal_);
    fns.put("orthogonal_tall", t -> Init.orthogonal_(t, 2.0));
    fns.put("eye", Init::eye_);
    for (Map.Entry<String, java.util.function.Consumer<Tensor>> e : fns.entrySet()) {
      JsonNode c = cases.get(e.getKey());
      try (Scope s = Scope.open()) {
        Torch.manualSeed(42);
        Tensor t = Torch.empty(Golden.shape(c.get("out")));
        e.getValue().accept(t);
        Golden.assertTensor(c.get("out"), t, 1e-6, e.getKey());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform_(Torch.empty(3)));
    assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("swish"));
    assertThrows(IllegalArgumentException.class, () -> Init.kaimingUniform_(Torch.empty(2, 2), 0, "fan_x", "relu"));
  }

  @Test
  void bigLinearHoldsPythonsInitialWeights() {
    JsonNode c = null;
    for (JsonNode n : Golden.load("nn/init").get("cases")) {
      if (n.get("id").asText().equals("linear_784_256")) {
        c = n;
      }
    }
    try (Scope s = Scope.open()) {
      Torch.manualSeed(c.get("seed").asLong());
      try (Linear l = new Linear(784, 256)) {
        Tensor flat = l.weight.detach().reshape(-1);
        Golden.assertTensor(c.get("weightHead"), flat.narrow(0, 0, 32), 0, "head");
        Golden.assertTensor(c.get("weightTail"), flat.narrow(0, flat.numel() - 32, 32), 0, "tail");
        Tensor w = flat.to(DType.FLOAT64);
        assertEquals(c.get("weightSum").asDouble(), w.sum().doubleValue(), 1e-9);
        assertEquals(c.get("weightSumSq").asDouble(), w.mul(w).sum().doubleValue(), 1e-9);
        Golden.assertTensor(c.get("bias"), l.bias, 0, "bias");
      }
    }
  }
}
