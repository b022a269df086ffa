package org.jtorch.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.internal.Handles;
import org.jtorch.internal.PyRepr;

/**
 * The base class of every layer and model, PyTorch's {@code torch.nn.Module}: it owns parameters
 * (tensors that require grad), buffers (state that is not trained, such as BatchNorm's running
 * mean) and submodules, each under a name, and walks that tree for {@link #parameters()}, {@link
 * #stateDict()}, {@link #train()}/{@link #eval()}, {@link #to(DType)} and {@link #toString()}.
 *
 * <pre>{@code
 * class Net extends Module {
 *   final Linear fc1 = registerModule("fc1", new Linear(784, 256));
 *   final Linear fc2 = registerModule("fc2", new Linear(256, 10));
 *
 *   @Override
 *   public Tensor forward(Tensor x) {
 *     return fc2.forward(F.relu(fc1.forward(x.flatten(1))));
 *   }
 * }
 * }</pre>
 *
 * <p><b>Registration is explicit</b>: Java has no {@code __setattr__}, so a field is part of the
 * module only when it was passed to {@link #registerModule}, {@link #registerParameter} or {@link
 * #registerBuffer} (whose names become the state-dict keys, in registration order, as in
 * PyTorch). Fields are not discovered by reflection: the order of a class's fields is not
 * guaranteed by the JVM, and key order is part of the checkpoint format.
 *
 * <p><b>Calling</b>: {@link #call(Tensor)} (or {@link #call(Object...)}) is Python's {@code
 * module(x)}: it runs the hooks ({@link #registerForwardPreHook}, {@link #registerForwardHook},
 * {@link #registerFullBackwardHook}) around {@link #forward(Tensor)}, the single-tensor forward
 * pass a layer overrides; {@link Sequential} and DDP call their modules that way. Calling {@code
 * forward} directly skips the hooks, as in Python. A module whose forward takes several inputs
 * overrides {@link #forward(List)}; modules whose PyTorch forward returns a tuple (attention,
 * recurrent layers) also have overloads with their own signatures.
 *
 * <p><b>Memory</b>: parameters and buffers belong to their module, never to a {@link
 * org.jtorch.Scope}; {@link #close()} frees them (and those of every submodule). Methods that
 * return tensors ({@link #stateDict()}, {@link #parameters()}) return references of the usual
 * kind: closing them never frees the module's own tensors. Operations that change a parameter's
 * data or dtype ({@link #to(DType)}, {@link #loadStateDict}) do it in place, so tensors obtained
 * earlier (an optimizer's parameter list) stay valid and see the change.
 */
public abstract class Module implements AutoCloseable {
  private final LinkedHashMap<String, Tensor> parameters = new LinkedHashMap<>();
  private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
  private final Set<String> nonPersistent = new HashSet<>();
  private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;
  private boolean closed;

  /** For subclasses. */
  protected Module() {}

  /**
   * The single-tensor forward pass. Subclasses that take one tensor override it; the default
   * throws.
   *
   * @throws UnsupportedOperationException if this module has no single-tensor forward
   */
  public Tensor forward(Tensor input) {
    throw new UnsupportedOperationException(
        name() + " has no forward(Tensor); see its forward overloads");
  }

  /**
   * The forward pass with any inputs, PyTorch's {@code forward(*args)}: what {@link
   * #call(Object...)} runs, with the call's inputs in order. The default takes one tensor and runs
   * {@link #forward(Tensor)}; modules whose forward takes several inputs (or other values)
   * override this one, and are then usable through {@code call}, with hooks, and under DDP. (A
   * list rather than varargs, so that it never competes with a layer's own overloads such as
   * {@code ConvTranspose2d.forward(Tensor, long...)}.)
   *
   * @throws UnsupportedOperationException for inputs this module has no forward for
   */
  public Object forward(List<Object> inputs) {
    if (inputs.size() == 1 && inputs.get(0) instanceof Tensor t) {
      return forward(t);
    }
    throw new UnsupportedOperationException(
        name() + " has no forward for " + inputs.size() + " inputs; override forward(List)");
  }

  // ---------------------------------------------------------------------------------------------
  // Calling, and hooks

  private volatile ModuleHooks hooks;

