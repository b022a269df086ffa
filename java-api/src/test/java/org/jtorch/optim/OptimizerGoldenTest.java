package org.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each optimizer, 20 steps on fixed parameters and gradients, against PyTorch 2.13's parameters
 * after every step (golden/optim/optimizers.json, from gen_optim_goldens.py).
 */
class OptimizerGoldenTest {
  static final JsonNode GOLDEN = Golden.load("optim/optimizers");

  static Stream<String> ids() {
    List<String> ids = new ArrayList<>();
    GOLDEN.get("cases").forEach(c -> ids.add(c.get("id").asText()));
    return ids.stream();
  }

  static Optimizer make(String id, List<Tensor> p) {
    switch (id) {
      case "sgd":
        return new SGD(p, 0.1);
      case "sgd_momentum":
        return new SGD(p, SGD.options().lr(0.1).momentum(0.9).dampening(0.1).weightDecay(0.01));
      case "sgd_nesterov":
        return new SGD(p, SGD.options().lr(0.05).momentum(0.9).nesterov(true).weightDecay(0.1));
      case "sgd_maximize":
        return new SGD(p, SGD.options().lr(0.1).momentum(0.5).maximize(true));
      case "adam":
        return new Adam(p, Adam.options().lr(0.01));
      case "adam_amsgrad":
        return new Adam(p, Adam.options().lr(0.01).betas(0.8, 0.99).weightDecay(0.1).amsgrad(true));
      case "adam_maximize":
        return new Adam(p, Adam.options().lr(0.01).maximize(true).eps(1e-6));
      case "adamw":
        return new AdamW(p, AdamW.options().lr(0.01).weightDecay(0.1));
      case "adamw_amsgrad":
        return new AdamW(p, AdamW.options().lr(0.01).amsgrad(true));
      case "rmsprop":
        return new RMSprop(p, RMSprop.options().lr(0.01));
      case "rmsprop_centered":
        return new RMSprop(
            p,
            RMSprop.options().lr(0.01).alpha(0.9).momentum(0.8).centered(true).weightDecay(0.05));
      case "adagrad":
        return new Adagrad(
            p,
            Adagrad.options().lr(0.1).lrDecay(0.01).weightDecay(0.05).initialAccumulatorValue(0.1));
      case "adamax":
        return new Adamax(p, Adamax.options().lr(0.02).weightDecay(0.05));
      case "nadam":
        return new NAdam(p, NAdam.options().lr(0.01).weightDecay(0.05));
      case "nadam_decoupled":
        return new NAdam(
            p,
            NAdam.options().lr(0.01).weightDecay(0.05).decoupledWeightDecay(true).momentumDecay(0.01));
      case "radam":
        return new RAdam(p, RAdam.options().lr(0.01));
      case "radam_decoupled":
        return new RAdam(p, RAdam.options().lr(0.01).weightDecay(0.1).decoupledWeightDecay(true));
      case "sgd_groups":
        return new SGD(
            List.of(
                ParamGroup.of(List.of(p.get(0))),
                ParamGroup.of(List.of(p.get(1))).lr(0.01).set("momentum", 0.5)),
            SGD.options().lr(0.1).momentum(0.9));
      case "adadelta":
        return new Adadelta(p, Adadelta.options());
      case "adadelta_opts":
        return new Adadelta(
            p, Adadelta.options().lr(0.5).rho(0.8).eps(1e-4).weightDecay(0.05).maximize(true));
      case "rprop":
        return new Rprop(p, Rprop.options());
      case "rprop_opts":
        return new Rprop(
            p, Rprop.options().lr(0.05).etas(0.4, 1.3).stepSizes(1e-3, 0.2).maximize(true));
      default:
        throw new IllegalArgumentException(id);
    }
  }

  static List<Tensor> initialParams() {
    List<Tensor> params = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      params.add(
          tensor(GOLDEN.get("init").get(i), GOLDEN.get("shapes").get(i)).requiresGrad_(true));
    }
    return params;
  }

  static Tensor tensor(JsonNode values, JsonNode shape) {
    double[] d = new double[values.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = values.get(i).asDouble();
    }
    long[] s = new long[shape.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = shape.get(i).asLong();
    }
    try (Tensor t = Torch.tensor(d)) {
      return t.to(org.jtorch.DType.FLOAT32).reshape(s);
    }
  }

  /** Sets step {@code s}'s gradients (split from the golden's flat list). */
  static void setGrads(List<Tensor> params, int s) {
    JsonNode flat = GOLDEN.get("grads").get(s);
    int offset = 0;
    for (Tensor p : params) {
      int n = (int) p.numel();
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = flat.get(offset + i).asDouble();
      }
      offset += n;
      try (Tensor g = Torch.tensor(d)) {
        p.setGrad(g.to(org.jtorch.DType.FLOAT32).reshape(p.shape()));
      }
    }
  }

  static double[] flat(List<Tensor> params) {
    List<Double> out = new ArrayList<>();
    for (Tensor p : params) {
      for (float f : p.toFloatArray()) {
        out.add((double) f);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static void assertClose(JsonNode expected, double[] actual, double tol, String what) {
    assertEquals(expected.size(), actual.length, what);
    for (int i = 0; i < actual.length; i++) {
      double e = expected.get(i).asDouble();
      assertTrue(
          Math.abs(e - actual[i]) <= tol * Math.max(1, Math.abs(e)),
          what + "[" + i + "]: expected " + e + ", got " + actual[i]);
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void matchesPyTorch(String id) {
    JsonNode golden = null;
    for (JsonNode c : GOLDEN.get("cases")) {
      if (c.get("id").asText().equals(id)) {
        golden = c;
      }
    }
    try (Scope scope = Scope.open()) {
      List<Tensor> params = initialParams();
      Optimizer opt = make(id, params);
      for (int s = 0; s < 20; s++) {
        try (Scope step = Scope.open()) {
          setGrads(params, s);
          opt.step();
        }
        assertClose(golden.get("params").get(s), flat(params), 2e-6, id + " step " + (s + 1));
      }
    }
  }
}
