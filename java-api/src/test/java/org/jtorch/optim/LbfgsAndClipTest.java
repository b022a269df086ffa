package org.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.Test;

/** L-BFGS with a closure and gradient clipping against PyTorch 2.13 (golden/optim). */
class LbfgsAndClipTest {
  /**
   * Python's {@code (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum()}, op for op: each
   * slice is taken where Python takes it, so that autograd sums the same contributions in the same
   * order (one shared slice would round differently in the last bit).
   */
  static Tensor rosenbrock(Tensor x) {
    Tensor a = x.narrow(0, 1, 3).sub(x.narrow(0, 0, 3).pow(2)).pow(2).mul(100);
    Tensor b = x.narrow(0, 0, 3).neg().add(1).pow(2);
    return a.add(b).sum();
  }

  @Test
  void lbfgsMatchesPyTorch() {
    JsonNode golden = Golden.load("optim/lbfgs");
    for (JsonNode c : golden.get("cases")) {
      String id = c.get("id").asText();
      try (Scope scope = Scope.open()) {
        Tensor x = Torch.tensor(new float[] {-1.5f, 2.0f, 0.5f, -0.5f}).requiresGrad_(true);
        LBFGS opt =
            id.equals("lbfgs")
                ? new LBFGS(List.of(x), LBFGS.options().lr(0.1).maxIter(4).historySize(3))
                : new LBFGS(List.of(x), LBFGS.options());
        for (int s = 0; s < 20; s++) {
          Tensor loss =
              opt.step(
                  () -> {
                    opt.zeroGrad();
                    Tensor l = rosenbrock(x);
                    l.backward();
                    return l;
                  });
          double expectedLoss = c.get("losses").get(s).asDouble();
          assertEquals(expectedLoss, loss.doubleValue(), 1e-5 * Math.max(1, Math.abs(expectedLoss)), id + " loss " + s);
          float[] got = x.toFloatArray();
          for (int i = 0; i < 4; i++) {
            double e = c.get("params").get(s).get(i).asDouble();
            assertEquals(e, got[i], 1e-5 * Math.max(1, Math.abs(e)), id + " step " + s + " x" + i);
          }
        }
        if (id.equals("lbfgs")) {
          // (lbfgs_default converges within 1e-7 of the loss after one step; from there its stop
          // tests compare float32 roundings of a flat loss, and it takes one more iteration here)
          assertEquals(c.get("func_evals").asLong(), opt.state(x).get("func_evals"), id);
          assertEquals(c.get("n_iter").asLong(), opt.state(x).get("n_iter"), id);
        }
      }
    }
  }

  @Test
  void lbfgsMisuse() {
    Tensor x = Torch.zeros(2).requiresGrad_(true);
    LBFGS opt = new LBFGS(List.of(x), LBFGS.options());
    assertThrows(IllegalStateException.class, opt::step);
    assertThrows(IllegalStateException.class, () -> opt.step(null));
    assertThrows(
        UnsupportedOperationException.class,
        () -> new LBFGS(List.of(x), LBFGS.options().lineSearchFn("strong_wolfe")));
    assertThrows(
        IllegalArgumentException.class,
        () -> opt.addParamGroup(ParamGroup.of(List.of(Torch.zeros(1).requiresGrad_(true)))));
  }

  static Tensor tensor(JsonNode values, JsonNode shape) {
    float[] d = new float[values.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) values.get(i).asDouble();
    }
    long[] s = new long[shape.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = shape.get(i).asLong();
    }
    return Torch.tensor(d).reshape(s);
  }

  @Test
  void clippingMatchesPyTorch() {
    JsonNode golden = Golden.load("optim/clip");
    for (JsonNode c : golden.get("cases")) {
      String id = c.get("id").asText();
      try (Scope scope = Scope.open()) {
        List<Tensor> params = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          Tensor g = tensor(golden.get("grads").get(i), golden.get("shapes").get(i));
          Tensor p = Torch.zerosLike(g).requiresGrad_(true);
          p.setGrad(g);
          params.add(p);
        }
        params.add(Torch.zeros(2).requiresGrad_(true)); // no grad: skipped
        double a = c.get("a").asDouble();
        if (c.get("kind").asText().equals("norm")) {
          double b = Golden.number(c.get("b"));
          Tensor total = Clip.clipGradNorm_(params, a, b);
          assertEquals(c.get("total").asDouble(), total.doubleValue(), 1e-6 * c.get("total").asDouble(), id);
        } else {
          Clip.clipGradValue_(params, a);
        }
        for (int i = 0; i < 3; i++) {
          float[] got = params.get(i).grad().toFloatArray();
          JsonNode exp = c.get("grads").get(i);
          for (int j = 0; j < got.length; j++) {
            assertEquals(exp.get(j).asDouble(), got[j], 1e-6, id + " grad " + i + "[" + j + "]");
          }
        }
        assertNull(params.get(3).grad());
      }
    }
  }

  @Test
  void clippingEdgeCases() {
    try (Scope scope = Scope.open()) {
      Tensor p = Torch.zeros(3).requiresGrad_(true);
      assertEquals(0.0, Clip.clipGradNorm_(List.of(p), 1.0).doubleValue());
      p.setGrad(Torch.tensor(new float[] {1, Float.NaN, 2}));
      assertThrows(TorchException.class, () -> Clip.clipGradNorm_(List.of(p), 1.0, 2.0, true));
      assertTrue(Float.isNaN(p.grad().toFloatArray()[1]));
      assertEquals(1f, p.grad().toFloatArray()[0]); // left unchanged by the refused call
      assertTrue(Double.isNaN(Clip.clipGradNorm_(List.of(p), 1.0).doubleValue()));
      assertEquals(DType.FLOAT32, p.grad().dtype());
    }
  }
}
