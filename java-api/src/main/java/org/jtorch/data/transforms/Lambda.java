package org.jtorch.data.transforms;

import java.util.Objects;
import java.util.function.Function;
import org.jtorch.Tensor;

/** A user function as a transform, torchvision's {@code Lambda}. */
public final class Lambda implements Transform {
  private final Function<Tensor, Tensor> fn;

  /** Wraps {@code fn}. */
  public Lambda(Function<Tensor, Tensor> fn) {
    this.fn = Objects.requireNonNull(fn, "fn");
  }

  @Override
  public Tensor apply(Tensor input) {
    return fn.apply(input);
  }
}
