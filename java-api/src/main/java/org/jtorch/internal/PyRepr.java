package org.jtorch.internal;

import java.math.BigDecimal;

/**
 * How Python spells values in PyTorch's reprs and error messages ({@code True}, {@code (3, 3)},
 * {@code (2,)}, {@code [1, 2]}, {@code 1e-05}, {@code torch.Size([2, 3])}), so that jtorch's
 * {@code toString()}s and messages read exactly like PyTorch's.
 *
 * <p>Internal: not part of jtorch's API, and may change in any release.
 */
public final class PyRepr {
  private PyRepr() {}

  /** {@code True} / {@code False}. */
  public static String bool(boolean b) {
    return b ? "True" : "False";
  }

  /** A tuple of ints: {@code (3, 3)}, {@code (2,)}, {@code ()}. */
  public static String tuple(long... values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(values.length == 1 ? ",)" : ")").toString();
  }

  /** A list of ints: {@code [1, 2]}. */
  public static String list(long... values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(']').toString();
  }

  /** One value as a Python int, several as a tuple: how PyTorch prints what it was given. */
  public static String ints(long... values) {
    return values.length == 1 ? Long.toString(values[0]) : tuple(values);
  }

  /** {@code torch.Size([2, 3])}. */
  public static String torchSize(long... shape) {
    return "torch.Size(" + list(shape) + ")";
  }

  /**
   * Python's {@code repr} of a float: {@code 0.0}, {@code -0.0}, {@code 0.5}, {@code 0.0005}, {@code 1e-05},
   * {@code 1e+16}, {@code nan}, {@code inf}.
   */
  public static String floatRepr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return Math.copySign(1.0, v) < 0 ? "-0.0" : "0.0"; // BigDecimal has no negative zero
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e16) {
      return new BigDecimal(v).setScale(1).toPlainString();
    }
    String r = Double.toString(v); // the shortest string that round-trips, as Python's repr
    if (a >= 1e-4 && a < 1e16) {
      return new BigDecimal(r).stripTrailingZeros().toPlainString();
    }
    int e = r.indexOf('E');
    String mant = r.substring(0, e);
    if (mant.endsWith(".0")) {
      mant = mant.substring(0, mant.length() - 2);
    }
    int exp = Integer.parseInt(r.substring(e + 1));
    return mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
  }
}
