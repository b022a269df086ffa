package org.jtorch.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bytedeco.pytorch.AnomalyMode;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.internal.Handles;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.Natives;

/**
 * PyTorch's {@code torch.autograd} functions: {@link #grad} for gradients (of any order) without
 * touching {@code .grad}, anomaly detection, and {@link #gradcheck} to test the gradients of any
 * Java function of tensors against finite differences.
 */
public final class Autograd {
  private Autograd() {}

  /**
   * The gradients of the sum of {@code outputs} (each weighted by its {@code gradOutputs} entry)
   * with respect to {@code inputs}, PyTorch's {@code torch.autograd.grad}. Nothing is accumulated
   * into {@code .grad}.
   *
   * @param gradOutputs one tensor per output, or null when every output has one element
   * @param retainGraph keep the graph for another backward pass
   * @param createGraph record the gradient computation, for higher-order derivatives (implies
   *     {@code retainGraph})
   * @param allowUnused return null for an input the outputs do not depend on, instead of throwing
   * @return one gradient per input, in order (null for unused inputs when allowed)
   */
  public static List<Tensor> grad(
      List<Tensor> outputs,
      List<Tensor> inputs,
      List<Tensor> gradOutputs,
      boolean retainGraph,
      boolean createGraph,
      boolean allowUnused) {
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(inputs, "inputs");
    if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
      throw new IllegalArgumentException(
          "grad requires one grad_output per output: got "
              + gradOutputs.size()
              + " for "
              + outputs.size()
              + " outputs");
    }
    try (TensorVector out = vector(outputs);
        TensorVector in = vector(inputs);
        TensorVector go = gradOutputs == null ? new TensorVector() : vector(gradOutputs);
        BoolOptional retain =
            retainGraph || createGraph ? new BoolOptional(true) : new BoolOptional()) {
      TensorVector result =
          NativeCalls.query(() -> torch.grad(out, in, go, retain, createGraph, allowUnused));
      try {
        List<Tensor> grads = new ArrayList<>((int) result.size());
        for (long i = 0; i < result.size(); i++) {
          org.bytedeco.pytorch.Tensor g = result.get(i);
          // get() points into the vector: take a reference of our own before it is freed
          grads.add(g.defined() ? Handles.wrap(new org.bytedeco.pytorch.Tensor(g)) : null);
        }
        return grads;
      } finally {
        result.close();
      }
    }
  }

  /** {@link #grad(List, List, List, boolean, boolean, boolean)} of one scalar output. */
  public static List<Tensor> grad(Tensor output, List<Tensor> inputs) {
    return grad(List.of(output), inputs, null, false, false, false);
  }

  /**
   * {@link #grad(List, List, List, boolean, boolean, boolean)} of one scalar output, recording the
   * gradient graph when {@code createGraph} (for second derivatives).
   */
  public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
    return grad(List.of(output), inputs, null, createGraph, createGraph, false);
  }

  private static TensorVector vector(List<Tensor> tensors) {
    org.bytedeco.pytorch.Tensor[] hs = new org.bytedeco.pytorch.Tensor[tensors.size()];
    for (int i = 0; i < hs.length; i++) {
      hs[i] = NativeCalls.h(tensors.get(i), "tensor " + i);
    }
    return new TensorVector(hs);
  }

  // ---------------------------------------------------------------------------------------------
  // Anomaly detection

  /**
   * Turns anomaly detection on (or off) for the whole process, PyTorch's {@code
   * set_detect_anomaly}: backward passes then check for NaN and name the forward operation that
   * produced a failing gradient. Slow; for debugging.
   */
  public static void setDetectAnomaly(boolean enabled) {
    Natives.ensureLoaded();
    AnomalyMode.set_enabled(enabled);
  }

  /** Whether anomaly detection is on. */
  public static boolean isAnomalyEnabled() {
    Natives.ensureLoaded();
    return AnomalyMode.is_enabled();
  }

  /**
   * Turns anomaly detection on until the returned scope closes, PyTorch's {@code
   * detect_anomaly()} context manager.
   */
  public static AutoCloseable detectAnomaly() {
    boolean previous = isAnomalyEnabled();
    setDetectAnomaly(true);
    return () -> setDetectAnomaly(previous);
  }

  // ---------------------------------------------------------------------------------------------
  // gradcheck

  /** Thrown by {@link #gradcheck} when analytical and numerical gradients disagree. */
  public static final class GradcheckError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GradcheckError(String message) {
      super(message);
    }
  }

  /**
   * {@link #gradcheck(Function, List, double, double, double)} with PyTorch's defaults: {@code
   * eps=1e-6, atol=1e-5, rtol=1e-3}.
   */
  public static boolean gradcheck(Function<List<Tensor>, Tensor> fn, List<Tensor> inputs) {
    return gradcheck(fn, inputs, 1e-6, 1e-5, 1e-3);
  }

  /**
   * Checks the gradients of {@code fn} at {@code inputs} against central finite differences,
   * like PyTorch's {@code torch.autograd.gradcheck}: for every input that requires grad, the
   * analytical Jacobian (from backward passes) must match the numerical one elementwise within
   * {@code atol + rtol * |numerical|}.
   *
   * <p>Inputs should be float64 (float32 is too coarse for the default tolerances). Any tensor the
   * function reads may be among {@code inputs} (a module's parameters, for example): each is
   * perturbed in place and restored. {@code fn} must be deterministic (a model in {@code eval()}
   * mode, or with its randomness seeded inside {@code fn}).
   *
   * @return true when every gradient matches
   * @throws GradcheckError naming the input and the worst element when one does not
   */
  public static boolean gradcheck(
      Function<List<Tensor>, Tensor> fn, List<Tensor> inputs, double eps, double atol, double rtol) {
    Objects.requireNonNull(fn, "fn");
    List<Integer> checked = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      if (x.requiresGrad()) {
        if (!x.dtype().isFloatingPoint()) {
          throw new IllegalArgumentException("gradcheck: input " + i + " is not floating point");
        }
        checked.add(i);
      }
    }
    if (checked.isEmpty()) {
      throw new IllegalArgumentException(
          "gradcheck expects at least one input tensor to require gradient");
    }
    try (Scope scope = Scope.open()) {
      Tensor y0 = fn.apply(inputs);
      int outN = Math.toIntExact(y0.numel());
      List<Tensor> diff = new ArrayList<>();
      for (int i : checked) {
        diff.add(inputs.get(i));
      }
      // analytical: row k of the Jacobian is the gradient of output element k
      double[][][] analytical = new double[checked.size()][outN][];
      Tensor flat = y0.reshape(-1);
      for (int k = 0; k < outN; k++) {
        try (Scope row = Scope.open()) {
          Tensor onehot = Torch.zerosLike(flat);
          onehot.select(0, k).fill_(1.0);
          List<Tensor> g;
          if (!flat.requiresGrad()) {
            g = new ArrayList<>(java.util.Collections.nCopies(diff.size(), null));
          } else {
            g = grad(List.of(flat), diff, List.of(onehot), true, false, true);
          }
          for (int j = 0; j < diff.size(); j++) {
            Tensor gj = g.get(j);
            analytical[j][k] =
                gj == null
                    ? new double[Math.toIntExact(diff.get(j).numel())]
                    : gj.to(DType.FLOAT64).contiguous().toDoubleArray();
          }
        }
      }
      // numerical: column e of the Jacobian by central differences on element e of each input
      for (int j = 0; j < diff.size(); j++) {
        Tensor x = diff.get(j);
        long[] shape = x.shape();
        int n = Math.toIntExact(x.numel());
        Tensor data = x.detach();
        for (int e = 0; e < n; e++) {
          try (Scope col = Scope.open()) {
            Tensor element = elementView(data, shape, e);
            double orig = element.doubleValue();
            double[] plus;
            double[] minus;
            try {
              element.fill_(orig + eps);
              plus = fn.apply(inputs).to(DType.FLOAT64).contiguous().toDoubleArray();
              element.fill_(orig - eps);
              minus = fn.apply(inputs).to(DType.FLOAT64).contiguous().toDoubleArray();
            } finally {
              element.fill_(orig);
            }
            for (int k = 0; k < outN; k++) {
              double numerical = (plus[k] - minus[k]) / (2 * eps);
              double a = analytical[j][k][e];
              if (!(Math.abs(a - numerical) <= atol + rtol * Math.abs(numerical))) {
                throw new GradcheckError(
                    "Jacobian mismatch for output "
                        + k
                        + " with respect to input "
                        + checked.get(j)
                        + " (shape "
                        + Arrays.toString(shape)
                        + "), element "
                        + e
                        + ":\nnumerical: "
                        + numerical
                        + "\nanalytical: "
                        + a);
              }
            }
          }
        }
      }
    }
    return true;
  }

  /** A 0-d view of element {@code flatIndex} (row-major) of {@code t}, whatever its strides. */
  private static Tensor elementView(Tensor t, long[] shape, long flatIndex) {
    Tensor v = t;
    long rest = flatIndex;
    long[] index = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = rest % shape[d];
      rest /= shape[d];
    }
    for (long i : index) {
      v = v.select(0, i);
    }
    return v;
  }
}
