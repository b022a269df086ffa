package org.jtorch.optim.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.jtorch.Golden;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.optim.ParamGroup;
import org.jtorch.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scheduler for 20 steps on SGD with two parameter groups against PyTorch 2.13's learning
 * rates and momentum (golden/optim/schedulers.json).
 */
class SchedulerGoldenTest {
  static final JsonNode GOLDEN = Golden.load("optim/schedulers");

  static Stream<String> ids() {
    List<String> ids = new ArrayList<>();
    GOLDEN.get("cases").forEach(c -> ids.add(c.get("id").asText()));
    return ids.stream();
  }

  static SGD optimizer() {
    Tensor a = Torch.zeros(2).requiresGrad_(true);
    Tensor b = Torch.zeros(1).requiresGrad_(true);
    return new SGD(
        List.of(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b)).lr(0.05)),
        SGD.options().lr(0.1).momentum(0.9));
  }

  static Object make(String id, SGD opt) {
    switch (id) {
      case "step":
        return new StepLR(opt, 3, 0.5);
      case "multistep":
        return new MultiStepLR(opt, List.of(2, 5, 5, 11), 0.3);
      case "exponential":
        return new ExponentialLR(opt, 0.9);
      case "cosine":
        return new CosineAnnealingLR(opt, 7, 0.001);
      case "cosine_restarts":
        return new CosineAnnealingWarmRestarts(opt, 3, 2, 0.01);
      case "linear":
        return new LinearLR(opt, 0.25, 0.9, 6);
      case "constant":
        return new ConstantLR(opt, 0.5, 4);
      case "polynomial":
        return new PolynomialLR(opt, 6, 2.0);
      case "polynomial_default":
        return new PolynomialLR(opt);
      case "onecycle":
        return new OneCycleLR(opt, OneCycleLR.options(List.of(0.5, 0.2), 20));
      case "onecycle_linear3":
        return new OneCycleLR(
            opt, OneCycleLR.options(0.3, 20).annealStrategy("linear").threePhase(true).pctStart(0.25));
      case "cyclic":
        return new CyclicLR(opt, CyclicLR.options(0.01, 0.1).stepSizeUp(3).stepSizeDown(2));
      case "cyclic_tri2":
        return new CyclicLR(
            opt, CyclicLR.options(List.of(0.01, 0.02), List.of(0.1)).stepSizeUp(2).mode("triangular2"));
      case "cyclic_exp":
        return new CyclicLR(
            opt,
            CyclicLR.options(0.01, 0.1).stepSizeUp(4).mode("exp_range").gamma(0.9).cycleMomentum(false));
      case "lambda":
        return new LambdaLR(opt, e -> Math.pow(0.95, e));
      case "lambda_list":
        return new LambdaLR(
            opt, List.<IntToDoubleFunction>of(e -> 1.0 / (e + 1), e -> 0.5 * (e % 3 + 1)));
      case "sequential":
        return new SequentialLR(
            opt, List.of(new LinearLR(opt, 0.1, 1.0, 4), new ExponentialLR(opt, 0.8)), List.of(5L));
      case "chained":
        return new ChainedScheduler(List.of(new ConstantLR(opt, 0.2, 3), new ExponentialLR(opt, 0.9)));
      case "plateau":
        return new ReduceLROnPlateau(
            opt, ReduceLROnPlateau.options().patience(2).factor(0.5).cooldown(1).minLr(0.004));
      case "plateau_max_abs":
        return new ReduceLROnPlateau(
            opt,
            ReduceLROnPlateau.options().mode("max").threshold(0.05).thresholdMode("abs").patience(1).factor(0.3));
      default:
        throw new IllegalArgumentException(id);
    }
  }

  static List<Double> lastLr(Object s) {
    return s instanceof ReduceLROnPlateau
        ? ((ReduceLROnPlateau) s).getLastLr()
        : ((LRScheduler) s).getLastLr();
  }

  static void step(Object s, int i) {
    if (s instanceof ReduceLROnPlateau) {
      ((ReduceLROnPlateau) s).step(GOLDEN.get("metrics").get(i).asDouble());
    } else {
      ((LRScheduler) s).step();
    }
  }

  static void assertClose(JsonNode expected, List<Double> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < actual.size(); i++) {
      double e = expected.get(i).asDouble();
      assertTrue(
          Math.abs(e - actual.get(i)) <= 1e-12 * Math.max(1e-3, Math.abs(e)),
          what + "[" + i + "]: expected " + e + ", got " + actual.get(i));
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
    SGD opt = optimizer();
    Object sched = make(id, opt);
    assertClose(golden.get("lrs").get(0), lastLr(sched), id + " initial lr");
    for (int s = 0; s < 20; s++) {
      opt.step();
      step(sched, s);
      assertClose(golden.get("lrs").get(s + 1), lastLr(sched), id + " step " + (s + 1));
      List<Double> momentum = new ArrayList<>();
      opt.paramGroups().forEach(g -> momentum.add(g.getDouble("momentum")));
      assertClose(golden.get("momentum").get(s + 1), momentum, id + " momentum " + (s + 1));
    }
  }

  /** Halfway through, a new scheduler restored from the state dict continues identically. */
  @ParameterizedTest
  @MethodSource("ids")
  void resumesFromStateDict(String id) {
    if (id.startsWith("lambda")) {
      return; // covered: LambdaLR's state holds only the counters (the functions are code)
    }
    SGD opt = optimizer();
    Object sched = make(id, opt);
    for (int s = 0; s < 9; s++) {
      step(sched, s);
    }
    var state =
        sched instanceof ReduceLROnPlateau
            ? ((ReduceLROnPlateau) sched).stateDict()
            : ((LRScheduler) sched).stateDict();
    var optState = opt.stateDict();
    SGD opt2 = optimizer();
    Object sched2 = make(id, opt2);
    opt2.loadStateDict(optState);
    if (sched2 instanceof ReduceLROnPlateau) {
      ((ReduceLROnPlateau) sched2).loadStateDict(state);
    } else {
      ((LRScheduler) sched2).loadStateDict(state);
    }
    for (int s = 9; s < 20; s++) {
      step(sched, s);
      step(sched2, s);
      assertEquals(lastLr(sched), lastLr(sched2), id + " step " + (s + 1));
    }
  }

  @Test
  void badArguments() {
    SGD opt = optimizer();
    assertThrows(IllegalArgumentException.class, () -> new ConstantLR(opt, 1.5, 3));
    assertThrows(IllegalArgumentException.class, () -> new LinearLR(opt, 0, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new StepLR(opt, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new LambdaLR(opt, List.<IntToDoubleFunction>of(e -> 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SequentialLR(opt, List.of(new ExponentialLR(opt, 0.9)), List.of(3L)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SequentialLR(optimizer(), List.of(new ExponentialLR(opt, 0.9)), List.of()));
    assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.options().factor(1.0));
    assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.options().mode("up"));
    assertThrows(IllegalArgumentException.class, () -> OneCycleLR.options(0.1, 0));
    // PolynomialLR(total_iters=0): Python's closed form (SequentialLR's milestone) divides by 0
    SGD p = optimizer();
    SequentialLR seq =
        new SequentialLR(
            p, List.of(new ExponentialLR(p, 0.9), new PolynomialLR(p, 0, 1.0)), List.of(1L));
    ArithmeticException zero = assertThrows(ArithmeticException.class, seq::step);
    assertEquals("division by zero", zero.getMessage());
    OneCycleLR one = new OneCycleLR(opt, OneCycleLR.options(0.1, 2));
    one.step();
    one.step();
    assertThrows(IllegalStateException.class, one::step);
    var adagrad = new org.jtorch.optim.Adagrad(
        List.of(Torch.zeros(1).requiresGrad_(true)), org.jtorch.optim.Adagrad.options());
    assertThrows(IllegalArgumentException.class, () -> new CyclicLR(adagrad, CyclicLR.options(0.1, 1)));
  }
}
