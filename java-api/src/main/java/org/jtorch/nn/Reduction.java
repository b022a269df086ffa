package org.jtorch.nn;

import java.util.Objects;

/**
 * How a loss reduces its per-element values, PyTorch's {@code reduction} strings: {@code "none"}
 * (the per-element losses), {@code "mean"} (the default) and {@code "sum"}. {@link KLDivLoss} also
 * takes {@code "batchmean"}, as a string, since it is not a LibTorch reduction.
 */
public enum Reduction {
  /** No reduction: the loss has the shape of the per-element losses. */
  NONE(0, "none"),
  /** The (weighted) mean of the per-element losses; PyTorch's default. */
  MEAN(1, "mean"),
  /** The sum of the per-element losses. */
  SUM(2, "sum");

  private final int code;
  private final String pyName;

  Reduction(int code, String pyName) {
    this.code = code;
    this.pyName = pyName;
  }

  /** LibTorch's {@code at::Reduction} value: 0, 1 or 2. */
  public int code() {
    return code;
  }

  /** PyTorch's spelling: {@code "none"}, {@code "mean"} or {@code "sum"}. */
  public String pyName() {
    return pyName;
  }

  /**
   * The reduction PyTorch spells {@code name}.
   *
   * @throws IllegalArgumentException with PyTorch's message for any other string
   */
  public static Reduction of(String name) {
    Objects.requireNonNull(name, "reduction");
    for (Reduction r : values()) {
      if (r.pyName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException(name + " is not a valid value for reduction");
  }
}
