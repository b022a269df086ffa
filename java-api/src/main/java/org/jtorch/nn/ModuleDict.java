package org.jtorch.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Submodules by name, in insertion order, PyTorch's {@code nn.ModuleDict}. */
public class ModuleDict extends Module {
  /** An empty dict. */
  public ModuleDict() {}

  /** The given modules, in the map's order. */
  public ModuleDict(Map<String, ? extends Module> modules) {
    modules.forEach(this::put);
  }

  /**
   * Adds {@code module} under {@code key}; returns this.
   *
   * @throws IllegalArgumentException if the key is taken, empty or contains a dot
   */
  public ModuleDict put(String key, Module module) {
    registerModule(key, module);
    return this;
  }

  /** The module under {@code key}, or null. */
  public Module get(String key) {
    return namedChildren().get(key);
  }

  /** Whether {@code key} is present. */
  public boolean containsKey(String key) {
    return namedChildren().containsKey(key);
  }

  /** The keys, in order. */
  public Set<String> keySet() {
    return namedChildren().keySet();
  }

  /** The entries, in order. */
  public LinkedHashMap<String, Module> items() {
    return namedChildren();
  }

  /** The number of modules. */
  public int size() {
    return namedChildren().size();
  }
}
