package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The gradients agree with the ones worked out by hand, and with PyTorch's for the same steps. */
class AutogradBasicsTest {
  @Test
  void gradientsMatchTheAnalyticOnes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AutogradBasics.Result r = AutogradBasics.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(7.0, r.grad(), 1e-6, out); // d/dx x^2 + 3x = 2x + 3 at x = 2
    assertEquals(14.0, r.accumulated(), 1e-6, out); // two backward passes add up
    assertArrayEquals(new double[] {2, 4, 6}, r.vectorGrad(), 1e-6, out);
    assertEquals(2.0, r.detachedGrad(), 1e-6, out);
    assertEquals(27.0, r.firstDerivative(), 1e-12, out); // 3t^2 at t = 3
    assertEquals(18.0, r.secondDerivative(), 1e-12, out); // 6t
    assertTrue(out.contains("x.grad().zero_(): x.grad() = tensor(0.)"), out);
    assertTrue(out.contains("x.setGrad(null): x.grad() = null"), out);
    assertTrue(out.contains("y.gradFn() = AddBackward0"), out);
    assertTrue(out.contains("x.mul(2).requiresGrad() = false"), out);
    assertTrue(out.contains("t.grad() = null"), out);
    // the regression recovers the weights the data was made with
    assertEquals(AutogradBasics.TRUE_WEIGHTS[0], r.weights()[0], 2e-3, out);
    assertEquals(AutogradBasics.TRUE_WEIGHTS[1], r.weights()[1], 2e-3, out);
    assertEquals(AutogradBasics.TRUE_BIAS, r.bias(), 2e-3, out);
    assertTrue(r.finalLoss() < 2e-4, out); // the noise's variance, 1e-4
    // the same seed gives Python's numbers: torch 2.13 ends at w = [1.9999257, -3.3997066],
    // b = 4.1997223
    assertEquals(1.9999257, r.weights()[0], 1e-5, out);
    assertEquals(-3.3997066, r.weights()[1], 1e-5, out);
    assertEquals(4.1997223, r.bias(), 1e-5, out);
  }
}
