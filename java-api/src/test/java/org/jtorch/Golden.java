package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads the golden files written by {@code src/test/python/generate_goldens.py} (Python torch
 * 2.13.0) and compares tensors with them.
 */
public final class Golden {
  private Golden() {}

  /** The parsed golden file {@code golden/<name>.json}. */
  public static JsonNode load(String name) {
    String path = "/golden/" + name + ".json";
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + path + "; run generate_goldens.py");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static double number(JsonNode v) {
    if (v.isTextual()) {
      switch (v.asText()) {
        case "nan":
          return Double.NaN;
        case "inf":
          return Double.POSITIVE_INFINITY;
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        default:
          throw new IllegalArgumentException("bad number " + v);
      }
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? 1 : 0;
    }
    return v.asDouble();
  }

  public static long[] shape(JsonNode enc) {
    long[] s = new long[enc.get("shape").size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = enc.get("shape").get(i).asLong();
    }
    return s;
  }

  public static DType dtype(JsonNode enc) {
    return DType.valueOf(enc.get("dtype").asText());
  }

  public static double[] doubles(JsonNode enc) {
    JsonNode data = enc.get("data");
    double[] d = new double[data.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = number(data.get(i));
    }
    return d;
  }

  public static long[] longs(JsonNode enc) {
    JsonNode data = enc.get("data");
    long[] d = new long[data.size()];
    for (int i = 0; i < d.length; i++) {
      JsonNode v = data.get(i);
      d[i] = v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asLong();
    }
    return d;
  }

  /** A new tensor holding an encoded golden tensor (exact for every dtype in the files). */
  public static Tensor tensor(JsonNode enc) {
    DType dtype = dtype(enc);
    long[] shape = shape(enc);
    try (Scope scope = Scope.open()) {
      if (dtype.isComplex()) {
        // [re, im] pairs: a float64 tensor with a last dim of 2, seen as complex128
        long[] pairs = java.util.Arrays.copyOf(shape, shape.length + 1);
        pairs[shape.length] = 2;
        Tensor parts = Torch.tensor(complexParts(enc)).reshape(pairs);
        return scope.keep(parts.viewAsComplex().to(dtype).contiguous());
      }
      Tensor flat =
          dtype.isFloatingPoint() ? Torch.tensor(doubles(enc)) : Torch.tensor(longs(enc));
      return scope.keep(flat.to(dtype).reshape(shape).contiguous());
    }
  }

  /** The data of an encoded complex tensor, interleaved: re0, im0, re1, im1, ... */
  public static double[] complexParts(JsonNode enc) {
    JsonNode data = enc.get("data");
    double[] d = new double[2 * data.size()];
    for (int i = 0; i < data.size(); i++) {
      d[2 * i] = number(data.get(i).get(0));
      d[2 * i + 1] = number(data.get(i).get(1));
    }
    return d;
  }

  /**
   * Asserts that {@code actual} has the golden's dtype, shape and values: exactly for integer and
   * bool tensors, within {@code tol} (absolute + relative) for floating ones and for the real and
   * imaginary parts of complex ones, NaN matching NaN. A negative {@code tol} means the default for
   * the dtype (1e-5 for float32/complex64, 1e-10 for float64/complex128, 1e-2 for float16 and
   * bfloat16).
   */
  public static void assertTensor(JsonNode expected, Tensor actual, double tol, String what) {
    assertEquals(dtype(expected), actual.dtype(), what + ": dtype");
    assertArrayEquals(shape(expected), actual.shape(), what + ": shape " + Arrays.toString(actual.shape()));
    if (tol < 0) {
      DType d = actual.dtype();
      tol = d == DType.FLOAT64 || d == DType.COMPLEX128 ? 1e-10 : d == DType.FLOAT32 || d == DType.COMPLEX64 ? 1e-5 : 1e-2;
    }
    if (actual.dtype().isFloatingPoint() || actual.dtype().isComplex()) {
      // complex values compare as their real and imaginary parts (interleaved)
      boolean complex = actual.dtype().isComplex();
      double[] want = complex ? complexParts(expected) : doubles(expected);
      double[] got = complex ? actual.toComplexArray() : actual.toDoubleArray();
      for (int i = 0; i < want.length; i++) {
        double w = want[i];
        double g = got[i];
        boolean ok =
            Double.isNaN(w)
                ? Double.isNaN(g)
                : (w == g || Math.abs(w - g) <= tol + tol * Math.abs(w));
        if (!ok) {
          fail(what + ": element " + i + " expected " + w + " but was " + g);
        }
      }
    } else {
      assertArrayEquals(longs(expected), actual.toLongArray(), what + ": values");
    }
  }
}
