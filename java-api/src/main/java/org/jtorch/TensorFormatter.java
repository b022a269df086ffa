package org.jtorch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's {@code repr(tensor)}, rule for rule ({@code torch/_tensor_str.py} with the default
 * print options: precision 4, threshold 1000, edge items 3, line width 80).
 */
final class TensorFormatter {
  private static final int PRECISION = 4;
  private static final int THRESHOLD = 1000;
  private static final int EDGE = 3;
  private static final int LINE_WIDTH = 80;

  private final DType dtype;
  private final boolean floating;
  private final double[] doubles; // floating data, or null
  private final long[] longs; // integer / bool data, or null
  private boolean intMode = true;
  private boolean sciMode = false;
  private int maxWidth = 1;
  /** For complex data: this formats the real parts, {@code imag} the imaginary parts. */
  private TensorFormatter imag;

  private TensorFormatter(DType dtype, double[] doubles, long[] longs) {
    this.dtype = dtype;
    this.floating = doubles != null;
    this.doubles = doubles;
    this.longs = longs;
  }

  static String format(Tensor t) {
    DType dtype = t.dtype();
    long[] shape = t.shape();
    long numel = t.numel();
    String prefix = "tensor(";
    int indent = prefix.length();
    List<String> suffixes = new ArrayList<>();
    Device device = t.device();
    if (!device.isCpu()) {
      suffixes.add("device='" + device + "'");
    }
    String body;
    if (numel == 0) {
      body = "[]";
      if (shape.length != 1) {
        suffixes.add("size=" + tupleString(shape));
      }
    } else if (device.type() == Device.Type.META) {
      body = "...";
      suffixes.add("size=" + tupleString(shape));
    } else {
      boolean summarize = numel > THRESHOLD;
      long[] dataShape = shape.clone();
      Tensor data = summarize ? summarized(t, dataShape) : t;
      try {
        TensorFormatter f;
        if (dtype.isComplex()) {
          // like _tensor_str: one formatter for the real parts, one for the imaginary parts
          double[] c = data.toComplexArray();
          double[] re = new double[c.length / 2];
          double[] im = new double[c.length / 2];
          for (int i = 0; i < re.length; i++) {
            re[i] = c[2 * i];
            im[i] = c[2 * i + 1];
          }
          f = new TensorFormatter(dtype, re, null);
          f.imag = new TensorFormatter(dtype, im, null);
          f.imag.measure();
        } else if (dtype.isFloatingPoint()) {
          f = new TensorFormatter(dtype, data.toDoubleArray(), null);
        } else {
          f = new TensorFormatter(dtype, null, data.toLongArray());
        }
        f.measure();
        StringBuilder sb = new StringBuilder();
        f.render(sb, shape, dataShape, 0, 0, indent, summarize);
        body = sb.toString();
      } finally {
        if (data != t) {
          data.close();
        }
      }
    }
    // an empty (or meta) tensor shows every dtype but float32: no element tells int64 from float
    boolean noElements = numel == 0 || device.type() == Device.Type.META;
    boolean defaultDtype =
        dtype == DType.FLOAT32
            || (!noElements && (dtype == DType.INT64 || dtype == DType.BOOL || dtype == DType.COMPLEX64));
    if (!defaultDtype) {
      suffixes.add("dtype=" + dtype);
    }
    if (t.requiresGrad()) {
      // the node's name comes from jtorch's operator library, which a platform may lack
      String node =
          t.isLeaf() ? null : org.jtorch.bindings.NativeLibraries.opsAvailable() ? t.gradFn() : "?";
      suffixes.add(node == null ? "requires_grad=True" : "grad_fn=<" + node + ">");
    }
    return addSuffixes(prefix + body, suffixes, indent);
  }

