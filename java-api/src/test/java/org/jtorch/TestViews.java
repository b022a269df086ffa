package org.jtorch;

import com.fasterxml.jackson.databind.JsonNode;

/** Rebuilds the strided (non-contiguous) views that golden cases describe. Test-only. */
public final class TestViews {
  private TestViews() {}

  /** {@code base} seen through {@code views}: ["transpose", d0, d1] or ["slice", dim, start, end, step]. */
  public static Tensor apply(Tensor base, JsonNode views) {
    Tensor t = base;
    for (JsonNode v : views) {
      Tensor src = t;
      switch (v.get(0).asText()) {
        case "transpose":
          t = Tensor.op(() -> src.h().transpose(v.get(1).asLong(), v.get(2).asLong()));
          break;
        case "slice":
          t = Tensor.op(
              () -> {
                long dim = v.get(1).asLong();
                long size = src.h().size(dim);
                long start = v.get(2).isNull() ? 0 : v.get(2).asLong();
                long end = v.get(3).isNull() ? size : v.get(3).asLong();
                long step = v.get(4).isNull() ? 1 : v.get(4).asLong();
                return src.h().slice(dim, new org.bytedeco.pytorch.LongOptional(start),
                    new org.bytedeco.pytorch.LongOptional(end), step);
              });
          break;
        default:
          throw new IllegalArgumentException("unknown view " + v);
      }
    }
    return t;
  }
}
