package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TorchScript source compiled from Java, and every kind of value crossing the boundary. */
class JitCompileTest {
  private static final String SOURCE =
      String.join(
          "\n",
          "def scaled_sum(x: Tensor, w: float) -> Tensor:",
          "    return (x * w).sum()",
          "def ints(xs: List[int]) -> List[int]:",
          "    return [v * 2 for v in xs]",
          "def floats(xs: List[float], y: float) -> Tuple[List[float], float]:",
          "    return xs, y",
          "def flags(b: bool, bs: List[bool]) -> Tuple[bool, List[bool]]:",
          "    return not b, bs",
          "def text(s: str) -> str:",
          "    return s + '|' + s.upper()",
          "def opt(x: Optional[int]) -> Optional[int]:",
          "    if x is None:",
          "        return None",
          "    return x + 1",
          "def tup(t: Tuple[int, str, Tensor]) -> Tuple[Tensor, str, int]:",
          "    return t[2], t[1], t[0]",
          "def nested(d: Dict[str, List[Tuple[int, Optional[Tensor]]]]) -> Dict[str, int]:",
          "    out: Dict[str, int] = {}",
          "    for k, v in d.items():",
          "        n = 0",
          "        for p in v:",
          "            t = p[1]",
          "            if t is not None:",
          "                n += p[0] * int(t.numel())",
          "        out[k] = n",
          "    return out",
          "def keys(d: Dict[int, float], e: Dict[float, str], f: Dict[bool, int]) -> List[float]:",
          "    return [float(len(d)), float(len(e)), float(len(f))]",
          "def tensor_list(ts: List[Tensor]) -> Tensor:",
          "    if len(ts) == 0:",
          "        return torch.zeros(1)",
          "    return torch.stack(ts).sum(0)",
          "def dev(d: Device, x: Tensor) -> Device:",
          "    return x.to(d).device",
          "def union(x: Union[int, str, List[int]]) -> str:",
          "    if isinstance(x, int):",
          "        return 'int'",
          "    if isinstance(x, str):",
          "        return 'str'",
          "    return 'list'",
          "def dtype_of(x: Tensor, t: int) -> Tensor:",
          "    return x.to(t)",
          "def nothing() -> None:",
          "    pass",
          "");

  private static CompilationUnit cu;

  @BeforeAll
  static void compile() {
    cu = Jit.compile(SOURCE);
  }

  @AfterAll
  static void close() {
    cu.close();
    assertTrue(cu.isClosed());
    assertThrows(IllegalStateException.class, () -> cu.run("text", "x"));
  }

  @Test
  void functionsAndSchemas() {
    assertTrue(cu.hasFunction("scaled_sum"));
    assertFalse(cu.hasFunction("nope"));
    assertEquals("scaled_sum(Tensor x, float w) -> Tensor", cu.schema("scaled_sum"));
    assertTrue(cu.functionNames().containsAll(List.of("scaled_sum", "ints", "nested", "union")));
    assertThrows(TorchException.class, () -> cu.run("nope"));
  }

  @Test
  void numbersStringsAndBooleans() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.tensor(new float[] {1, 2, 3});
      assertEquals(3.0, ((Tensor) cu.run("scaled_sum", x, 0.5)).doubleValue(), 1e-6);
      assertEquals(6.0, ((Tensor) cu.run("scaled_sum", x, 1)).doubleValue(), 1e-6); // int for float
      assertEquals(List.of(2L, 4L, -6L), cu.run("ints", List.of(1, 2L, (short) -3)));
      assertEquals(List.of(2L), cu.run("ints", new int[] {1}));
      assertEquals(List.of(), cu.run("ints", List.of()));
      assertEquals(Tuple.of(List.of(1.0, 2.5), 3.0), cu.run("floats", List.of(1, 2.5f), 3L));
      assertEquals(Tuple.of(false, List.of(true, false)), cu.run("flags", true, List.of(true, false)));
      // UTF-8 both ways (TorchScript's upper() changes ASCII letters only)
      assertEquals("ab✓é|AB✓é", cu.run("text", "ab✓é"));
    }
  }

  @Test
  void optionalsAndNone() {
    assertNull(cu.run("opt", (Object) null));
    assertNull(cu.run("opt", Optional.empty()));
    assertEquals(8L, cu.run("opt", Optional.of(7)));
    assertEquals(8L, cu.run("opt", 7));
    assertNull(cu.run("nothing"));
  }

  @Test
  void tuplesListsAndDicts() {
    try (Scope scope = Scope.open()) {
      Tensor t = Torch.ones(2, 3);
      Tuple r = (Tuple) cu.run("tup", Tuple.of(5, "five", t));
      assertEquals(6, r.tensor(0).numel());
      assertEquals("five", r.get(1));
      assertEquals(5L, r.get(2));
      assertEquals("(5, five, 5)".length(), Tuple.of(5, "five", 5).toString().length());

      Map<String, List<Tuple>> d = new LinkedHashMap<>();
      d.put("a", List.of(Tuple.of(2, t), Tuple.of(3, null)));
      d.put("b", List.of());
      d.put("c", List.of(Tuple.of(1, Optional.of(Torch.ones(4)))));
      assertEquals(Map.of("a", 12L, "b", 0L, "c", 4L), cu.run("nested", d));
      assertEquals(List.of("a", "b", "c"), List.copyOf(((Map<?, ?>) cu.run("nested", d)).keySet()));

      Map<Integer, Double> byInt = Map.of(1, 1.0, 2, 2.0);
      Map<Double, String> byFloat = Map.of(0.5, "half");
      Map<Boolean, Long> byBool = Map.of(true, 1L, false, 0L);
      assertEquals(List.of(2.0, 1.0, 2.0), cu.run("keys", byInt, byFloat, byBool));
      assertEquals(List.of(0.0, 0.0, 0.0), cu.run("keys", Map.of(), Map.of(), Map.of()));

      Tensor s = (Tensor) cu.run("tensor_list", List.of(Torch.ones(2), Torch.ones(2)));
      assertArrayEquals(new float[] {2, 2}, s.toFloatArray());
      s = (Tensor) cu.run("tensor_list", (Object) new Tensor[] {Torch.ones(2)});
      assertArrayEquals(new float[] {1, 1}, s.toFloatArray());
      assertArrayEquals(new float[] {0}, ((Tensor) cu.run("tensor_list", List.of())).toFloatArray());
    }
  }

  @Test
  void devicesUnionsAndDtypes() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.ones(2);
      assertEquals(Device.CPU, cu.run("dev", Device.CPU, x));
      assertEquals(Device.CPU, cu.run("dev", "cpu", x));
      assertEquals("int", cu.run("union", 3));
      assertEquals("str", cu.run("union", "three"));
      assertEquals("list", cu.run("union", List.of(1, 2)));
      assertEquals(DType.FLOAT64, ((Tensor) cu.run("dtype_of", x, DType.FLOAT64)).dtype());
    }
  }

  @Test
  void compileErrorsAreTorchScriptsMessages() {
    TorchException e =
        assertThrows(TorchException.class, () -> Jit.compile("def f(x: Tensor) -> int:\n    return x.nope()\n"));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    assertFalse(e.getMessage().contains("frame #"), e.getMessage());
    TorchException syntax = assertThrows(TorchException.class, () -> Jit.compile("def f(:\n"));
    assertFalse(syntax.getMessage().isEmpty());
  }
}
