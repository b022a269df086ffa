package org.jtorch.parity;

import java.util.HashMap;
import java.util.Map;
import org.jtorch.Tensor;

/** Java mappings of the region-A ops (pointwise, reductions, sorting, shapes, joining). */
final class ParityOpsA {
  static final Map<String, ParityOp> OPS = new HashMap<>();

  static {
    OPS.put("sum", a -> t(a, 0).sum());
    OPS.put("sum_dim", a -> t(a, 0).sum(l(a, 1), b(a, 2)));
    OPS.put("argmax_dim", a -> t(a, 0).argmax(l(a, 1), b(a, 2)));
    OPS.put("max_dim", a -> t(a, 0).max(l(a, 1), b(a, 2)));
    OPS.put("add", a -> t(a, 0).add(t(a, 1)));
  }

  private ParityOpsA() {}

  static Tensor t(java.util.List<Object> a, int i) {
    return (Tensor) a.get(i);
  }

  static long l(java.util.List<Object> a, int i) {
    return (Long) a.get(i);
  }

  static double d(java.util.List<Object> a, int i) {
    return ((Number) a.get(i)).doubleValue();
  }

  static boolean b(java.util.List<Object> a, int i) {
    return (Boolean) a.get(i);
  }
}