  private static String tupleString(long[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(shape[i]);
    }
    if (shape.length == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }

  private static String addSuffixes(String tensorStr, List<String> suffixes, int indent) {
    StringBuilder out = new StringBuilder(tensorStr);
    int lastLineLen = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
    for (String suffix : suffixes) {
      if (lastLineLen + suffix.length() + 2 > LINE_WIDTH) {
        out.append(",\n").append(" ".repeat(indent)).append(suffix);
        lastLineLen = indent + suffix.length();
      } else {
        out.append(", ").append(suffix);
        lastLineLen += suffix.length() + 2;
      }
    }
    return out.append(')').toString();
  }

  /** The first and last EDGE entries of every dimension longer than 2 * EDGE. */
  private static Tensor summarized(Tensor t, long[] dataShape) {
    Tensor current = t;
    for (int d = 0; d < dataShape.length; d++) {
      long n = dataShape[d];
      if (n > 2 * EDGE) {
        long[] idx = new long[2 * EDGE];
        for (int i = 0; i < EDGE; i++) {
          idx[i] = i;
          idx[EDGE + i] = n - EDGE + i;
        }
        final Tensor source = current;
        final int dim = d;
        try (Tensor index = Torch.tensor(idx)) {
          Tensor next = Tensor.op(() -> source.h().index_select(dim, index.h()));
          if (source != t) {
            source.close();
          }
          current = next;
        }
        dataShape[d] = 2 * EDGE;
      }
    }
    return current;
  }

  // ---------------------------------------------------------------------------------------------
  // _Formatter

  private void measure() {
    if (!floating) {
      for (long v : longs) {
        maxWidth = Math.max(maxWidth, intString(v).length());
      }
      return;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    boolean any = false;
    for (double v : doubles) {
      if (Double.isFinite(v) && v != 0) {
        any = true;
        double a = Math.abs(v);
        min = Math.min(min, a);
        max = Math.max(max, a);
        if (v != Math.ceil(v)) {
          intMode = false;
        }
      }
    }
    if (!any) {
      return; // no valid number: int mode, width 1
    }
    if (intMode) {
      if (max / min > 1000.0 || max > 1.0e8) {
        sciMode = true;
        widthOf(true, 0);
      } else {
        for (double v : doubles) {
          if (Double.isFinite(v) && v != 0) {
            maxWidth = Math.max(maxWidth, fixed(v, 0).length() + 1);
          }
        }
      }
    } else {
      if (max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4) {
        sciMode = true;
        widthOf(true, 0);
      } else {
        widthOf(false, PRECISION);
      }
    }
  }

  private void widthOf(boolean sci, int digits) {
    for (double v : doubles) {
      if (Double.isFinite(v) && v != 0) {
        maxWidth = Math.max(maxWidth, (sci ? scientific(v) : fixed(v, digits)).length());
      }
    }
  }

  private String intString(long v) {
    if (dtype == DType.BOOL) {
      return v != 0 ? "True" : "False";
    }
    return Long.toString(v);
  }

  private String formatValue(int i) {
    if (imag == null) {
      return formatReal(i);
    }
    // _val_formatter: the real part padded, the imaginary part unpadded with its sign and a "j"
    String re = formatReal(i);
    String im = (imag.formatReal(i) + "j").stripLeading();
    return im.startsWith("+") || im.startsWith("-") ? re + im : re + "+" + im;
  }

  private String formatReal(int i) {
    String ret;
    if (floating) {
      double v = doubles[i];
      if (sciMode) {
        ret = scientific(v);
      } else if (intMode) {
        ret = fixed(v, 0);
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
          ret += ".";
        }
      } else {
        ret = fixed(v, PRECISION);
      }
    } else {
      ret = intString(longs[i]);
    }
    return ret.length() >= maxWidth ? ret : " ".repeat(maxWidth - ret.length()) + ret;
  }

  /** Python's {@code f"{v:.{digits}f}"}: exact value, round half to even. */
  static String fixed(double v, int digits) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    if ((v < 0 || (v == 0 && 1 / v < 0)) && !s.startsWith("-")) {
      s = "-" + s;
    }
    return s;
  }

  /** Python's {@code f"{v:.4e}"}. */
  static String scientific(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    if (v == 0) {
      return (negative ? "-" : "") + "0." + "0".repeat(PRECISION) + "e+00";
    }
    BigDecimal b = new BigDecimal(Math.abs(v)).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
    int exponent = b.precision() - b.scale() - 1;
    String digits = b.unscaledValue().toString();
    while (digits.length() < PRECISION + 1) {
      digits += "0";
    }
    digits = digits.substring(0, PRECISION + 1);
    String mantissa = digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format("%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
    return (negative ? "-" : "") + mantissa + "e" + exp;
  }

  // ---------------------------------------------------------------------------------------------
  // _tensor_str_with_formatter

  /**
   * Renders the sub-tensor at {@code offset} (an index into the summarised data) of original
   * {@code shape}, starting at dimension {@code d}.
   */
  private void render(
      StringBuilder sb, long[] shape, long[] dataShape, int d, int offset, int indent, boolean summarize) {
    if (shape.length == 0) {
      sb.append(formatValue(0));
      return;
    }
    int stride = 1;
    for (int k = d + 1; k < dataShape.length; k++) {
      stride *= (int) dataShape[k];
    }
    long n = shape[d];
    boolean cut = summarize && n > 2 * EDGE;
    if (d == shape.length - 1) {
      int elementLength = maxWidth + 2 + (imag == null ? 0 : imag.maxWidth + 1);
      int perLine = Math.max(1, (LINE_WIDTH - indent) / elementLength);
      List<String> items = new ArrayList<>();
      if (cut) {
        for (int i = 0; i < EDGE; i++) {
          items.add(formatValue(offset + i));
        }
        items.add(" ...");
        for (int i = 0; i < EDGE; i++) {
          items.add(formatValue(offset + EDGE + i));
        }
      } else {
        for (int i = 0; i < n; i++) {
          items.add(formatValue(offset + i));
        }
      }
      sb.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          if (i % perLine == 0) {
            sb.append(",\n").append(" ".repeat(indent + 1));
          } else {
            sb.append(", ");
          }
        }
        sb.append(items.get(i));
      }
      sb.append(']');
      return;
    }
    int remainingDims = shape.length - d;
    String separator = "," + "\n".repeat(remainingDims - 1) + " ".repeat(indent + 1);
    sb.append('[');
    int count = cut ? 2 * EDGE + 1 : (int) n;
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(separator);
      }
      if (cut && i == EDGE) {
        sb.append("...");
        continue;
      }
      int dataIndex = cut ? (i < EDGE ? i : i - 1) : i;
      render(sb, shape, dataShape, d + 1, offset + dataIndex * stride, indent + 1, summarize);
    }
    sb.append(']');
  }
}