  /**
   * Calls the module, PyTorch's {@code module(*inputs)}: runs the forward pre-hooks (which may
   * replace the inputs), {@link #forward(List)}, then the forward hooks (which may replace
   * the output), and wires the full backward hooks to this call's gradients. Calling {@code
   * forward} directly skips the hooks, as it does in Python.
   */
  public final Object call(Object... inputs) {
    java.util.Objects.requireNonNull(inputs, "inputs");
    ModuleHooks h = hooks;
    return h == null || h.isEmpty()
        ? forward(java.util.Arrays.asList(inputs.clone()))
        : h.call(this, inputs);
  }

  /**
   * {@link #call(Object...)} of one tensor that returns one tensor: PyTorch's {@code module(x)}.
   *
   * @throws IllegalStateException if the module (or a forward hook) returns something else
   */
  public final Tensor call(Tensor input) {
    Object out = call(new Object[] {java.util.Objects.requireNonNull(input, "input")});
    if (out instanceof Tensor t) {
      return t;
    }
    throw new IllegalStateException(
        name() + " returned " + (out == null ? "null" : "a " + out.getClass().getName())
            + " where a tensor was expected; use call(Object...)");
  }

  private ModuleHooks hooks() {
    ModuleHooks h = hooks;
    if (h == null) {
      synchronized (this) {
        h = hooks;
        if (h == null) {
          h = new ModuleHooks();
          hooks = h;
        }
      }
    }
    return h;
  }

  /** A registered hook; {@link #remove()} (or {@code close()}) unregisters it. */
  @FunctionalInterface
  public interface HookHandle extends AutoCloseable {
    /** Unregisters the hook; idempotent. PyTorch's {@code RemovableHandle.remove()}. */
    void remove();

    @Override
    default void close() {
      remove();
    }
  }

  /** A forward pre-hook: PyTorch's {@code hook(module, args) -> None or modified input}. */
  @FunctionalInterface
  public interface ForwardPreHook {
    /**
     * Runs before {@code forward} with the inputs (unmodifiable). Returns null to keep them, a
     * {@link List} to replace them, or any other value to replace them with that single input
     * (as PyTorch wraps a non-tuple in a tuple).
     */
    Object apply(Module module, List<Object> inputs);
  }

  /** A forward hook: PyTorch's {@code hook(module, args, output) -> None or modified output}. */
  @FunctionalInterface
  public interface ForwardHook {
    /** Runs after {@code forward}; returns null to keep {@code output}, or its replacement. */
    Object apply(Module module, List<Object> inputs, Object output);
  }

  /**
   * A full backward hook: PyTorch's {@code hook(module, grad_input, grad_output) -> tuple(Tensor)
   * or None}. The gradients are valid during the call only ({@code clone()} to keep one); an
   * entry is null where PyTorch's is None.
   */
  @FunctionalInterface
  public interface BackwardHook {
    /** Returns null to keep {@code gradInput}, or its replacement (one entry per input). */
    List<Tensor> apply(Module module, List<Tensor> gradInput, List<Tensor> gradOutput);
  }

  /**
   * Registers a hook run by {@link #call(Object...)} before {@code forward}, PyTorch's {@code
   * register_forward_pre_hook}. Hooks run in registration order.
   */
  public final HookHandle registerForwardPreHook(ForwardPreHook hook) {
    return ModuleHooks.add(hooks().pre, hook);
  }

  /**
   * Registers a hook run by {@link #call(Object...)} after {@code forward}, PyTorch's {@code
   * register_forward_hook}. Hooks run in registration order, each seeing the previous one's
   * output.
   */
  public final HookHandle registerForwardHook(ForwardHook hook) {
    return ModuleHooks.add(hooks().post, hook);
  }

  /**
   * Registers a hook run when the gradients with respect to the inputs of a {@link
   * #call(Object...)} have been computed, PyTorch's {@code register_full_backward_hook}; see
   * {@link BackwardHook}. It may replace {@code grad_input} where one input requires grad (the
   * usual layer); with several such inputs a replacement throws {@link
   * UnsupportedOperationException} during the backward pass. Calls made with grad mode off are
   * not hooked.
   */
  public final HookHandle registerFullBackwardHook(BackwardHook hook) {
    return ModuleHooks.add(hooks().backward, hook);
  }

