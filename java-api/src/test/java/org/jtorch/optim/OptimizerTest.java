package org.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** Optimizer plumbing: zeroGrad, state dicts, resume, misuse. */
class OptimizerTest {
  @Test
  void zeroGradAndStateDictStructure() {
    try (Scope scope = Scope.open()) {
      List<Tensor> p = OptimizerGoldenTest.initialParams();
      Adam opt = new Adam(p, Adam.options().lr(0.01).amsgrad(true));
      OptimizerGoldenTest.setGrads(p, 0);
      opt.step();
      opt.zeroGrad(false);
      assertEquals(0.0, p.get(0).grad().abs().sum().doubleValue());
      opt.zeroGrad();
      assertNull(p.get(0).grad());
      Map<String, Object> sd = opt.stateDict();
      assertEquals(List.of("state", "param_groups"), new ArrayList<>(sd.keySet()));
      Map<?, ?> state = (Map<?, ?>) sd.get("state");
      assertEquals(List.of(0L, 1L), new ArrayList<>(state.keySet()));
      assertEquals(
          List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"),
          new ArrayList<>(((Map<?, ?>) state.get(0L)).keySet()));
      Map<?, ?> group = (Map<?, ?>) ((List<?>) sd.get("param_groups")).get(0);
      assertEquals(List.of(0L, 1L), group.get("params"));
      assertEquals(0.01, group.get("lr"));
    }
  }

  /** Stop after 10 steps, restore into a fresh optimizer, continue: the same as 20 straight. */
  @Test
  void resumingContinuesExactly() {
    for (String id : List.of("sgd_momentum", "adam_amsgrad", "rmsprop_centered", "nadam", "adagrad")) {
      try (Scope scope = Scope.open()) {
        List<Tensor> a = OptimizerGoldenTest.initialParams();
        Optimizer straight = OptimizerGoldenTest.make(id, a);
        List<Tensor> b = OptimizerGoldenTest.initialParams();
        Optimizer first = OptimizerGoldenTest.make(id, b);
        for (int s = 0; s < 10; s++) {
          OptimizerGoldenTest.setGrads(a, s);
          straight.step();
          OptimizerGoldenTest.setGrads(b, s);
          first.step();
        }
        Optimizer second = OptimizerGoldenTest.make(id, b);
        second.loadStateDict(first.stateDict());
        for (int s = 10; s < 20; s++) {
          OptimizerGoldenTest.setGrads(a, s);
          straight.step();
          OptimizerGoldenTest.setGrads(b, s);
          second.step();
        }
        for (int i = 0; i < 2; i++) {
          assertTrue(a.get(i).equal(b.get(i)), id);
        }
      }
    }
  }

  @Test
  void misuse() {
    try (Scope scope = Scope.open()) {
      Tensor leaf = Torch.zeros(2).requiresGrad_(true);
      Tensor nonLeaf = leaf.mul(2);
      assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(nonLeaf), 0.1));
      assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(leaf, leaf), 0.1));
      assertThrows(IllegalArgumentException.class, () -> new SGD(new ArrayList<Tensor>(), 0.1));
      assertThrows(IllegalArgumentException.class, () -> SGD.options().lr(-1));
      assertThrows(IllegalArgumentException.class, () -> Adam.options().betas(1.0, 0.9));
      assertThrows(
          IllegalArgumentException.class, () -> new SGD(List.of(leaf), SGD.options().nesterov(true)));
      SGD opt = new SGD(List.of(leaf), 0.1);
      Tensor other = Torch.zeros(2).requiresGrad_(true);
      SGD two = new SGD(List.of(leaf, other), 0.1);
      assertThrows(IllegalArgumentException.class, () -> opt.loadStateDict(two.stateDict()));
      assertThrows(IllegalArgumentException.class, () -> opt.loadStateDict(Map.of("state", 1)));
      leaf.close();
      leaf.close();
      Tensor g = Torch.ones(2);
      assertThrows(IllegalStateException.class, () -> opt.step());
      g.close();
    }
  }
}
