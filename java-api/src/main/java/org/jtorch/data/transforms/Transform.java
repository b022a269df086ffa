package org.jtorch.data.transforms;

import java.util.function.Function;
import org.jtorch.Tensor;

/**
 * A transform of a tensor, torchvision's {@code transforms}: images are {@code [..., C, H, W]}
 * tensors (uint8 or floating point, as torchvision's tensor transforms take them).
 *
 * <p>A transform returns a new tensor and leaves its input open (the data loader's scope frees
 * both). Random transforms draw, with the calls torchvision makes, from the generator given to them,
 * else from {@link org.jtorch.data.WorkerInfo#currentGenerator()} while a {@code DataLoader} loads
 * (seeded per batch from the loader's generator, so augmentation is reproducible), else from the
 * default generator that {@code Torch.manualSeed} seeds.
 */
@FunctionalInterface
public interface Transform extends Function<Tensor, Tensor> {
  /** The transformed tensor. */
  @Override
  Tensor apply(Tensor input);
}
