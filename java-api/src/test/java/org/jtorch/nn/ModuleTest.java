package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** The Module tree: registration, traversal, state dicts, modes, dtype moves, printing. */
class ModuleTest {
  static final class Block extends Module {
    final Linear fc = registerModule("fc", new Linear(4, 4));
    final Tensor steps = registerBuffer("steps", Torch.zeros(new long[] {}, org.jtorch.TensorOptions.dtype(DType.INT64)));
    final Tensor scratch = registerBuffer("scratch", Torch.zeros(2), false);

    @Override
    public Tensor forward(Tensor x) {
      return fc.forward(x);
    }
  }

  static final class Net extends Module {
    final Tensor scale = registerParameter("scale", Torch.ones(1));
    final Sequential body = registerModule("body", new Sequential(new Linear(3, 4), new ReLU(), new Block()));
    final ModuleList heads =
        registerModule("heads", new ModuleList(new Linear(4, 2), new Linear(4, 2), new Linear(4, 1)));
    final ModuleDict extra = registerModule("extra", new ModuleDict(mapOf("act", new GELU("tanh"), "drop", new Dropout(0.1))));

    @Override
    public Tensor forward(Tensor x) {
      Tensor h = extra.get("drop").forward(extra.get("act").forward(body.forward(x.mul(scale))));
      return heads.get(0).forward(h);
    }
  }

  static Map<String, Module> mapOf(String k1, Module v1, String k2, Module v2) {
    Map<String, Module> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  // what Python torch 2.13 prints for the same structure built with torch.nn
  static final String NET_REPR =
      "Net(\n"
          + "  (body): Sequential(\n"
          + "    (0): Linear(in_features=3, out_features=4, bias=True)\n"
          + "    (1): ReLU()\n"
          + "    (2): Block(\n"
          + "      (fc): Linear(in_features=4, out_features=4, bias=True)\n"
          + "    )\n"
          + "  )\n"
          + "  (heads): ModuleList(\n"
          + "    (0-1): 2 x Linear(in_features=4, out_features=2, bias=True)\n"
          + "    (2): Linear(in_features=4, out_features=1, bias=True)\n"
          + "  )\n"
          + "  (extra): ModuleDict(\n"
          + "    (act): GELU(approximate='tanh')\n"
          + "    (drop): Dropout(p=0.1, inplace=False)\n"
          + "  )\n"
          + ")";

  @Test
  void treeMatchesPyTorch() {
    try (Net n = new Net()) {
      assertEquals(NET_REPR, n.toString());
      assertEquals(
          List.of("scale", "body.0.weight", "body.0.bias", "body.2.steps", "body.2.fc.weight",
              "body.2.fc.bias", "heads.0.weight", "heads.0.bias", "heads.1.weight", "heads.1.bias",
              "heads.2.weight", "heads.2.bias"),
          new ArrayList<>(n.stateDict().keySet()));
      assertEquals(62, n.parameterCount());
      assertEquals(
          List.of("", "body", "body.0", "body.1", "body.2", "body.2.fc", "heads", "heads.0",
              "heads.1", "heads.2", "extra", "extra.act", "extra.drop"),
          new ArrayList<>(n.namedModules().keySet()));
      assertEquals(List.of("body.2.steps", "body.2.scratch"), new ArrayList<>(n.namedBuffers().keySet()));
      assertEquals(3, n.children().size());
      assertSame(n.body.get(2), n.getSubmodule("body.2"));
      assertSame(((Block) n.body.get(2)).fc.weight, n.getParameter("body.2.fc.weight"));
      assertSame(((Block) n.body.get(2)).steps, n.getBuffer("body.2.steps"));
      assertThrows(IllegalArgumentException.class, () -> n.getSubmodule("body.7"));
      assertThrows(IllegalArgumentException.class, () -> n.getParameter("body.0.nope"));
      assertEquals(List.of(2L, 2L), List.of((long) n.forward(Torch.randn(2, 3)).size(0), 2L));
    }
  }

  @Test
  void modulesOutliveTheScopeTheyWereBuiltIn() {
    Linear l;
    try (Scope s = Scope.open()) {
      l = new Linear(3, 2);
      l.stateDict(); // detached views: closed with the scope, the module is untouched
    }
    assertFalse(l.weight.isClosed());
    try (Scope s = Scope.open()) {
      assertArrayEquals(new long[] {5, 2}, l.forward(Torch.randn(5, 3)).shape());
    }
    l.close();
    assertTrue(l.weight.isClosed());
    assertThrows(IllegalStateException.class, l::stateDict);
    l.close(); // idempotent
  }

  @Test
  void parametersAreLeavesSharingTheRegisteredData() {
    try (Scope s = Scope.open()) {
      Tensor raw = Torch.zeros(3).mul(2.0);
      Module m = new Module() {};
      Tensor p = m.registerParameter("p", raw);
      assertTrue(p.requiresGrad());
      assertTrue(p.isLeaf());
      raw.fill_(5.0);
      assertEquals(15.0, p.sum().doubleValue());
      assertNull(m.registerParameter("none", null));
      assertEquals(List.of("p"), new ArrayList<>(m.stateDict().keySet()));
      assertThrows(IllegalArgumentException.class, () -> m.registerParameter("p", raw));
      assertThrows(IllegalArgumentException.class, () -> m.registerBuffer("a.b", raw));
      assertThrows(IllegalArgumentException.class, () -> m.registerModule("", new ReLU()));
      assertThrows(UnsupportedOperationException.class, () -> m.forward(raw));
    }
  }

  @Test
  void sharedParametersAppearOnce() {
    try (Scope s = Scope.open()) {
      Linear shared = new Linear(2, 2);
      Sequential seq = new Sequential(shared, new ReLU(), shared);
      assertEquals(2, seq.parameters().size());
      assertEquals(6, seq.parameterCount());
      assertEquals(List.of("0.weight", "0.bias"), new ArrayList<>(seq.namedParameters().keySet()));
    }
  }

  @Test
  void loadStateDictChecksEverythingFirstAndKeepsPyTorchsMessage() {
    try (Scope s = Scope.open()) {
      Linear m = new Linear(3, 2);
      Tensor before = m.weight.clone();
      Map<String, Tensor> bad = new LinkedHashMap<>();
      bad.put("weight", Torch.zeros(2, 4));
      bad.put("foo", Torch.zeros(1));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(bad));
      assertEquals(
          "Error(s) in loading state_dict for Linear:\n"
              + "\tMissing key(s) in state_dict: \"bias\". \n"
              + "\tUnexpected key(s) in state_dict: \"foo\". \n"
              + "\tsize mismatch for weight: copying a param with shape torch.Size([2, 4]) from "
              + "checkpoint, the shape in current model is torch.Size([2, 3]).",
          e.getMessage());
      assertTrue(m.weight.equal(before), "a failed load leaves the module unchanged");
      // a partial dict in non-strict mode: loads what matches, reports the rest
      Map<String, Tensor> partial = Map.of("weight", Torch.ones(2, 3), "extra", Torch.ones(1));
      Module.IncompatibleKeys k = m.loadStateDict(partial, false);
      assertEquals(List.of("bias"), k.missingKeys());
      assertEquals(List.of("extra"), k.unexpectedKeys());
      assertEquals(6.0, m.weight.sum().doubleValue());
      // a round trip through another instance
      Linear other = new Linear(3, 2);
      other.loadStateDict(m.stateDict());
      assertTrue(other.weight.equal(m.weight));
      assertTrue(other.bias.equal(m.bias));
      assertTrue(m.weight.requiresGrad(), "loading keeps parameters trainable");
    }
  }

