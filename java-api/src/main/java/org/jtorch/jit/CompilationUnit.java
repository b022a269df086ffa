package org.jtorch.jit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.FunctionVector;
import org.bytedeco.pytorch.QualifiedName;
import org.jtorch.TorchException;
import org.jtorch.internal.Natives;

/**
 * TorchScript functions compiled from source written in Java, PyTorch's {@code
 * torch.jit.CompilationUnit}. Made by {@link Jit#compile(String)}:
 *
 * <pre>{@code
 * try (CompilationUnit cu = Jit.compile(
 *         "def scaled_sum(x: Tensor, w: float) -> Tensor:\n"
 *       + "    return (x * w).sum()\n")) {
 *   Tensor s = (Tensor) cu.run("scaled_sum", x, 0.5);
 * }
 * }</pre>
 *
 * <p>Arguments and results convert as for {@link ScriptModule}; calls run in inference mode and
 * may come from many threads at once.
 */
public final class CompilationUnit implements AutoCloseable {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile org.bytedeco.pytorch.CompilationUnit unit;
  private final ConcurrentHashMap<String, Invocation> functions = new ConcurrentHashMap<>();
  private volatile boolean inferenceMode = true;

  CompilationUnit(org.bytedeco.pytorch.CompilationUnit unit) {
    this.unit = unit;
  }

  /**
   * Runs the function {@code name} and returns its result converted to Java.
   *
   * @throws TorchException if there is no such function, or it rejects the arguments or fails
   *     (TorchScript's message)
   * @throws IllegalArgumentException for an argument that has no TorchScript counterpart
   */
  public Object run(String name, Object... args) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(args, "args");
    Lock l = lock.readLock();
    l.lock();
    try {
      return function(name).call(args, inferenceMode, null);
    } finally {
      l.unlock();
    }
  }

  /** Whether there is a function {@code name}. */
  public boolean hasFunction(String name) {
    Objects.requireNonNull(name, "name");
    Lock l = lock.readLock();
    l.lock();
    try {
      try (QualifiedName q = new QualifiedName(name)) {
        Function f = live().find_function(q);
        return f != null && !f.isNull();
      }
    } finally {
      l.unlock();
    }
  }

  /** The names of the functions, in the order they were defined. */
  public List<String> functionNames() {
    Lock l = lock.readLock();
    l.lock();
    try (FunctionVector fs = live().get_functions()) {
      List<String> out = new ArrayList<>();
      for (long i = 0; i < fs.size(); i++) {
        try (BytePointer n = fs.get(i).name()) {
          out.add(n.getString(StandardCharsets.UTF_8));
        }
      }
      return Collections.unmodifiableList(out);
    } finally {
      l.unlock();
    }
  }

  /**
   * The schema of the function {@code name}: {@code "scaled_sum(Tensor x, float w) -> Tensor"}.
   *
   * @throws TorchException if there is no such function
   */
  public String schema(String name) {
    Objects.requireNonNull(name, "name");
    Lock l = lock.readLock();
    l.lock();
    try {
      return function(name).schema();
    } finally {
      l.unlock();
    }
  }

  /** Whether calls run in inference mode (the default); see {@link ScriptModule#setInferenceMode}. */
  public CompilationUnit setInferenceMode(boolean enabled) {
    this.inferenceMode = enabled;
    return this;
  }

  private Invocation function(String name) {
    org.bytedeco.pytorch.CompilationUnit cu = live();
    Invocation inv = functions.get(name);
    if (inv != null) {
      return inv;
    }
    return functions.computeIfAbsent(
        name,
        n -> {
          Function f;
          try (QualifiedName q = new QualifiedName(n)) {
            f = cu.find_function(q);
          } catch (RuntimeException e) {
            throw Natives.translate(e);
          }
          if (f == null || f.isNull()) {
            throw new TorchException("Function '" + n + "' is not defined.");
          }
          try {
            // a Function is owned by its compilation unit: nothing of ours to close
            return new Invocation(n, f::apply, f.getSchema(), false, () -> {});
          } catch (RuntimeException e) {
            throw Natives.translate(e);
          }
        });
  }

  private org.bytedeco.pytorch.CompilationUnit live() {
    org.bytedeco.pytorch.CompilationUnit u = unit;
    if (u == null) {
      throw new IllegalStateException("this CompilationUnit is closed");
    }
    return u;
  }

  /** Releases the compiled functions. Idempotent; waits for calls in progress. */
  @Override
  public void close() {
    Lock l = lock.writeLock();
    l.lock();
    try {
      org.bytedeco.pytorch.CompilationUnit u = unit;
      if (u != null) {
        unit = null;
        functions.clear();
        u.close();
      }
    } finally {
      l.unlock();
    }
  }

  /** True once {@link #close()} has run. */
  public boolean isClosed() {
    return unit == null;
  }
}
