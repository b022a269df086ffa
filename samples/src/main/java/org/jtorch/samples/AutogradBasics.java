package org.jtorch.samples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.autograd.Autograd;
import org.jtorch.autograd.GradMode;

/**
 * Autograd from the ground up, each step printed next to the gradient worked out by hand: {@code
 * requiresGrad_}, a computation, {@code backward()} and {@code grad()}; gradients of a vector;
 * how gradients accumulate and how to zero them; {@code detach()}; the {@code Torch.noGrad()}
 * scope; second derivatives with {@link Autograd#grad} and {@code createGraph}; and a linear
 * regression trained by hand with gradient descent that recovers the weights the data was made
 * with.
 *
 * <p>Run: {@code ./mvnw -q -f samples exec:java -Dsample=AutogradBasics}
 */
public final class AutogradBasics {
  private AutogradBasics() {}

  /**
   * The numbers the tour computed.
   *
   * @param grad d/dx (x^2 + 3x) at x = 2 (analytically 7)
   * @param accumulated the same gradient after a second backward pass without zeroing (14)
   * @param vectorGrad d/dx sum(x^2) at x = [1, 2, 3] (analytically [2, 4, 6])
   * @param detachedGrad d/dx (x * x.detach()) at x = 2 (2: the detached factor is a constant)
   * @param firstDerivative d/dx x^3 at x = 3 (27), by {@link Autograd#grad}
   * @param secondDerivative d²/dx² x^3 at x = 3 (18)
   * @param trueWeights the weights the regression data was made with
   * @param weights the weights gradient descent found
   * @param bias the bias it found (the data's is {@link AutogradBasics#TRUE_BIAS})
   * @param finalLoss the mean squared error at the end
   */
  record Result(
      double grad, double accumulated, double[] vectorGrad, double detachedGrad,
      double firstDerivative, double secondDerivative, double[] trueWeights, double[] weights,
      double bias, double finalLoss) {}

  static final double[] TRUE_WEIGHTS = {2.0, -3.4};
  static final double TRUE_BIAS = 4.2;

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the tour to {@code out} and returns its numbers. */
  public static Result run(PrintStream out) {
    try (Scope scope = Scope.open()) {
      out.println("== backward() and grad()");
      // Python: x = torch.tensor(2.0, requires_grad=True)
      Tensor x = Torch.scalarTensor(2.0).requiresGrad_(true);
      Tensor y = x.pow(2).add(x.mul(3)); // y = x^2 + 3x
      out.println("x = " + x + ", y = x^2 + 3x = " + y.item() + ", y.gradFn() = " + y.gradFn()
          + ", x.isLeaf() = " + x.isLeaf() + ", y.isLeaf() = " + y.isLeaf());
      y.backward();
      double grad = x.grad().doubleValue();
      out.println("after y.backward(): x.grad() = " + x.grad() + "   by hand: dy/dx = 2x + 3 = " + (2 * 2.0 + 3));

      out.println("\n== gradients accumulate");
      x.pow(2).add(x.mul(3)).backward(); // a second graph, the same gradient added to x.grad
      double accumulated = x.grad().doubleValue();
      out.println("a second backward() adds to it: x.grad() = " + x.grad());
      x.grad().zero_(); // what optimizer.zeroGrad() does for every parameter
      out.println("x.grad().zero_(): x.grad() = " + x.grad());
      x.pow(2).add(x.mul(3)).backward();
      out.println("backward() again: x.grad() = " + x.grad());
      x.setGrad(null); // Python's x.grad = None, the default of zero_grad(set_to_none=True)
      out.println("x.setGrad(null): x.grad() = " + x.grad());

      out.println("\n== the gradient of a vector");
      Tensor v = Torch.tensor(new float[] {1, 2, 3}).requiresGrad_(true);
      Tensor s = v.mul(v).sum();
      s.backward();
      double[] vectorGrad = v.grad().toDoubleArray();
      out.println("v = " + v);
      out.println("s = v.mul(v).sum() = " + s.item() + "; after s.backward(): v.grad() = " + v.grad()
          + "   by hand: 2v");

      out.println("\n== detach()");
      Tensor d = x.detach();
      out.println("d = x.detach(): d.requiresGrad() = " + d.requiresGrad() + " (same data, outside the graph)");
      x.mul(d).backward(); // d/dx (x * d) = d: the detached copy counts as a constant
      double detachedGrad = x.grad().doubleValue();
      out.println("x.mul(x.detach()).backward(): x.grad() = " + x.grad()
          + "   (x.mul(x) would give 2x = 4; the detached factor is a constant, so it is x = 2)");
      x.setGrad(null);

      out.println("\n== Torch.noGrad()");
      try (GradMode g = Torch.noGrad()) {
        Tensor z = x.mul(2);
        out.println("inside Torch.noGrad(): Torch.isGradEnabled() = " + Torch.isGradEnabled()
            + ", x.mul(2).requiresGrad() = " + z.requiresGrad() + ", gradFn() = " + z.gradFn());
      }
      out.println("after it: Torch.isGradEnabled() = " + Torch.isGradEnabled()
          + ", x.mul(2).requiresGrad() = " + x.mul(2).requiresGrad());

      out.println("\n== higher-order derivatives with Autograd.grad");
      Tensor t = Torch.scalarTensor(3.0, TensorOptions.dtype(DType.FLOAT64)).requiresGrad_(true);
      Tensor f = t.pow(3); // f = t^3
      // createGraph: the derivative is itself a graph that can be differentiated again
      Tensor df = Autograd.grad(f, List.of(t), true).get(0);
      Tensor d2f = Autograd.grad(df, List.of(t)).get(0);
      out.println("f = t^3 at t = 3: df = Autograd.grad(f, [t], createGraph=true) = " + df.item()
          + " (df.gradFn() = " + df.gradFn() + ")   by hand: 3t^2 = 27");
      out.println("Autograd.grad(df, [t]) = " + d2f + "   by hand: 6t = 18");
      out.println("t.grad() = " + t.grad() + " (Autograd.grad returns gradients; it does not accumulate them)");

      out.println("\n== linear regression by hand");
      Regression r = regression(out);
      return new Result(
          grad, accumulated, vectorGrad, detachedGrad, df.doubleValue(), d2f.doubleValue(),
          TRUE_WEIGHTS.clone(), r.weights(), r.bias(), r.loss());
    }
  }

