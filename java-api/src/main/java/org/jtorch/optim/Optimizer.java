package org.jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.internal.Handles;
import org.jtorch.jit.Tuple;

/**
 * The base of jtorch's optimizers, PyTorch's {@code torch.optim.Optimizer}: parameter groups with
 * per-group options, per-parameter state, {@link #zeroGrad()}, {@link #step()} and a {@link
 * #stateDict()} with PyTorch's structure.
 *
 * <p>Each optimizer reproduces the single-tensor ({@code foreach=False}) path of its PyTorch
 * namesake op for op, so that the same parameters and gradients give the same updates as Python.
 * {@code step()} runs under {@link Torch#noGrad()} and updates the parameters in place; its
 * intermediate tensors are freed before it returns. The optimizer's state tensors belong to the
 * optimizer (to no {@link Scope}); the parameters stay the caller's and must stay open.
 *
 * <pre>{@code
 * var opt = new Adam(model.parameters(), Adam.options().lr(1e-3));
 * for (var batch : batches) {
 *   try (var scope = Scope.open()) {
 *     opt.zeroGrad();
 *     loss(model, batch).backward();
 *     opt.step();
 *   }
 * }
 * }</pre>
 *
 * <p>An optimizer is not thread-safe.
 */
public abstract class Optimizer {
  /**
   * Options of an optimizer, PyTorch's keyword arguments with PyTorch's defaults, stored under
   * PyTorch's keys: they become the defaults of each {@link ParamGroup}.
   *
   * @param <O> the concrete options type, returned by the fluent setters
   */
  public abstract static class Options<O extends Options<O>> {
    final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    /** For subclasses: the defaults, in PyTorch's order. */
    protected Options() {}

    /** Sets option {@code key} (PyTorch's name) to {@code value}; returns these options. */
    @SuppressWarnings("unchecked")
    public O set(String key, Object value) {
      values.put(Objects.requireNonNull(key, "key"), ParamGroup.normalise(value));
      return (O) this;
    }

    /** The learning rate, PyTorch's {@code lr}. */
    public O lr(double lr) {
      if (!(lr >= 0)) {
        throw new IllegalArgumentException("Invalid learning rate: " + lr);
      }
      return set("lr", lr);
    }

    /** The option {@code key}. */
    public Object get(String key) {
      return values.get(key);
    }

    /** A read-only view of all options, in PyTorch's order. */
    public Map<String, Object> asMap() {
      return Collections.unmodifiableMap(values);
    }

