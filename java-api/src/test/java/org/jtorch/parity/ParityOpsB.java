package org.jtorch.parity;

import java.util.HashMap;
import java.util.Map;

/** Java mappings of the region-B ops (indexing, linear algebra, spectral, complex). */
final class ParityOpsB {
  static final Map<String, ParityOp> OPS = new HashMap<>();

  private ParityOpsB() {}
}
