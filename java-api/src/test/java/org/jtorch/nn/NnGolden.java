package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;

/**
 * Replays the module cases of {@code src/test/python/nn_common.py} (golden/nn/*.json): builds the
 * module after the same seed, checks its initial state dict, runs forward and backward with the
 * recorded inputs and output gradients, and compares outputs, gradients, state and repr.
 */
public final class NnGolden {
  private NnGolden() {}

  /** The cases of {@code golden/nn/<file>.json} by id, in file order. */
  public static Map<String, JsonNode> cases(String file) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode c : Golden.load("nn/" + file).get("cases")) {
      out.put(c.get("id").asText(), c);
    }
    return out;
  }

  /** Replays a module case whose forward takes the module's single-tensor {@code forward}. */
  public static void check(JsonNode c, Supplier<? extends Module> make) {
    check(c, make, (m, in) -> List.of(m.forward(in.get(0))));
  }

  /** Replays a module case with a custom forward returning the flattened outputs. */
  public static <M extends Module> void check(
      JsonNode c, Supplier<M> make, BiFunction<M, List<Tensor>, List<Tensor>> forward) {
    String id = c.get("id").asText();
    double tol = c.get("tol").asDouble();
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(c.get("seed").asLong());
      M m = make.get();
      try {
        compareState(c.get("init"), m.stateDict(), tol, id + " init");
        m.train(c.get("train").asBoolean());
        List<Tensor> inputs = new ArrayList<>();
        for (JsonNode enc : c.get("inputs")) {
          Tensor x = Golden.tensor(enc);
          if (x.dtype().isFloatingPoint()) {
            x.requiresGrad_();
          }
          inputs.add(x);
        }
        if (!c.get("forwardSeed").isNull()) {
          Torch.manualSeed(c.get("forwardSeed").asLong());
        }
        List<Tensor> outs = forward.apply(m, inputs);
        assertEquals(c.get("outputs").size(), outs.size(), id + ": number of outputs");
        Tensor loss = null;
        for (int i = 0; i < outs.size(); i++) {
          Golden.assertTensor(c.get("outputs").get(i), outs.get(i), tol, id + " output " + i);
          JsonNode g = c.get("gradOutputs").get(i);
          if (!g.isNull()) {
            Tensor term = outs.get(i).mul(Golden.tensor(g)).sum();
            loss = loss == null ? term : loss.add(term);
          }
        }
        if (loss != null) {
          loss.backward();
        }
        for (int i = 0; i < inputs.size(); i++) {
          JsonNode want = c.get("inputGrads").get(i);
          Tensor got = inputs.get(i).grad();
          if (want.isNull()) {
            assertNull(got, id + ": input " + i + " should have no grad");
          } else {
            assertNotNull(got, id + ": input " + i + " has no grad");
            Golden.assertTensor(want, got, tol, id + " input grad " + i);
          }
        }
        Map<String, Tensor> params = m.namedParameters();
        assertEquals(keys(c.get("paramGrads")), new ArrayList<>(params.keySet()), id + ": parameter names");
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
          JsonNode want = c.get("paramGrads").get(e.getKey());
          Tensor got = e.getValue().grad();
          if (want.isNull()) {
            assertNull(got, id + ": " + e.getKey() + " should have no grad");
          } else {
            assertNotNull(got, id + ": " + e.getKey() + " has no grad");
            Golden.assertTensor(want, got, tol, id + " grad of " + e.getKey());
          }
        }
        compareState(c.get("state"), m.stateDict(), tol, id + " state after forward");
        assertEquals(c.get("repr").asText(), m.toString(), id + ": repr");
      } finally {
        m.close();
      }
    }
  }

  private static List<String> keys(JsonNode obj) {
    List<String> k = new ArrayList<>();
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      k.add(it.next());
    }
    return k;
  }

  /** Same keys in the same order, same tensors. */
  public static void compareState(JsonNode want, Map<String, Tensor> got, double tol, String what) {
    assertEquals(keys(want), new ArrayList<>(got.keySet()), what + ": keys");
    for (Map.Entry<String, Tensor> e : got.entrySet()) {
      Golden.assertTensor(want.get(e.getKey()), e.getValue(), tol, what + " " + e.getKey());
    }
  }

  /**
   * Replays an error case: building the module after the seed and calling {@code forward} must
   * throw an exception whose message contains PyTorch's first message line.
   */
  public static <M extends Module> void checkError(
      JsonNode c, Supplier<M> make, BiFunction<M, List<Tensor>, Object> forward) {
    String id = c.get("id").asText();
    String message = c.get("message").asText();
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(c.get("seed").asLong());
      M m = make.get();
      List<Tensor> inputs = new ArrayList<>();
      for (JsonNode enc : c.get("inputs")) {
        inputs.add(Golden.tensor(enc));
      }
      RuntimeException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              RuntimeException.class, () -> forward.apply(m, inputs), id + " must fail");
      assertTrue(
          String.valueOf(e.getMessage()).contains(message),
          id + ": expected PyTorch's message <" + message + "> in <" + e.getMessage() + ">");
      m.close();
    }
  }
}
