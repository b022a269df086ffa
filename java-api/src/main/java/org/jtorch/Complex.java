package org.jtorch;

import org.jtorch.internal.PyRepr;

/**
 * A complex number, Python's {@code complex}: the Java value of a TorchScript {@code complex}
 * (a model's argument or result, see {@link org.jtorch.jit.ScriptModule#run}) and of one element
 * of a complex tensor ({@link Tensor#complexValue()}).
 *
 * @param real the real part
 * @param imag the imaginary part
 */
public record Complex(double real, double imag) {
  /** The complex number {@code real + imag·j}. */
  public static Complex of(double real, double imag) {
    return new Complex(real, imag);
  }

  /** Python's {@code repr}: {@code (1+2j)}, {@code 2j}, {@code (1.5-0.25j)}, {@code (nan+infj)}. */
  @Override
  public String toString() {
    String im = part(imag) + "j";
    if (real == 0 && Math.copySign(1.0, real) > 0) {
      return im;
    }
    boolean minus = !Double.isNaN(imag) && Math.copySign(1.0, imag) < 0; // part() writes the "-"
    return "(" + part(real) + (minus ? "" : "+") + im + ")";
  }

  /** A part as Python writes it inside a complex: {@code 1}, {@code 1.5}, {@code 1e-05}. */
  private static String part(double v) {
    String r = PyRepr.floatRepr(v);
    return r.endsWith(".0") ? r.substring(0, r.length() - 2) : r;
  }
}
