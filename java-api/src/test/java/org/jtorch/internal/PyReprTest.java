package org.jtorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python's spellings, as {@code repr()} in Python 3.11 prints them. */
class PyReprTest {
  @Test
  void floatsReadLikePythonsRepr() {
    assertEquals("0.0", PyRepr.floatRepr(0.0));
    assertEquals("-2.0", PyRepr.floatRepr(-2));
    assertEquals("0.5", PyRepr.floatRepr(0.5));
    assertEquals("0.1", PyRepr.floatRepr(0.1));
    assertEquals("0.0005", PyRepr.floatRepr(5e-4));
    assertEquals("0.0001", PyRepr.floatRepr(1e-4));
    assertEquals("1e-05", PyRepr.floatRepr(1e-5));
    assertEquals("1.5e-06", PyRepr.floatRepr(1.5e-6));
    assertEquals("1e+16", PyRepr.floatRepr(1e16));
    assertEquals("1000000000000000.0", PyRepr.floatRepr(1e15));
    assertEquals("nan", PyRepr.floatRepr(Double.NaN));
    assertEquals("-inf", PyRepr.floatRepr(Double.NEGATIVE_INFINITY));
  }

  @Test
  void tuplesListsAndSizes() {
    assertEquals("()", PyRepr.tuple());
    assertEquals("(2,)", PyRepr.tuple(2));
    assertEquals("(3, 3)", PyRepr.tuple(3, 3));
    assertEquals("[1, 2]", PyRepr.list(1, 2));
    assertEquals("3", PyRepr.ints(3));
    assertEquals("(3, 2)", PyRepr.ints(3, 2));
    assertEquals("torch.Size([2, 3])", PyRepr.torchSize(2, 3));
    assertEquals("torch.Size([])", PyRepr.torchSize());
    assertEquals("True", PyRepr.bool(true));
  }
}
