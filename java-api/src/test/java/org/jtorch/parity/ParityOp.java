package org.jtorch.parity;

import java.util.List;

/**
 * One operation of the parity suite: takes the decoded arguments of a golden case (Tensor,
 * List&lt;Tensor&gt;, Double, Long, Boolean, String, long[] or null) and returns its result (Tensor,
 * ValuesIndices, List&lt;Tensor&gt;, Boolean, Double or Long).
 */
@FunctionalInterface
public interface ParityOp {
  Object apply(List<Object> args);
}
