package org.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.Test;

/**
 * Module hooks with PyTorch's semantics and return-value rules, against Python's run of the same
 * model and hooks (gen_nn_hooks.py): what each hook saw, the output and every gradient, and the
 * plain model once the hooks are removed.
 */
class ModuleHooksTest {
  private static final JsonNode G = Golden.load("nn/hooks");

  private static void assertGrads(JsonNode want, Module model, String what) {
    for (Map.Entry<String, Tensor> p : model.namedParameters().entrySet()) {
      Golden.assertTensor(want.get(p.getKey()), p.getValue().grad(), 1e-6, what + " " + p.getKey());
    }
  }

  @Test
  void hooksSeeAndReplaceWhatPythonsDo() {
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(0);
      Sequential model = new Sequential(new Linear(4, 5), new Tanh(), new Linear(5, 3));
      Tensor x = Golden.tensor(G.get("x"));
      Map<String, Tensor> seen = new HashMap<>();
      List<Object> back0GradInput = new ArrayList<>();
      Module first = model.children().get(0);
      Module last = model.children().get(2);
      List<Module.HookHandle> handles =
          List.of(
              first.registerForwardPreHook(
                  (m, args) -> {
                    seen.put("pre_in", ((Tensor) args.get(0)).clone());
                    return ((Tensor) args.get(0)).mul(2); // one value: the new single input
                  }),
              last.registerForwardHook(
                  (m, args, out) -> {
                    seen.put("post_out", ((Tensor) out).detach().clone());
                    return ((Tensor) out).add(1);
                  }),
              last.registerFullBackwardHook(
                  (m, gradIn, gradOut) -> {
                    seen.put("back2_grad_input", gradIn.get(0).clone());
                    seen.put("back2_grad_output", gradOut.get(0).clone());
                    return List.of(gradIn.get(0).mul(0.5));
                  }),
              first.registerFullBackwardHook(
                  (m, gradIn, gradOut) -> {
                    back0GradInput.add(gradIn.get(0));
                    seen.put("back0_grad_output", gradOut.get(0).clone());
                    return null;
                  }));
      Tensor out = model.call(x);
      out.pow(2).mean().backward();
      JsonNode hooked = G.get("hooked");
      Golden.assertTensor(hooked.get("out"), out, 1e-6, "output");
      assertGrads(hooked.get("grads"), model, "hooked");
      JsonNode s = hooked.get("seen");
      for (String k : List.of("pre_in", "post_out", "back2_grad_input", "back2_grad_output",
          "back0_grad_output")) {
        Golden.assertTensor(s.get(k), seen.get(k), 1e-6, k);
      }
      assertEquals(1, back0GradInput.size());
      assertNull(back0GradInput.get(0), "the input needs no grad: grad_input is [null]");

      handles.forEach(Module.HookHandle::remove);
      handles.forEach(Module.HookHandle::remove); // idempotent
      model.zeroGrad();
      Tensor plain = model.call(x);
      plain.pow(2).mean().backward();
      Golden.assertTensor(G.get("plain").get("out"), plain, 1e-6, "plain output");
      assertGrads(G.get("plain").get("grads"), model, "plain");
      assertEquals(5, seen.size()); // the removed hooks saw nothing more
    }
  }

  @Test
  void forwardSkipsTheHooksAsInPythonAndHooksRunInOrder() {
    try (Scope scope = Scope.open()) {
      Linear fc = new Linear(2, 2);
      List<String> order = new ArrayList<>();
      fc.registerForwardPreHook((m, a) -> { order.add("pre1"); return null; });
      fc.registerForwardPreHook((m, a) -> { order.add("pre2"); return List.of(a.get(0)); });
      fc.registerForwardHook((m, a, o) -> { order.add("post1"); return ((Tensor) o).mul(0); });
      fc.registerForwardHook((m, a, o) -> { order.add("post2:" + ((Tensor) o).sum().doubleValue()); return null; });
      Tensor x = Torch.ones(1, 2);
      fc.forward(x);
      assertTrue(order.isEmpty(), order.toString());
      assertEquals(0.0, fc.call(x).sum().doubleValue());
      assertEquals(List.of("pre1", "pre2", "post1", "post2:0.0"), order);
    }
  }

  /** A module whose forward takes two tensors: through call, hooks and Sequential's neighbours. */
  static final class Bilinear2 extends Module {
    final Linear a = registerModule("a", new Linear(3, 2));
    final Linear b = registerModule("b", new Linear(3, 2));

    @Override
    public Object forward(List<Object> inputs) {
      return a.call((Tensor) inputs.get(0)).add(b.call((Tensor) inputs.get(1)));
    }
  }

  @Test
  void multiInputModulesWorkThroughCallAndHooks() {
    try (Scope scope = Scope.open()) {
      Bilinear2 m = new Bilinear2();
      Tensor u = Torch.randn(4, 3).requiresGrad_(true);
      Tensor v = Torch.randn(4, 3).requiresGrad_(true);
      List<Integer> seen = new ArrayList<>();
      m.registerForwardPreHook((mod, args) -> { seen.add(args.size()); return null; });
      m.registerFullBackwardHook((mod, gi, go) -> { seen.add(gi.size() * 10 + go.size()); return null; });
      Tensor y = (Tensor) m.call(u, v);
      Tensor direct = (Tensor) m.forward(List.of(u, v));
      assertTrue(y.allclose(direct));
      y.sum().backward();
      assertEquals(List.of(2, 21), seen); // 2 inputs; then grad_input of 2, grad_output of 1
      assertThrows(UnsupportedOperationException.class, () -> m.forward(u));
      // replacing grad_input of a call with two inputs that require grad is refused, not faked
      m.registerFullBackwardHook((mod, gi, go) -> List.of(gi.get(0), gi.get(1)));
      Tensor z = (Tensor) m.call(u, v);
      TorchException e = assertThrows(TorchException.class, () -> z.sum().backward());
      assertTrue(e.getMessage().contains("can replace grad_input only where one input does"), e.getMessage());
    }
  }
}
