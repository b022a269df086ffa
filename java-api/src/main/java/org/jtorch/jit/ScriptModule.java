package org.jtorch.jit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.ExtraFilesMap;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Method;
import org.bytedeco.pytorch.MethodOptional;
import org.bytedeco.pytorch.NamedIValue;
import org.bytedeco.pytorch.NamedJitModule;
import org.bytedeco.pytorch.NamedTensor;
import org.bytedeco.pytorch.Obj;
import org.bytedeco.pytorch.StringVector;
import org.bytedeco.pytorch.StringVectorOptional;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.named_attribute_iterator;
import org.bytedeco.pytorch.named_attribute_list;
import org.bytedeco.pytorch.named_buffer_iterator;
import org.bytedeco.pytorch.named_buffer_list;
import org.bytedeco.pytorch.named_module_iterator;
import org.bytedeco.pytorch.named_module_list;
import org.bytedeco.pytorch.named_parameter_iterator;
import org.bytedeco.pytorch.named_parameter_list;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Tensor;
import org.jtorch.TorchException;
import org.jtorch.internal.Handles;
import org.jtorch.internal.IValues;
import org.jtorch.internal.Natives;

/**
 * A TorchScript module: a model trained in Python and saved with {@code torch.jit.save} (after
 * {@code torch.jit.script} or {@code torch.jit.trace}), PyTorch's {@code torch.jit.ScriptModule}.
 *
 * <pre>{@code
 * try (ScriptModule model = ScriptModule.load(Path.of("model.pt"));
 *     Scope scope = Scope.open()) {
 *   Tensor logits = model.forward(images);                 // one tensor in, one tensor out
 *   Tuple out = (Tuple) lstm.run("forward", x);            // any other signature
 *   Map<?, ?> d = (Map<?, ?>) model.forward(Map.of("a", a, "b", b));
 *   String label = (String) model.run("top_label", x);     // an @torch.jit.export method
 *   long version = (Long) model.attribute("version");
 * }
 * }</pre>
 *
 * <h2>Values</h2>
 *
 * Arguments and results convert between Java and TorchScript as follows; where a method declares
 * a parameter type, the Java value is converted to it (an {@code Integer} for a {@code float}, a
 * {@code List} for a tuple, the element types of an empty list).
 *
 * <table>
 *   <caption>Java and TorchScript values</caption>
 *   <tr><th>TorchScript</th><th>Java argument</th><th>Java result</th></tr>
 *   <tr><td>{@code Tensor}</td><td>{@link Tensor}</td><td>a new {@link Tensor}</td></tr>
 *   <tr><td>{@code int}</td><td>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}</td>
 *       <td>{@code Long}</td></tr>
 *   <tr><td>{@code float}</td><td>{@code Double}, {@code Float} (or an integer)</td>
 *       <td>{@code Double}</td></tr>
 *   <tr><td>{@code bool}</td><td>{@code Boolean}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>{@code str}</td><td>{@code String}</td><td>{@code String}</td></tr>
 *   <tr><td>{@code None}, {@code Optional[T]}</td><td>{@code null}, {@code Optional.empty()},
 *       {@code Optional.of(x)} or {@code x}</td><td>{@code null} or the value</td></tr>
 *   <tr><td>{@code Tuple[...]}, named tuples</td><td>{@link Tuple} (or a {@code List})</td>
 *       <td>{@link Tuple}</td></tr>
 *   <tr><td>{@code List[T]}</td><td>{@code List}, or a Java array ({@code long[]}, {@code
 *       double[]}, {@code Tensor[]}, ...)</td><td>an unmodifiable {@code List}</td></tr>
 *   <tr><td>{@code Dict[K, V]}</td><td>{@code Map}</td><td>an unmodifiable {@code Map} in the
 *       dict's order</td></tr>
 *   <tr><td>{@code Device}</td><td>{@link Device} (or {@code "cpu"})</td><td>{@link Device}</td></tr>
 *   <tr><td>a submodule</td><td>-</td><td>a {@code ScriptModule} view of it</td></tr>
 * </table>
 *
 * <p>A value of the wrong type or shape is rejected by TorchScript itself: a {@link
 * TorchException} with the model's own message ("forward() Expected a value of type 'Tensor' for
 * argument 'x' but instead found type 'str'", or the failing line of the model's code and the
 * error it raised).
 *
 * <h2>Inference mode and memory</h2>
 *
 * Calls run in LibTorch's inference mode (no autograd recording, like Python's {@code with
 * torch.inference_mode():}), unless {@link #setInferenceMode(boolean) setInferenceMode(false)}.
 * The tensors they return are therefore inference tensors: use them freely in other operations,
 * but do not modify them in place outside inference mode (LibTorch refuses). Returned tensors are
 * new {@link Tensor} objects owned by the current {@link org.jtorch.Scope}, like any other result;
 * close the module itself when done (it holds the weights).
 *
 * <h2>Threads</h2>
 *
 * One module serves any number of threads at once: {@code forward} and {@code run} may be called
 * concurrently. The methods that change the module ({@link #eval()}, {@link #train()}, {@link
 * #to(Device)}, {@link #setAttribute}, {@link #define}, {@link #close()}) wait until the calls in
 * progress are done, and new calls wait for them.
 *
 * <h2>Security</h2>
 *
 * A TorchScript archive holds code that this method runs: load only files from sources you trust
 * (see the README's "Serving models trained in Python").
 */