  /** What gradient descent found. */
  record Regression(double[] weights, double bias, double loss) {}

  /**
   * Data made as y = X w + b + noise, then w and b found from zeros by full-batch gradient
   * descent on the mean squared error, the update written out instead of an optimizer.
   */
  static Regression regression(PrintStream out) {
    Torch.manualSeed(0);
    int n = 1000;
    Tensor features = Torch.randn(n, 2);
    Tensor trueW = Torch.tensor(new double[][] {{TRUE_WEIGHTS[0]}, {TRUE_WEIGHTS[1]}}).to(DType.FLOAT32);
    Tensor labels = features.matmul(trueW).add(TRUE_BIAS).add(Torch.randn(n, 1).mul(0.01));
    out.printf(Locale.ROOT, "data: %d points, y = X [%.1f, %.1f] + %.1f + noise (std 0.01)%n",
        n, TRUE_WEIGHTS[0], TRUE_WEIGHTS[1], TRUE_BIAS);

    Tensor w = Torch.zeros(2, 1).requiresGrad_(true);
    Tensor b = Torch.zeros(1).requiresGrad_(true);
    double lr = 0.1;
    double loss = Double.NaN;
    for (int epoch = 1; epoch <= 100; epoch++) {
      try (Scope step = Scope.open()) {
        Tensor error = features.matmul(w).add(b).sub(labels);
        Tensor mse = error.pow(2).mean();
        mse.backward();
        loss = mse.doubleValue();
        try (GradMode g = Torch.noGrad()) { // the update itself is not part of the graph
          w.sub_(w.grad().mul(lr));
          b.sub_(b.grad().mul(lr));
        }
        w.grad().zero_();
        b.grad().zero_();
      }
      if (epoch == 1 || epoch % 20 == 0) {
        out.printf(Locale.ROOT, "epoch %3d  loss %.6f  w = %s  b = %.4f%n",
            epoch, loss, fmt(w.toDoubleArray()), b.doubleValue());
      }
    }
    double[] learned = w.toDoubleArray();
    double bias = b.doubleValue();
    out.printf(Locale.ROOT, "learned w = %s (true %s), b = %.4f (true %.1f)%n",
        fmt(learned), fmt(TRUE_WEIGHTS), bias, TRUE_BIAS);
    out.printf(Locale.ROOT, "error in w: %s, error in b: %.5f%n",
        fmt(new double[] {learned[0] - TRUE_WEIGHTS[0], learned[1] - TRUE_WEIGHTS[1]}), bias - TRUE_BIAS);
    return new Regression(learned, bias, loss);
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", v[i]));
    }
    return sb.append(']').toString();
  }
}
