package org.jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jtorch.Tensor;

/**
 * A group of parameters that share optimizer options, PyTorch's {@code {'params': [...], 'lr':
 * ...}} entry of {@code optimizer.param_groups}.
 *
 * <p>Options are stored under PyTorch's own keys ({@code "lr"}, {@code "weight_decay"}, {@code
 * "betas"}, ...) so that they round-trip through {@link Optimizer#stateDict()} and Python's {@code
 * load_state_dict}. Values are {@link Double} for floats, {@link Long} for ints, {@link Boolean},
 * {@link String}, {@code null} (Python's {@code None}) and {@link org.jtorch.jit.Tuple} for tuples
 * such as {@code betas}. Options not set on the group are filled in from the optimizer's defaults
 * when the group is added.
 *
 * <pre>{@code
 * var opt = new SGD(List.of(
 *     ParamGroup.of(backbone.parameters()),
 *     ParamGroup.of(head.parameters()).lr(1e-2)),
 *   SGD.options().lr(1e-3).momentum(0.9));
 * }</pre>
 */
public final class ParamGroup {
  private final List<Tensor> params;
  private final LinkedHashMap<String, Object> options = new LinkedHashMap<>();

  private ParamGroup(List<Tensor> params) {
    this.params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /**
   * A group of {@code params} (leaf tensors that require grad), with no options of its own yet.
   *
   * @throws IllegalArgumentException if the list is empty or holds null
   */
  public static ParamGroup of(List<Tensor> params) {
    Objects.requireNonNull(params, "params");
    for (Tensor p : params) {
      if (p == null) {
        throw new IllegalArgumentException("a parameter group holds a null tensor");
      }
    }
    return new ParamGroup(params);
  }

  /** The parameters of this group, in order. */
  public List<Tensor> params() {
    return params;
  }

  /** The group's learning rate, {@code group['lr']}. */
  public double lr() {
    return getDouble("lr");
  }

  /** Sets {@code group['lr']}; returns this group. */
  public ParamGroup lr(double lr) {
    return set("lr", lr);
  }

  /**
   * Sets an option under PyTorch's key, such as {@code set("weight_decay", 1e-4)}; returns this
   * group. Numbers are normalised: {@link Float} becomes {@link Double}, {@link Integer} becomes
   * {@link Long}.
   */
  public ParamGroup set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if ("params".equals(key)) {
      throw new IllegalArgumentException("'params' is not an option; use ParamGroup.of(params)");
    }
    options.put(key, normalise(value));
    return this;
  }

  static Object normalise(Object value) {
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  /** The option {@code key}, or null where it is not set (or set to Python's {@code None}). */
  public Object get(String key) {
    return options.get(key);
  }

  /** Whether the option {@code key} is set (possibly to null). */
  public boolean has(String key) {
    return options.containsKey(key);
  }

  /**
   * The numeric option {@code key} as a double.
   *
   * @throws IllegalStateException if it is missing or not a number
   */
  public double getDouble(String key) {
    Object v = options.get(key);
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    throw new IllegalStateException(
        "parameter group option '" + key + "' is " + (v == null ? "missing" : v) + ", not a number");
  }

  /** The boolean option {@code key}; a missing option is false. */
  public boolean getBoolean(String key) {
    Object v = options.get(key);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new IllegalStateException("parameter group option '" + key + "' is " + v + ", not a bool");
  }

  /** Element {@code i} of the tuple option {@code key} (such as {@code betas}) as a double. */
  public double getDouble(String key, int i) {
    Object v = options.get(key);
    if (v instanceof List && ((List<?>) v).size() > i && ((List<?>) v).get(i) instanceof Number) {
      return ((Number) ((List<?>) v).get(i)).doubleValue();
    }
    throw new IllegalStateException(
        "parameter group option '" + key + "' is " + v + ", not a tuple of numbers");
  }

  /** A read-only view of the options, in PyTorch's key order (without {@code params}). */
  public Map<String, Object> options() {
    return Collections.unmodifiableMap(options);
  }

  void setDefault(String key, Object value) {
    if (!options.containsKey(key)) {
      options.put(key, value);
    }
  }

  void replaceOptions(Map<String, Object> values) {
    options.clear();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (!"params".equals(e.getKey()) && !"param_names".equals(e.getKey())) {
        options.put(e.getKey(), normalise(e.getValue()));
      }
    }
  }

  @Override
  public String toString() {
    return "ParamGroup(" + params.size() + " params, " + options + ")";
  }
}
