package org.jtorch.nn;

import java.util.function.Supplier;

/** Copies of modules as Python's {@code copy.deepcopy} makes them. */
final class Generators {
  private Generators() {}

  /**
   * A copy of {@code source}: a module {@code build} makes (with the same options), given {@code
   * source}'s state dict and mode. Building initialises the new module's weights, which draws
   * from the default CPU generator; its state is put back afterwards, because Python's {@code
   * copy.deepcopy} (the layers of a Transformer stack) draws no random numbers.
   */
  static <M extends Module> M deepCopy(M source, Supplier<M> build) {
    org.bytedeco.pytorch.Generator g = org.bytedeco.pytorch.global.torch.getDefaultCPUGenerator();
    org.bytedeco.pytorch.Tensor state = g.get_state();
    try {
      M copy = build.get();
      copy.loadStateDict(source.stateDict());
      copy.train(source.isTraining());
      return copy;
    } finally {
      g.set_state(state);
      state.close();
    }
  }
}