  @Test
  void trainEvalAndGradients() {
    try (Scope s = Scope.open()) {
      Net n = new Net();
      assertTrue(n.isTraining());
      n.eval();
      for (Module m : n.modules()) {
        assertFalse(m.isTraining());
      }
      n.train();
      assertTrue(n.extra.get("drop").isTraining());
      n.forward(Torch.randn(2, 3)).sum().backward();
      assertNotNull(n.scale.grad());
      n.zeroGrad(false);
      assertEquals(0.0, n.scale.grad().abs().sum().doubleValue());
      n.zeroGrad();
      assertNull(n.scale.grad());
      n.requiresGrad_(false);
      assertFalse(n.forward(Torch.randn(2, 3)).requiresGrad());
      List<String> visited = new ArrayList<>();
      n.apply(m -> visited.add(m.name()));
      assertEquals("Net", visited.get(visited.size() - 1));
      assertEquals("Linear", visited.get(0));
    }
  }

  @Test
  void toDTypeConvertsFloatingStateInPlace() {
    try (Scope s = Scope.open()) {
      Net n = new Net();
      Tensor w = n.heads.get(2) instanceof Linear l ? l.weight : null;
      n.to(DType.FLOAT64);
      assertEquals(DType.FLOAT64, w.dtype(), "the same tensor object sees the new dtype");
      assertEquals(DType.INT64, n.getBuffer("body.2.steps").dtype(), "integer buffers stay");
      assertEquals(DType.FLOAT64, n.forward(Torch.randn(2, 3).to(DType.FLOAT64)).dtype());
      assertTrue(w.requiresGrad() && w.isLeaf());
      assertThrows(IllegalArgumentException.class, () -> n.to(DType.INT32));
    }
  }

  @Test
  void containers() {
    try (Scope s = Scope.open()) {
      Sequential seq = new Sequential(new Linear(2, 3), new ReLU());
      seq.append(new Linear(3, 1));
      assertEquals(3, seq.size());
      assertTrue(seq.get(-1) instanceof Linear);
      assertThrows(IndexOutOfBoundsException.class, () -> seq.get(3));
      assertArrayEquals(new long[] {4, 1}, seq.forward(Torch.randn(4, 2)).shape());
      ModuleList list = new ModuleList();
      assertEquals("ModuleList()", list.toString());
      assertThrows(UnsupportedOperationException.class, () -> list.forward(Torch.randn(1)));
      ModuleDict d = new ModuleDict().put("a", new ReLU());
      assertTrue(d.containsKey("a"));
      assertNull(d.get("b"));
      assertThrows(IllegalArgumentException.class, () -> d.put("a", new Tanh()));
      assertEquals("Dropout(p=1e-05, inplace=False)", new Dropout(1e-5).toString());
      assertEquals("LeakyReLU(negative_slope=0.0005)", new LeakyReLU(0.0005).toString());
      assertEquals("Softplus(beta=0.5, threshold=20.0)", new Softplus(0.5, 20).toString());
      assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
    }
  }
}