  // ---------------------------------------------------------------------------------------------
  // Registration

  /**
   * Adds a parameter, PyTorch's {@code register_parameter}: the module keeps a tensor of its own
   * that shares {@code value}'s data and requires grad (like wrapping it in {@code nn.Parameter},
   * which makes it a leaf). A null value registers the name with no tensor (PyTorch's {@code
   * None}, e.g. {@code bias=False}); it is skipped by {@link #parameters()} and {@link
   * #stateDict()}.
   *
   * @return the module's parameter tensor (keep it in a field), or null
   * @throws IllegalArgumentException if the name is empty, contains a dot, or is taken
   */
  public final Tensor registerParameter(String name, Tensor value) {
    checkName(name, "parameter");
    Tensor p = null;
    if (value != null) {
      try (Tensor detached = value.detach()) {
        p = Handles.share(detached);
      }
      p.requiresGrad_(value.dtype().isFloatingPoint() || value.dtype().isComplex());
    }
    parameters.put(name, p);
    return p;
  }

  /** {@link #registerBuffer(String, Tensor, boolean)} of a persistent buffer. */
  public final Tensor registerBuffer(String name, Tensor value) {
    return registerBuffer(name, value, true);
  }

  /**
   * Adds a buffer, PyTorch's {@code register_buffer}: state that moves with the module and (when
   * {@code persistent}) is saved in the state dict, but is not trained. The module keeps a tensor of
   * its own that shares {@code value}'s data, outside the autograd graph. Null registers the name
   * with no tensor.
   *
   * @return the module's buffer tensor, or null
   */
  public final Tensor registerBuffer(String name, Tensor value, boolean persistent) {
    checkName(name, "buffer");
    Tensor b = null;
    if (value != null) {
      try (Tensor detached = value.detach()) {
        b = Handles.share(detached);
      }
    }
    buffers.put(name, b);
    if (!persistent) {
      nonPersistent.add(name);
    }
    return b;
  }

  /**
   * Adds a submodule, PyTorch's {@code register_module} / {@code add_module}; its parameters and
   * buffers appear under {@code name + "."}.
   *
   * @return {@code module}, for assignment to a field
   */
  public final <M extends Module> M registerModule(String name, M module) {
    checkName(name, "module");
    Objects.requireNonNull(module, "module");
    if (module == this) {
      throw new IllegalArgumentException("a module cannot contain itself");
    }
    children.put(name, module);
    return module;
  }