    static void checkNonNegative(String what, double v) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("Invalid " + what + " value: " + v);
      }
    }

    static void checkBeta(int index, double v) {
      if (!(v >= 0 && v < 1)) {
        throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + v);
      }
    }
  }

  private final Map<String, Object> defaults;
  private final List<ParamGroup> paramGroups = new ArrayList<>();
  private final IdentityHashMap<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

  /** An optimizer over {@code groups}; options missing from a group come from {@code defaults}. */
  protected Optimizer(List<ParamGroup> groups, Options<?> defaults) {
    Objects.requireNonNull(groups, "groups");
    this.defaults = new LinkedHashMap<>(Objects.requireNonNull(defaults, "options").values);
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    for (ParamGroup g : groups) {
      addParamGroup(g);
    }
  }

  /** An optimizer over one group holding {@code params}. */
  protected Optimizer(Iterable<Tensor> params, Options<?> defaults) {
    this(List.of(ParamGroup.of(toList(params))), defaults);
  }

  private static List<Tensor> toList(Iterable<Tensor> params) {
    Objects.requireNonNull(params, "params");
    List<Tensor> list = new ArrayList<>();
    params.forEach(list::add);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    return list;
  }

  /**
   * Adds a parameter group, PyTorch's {@code add_param_group}: options it does not set are taken
   * from this optimizer's defaults.
   *
   * @throws IllegalArgumentException if a parameter is not a leaf, or already in a group
   */
  public void addParamGroup(ParamGroup group) {
    Objects.requireNonNull(group, "group");
    IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
    for (ParamGroup g : paramGroups) {
      for (Tensor p : g.params()) {
        seen.put(p, true);
      }
    }
    for (Tensor p : group.params()) {
      if (!p.isLeaf()) {
        throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
      }
      if (seen.put(p, true) != null) {
        throw new IllegalArgumentException("some parameters appear in more than one parameter group");
      }
    }
    for (Map.Entry<String, Object> e : defaults.entrySet()) {
      group.setDefault(e.getKey(), e.getValue());
    }
    paramGroups.add(group);
  }

  /** The parameter groups, PyTorch's {@code param_groups} (change their options in place). */
  public List<ParamGroup> paramGroups() {
    return Collections.unmodifiableList(paramGroups);
  }

  /** The defaults given at construction, PyTorch's {@code optimizer.defaults}. */
  public Map<String, Object> defaults() {
    return Collections.unmodifiableMap(defaults);
  }

  /**
   * The state of {@code param} (PyTorch's {@code optimizer.state[p]}), read-only: empty before the
   * first step that updated it. Its tensors belong to the optimizer: do not close them.
   */
  public Map<String, Object> state(Tensor param) {
    Map<String, Object> s = state.get(param);
    return s == null ? Map.of() : Collections.unmodifiableMap(s);
  }

  /** The mutable state of {@code param}, created empty on first use. */
  protected Map<String, Object> stateOf(Tensor param) {
    return state.computeIfAbsent(param, k -> new LinkedHashMap<>());
  }

  /** {@link #zeroGrad(boolean) zeroGrad(true)}: sets every gradient to null, PyTorch 2's default. */
  public void zeroGrad() {
    zeroGrad(true);
  }

  /**
   * Resets the gradients of all parameters, PyTorch's {@code zero_grad(set_to_none)}: with {@code
   * setToNone} they become null (no memory, and the next backward writes a fresh one); otherwise
   * they are detached and filled with zeros.
   */
  public void zeroGrad(boolean setToNone) {
    try (Scope scope = Scope.open()) {
      for (ParamGroup g : paramGroups) {
        for (Tensor p : g.params()) {
          Tensor grad = p.grad();
          if (grad == null) {
            continue;
          }
          if (setToNone) {
            p.setGrad(null);
          } else {
            if (!grad.isLeaf()) { // Python: grad.grad_fn is not None
              grad.detach_();
            } else {
              grad.requiresGrad_(false);
            }
            grad.zero_();
          }
        }
      }
    }
  }

  /**
   * Performs one optimization step on every parameter that has a gradient, PyTorch's {@code
   * step()}.
   *
   * @throws IllegalStateException for an optimizer that needs a closure ({@link LBFGS})
   */
  public void step() {
    step(null);
  }

  /**
   * Re-evaluates the loss with {@code closure} (under {@link Torch#enableGrad()}; it should zero
   * the gradients, compute the loss and call {@code backward()}), then performs a step; returns the
   * closure's loss, or null for a null closure. PyTorch's {@code step(closure)}.
   */
  public Tensor step(Supplier<Tensor> closure) {
    Tensor loss = null;
    if (closure != null) {
      try (GradMode g = Torch.enableGrad()) {
        loss = closure.get();
      }
    }
    try (Scope scope = Scope.open();
        GradMode g = Torch.noGrad()) {
      for (ParamGroup group : paramGroups) {
        List<Tensor> params = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : group.params()) {
          Tensor grad = p.grad();
          if (grad != null) {
            params.add(p);
            grads.add(grad);
          }
        }
        stepGroup(group, params, grads);
      }
    }
    return loss;
  }

  /**
   * Updates the {@code params} of {@code group} that have gradients ({@code grads}, in the same
   * order). Runs in a scope of its own under no-grad: intermediate tensors are freed afterwards;
   * state tensors must be made with {@link #persistent}.
   */
  protected abstract void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads);

  /**
   * A reference to {@code t} that belongs to no scope: for state tensors that outlive the step.
   */
  protected static Tensor persistent(Tensor t) {
    return Handles.share(t);
  }

  /** A float32 0-d tensor holding {@code value} that belongs to no scope (PyTorch's step counts). */
  protected static Tensor scalarState(double value) {
    return persistent(Torch.scalarTensor(value));
  }

  /** PyTorch's {@code -grad if maximize else grad}. */
  protected static Tensor maybeNeg(Tensor grad, boolean maximize) {
    return maximize ? grad.neg() : grad;
  }

  // ---------------------------------------------------------------------------------------------
  // State dict

  /**
   * The optimizer's state in PyTorch's structure: {@code {"state": {index: {...}}, "param_groups":
   * [{...options, "params": [indices]}]}}, where parameters are numbered across groups in order
   * ({@link Long} keys). Saved with {@link org.jtorch.serialization.Checkpoints}, Python's {@code
   * optimizer.load_state_dict(torch.load(path, weights_only=True))} accepts it. The tensors are the
   * optimizer's own (not copies): do not close them.
   */
  public Map<String, Object> stateDict() {
    LinkedHashMap<Object, Object> packedState = new LinkedHashMap<>();
    List<Object> groups = new ArrayList<>();
    long index = 0;
    for (ParamGroup g : paramGroups) {
      LinkedHashMap<String, Object> packed = new LinkedHashMap<>(g.options());
      List<Object> ids = new ArrayList<>();
      for (Tensor p : g.params()) {
        Map<String, Object> s = state.get(p);
        if (s != null && !s.isEmpty()) {
          packedState.put(index, new LinkedHashMap<>(s));
        }
        ids.add(index++);
      }
      packed.put("params", ids);
      groups.add(packed);
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    out.put("state", packedState);
    out.put("param_groups", groups);
    return out;
  }

  /**
   * Restores a state produced by {@link #stateDict()} here or by Python's {@code
   * optimizer.state_dict()}, PyTorch's {@code load_state_dict}. Parameters are matched by position;
   * state tensors are copied, cast to their parameter's dtype and device (except {@code step}).
   * Nothing changes if the structure does not match.
   *
   * @throws IllegalArgumentException if the groups or their sizes differ from this optimizer's
   */
  public void loadStateDict(Map<String, ?> stateDict) {
    Objects.requireNonNull(stateDict, "stateDict");
    Object savedGroupsObj = stateDict.get("param_groups");
    Object savedStateObj = stateDict.get("state");
    if (!(savedGroupsObj instanceof List) || !(savedStateObj instanceof Map)) {
      throw new IllegalArgumentException(
          "an optimizer state dict needs 'state' (a dict) and 'param_groups' (a list)");
    }
    List<?> savedGroups = (List<?>) savedGroupsObj;
    if (savedGroups.size() != paramGroups.size()) {
      throw new IllegalArgumentException(
          "loaded state dict has a different number of parameter groups");
    }
    Map<Long, Tensor> idToParam = new LinkedHashMap<>();
    List<Map<String, Object>> newGroupOptions = new ArrayList<>();
    for (int i = 0; i < savedGroups.size(); i++) {
      if (!(savedGroups.get(i) instanceof Map)) {
        throw new IllegalArgumentException("param_groups[" + i + "] is not a dict");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> sg = (Map<String, Object>) savedGroups.get(i);
      Object ids = sg.get("params");
      List<Tensor> params = paramGroups.get(i).params();
      if (!(ids instanceof List) || ((List<?>) ids).size() != params.size()) {
        throw new IllegalArgumentException(
            "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
      for (int j = 0; j < params.size(); j++) {
        Object id = ((List<?>) ids).get(j);
        if (!(id instanceof Number)) {
          throw new IllegalArgumentException("param_groups[" + i + "]['params'] holds " + id);
        }
        idToParam.put(((Number) id).longValue(), params.get(j));
      }
      newGroupOptions.add(sg);
    }
    Map<?, ?> savedState = (Map<?, ?>) savedStateObj;
    IdentityHashMap<Tensor, Map<String, Object>> newState = new IdentityHashMap<>();
    try {
      for (Map.Entry<?, ?> e : savedState.entrySet()) {
        Tensor p = e.getKey() instanceof Number ? idToParam.get(((Number) e.getKey()).longValue()) : null;
        if (p == null) {
          continue; // PyTorch keeps state of unknown ids as is; it can never be used here
        }
        if (!(e.getValue() instanceof Map)) {
          throw new IllegalArgumentException("state[" + e.getKey() + "] is not a dict");
        }
        LinkedHashMap<String, Object> s = new LinkedHashMap<>();
        for (Map.Entry<?, ?> kv : ((Map<?, ?>) e.getValue()).entrySet()) {
          String key = String.valueOf(kv.getKey());
          s.put(key, castLike(p, kv.getValue(), "step".equals(key)));
        }
        newState.put(p, s);
      }
    } catch (RuntimeException ex) {
      newState.values().forEach(Optimizer::closeTensors);
      throw ex;
    }
    state.values().forEach(Optimizer::closeTensors);
    state.clear();
    state.putAll(newState);
    for (int i = 0; i < paramGroups.size(); i++) {
      paramGroups.get(i).replaceOptions(newGroupOptions.get(i));
    }
  }

  private static Object castLike(Tensor param, Object value, boolean keepAsIs) {
    if (value instanceof Tensor) {
      Tensor t = (Tensor) value;
      try (Scope scope = Scope.open()) {
        Tensor c;
        if (keepAsIs) {
          c = t.clone();
        } else if (param.dtype().isFloatingPoint()) {
          c = t.to(param.device(), param.dtype()).clone();
        } else {
          c = t.to(param.device()).clone();
        }
        return persistent(c);
      }
    }
    if (value instanceof Map) {
      LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
      for (Map.Entry<?, ?> kv : ((Map<?, ?>) value).entrySet()) {
        m.put(kv.getKey(), castLike(param, kv.getValue(), "step".equals(kv.getKey())));
      }
      return m;
    }
    if (value instanceof List) {
      List<Object> l = new ArrayList<>();
      for (Object o : (List<?>) value) {
        l.add(castLike(param, o, false));
      }
      return value instanceof Tuple ? Tuple.copyOf(l) : l;
    }
    return ParamGroup.normalise(value);
  }

  static void closeTensors(Object o) {
    if (o instanceof Tensor) {
      ((Tensor) o).close();
    } else if (o instanceof Map) {
      ((Map<?, ?>) o).values().forEach(Optimizer::closeTensors);
    } else if (o instanceof List) {
      ((List<?>) o).forEach(Optimizer::closeTensors);
    }
  }

  /** Whether {@code t} is a floating tensor (helper for subclasses' checks). */
  static boolean isFloating(Tensor t) {
    DType d = t.dtype();
    return d.isFloatingPoint() || d.isComplex();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
    for (int i = 0; i < paramGroups.size(); i++) {
      sb.append("\nParameter Group ").append(i);
      for (Map.Entry<String, Object> e : paramGroups.get(i).options().entrySet()) {
        sb.append("\n    ").append(e.getKey()).append(": ").append(e.getValue());
      }
    }
    return sb.append("\n)").toString();
  }
}
