package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jtorch.Tensor;
import org.junit.jupiter.api.DynamicTest;

/**
 * A table of golden cases for one JSON file: each id maps to how Java builds the module and calls
 * it. Every case in the file must have an entry (a golden without a Java replay fails), and every
 * entry a case.
 */
final class NnCases {
  private record Entry(
      Supplier<? extends Module> make, BiFunction<Module, List<Tensor>, List<Tensor>> forward) {}

  private final String file;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  NnCases(String file) {
    this.file = file;
  }

  /** A case whose forward is the module's {@code forward(Tensor)}. */
  NnCases add(String id, Supplier<? extends Module> make) {
    return add(id, make, (m, in) -> List.of(m.forward(in.get(0))));
  }

  /** A case with its own forward; {@code M} is the module's type. */
  @SuppressWarnings("unchecked")
  <M extends Module> NnCases add(
      String id, Supplier<M> make, BiFunction<M, List<Tensor>, List<Tensor>> forward) {
    entries.put(
        id, new Entry(make, (m, in) -> forward.apply((M) m, in)));
    return this;
  }

  /** A functional case: the golden wraps it in nn.Identity. */
  NnCases fn(String id, java.util.function.Function<List<Tensor>, Tensor> f) {
    return add(id, Identity::new, (m, in) -> List.of(f.apply(in)));
  }

  /** One dynamic test per case of the file: module cases replayed, error cases checked. */
  List<DynamicTest> tests() {
    Map<String, JsonNode> cases = NnGolden.cases(file);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases.values()) {
      String id = c.get("id").asText();
      if (c.has("errors")) {
        continue; // constructor errors: checked by the test class itself
      }
      Entry e = entries.get(id);
      tests.add(
          DynamicTest.dynamicTest(
              id,
              () -> {
                assertNotNull(e, "no Java replay for golden case " + id);
                if (c.has("error")) {
                  NnGolden.checkError(c, e.make(), (m, in) -> e.forward().apply(m, in));
                } else {
                  NnGolden.check(c, e.make(), (m, in) -> e.forward().apply(m, in));
                }
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "every Java replay has a golden case",
            () -> {
              List<String> extra = new ArrayList<>(entries.keySet());
              extra.removeAll(cases.keySet());
              assertEquals(List.of(), extra);
            }));
    return tests;
  }

  /**
   * Checks a constructor-error case: the Java constructor throws IllegalArgumentException with
   * PyTorch's message. Python prints sets (<code>{'same', 'valid'}</code>) in a random order, so
   * the elements between braces are compared as sets.
   */
  static void checkConstructorError(JsonNode errors, String id, Runnable make) {
    JsonNode want = null;
    for (JsonNode e : errors.get("errors")) {
      if (e.get("id").asText().equals(id)) {
        want = e;
      }
    }
    assertNotNull(want, "no golden constructor error " + id);
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, make::run, id);
    assertEquals(normaliseSets(want.get("message").asText()), normaliseSets(ex.getMessage()), id);
  }

  private static String normaliseSets(String s) {
    int open = s.indexOf('{');
    int close = s.indexOf('}');
    if (open < 0 || close < open) {
      return s;
    }
    String sorted =
        Arrays.stream(s.substring(open + 1, close).split(", ")).sorted().collect(Collectors.joining(", "));
    return s.substring(0, open + 1) + sorted + s.substring(close);
  }

  static void assertMessage(RuntimeException e, String expected) {
    assertTrue(
        String.valueOf(e.getMessage()).contains(expected),
        "expected <" + expected + "> in <" + e.getMessage() + ">");
  }
}
