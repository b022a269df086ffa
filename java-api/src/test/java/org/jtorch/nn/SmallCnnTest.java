package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;

/**
 * The small CNN (conv 1→32 3×3, ReLU, maxpool 2, conv 32→64 3×3, ReLU, maxpool 2, flatten,
 * linear 1600→128, ReLU, linear 128→10) on a batch of 4 1×28×28 images, against golden/nn/cnn.json:
 * the same seed gives Python's initial weights, and the forward output and every parameter's
 * gradient match Python's. The parameters are too big for a small JSON, so each is compared by its
 * sum, sum of absolute values, sum of squares and first 16 elements.
 */
class SmallCnnTest {
  static Sequential smallCnn() {
    return new Sequential(
        new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
        new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
        new Flatten(), new Linear(1600, 128), new ReLU(), new Linear(128, 10));
  }

  @Test
  void forwardAndGradientsMatchPyTorch() {
    JsonNode c = Golden.load("nn/cnn").get("cases").get(0);
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(c.get("seed").asLong());
      try (Sequential model = smallCnn()) {
        assertEquals(c.get("repr").asText(), model.toString());
        Map<String, Tensor> state = model.stateDict();
        assertEquals(names(c.get("init")), new ArrayList<>(state.keySet()));
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
          // same RNG draws: the initial weights are Python's bit for bit
          compareSummary(c.get("init").get(e.getKey()), e.getValue(), 1e-12, "init " + e.getKey());
        }
        Tensor x = Golden.tensor(c.get("input"));
        Tensor out = model.forward(x);
        // float32 convolutions and GEMMs summed in a different order than Python's MKL: 1e-4
        Golden.assertTensor(c.get("output"), out, 1e-4, "output");
        out.backward(Golden.tensor(c.get("gradOutput")));
        Map<String, Tensor> params = model.namedParameters();
        assertEquals(names(c.get("grads")), new ArrayList<>(params.keySet()));
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
          Tensor g = e.getValue().grad();
          assertNotNull(g, e.getKey() + " has no grad");
          compareSummary(c.get("grads").get(e.getKey()), g, 1e-4, "grad of " + e.getKey());
        }
      }
    }
  }

  private static void compareSummary(JsonNode want, Tensor got, double rtol, String what) {
    long[] shape = new long[want.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = want.get("shape").get(i).asLong();
    }
    assertArrayEquals(shape, got.shape(), what + " shape");
    Tensor flat = got.detach().reshape(-1).to(DType.FLOAT64);
    double scale = 1 + Math.sqrt(want.get("sumSq").asDouble());
    assertEquals(want.get("sum").asDouble(), flat.sum().doubleValue(), rtol * scale * 10, what + " sum");
    assertEquals(want.get("absSum").asDouble(), flat.abs().sum().doubleValue(),
        rtol * (1 + want.get("absSum").asDouble()), what + " |sum|");
    assertEquals(want.get("sumSq").asDouble(), flat.mul(flat).sum().doubleValue(),
        rtol * (1 + want.get("sumSq").asDouble()), what + " sum of squares");
    Golden.assertTensor(want.get("head"), flat.narrow(0, 0, Math.min(16, flat.numel())).to(DType.FLOAT32), rtol, what + " head");
  }

  private static List<String> names(JsonNode obj) {
    List<String> k = new ArrayList<>();
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      k.add(it.next());
    }
    return k;
  }
}