public final class ScriptModule implements AutoCloseable {
  static {
    Natives.ensureLoaded();
  }

  private final ReentrantReadWriteLock lock;
  private volatile JitModule module;
  private final ConcurrentHashMap<String, Invocation> methods = new ConcurrentHashMap<>();
  private volatile boolean inferenceMode = true;

  private ScriptModule(JitModule module, ReentrantReadWriteLock lock) {
    this.module = module;
    this.lock = lock;
  }

  private static ScriptModule owning(JitModule module) {
    return new ScriptModule(module, new ReentrantReadWriteLock());
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  /**
   * Loads a TorchScript archive (PyTorch's {@code torch.jit.load(path)}), its tensors on the
   * devices they were saved from.
   *
   * @throws IllegalArgumentException if {@code path} is not a readable file
   * @throws TorchException if the file is not a TorchScript archive, is truncated or corrupt, was
   *     written by a newer PyTorch, or calls operators that are not loaded (PyTorch's message)
   */
  public static ScriptModule load(Path path) {
    return load(path, null, null);
  }

  /**
   * Loads a TorchScript archive with its tensors moved to {@code device} ({@code map_location}).
   *
   * @see #load(Path)
   */
  public static ScriptModule load(Path path, Device device) {
    return load(path, device, null);
  }

  /**
   * Loads a TorchScript archive with its tensors on {@code device} (null: where they were saved),
   * and reads the extra files that were saved with it ({@code _extra_files} in Python): for each
   * key of {@code extraFiles}, the file's content (UTF-8) replaces the value; entries the archive
   * lacks keep their values, as in Python.
   *
   * @param extraFiles a modifiable map of the file names to read, or null
   * @see #load(Path)
   */
  public static ScriptModule load(Path path, Device device, Map<String, String> extraFiles) {
    Objects.requireNonNull(path, "path");
    Path p = path.toAbsolutePath();
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new IllegalArgumentException("not a readable file: " + p);
    }
    // Natives.deviceOptional(null) is a shared constant: never close it
    DeviceOptional location = Natives.deviceOptional(device);
    try (ExtraFilesMap extra = new ExtraFilesMap()) {
      List<String> keys = new ArrayList<>();
      if (extraFiles != null) {
        for (Map.Entry<String, String> e : extraFiles.entrySet()) {
          keys.add(e.getKey());
          putUtf8(extra, e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
      }
      JitModule m = native_(() -> torch.load(p.toString(), location, extra));
      for (String key : keys) {
        try (BytePointer k = new BytePointer(key, StandardCharsets.UTF_8);
            BytePointer v = extra.get(k)) {
          String content = v == null || v.isNull() ? null : v.getString(StandardCharsets.UTF_8);
          if (content != null) {
            extraFiles.put(key, content);
          }
        }
      }
      return owning(m);
    } finally {
      if (device != null) {
        location.close();
      }
    }
  }

  /**
   * Loads a TorchScript archive from a stream (read to its end, not closed), its tensors on the
   * devices they were saved from. The archive is copied to a temporary file, deleted once loaded.
   *
   * @throws UncheckedIOException if reading the stream or writing the temporary file fails
   * @see #load(Path)
   */
  public static ScriptModule load(InputStream in) {
    return load(in, null, null);
  }

  /**
   * Loads a TorchScript archive from a stream, with {@code map_location} and extra files as in
   * {@link #load(Path, Device, Map)}.
   *
   * @throws UncheckedIOException if reading the stream or writing the temporary file fails
   */
  public static ScriptModule load(InputStream in, Device device, Map<String, String> extraFiles) {
    Objects.requireNonNull(in, "in");
    Path tmp = null;
    try {
      tmp = Files.createTempFile("jtorch-", ".pt");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return load(tmp, device, extraFiles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          tmp.toFile().deleteOnExit();
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Running

  /**
   * Runs {@code forward} on tensors and returns its tensor result.
   *
   * @throws TorchException if the model rejects the inputs (wrong count, type or shape), with
   *     its own message
   * @throws IllegalStateException if {@code forward} returns something other than a tensor (call
   *     {@link #run(String, Object...) run("forward", ...)}), or this module is closed
   */
  public Tensor forward(Tensor... inputs) {
    Objects.requireNonNull(inputs, "inputs");
    Lock l = lock.readLock();
    l.lock();
    try {
      return method("forward").callTensors(inputs, inferenceMode);
    } finally {
      l.unlock();
    }
  }

  /**
   * Runs {@code forward} on any arguments (see the class comment for how values convert) and
   * returns its result converted to Java. Called with tensors only, Java picks {@link
   * #forward(Tensor...)}; call {@code run("forward", ...)} for a model that returns something else.
   *
   * @throws TorchException if the model rejects the arguments, with its own message
   * @throws IllegalArgumentException for an argument that has no TorchScript counterpart
   */
  public Object forward(Object... inputs) {
    return run("forward", inputs);
  }

  /**
   * Runs the method {@code method} ({@code forward}, or one exported with {@code
   * @torch.jit.export}) and returns its result converted to Java.
   *
   * @throws TorchException if there is no such method ("Method 'x' is not defined."), or the
   *     model rejects the arguments, with its own message
   * @throws IllegalArgumentException for an argument that has no TorchScript counterpart
   * @throws UnsupportedOperationException for a result jtorch has no Java type for
   */
  public Object run(String method, Object... args) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(args, "args");
    Lock l = lock.readLock();
    l.lock();
    try {
      return method(method).call(args, inferenceMode, this::view);
    } finally {
      l.unlock();
    }
  }

  /**
   * Whether calls run in inference mode (the default: no autograd history, like Python's {@code
   * torch.inference_mode()}); with {@code false} they record autograd history as any other
   * operation does, for training the module further from Java.
   */
  public ScriptModule setInferenceMode(boolean enabled) {
    this.inferenceMode = enabled;
    return this;
  }

  /** Whether calls run in inference mode; see {@link #setInferenceMode(boolean)}. */
  public boolean isInferenceMode() {
    return inferenceMode;
  }

  private Invocation method(String name) {
    JitModule m = live();
    Invocation inv = methods.get(name);
    if (inv == null) {
      inv =
          methods.computeIfAbsent(
              name,
              n ->
                  native_(
                      () -> {
                        Method method = m.get_method(n);
                        return new Invocation(
                            n, method::apply, method.function().getSchema(), true, method);
                      }));
    }
    return inv;
  }

  // ---------------------------------------------------------------------------------------------
  // Methods and attributes

  /** Whether the module has a method {@code name}. */
  public boolean hasMethod(String name) {
    Objects.requireNonNull(name, "name");
    return read(
        () -> {
          try (MethodOptional m = live().find_method(name)) {
            return m.has_value();
          }
        });
  }

  /** The names of the module's methods ({@code forward} and the exported ones), in order. */
  public List<String> methodNames() {
    return read(
        () -> {
          Method ms = live().get_methods();
          List<String> out = new ArrayList<>();
          for (long i = 0; i < ms.limit(); i++) {
            try (BytePointer name = ms.getPointer(Method.class, i).name()) {
              out.add(name.getString(StandardCharsets.UTF_8));
            }
          }
          ms.close();
          return Collections.unmodifiableList(out);
        });
  }

  /**
   * The schema of a method, as TorchScript writes it: {@code "forward(__torch__.Net self, Tensor
   * x) -> Tensor"}.
   *
   * @throws TorchException if there is no such method
   */
  public String schema(String method) {
    Objects.requireNonNull(method, "method");
    return read(() -> method(method).schema());
  }

  /** Whether the module has an attribute (a parameter, buffer, submodule or other value). */
  public boolean hasAttribute(String name) {
    Objects.requireNonNull(name, "name");
    return read(() -> live().hasattr(name));
  }

  /**
   * The names of the module's own attributes, in order: parameters, buffers, submodules, {@code
   * training} and the other values its class declares.
   */
  public List<String> attributeNames() {
    return read(
        () -> {
          List<String> out = new ArrayList<>();
          try (named_attribute_list list = live().named_attributes(false)) {
            // begin() and end() are copies: free them here
            try (named_attribute_iterator end = list.end();
                named_attribute_iterator it = list.begin()) {
              for (; it.notEquals(end); it.increment()) {
                try (NamedIValue v = it.multiply();
                    BytePointer name = v.name()) {
                  out.add(name.getString(StandardCharsets.UTF_8));
                }
              }
            }
          }
          return Collections.unmodifiableList(out);
        });
  }

  /**
   * The attribute {@code name} converted to Java (see the class comment): a {@link Tensor} that
   * shares the module's storage, a {@code Long}, a {@code List}, ..., or a {@code ScriptModule} view
   * of a submodule.
   *
   * @throws TorchException if there is no such attribute
   */
  public Object attribute(String name) {
    Objects.requireNonNull(name, "name");
    return read(
        () -> {
          try (IValue v = native_(() -> live().attr(name))) {
            return IValues.toJava(v, this::view);
          }
        });
  }

  /**
   * Sets the attribute {@code name} to {@code value}, converted to the attribute's declared type
   * (Python's {@code setattr(module, name, value)}).
   *
   * @throws TorchException if there is no such attribute
   * @throws IllegalArgumentException if {@code value} does not fit the attribute's type
   */
  public void setAttribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    write(
        () -> {
          JitModule m = live();
          IValues.JitType type;
          try (ClassType cls = m.type()) {
            try (Type.TypePtr t = cls.findAttribute(name)) {
              if (t == null || t.isNull() || !t.asBoolean()) {
                throw new TorchException(
                    "module " + typeName(m) + " has no attribute '" + name + "'");
              }
              type = IValues.type(t);
            }
          }
          try (IValue v = IValues.exactly(value, type)) {
            if (v == null) {
              throw new IllegalArgumentException(
                  "attribute '" + name + "' is " + type + "; a " + describe(value) + " does not fit");
            }
            native_(
                () -> {
                  m.setattr(name, v);
                  return null;
                });
          }
          return null;
        });
  }

  /**
   * Adds methods written in TorchScript to this module ({@code self} is the module):
   *
   * <pre>{@code
   * model.define("def predict(self, x: Tensor) -> Tensor:\n"
   *     + "    return self.forward(x).argmax(1)\n");
   * Tensor classes = (Tensor) model.run("predict", x);
   * }</pre>
   *
   * @throws TorchException if the source does not compile (TorchScript's message)
   */
  public void define(String source) {
    Objects.requireNonNull(source, "source");
    write(
        () ->
            native_(
                () -> {
                  live().define(source);
                  return null;
                }));
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters, buffers, submodules

  /**
   * The parameters of this module and its submodules, in PyTorch's order ({@code
   * named_parameters()}: {@code conv1.weight}, {@code conv1.bias}, ...). Each tensor is a new
   * {@link Tensor} that shares the module's storage (owned by the current scope, like any result);
   * closing it does not affect the module.
   */
  public Map<String, Tensor> namedParameters() {
    return read(
        () -> {
          Map<String, Tensor> out = new LinkedHashMap<>();
          try (named_parameter_list list = live().named_parameters(true)) {
            // begin() and end() are copies: free them here
            try (named_parameter_iterator end = list.end();
                named_parameter_iterator it = list.begin()) {
              for (; it.notEquals(end); it.increment()) {
                try (NamedTensor nt = it.multiply()) {
                  put(out, nt);
                }
              }
            }
          }
          return Collections.unmodifiableMap(out);
        });
  }

  /**
   * The buffers of this module and its submodules, in PyTorch's order ({@code named_buffers()}:
   * BatchNorm's {@code running_mean}, ...), as {@link #namedParameters()} returns parameters.
   */
  public Map<String, Tensor> namedBuffers() {
    return read(
        () -> {
          Map<String, Tensor> out = new LinkedHashMap<>();
          try (named_buffer_list list = live().named_buffers(true)) {
            // begin() and end() are copies: free them here
            try (named_buffer_iterator end = list.end();
                named_buffer_iterator it = list.begin()) {
              for (; it.notEquals(end); it.increment()) {
                try (NamedTensor nt = it.multiply()) {
                  put(out, nt);
                }
              }
            }
          }
          return Collections.unmodifiableMap(out);
        });
  }

  private static void put(Map<String, Tensor> out, NamedTensor nt) {
    try (BytePointer name = nt.name()) {
      // value() points into the pair: take a reference of our own
      out.put(
          name.getString(StandardCharsets.UTF_8),
          Handles.wrap(new org.bytedeco.pytorch.Tensor(nt.value())));
    }
  }

  /**
   * The direct submodules, in order ({@code named_children()}), as views of this module: they
   * share its weights and its lock; closing a view releases only the view.
   */
  public Map<String, ScriptModule> namedChildren() {
    return read(
        () -> {
          Map<String, ScriptModule> out = new LinkedHashMap<>();
          try (named_module_list list = live().named_children()) {
            // begin() and end() are copies: free them here
            try (named_module_iterator end = list.end();
                named_module_iterator it = list.begin()) {
              for (; it.notEquals(end); it.increment()) {
                try (NamedJitModule nm = it.multiply();
                    BytePointer name = nm.name()) {
                  out.put(
                      name.getString(StandardCharsets.UTF_8),
                      new ScriptModule(new JitModule(nm.value()), lock));
                }
              }
            }
          }
          return Collections.unmodifiableMap(out);
        });
  }

  /** A view of a module object (an attribute or a result). */
  private Object view(IValue v) {
    try (Obj o = v.toObject()) {
      return new ScriptModule(new JitModule(o), lock);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Modes, devices, transformations

  /** Sets training mode off, for this module and its submodules ({@code module.eval()}). */
  public ScriptModule eval() {
    return train(false);
  }

  /** Sets training mode on ({@code module.train()}). */
  public ScriptModule train() {
    return train(true);
  }

  /** Sets training mode ({@code module.train(mode)}), for this module and its submodules. */
  public ScriptModule train(boolean on) {
    write(
        () -> {
          live().train(on);
          return null;
        });
    return this;
  }

  /** Whether the module is in training mode ({@code module.training}). */
  public boolean isTraining() {
    return read(() -> live().is_training());
  }

  /**
   * Moves the parameters and buffers to {@code device}, in place ({@code module.to(device)}).
   *
   * @throws TorchException if the device is not available
   */
  public ScriptModule to(Device device) {
    Objects.requireNonNull(device, "device");
    write(
        () -> {
          try (org.bytedeco.pytorch.Device d = Natives.device(device)) {
            return native_(
                () -> {
                  live().to(d);
                  return null;
                });
          }
        });
    return this;
  }

  /** Converts the floating-point parameters and buffers to {@code dtype}, in place. */
  public ScriptModule to(DType dtype) {
    Objects.requireNonNull(dtype, "dtype");
    write(
        () ->
            native_(
                () -> {
                  live().to(Natives.scalarType(dtype));
                  return null;
                }));
    return this;
  }

  /**
   * Saves the module as a TorchScript archive ({@code torch.jit.save}), readable by Python's
   * {@code torch.jit.load} and by {@link #load(Path)}.
   *
   * @throws TorchException if the file cannot be written
   */
  public void save(Path path) {
    save(path, null);
  }

  /**
   * Saves the module with extra files ({@code _extra_files}): each entry's value (UTF-8) is stored
   * under its name.
   */
  public void save(Path path, Map<String, String> extraFiles) {
    Objects.requireNonNull(path, "path");
    String file = path.toAbsolutePath().toString();
    read(
        () -> {
          try (ExtraFilesMap extra = new ExtraFilesMap()) {
            if (extraFiles != null) {
              for (Map.Entry<String, String> e : extraFiles.entrySet()) {
                putUtf8(extra, e.getKey(), e.getValue());
              }
            }
            return native_(
                () -> {
                  live().save(file, extra);
                  return null;
                });
          }
        });
  }

  /**
   * A frozen copy of this module ({@code torch.jit.freeze}): parameters and attributes inlined as
   * constants, and the graph optimised for inference (convolution and batch norm folded, ...).
   * The module must be in eval mode. Only {@code forward} survives, unless {@code
   * preservedAttributes} names other methods or attributes.
   *
   * @throws TorchException if the module is in training mode ("Freezing is currently only
   *     implemented for modules in eval mode...")
   */
  public ScriptModule freeze(String... preservedAttributes) {
    return freeze(List.of(preservedAttributes));
  }

  /** {@link #freeze(String...)} with a collection of names to preserve. */
  public ScriptModule freeze(Collection<String> preservedAttributes) {
    Objects.requireNonNull(preservedAttributes, "preservedAttributes");
    return read(
        () -> {
          JitModule m = live();
          if (preservedAttributes.isEmpty()) {
            return owning(native_(() -> torch.freeze(m)));
          }
          try (StringVector names = new StringVector(preservedAttributes.toArray(new String[0]));
              StringVectorOptional keep = new StringVectorOptional(names)) {
            return owning(native_(() -> torch.freeze(m, keep, true)));
          }
        });
  }

  /**
   * A copy of this module optimised for inference on this machine ({@code
   * torch.jit.optimize_for_inference}): frozen if it is not yet, then rewritten with
   * inference-only passes (e.g. prepacked convolutions). Only {@code forward} and {@code
   * otherMethods} survive.
   *
   * @throws TorchException if the module is in training mode
   */
  public ScriptModule optimizeForInference(String... otherMethods) {
    Objects.requireNonNull(otherMethods, "otherMethods");
    return read(
        () -> {
          JitModule m = live();
          try (StringVector names = new StringVector(otherMethods)) {
            return owning(native_(() -> torch.optimize_for_inference(m, names)));
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Lifetime

  /**
   * Releases this module's native reference (the weights are freed once no view or copy holds
   * them). Idempotent; waits for calls in progress; later use throws {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    Lock l = lock.writeLock();
    l.lock();
    try {
      JitModule m = module;
      if (m == null) {
        return;
      }
      module = null;
      for (Invocation inv : methods.values()) {
        inv.close();
      }
      methods.clear();
      m.close();
    } finally {
      l.unlock();
    }
  }

  /** True once {@link #close()} has run. */
  public boolean isClosed() {
    return module == null;
  }

  /** {@code ScriptModule(__torch__.Net)}, or {@code ScriptModule(<closed>)}. */
  @Override
  public String toString() {
    JitModule m = module;
    return "ScriptModule(" + (m == null ? "<closed>" : typeName(m)) + ")";
  }

  private static String typeName(JitModule m) {
    try (Obj o = m._ivalue();
        BytePointer name = o.name()) {
      return name.getString(StandardCharsets.UTF_8);
    }
  }

  private JitModule live() {
    JitModule m = module;
    if (m == null) {
      throw new IllegalStateException("this ScriptModule is closed");
    }
    return m;
  }

  private <T> T read(Supplier<T> body) {
    Lock l = lock.readLock();
    l.lock();
    try {
      return body.get();
    } finally {
      l.unlock();
    }
  }

  private <T> T write(Supplier<T> body) {
    Lock l = lock.writeLock();
    l.lock();
    try {
      return body.get();
    } finally {
      l.unlock();
    }
  }

  private static <T> T native_(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
  }

  private static void putUtf8(ExtraFilesMap map, String key, String value) {
    Objects.requireNonNull(key, "extra file name");
    Objects.requireNonNull(value, "extra file content");
    try (BytePointer k = new BytePointer(key, StandardCharsets.UTF_8);
        BytePointer v = new BytePointer(value, StandardCharsets.UTF_8)) {
      map.put(k, v);
    }
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }
}
