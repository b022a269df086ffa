package org.jtorch.nn;

import java.util.Map;
import org.jtorch.Tensor;

/**
 * Modules applied in order, each to the previous one's output, PyTorch's {@code nn.Sequential}.
 * Submodules are named "0", "1", … (or by the keys of the map given to {@link
 * #Sequential(Map)}), which is what the state-dict keys use.
 *
 * <pre>{@code
 * var model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
 * }</pre>
 */
public class Sequential extends ModuleSequence {
  /** The given modules, named "0", "1", …. */
  public Sequential(Module... modules) {
    for (Module m : modules) {
      append(m);
    }
  }

  /** The given modules under their keys, in the map's order (use a {@link java.util.LinkedHashMap}). */
  public Sequential(Map<String, ? extends Module> modules) {
    for (Map.Entry<String, ? extends Module> e : modules.entrySet()) {
      registerModule(e.getKey(), e.getValue());
    }
  }

  /** Adds {@code module} at the end, named by its position; returns this. */
  public Sequential append(Module module) {
    add(module);
    return this;
  }

  /**
   * Feeds {@code input} through every module in turn, calling each ({@link Module#call(Tensor)},
   * Python's {@code module(x)}), so that their hooks run.
   */
  @Override
  public Tensor forward(Tensor input) {
    Tensor x = input;
    for (Module m : children()) {
      x = m.call(x);
    }
    return x;
  }
}
