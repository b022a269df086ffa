package org.jtorch.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TorchException;
import org.jtorch.TensorTuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every golden case under {@code golden/parity/} (written by the generators in {@code
 * src/test/python}, see {@code golden_common.py} for the format) through jtorch and compares with
 * PyTorch's result: dtype, shape and values (exact for integers, bools and indices; within a
 * tolerance for floating values). A case where PyTorch raises must raise {@link TorchException}
 * (or {@link IllegalArgumentException} for misuse Java catches itself).
 */
class ParityTest {
  private static final Map<String, ParityOp> OPS = new HashMap<>();
  private static int replayed;

  static {
    OPS.putAll(ParityOpsA.OPS);
    OPS.putAll(ParityOpsB.OPS);
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenCase() throws IOException, URISyntaxException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : goldenFiles()) {
      JsonNode root = read("/golden/parity/" + file);
      for (JsonNode c : root.get("cases")) {
        String id = file.replace(".json", "") + ":" + c.get("id").asText();
        tests.add(DynamicTest.dynamicTest(id, () -> replay(c)));
      }
    }
    assertTrue(tests.size() > 0, "no parity cases found");
    return tests.stream();
  }

  @AfterAll
  static void printCount() {
    System.out.println("[parity] " + replayed + " golden cases from PyTorch 2.13.0 replayed");
  }

  private static List<String> goldenFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(ParityTest.class.getResource("/golden/parity").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static JsonNode read(String path) {
    try (InputStream in = ParityTest.class.getResourceAsStream(path)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void replay(JsonNode c) {
    String op = c.get("op").asText();
    ParityOp fn = OPS.get(op);
    assertNotNull(fn, "no Java mapping for op '" + op + "'");
    try (Scope scope = Scope.open()) {
      List<Object> args = new ArrayList<>();
      for (JsonNode a : c.get("args")) {
        args.add(ParityArgs.decode(a));
      }
      if (c.has("error")) {
        try {
          Object r = fn.apply(args);
          fail("PyTorch raises " + c.get("error").asText() + " (" + c.path("message").asText()
              + ") but jtorch returned " + r);
        } catch (TorchException | IllegalArgumentException expected) {
          // the same refusal, as a Java exception
        }
      } else {
        Object r = fn.apply(args);
        double tol = c.has("tol") ? c.get("tol").asDouble() : -1;
        compare(c.get("out"), r, tol, c.get("id").asText());
      }
    }
    replayed++;
  }

  private static void compare(JsonNode want, Object got, double tol, String what) {
    if (want.has("tuple")) {
      List<Object> parts = parts(got);
      assertEquals(want.get("tuple").size(), parts.size(), what + ": tuple size");
      for (int i = 0; i < parts.size(); i++) {
        compare(want.get("tuple").get(i), parts.get(i), tol, what + "[" + i + "]");
      }
    } else if (want.has("bool")) {
      assertEquals(want.get("bool").asBoolean(), got, what);
    } else if (want.has("i")) {
      assertEquals(want.get("i").asLong(), ((Number) got).longValue(), what);
    } else if (want.has("f")) {
      double w = Golden.number(want.get("f"));
      double g = ((Number) got).doubleValue();
      double t = tol >= 0 ? tol : 1e-6;
      assertTrue(Double.isNaN(w) ? Double.isNaN(g) : Math.abs(w - g) <= t + t * Math.abs(w),
          what + ": expected " + w + " but was " + g);
    } else {
      assertTrue(got instanceof Tensor, what + ": expected a tensor, got " + got);
      Golden.assertTensor(want, (Tensor) got, tol, what);
    }
  }

  private static List<Object> parts(Object got) {
    if (got instanceof TensorTuple) {
      return new ArrayList<>(((TensorTuple) got).tensors());
    }
    if (got instanceof List) {
      return new ArrayList<>((List<?>) got);
    }
    if (got instanceof Object[]) {
      return List.of((Object[]) got);
    }
    throw new AssertionError("expected a tuple, got " + got);
  }
}
