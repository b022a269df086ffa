package org.jtorch.nn;

import java.util.Iterator;
import java.util.List;

/**
 * What {@link Sequential} and {@link ModuleList} share: submodules registered under "0", "1", …,
 * indexed like a Python list.
 */
abstract class ModuleSequence extends Module implements Iterable<Module> {
  /** Registers {@code module} at the end, named by its position. */
  final void add(Module module) {
    registerModule(Integer.toString(size()), module);
  }

  /** The number of modules. */
  public final int size() {
    return namedChildren().size();
  }

  /**
   * The module at {@code index} (negative counts from the end).
   *
   * @throws IndexOutOfBoundsException if out of range
   */
  public final Module get(int index) {
    List<Module> c = children();
    int i = index < 0 ? index + c.size() : index;
    if (i < 0 || i >= c.size()) {
      throw new IndexOutOfBoundsException("index " + index + " is out of range");
    }
    return c.get(i);
  }

  @Override
  public final Iterator<Module> iterator() {
    return children().iterator();
  }
}
