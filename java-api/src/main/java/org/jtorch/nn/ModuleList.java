package org.jtorch.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of submodules, registered under "0", "1", …, PyTorch's {@code nn.ModuleList}. It has no
 * forward of its own: the owning module decides how to call its elements.
 */
public class ModuleList extends ModuleSequence {
  /** The given modules. */
  public ModuleList(Module... modules) {
    for (Module m : modules) {
      append(m);
    }
  }

  /** The given modules. */
  public ModuleList(Iterable<? extends Module> modules) {
    for (Module m : modules) {
      append(m);
    }
  }

  /**
   * {@code n} modules made by {@code copy}, PyTorch's {@code _get_clones} (the layers of a
   * Transformer stack).
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  static ModuleList copies(int n, java.util.function.Supplier<? extends Module> copy) {
    if (n < 0) {
      throw new IllegalArgumentException("numLayers must be non-negative, got " + n);
    }
    ModuleList list = new ModuleList();
    for (int i = 0; i < n; i++) {
      list.append(copy.get());
    }
    return list;
  }

  /** Adds {@code module} at the end; returns this. */
  public ModuleList append(Module module) {
    add(module);
    return this;
  }

  /** Like PyTorch, runs of identical consecutive entries print once: {@code (0-2): 3 x Linear(...)}. */
  @Override
  public String toString() {
    List<String> reprs = new ArrayList<>();
    for (Module m : children()) {
      reprs.add(m.toString());
    }
    if (reprs.isEmpty()) {
      return name() + "()";
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= reprs.size(); i++) {
      if (i == reprs.size() || !reprs.get(i).equals(reprs.get(start))) {
        String block = reprs.get(start);
        String local =
            i - 1 == start
                ? "(" + start + "): " + block
                : "(" + start + "-" + (i - 1) + "): " + (i - start) + " x " + block;
        lines.add(addIndent(local, 2));
        start = i;
      }
    }
    return name() + "(\n  " + String.join("\n  ", lines) + "\n)";
  }
}
