package org.jtorch.nn;

import java.util.function.Supplier;

/** The default CPU generator's state around code that must not draw from it. */
final class Generators {
  private Generators() {}

  /**
   * Runs {@code body} and puts the default CPU generator back as it was: modules copied as
   * Python's {@code copy.deepcopy} copies them (the layers of a Transformer stack) are built (and
   * so initialised) and then overwritten, and Python draws no random numbers for them.
   */
  static <T> T withoutDrawing(Supplier<T> body) {
    org.bytedeco.pytorch.Generator g = org.bytedeco.pytorch.global.torch.getDefaultCPUGenerator();
    org.bytedeco.pytorch.Tensor state = g.get_state();
    try {
      return body.get();
    } finally {
      g.set_state(state);
      state.close();
    }
  }
}