  private void checkName(String name, String kind) {
    Objects.requireNonNull(name, kind + " name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
    }
    if (name.contains(".")) {
      throw new IllegalArgumentException(kind + " name can't contain \".\", got: " + name);
    }
    if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException("attribute '" + name + "' already exists in " + name());
    }
    checkOpen();
  }

  // ---------------------------------------------------------------------------------------------
  // Traversal

  /** The class name PyTorch prints ({@code _get_name()}); subclasses may override. */
  public String name() {
    return getClass().getSimpleName();
  }

  /** The direct submodules, in registration order. */
  public final List<Module> children() {
    return new ArrayList<>(children.values());
  }

  /** The direct submodules by name, in registration order. */
  public final LinkedHashMap<String, Module> namedChildren() {
    return new LinkedHashMap<>(children);
  }

  /** This module and all its descendants, depth first, each once. */
  public final List<Module> modules() {
    return new ArrayList<>(namedModules().values());
  }

  /** {@link #modules()} keyed by dotted path ({@code ""} for this module). */
  public final LinkedHashMap<String, Module> namedModules() {
    LinkedHashMap<String, Module> out = new LinkedHashMap<>();
    collectModules("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private static void collectModules(
      String prefix, Module m, LinkedHashMap<String, Module> out, Set<Module> seen) {
    if (!seen.add(m)) {
      return;
    }
    out.put(prefix, m);
    for (Map.Entry<String, Module> e : m.children.entrySet()) {
      collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, seen);
    }
  }

  /**
   * Every parameter of this module and its descendants, each once (a parameter shared by two
   * layers appears under its first name), in {@link #stateDict()} order.
   */
  public final List<Tensor> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** {@link #parameters()} keyed by dotted name. */
  public final LinkedHashMap<String, Tensor> namedParameters() {
    return collect(true);
  }

  /** Every buffer of this module and its descendants, each once. */
  public final List<Tensor> buffers() {
    return new ArrayList<>(namedBuffers().values());
  }

  /** {@link #buffers()} keyed by dotted name. */
  public final LinkedHashMap<String, Tensor> namedBuffers() {
    return collect(false);
  }

  private LinkedHashMap<String, Tensor> collect(boolean params) {
    checkOpen();
    LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
    Set<Long> seen = new HashSet<>();
    for (Map.Entry<String, Module> m : namedModules().entrySet()) {
      String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
      Map<String, Tensor> own = params ? m.getValue().parameters : m.getValue().buffers;
      for (Map.Entry<String, Tensor> e : own.entrySet()) {
        Tensor t = e.getValue();
        if (t != null && seen.add(identity(t))) {
          out.put(prefix + e.getKey(), t);
        }
      }
    }
    return out;
  }

  private static long identity(Tensor t) {
    return Handles.unwrap(t).unsafeGetTensorImpl().address();
  }

  /**
   * The parameter at a dotted path, PyTorch's {@code get_parameter}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public final Tensor getParameter(String target) {
    int dot = target.lastIndexOf('.');
    Module owner = dot < 0 ? this : getSubmodule(target.substring(0, dot));
    String leaf = target.substring(dot + 1);
    if (!owner.parameters.containsKey(leaf)) {
      throw new IllegalArgumentException(owner.name() + " has no parameter `" + leaf + "`");
    }
    return owner.parameters.get(leaf);
  }

  /**
   * The buffer at a dotted path, PyTorch's {@code get_buffer}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public final Tensor getBuffer(String target) {
    int dot = target.lastIndexOf('.');
    Module owner = dot < 0 ? this : getSubmodule(target.substring(0, dot));
    String leaf = target.substring(dot + 1);
    if (!owner.buffers.containsKey(leaf)) {
      throw new IllegalArgumentException(owner.name() + " has no buffer `" + leaf + "`");
    }
    return owner.buffers.get(leaf);
  }

  /**
   * The submodule at a dotted path ({@code ""} is this module), PyTorch's {@code get_submodule}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public final Module getSubmodule(String target) {
    if (target.isEmpty()) {
      return this;
    }
    Module m = this;
    for (String part : target.split("\\.", -1)) {
      Module next = m.children.get(part);
      if (next == null) {
        throw new IllegalArgumentException(m.name() + " has no attribute `" + part + "`");
      }
      m = next;
    }
    return m;
  }

  /** The total number of elements of {@link #parameters()}. */
  public final long parameterCount() {
    long n = 0;
    for (Tensor p : parameters()) {
      n += p.numel();
    }
    return n;
  }

  /** Runs {@code fn} on every submodule (children first, recursively) and then on this module. */
  public final Module apply(Consumer<Module> fn) {
    for (Module c : children.values()) {
      c.apply(fn);
    }
    fn.accept(this);
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Modes and gradients

  /** Whether this module is in training mode (the default). */
  public final boolean isTraining() {
    return training;
  }

  /** {@code train(true)}. */
  public final Module train() {
    return train(true);
  }

  /**
   * Sets training mode on this module and every descendant, PyTorch's {@code train(mode)}: it
   * changes what Dropout and BatchNorm do. Returns this module.
   */
  public Module train(boolean mode) {
    training = mode;
    for (Module c : children.values()) {
      c.train(mode);
    }
    return this;
  }

  /** {@code train(false)}: evaluation mode. */
  public final Module eval() {
    return train(false);
  }

  /** Sets {@code requiresGrad} on every parameter (false freezes the module). */
  public final Module requiresGrad_(boolean requiresGrad) {
    for (Tensor p : parameters()) {
      p.requiresGrad_(requiresGrad);
    }
    return this;
  }

  /** {@code zeroGrad(true)}: PyTorch 2's default, which sets every gradient to None. */
  public final void zeroGrad() {
    zeroGrad(true);
  }

  /** Clears every parameter's gradient: to null, or (with false) to zeros in place. */
  public final void zeroGrad(boolean setToNone) {
    for (Tensor p : parameters()) {
      if (setToNone) {
        p.setGrad(null);
      } else {
        try (Tensor g = p.grad()) {
          if (g != null) {
            try (GradMode off = Torch.noGrad()) {
              g.zero_();
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Device and dtype

  /**
   * Moves every parameter and buffer (and gradient) to {@code device}, in place, like PyTorch's
   * {@code module.to(device)}. Returns this module.
   */
  public final Module to(Device device) {
    return convert(t -> t.to(device), false);
  }

  /**
   * Casts every floating-point parameter and buffer (and gradient) to the floating-point {@code
   * dtype}, in place, like PyTorch's {@code module.to(dtype)}; integer buffers are left alone.
   *
   * @throws IllegalArgumentException if {@code dtype} is not floating point
   */
  public final Module to(DType dtype) {
    if (!dtype.isFloatingPoint()) {
      throw new IllegalArgumentException(
          "nn.Module.to only accepts floating point dtypes, but got desired dtype=" + dtype);
    }
    return convert(t -> t.to(dtype), true);
  }

  /** {@code to(DType.FLOAT64)}. */
  public final Module double_() {
    return to(DType.FLOAT64);
  }

  /** {@code to(DType.FLOAT32)}. */
  public final Module float_() {
    return to(DType.FLOAT32);
  }

  private Module convert(UnaryOperator<Tensor> fn, boolean floatingOnly) {
    try (GradMode off = Torch.noGrad()) {
      for (Module m : modules()) {
        for (Map<String, Tensor> own : List.of(m.parameters, m.buffers)) {
          for (Tensor t : own.values()) {
            if (t == null || (floatingOnly && !t.dtype().isFloatingPoint())) {
              continue;
            }
            try (Tensor moved = fn.apply(t)) {
              Handles.unwrap(t).set_data(Handles.unwrap(moved));
            }
            try (Tensor g = t.grad()) {
              if (g != null) {
                try (Tensor mg = fn.apply(g)) {
                  Handles.unwrap(g).set_data(Handles.unwrap(mg));
                }
              }
            }
          }
        }
      }
    }
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // State dict

  /**
   * The module's state, PyTorch's {@code state_dict()}: every parameter and persistent buffer
   * under its dotted name, in PyTorch's key order (each module's own parameters, then its
   * buffers, then its submodules). The tensors share the module's data but are detached from the
   * graph; they belong to the current scope, and closing them leaves the module intact.
   */
  public final LinkedHashMap<String, Tensor> stateDict() {
    checkOpen();
    LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Module> m : namedModules().entrySet()) {
      String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
      Module mod = m.getValue();
      for (Map.Entry<String, Tensor> e : mod.parameters.entrySet()) {
        if (e.getValue() != null) {
          out.put(prefix + e.getKey(), e.getValue().detach());
        }
      }
      for (Map.Entry<String, Tensor> e : mod.buffers.entrySet()) {
        if (e.getValue() != null && !mod.nonPersistent.contains(e.getKey())) {
          out.put(prefix + e.getKey(), e.getValue().detach());
        }
      }
    }
    return out;
  }

  /** What {@link #loadStateDict(Map, boolean)} did not match, PyTorch's {@code IncompatibleKeys}. */
  public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {}

  /** {@code loadStateDict(stateDict, true)}. */
  public final IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
    return loadStateDict(stateDict, true);
  }

  /**
   * Copies {@code stateDict}'s tensors into this module's parameters and buffers, in place,
   * PyTorch's {@code load_state_dict(state_dict, strict)}. Every key is checked before anything is
   * copied: a shape mismatch (always) or a missing or unexpected key (when {@code strict}) throws
   * with PyTorch's message and leaves the module unchanged (PyTorch may have copied part of it by
   * then).
   *
   * @return the missing and unexpected keys (both empty when strict succeeds)
   * @throws IllegalArgumentException listing every problem, as PyTorch's RuntimeError does
   */
  public final IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
    Objects.requireNonNull(stateDict, "stateDict");
    checkOpen();
    LinkedHashMap<String, Tensor> targets = new LinkedHashMap<>();
    for (Map.Entry<String, Module> m : namedModules().entrySet()) {
      String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
      Module mod = m.getValue();
      mod.parameters.forEach((k, v) -> {
        if (v != null) {
          targets.put(prefix + k, v);
        }
      });
      mod.buffers.forEach((k, v) -> {
        if (v != null && !mod.nonPersistent.contains(k)) {
          targets.put(prefix + k, v);
        }
      });
    }
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : targets.entrySet()) {
      Tensor src = stateDict.get(e.getKey());
      if (src == null) {
        missing.add(e.getKey());
        continue;
      }
      long[] want = e.getValue().shape();
      long[] got = src.shape();
      if (!Arrays.equals(want, got)) {
        errors.add(
            "size mismatch for "
                + e.getKey()
                + ": copying a param with shape "
                + PyRepr.torchSize(got)
                + " from checkpoint, the shape in current model is "
                + PyRepr.torchSize(want)
                + ".");
      }
    }
    for (String k : stateDict.keySet()) {
      if (!targets.containsKey(k)) {
        unexpected.add(k);
      }
    }
    if (strict) {
      if (!unexpected.isEmpty()) {
        errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
      }
      if (!missing.isEmpty()) {
        errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "Error(s) in loading state_dict for " + name() + ":\n\t" + String.join("\n\t", errors));
    }
    try (GradMode off = Torch.noGrad()) {
      for (Map.Entry<String, Tensor> e : targets.entrySet()) {
        Tensor src = stateDict.get(e.getKey());
        if (src != null) {
          e.getValue().copy_(src);
        }
      }
    }
    return new IncompatibleKeys(List.copyOf(missing), List.copyOf(unexpected));
  }

  private static String quoted(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      sb.append(sb.length() == 0 ? "" : ", ").append('"').append(k).append('"');
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Printing

  /**
   * The one-line description of this module's configuration that {@link #toString()} shows in
   * parentheses, PyTorch's {@code extra_repr()}, such as {@code "in_features=784,
   * out_features=256, bias=True"}. Empty by default.
   */
  public String extraRepr() {
    return "";
  }

  /** The module tree, printed exactly as PyTorch prints it. */
  @Override
  public String toString() {
    List<String> extra = extraRepr().isEmpty() ? List.of() : Arrays.asList(extraRepr().split("\n"));
    List<String> childLines = new ArrayList<>();
    for (Map.Entry<String, Module> e : children.entrySet()) {
      childLines.add("(" + e.getKey() + "): " + addIndent(e.getValue().toString(), 2));
    }
    List<String> lines = new ArrayList<>(extra);
    lines.addAll(childLines);
    StringBuilder sb = new StringBuilder(name()).append('(');
    if (!lines.isEmpty()) {
      if (extra.size() == 1 && childLines.isEmpty()) {
        sb.append(extra.get(0));
      } else {
        sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
      }
    }
    return sb.append(')').toString();
  }

  /** Indents every line but the first by {@code spaces}, PyTorch's {@code _addindent}. */
  static String addIndent(String s, int spaces) {
    String[] parts = s.split("\n", -1);
    if (parts.length == 1) {
      return s;
    }
    String pad = " ".repeat(spaces);
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append('\n').append(pad).append(parts[i]);
    }
    return sb.toString();
  }

  /** PyTorch's Python spelling of a boolean, for {@link #extraRepr()}. */
  protected static String py(boolean b) {
    return PyRepr.bool(b);
  }

  /** PyTorch's Python spelling of a tuple of ints, such as {@code (3, 3)} or {@code (2,)}. */
  protected static String py(long... values) {
    return PyRepr.tuple(values);
  }

  /** PyTorch's Python spelling of a float, such as {@code 0.5}, {@code 1e-05} or {@code 0.0}. */
  protected static String py(double v) {
    return PyRepr.floatRepr(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Lifetime

  /**
   * Frees every parameter and buffer of this module and its descendants. Idempotent; a closed
   * module's tensors throw {@link IllegalStateException} when used.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Module c : children.values()) {
      c.close();
    }
    for (Tensor t : parameters.values()) {
      if (t != null) {
        t.close();
      }
    }
    for (Tensor t : buffers.values()) {
      if (t != null) {
        t.close();
      }
    }
  }

  /** Whether {@link #close()} has run. */
  public final boolean isClosed() {
    return closed;
  }

  /** Throws if this module is closed. */
  protected final void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this " + name() + " is closed");
    }
  }
}
