package org.jtorch.data.transforms;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jtorch.Tensor;

/** Transforms applied one after the other, torchvision's {@code Compose}. */
public final class Compose implements Transform {
  private final List<Function<Tensor, Tensor>> transforms;

  /** {@code transforms}, first to last. */
  @SafeVarargs
  public Compose(Function<Tensor, Tensor>... transforms) {
    this(List.of(transforms));
  }

  /** {@code transforms}, first to last. */
  public Compose(List<? extends Function<Tensor, Tensor>> transforms) {
    this.transforms = List.copyOf(transforms);
    for (Function<Tensor, Tensor> t : this.transforms) {
      Objects.requireNonNull(t, "transform");
    }
  }

  /** The transforms, in order. */
  public List<Function<Tensor, Tensor>> transforms() {
    return transforms;
  }

  @Override
  public Tensor apply(Tensor input) {
    Tensor x = input;
    for (Function<Tensor, Tensor> t : transforms) {
      x = t.apply(x);
    }
    return x;
  }
}
