package org.jtorch.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.AOTIModelPackageLoader;
import org.bytedeco.pytorch.ExtraFilesMap;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.TorchException;
import org.jtorch.internal.Handles;
import org.jtorch.internal.Natives;

/**
 * A model compiled ahead of time by AOTInductor: a {@code .pt2} package made in Python with
 * {@code torch._inductor.aoti_compile_and_package(torch.export.export(model, example_inputs))},
 * run through LibTorch's {@code AOTIModelPackageLoader}. This is PyTorch's forward path for
 * serving (TorchScript is deprecated in favour of {@code torch.export}); no compiler is needed at
 * load time.
 *
 * <pre>{@code
 * try (AotiModel model = AotiModel.load(Path.of("model.pt2"));
 *     Scope scope = Scope.open()) {
 *   Tensor logits = model.forward(images);        // the first output
 *   List<Tensor> all = model.run(images);         // every output, flattened
 * }
 * }</pre>
 *
 * <h2>Inputs</h2>
 *
 * The package runs on tensors only, flattened in the order {@code torch.export} saw them, and
 * each input must have the dtype, device and shape it was exported with (dynamic dimensions
 * within their declared range). jtorch checks each input before the call, against the checks
 * AOTInductor generates into the package's source (read at load time): an input that does not
 * match fails with a {@link TorchException} ("input_handles[0]: unmatched dim value at 2,
 * expected: 16, but got: 8") instead of reading memory it should not. A dynamic dimension
 * declared from 1 accepts 1, as in Python, although torch.export compiles a check for {@code >=
 * 2} into the package. A package whose checks cannot be read uses its compiled checks instead
 * (the environment variable {@code AOTI_RUNTIME_CHECK_INPUTS}, set for this process unless it is
 * set already); the system property {@code jtorch.aoti.checkInputs=false} turns both off.
 *
 * <h2>Threads and memory</h2>
 *
 * Calls may come from many threads at once; each runs on one of the package's model instances
 * ({@link #load(Path, int)}), waiting for a free one. Calls run in inference mode. Outputs are new
 * {@link Tensor}s owned by the current {@link org.jtorch.Scope}.
 *
 * <h2>Security</h2>
 *
 * A {@code .pt2} package contains a shared library that this class loads and runs: it is native
 * code with the full rights of the process. Load only packages you built or trust. The library is
 * compiled for the instruction set of the machine that built it ({@code AOTI_CPU_ISA} in the
 * package's metadata); {@link #load} refuses, with a {@link TorchException}, a package whose
 * instruction set this CPU lacks, instead of crashing on its first call.
 */
public final class AotiModel implements AutoCloseable {
  static {
    Natives.ensureLoaded();
  }

  /** The system property that turns the input checks off ({@code false}); default on. */
  public static final String CHECK_INPUTS_PROPERTY = "jtorch.aoti.checkInputs";

  private static final String CHECK_INPUTS_ENV = "AOTI_RUNTIME_CHECK_INPUTS";
  private static final String MODEL_NAME = "model";

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile AOTIModelPackageLoader loader;
  private final Map<String, String> metadata;
  private final Path path;
  /** The inputs' checks made in Java, or null (off, or left to the package's compiled checks). */
  private final AotiInputSpec inputSpec;

  private AotiModel(
      AOTIModelPackageLoader loader, Map<String, String> metadata, Path path, AotiInputSpec spec) {
    this.loader = loader;
    this.metadata = metadata;
    this.path = path;
    this.inputSpec = spec;
  }

  /**
   * Loads a {@code .pt2} package with one model instance (calls from several threads take turns).
   *
   * @throws IllegalArgumentException if {@code path} is not a readable file
   * @throws TorchException if the file is not an AOTInductor package, is truncated or corrupt,
   *     was compiled for another device or an instruction set this CPU lacks (PyTorch's message, or
   *     jtorch's for the instruction set)
   */
  public static AotiModel load(Path path) {
    return load(path, 1);
  }

  /**
   * Loads a {@code .pt2} package with {@code instances} model instances, so that up to that many
   * calls run at the same time (each instance holds its own activations; the weights are shared).
   *
   * @see #load(Path)
   */
  public static AotiModel load(Path path, int instances) {
    Objects.requireNonNull(path, "path");
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, got " + instances);
    }
    Path p = path.toAbsolutePath();
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new IllegalArgumentException("not a readable file: " + p);
    }
    String wrapper = checkEntryNames(p);
    Map<String, String> metadata;
    try (ExtraFilesMap md =
        AOTIModelPackageLoader.load_metadata_from_package(p.toString(), MODEL_NAME)) {
      metadata = toMap(md);
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
    checkInstructionSet(metadata.getOrDefault("AOTI_CPU_ISA", ""), cpuFlags(), p);
    AotiInputSpec spec = null;
    if (checksWanted()) {
      spec = wrapper == null ? null : AotiInputSpec.parse(wrapper);
      if (spec == null) {
        enableCompiledInputChecks();
      }
    }
    AOTIModelPackageLoader loader;
    try {
      loader = new AOTIModelPackageLoader(p.toString(), MODEL_NAME, false, instances, (byte) -1);
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    }
    return new AotiModel(loader, metadata, p, spec);
  }

  /**
   * LibTorch's package loader extracts the archive into a temporary folder, joining each entry's
   * name to it as it is: an entry named {@code ../x} or {@code /x} would be written outside it
   * ("zip slip"). The names are read here first (the central directory, which LibTorch's reader
   * uses too), and an archive with a name that could leave the folder is refused, as is one that
   * is not a readable zip archive.
   *
   * @throws TorchException naming the entry
   */
  static String checkEntryNames(Path p) {
    String wrapper = null;
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(p.toFile())) {
      java.util.Enumeration<? extends java.util.zip.ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        java.util.zip.ZipEntry e = entries.nextElement();
        String name = e.getName();
        if (!confined(name)) {
          throw new TorchException(
              "refusing " + p + ": the archive entry '" + name + "' would be extracted outside the"
                  + " package's folder");
        }
        if (wrapper == null && name.contains("/data/aotinductor/" + MODEL_NAME + "/")
            && name.endsWith(".wrapper.cpp")) {
          wrapper = readText(zip, e);
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new TorchException(
          p + " is not an AOTInductor package: not a ZIP archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return wrapper;
  }

  /** The most of a wrapper source that is read for its input checks (they come first). */
  private static final int WRAPPER_LIMIT = 64 << 20;

  /** An entry as UTF-8 text, at most {@link #WRAPPER_LIMIT} bytes of it (null if unreadable). */
  private static String readText(java.util.zip.ZipFile zip, java.util.zip.ZipEntry e) {
    try (java.io.InputStream in = zip.getInputStream(e)) {
      return new String(in.readNBytes(WRAPPER_LIMIT), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException x) {
      return null; // no Java checks: the compiled ones are used
    }
  }

  /** Whether a zip entry name stays inside the folder it is extracted into. */
  static boolean confined(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\0")) {
      return false;
    }
    int depth = 0;
    for (String part : name.split("[/\\\\]")) {
      if (part.equals("..")) {
        if (--depth < 0) {
          return false;
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return true;
  }

  /**
   * Runs the model and returns its first output.
   *
   * @throws TorchException if the inputs do not match what the package was compiled for (count,
   *     dtype, shape, device)
   */
  public Tensor forward(Tensor... inputs) {
    List<Tensor> out = run(inputs);
    if (out.isEmpty()) {
      throw new IllegalStateException("the model returned no tensor");
    }
    for (int i = 1; i < out.size(); i++) {
      out.get(i).close();
    }
    return out.get(0);
  }

  /**
   * Runs the model and returns all its outputs, flattened in order (a model that returns {@code
   * (logits, probs)} gives two tensors).
   *
   * @throws TorchException if the inputs do not match what the package was compiled for (count,
   *     dtype, shape, device)
   */
  public List<Tensor> run(Tensor... inputs) {
    Objects.requireNonNull(inputs, "inputs");
    org.bytedeco.pytorch.Tensor[] handles = new org.bytedeco.pytorch.Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      handles[i] = Handles.unwrap(Objects.requireNonNull(inputs[i], "input " + i));
    }
    if (inputSpec != null) {
      inputSpec.check(inputs);
    }
    Lock l = lock.readLock();
    l.lock();
    try {
      AOTIModelPackageLoader m = live();
      try (TensorVector in = new TensorVector(handles);
          TensorVector out = call(m, in)) {
        int n = (int) out.size();
        List<Tensor> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          // get() points into the vector: take a reference of our own
          result.add(Handles.wrap(new org.bytedeco.pytorch.Tensor(out.get(i))));
        }
        return Collections.unmodifiableList(result);
      }
    } finally {
      l.unlock();
    }
  }

  private static TensorVector call(AOTIModelPackageLoader m, TensorVector in) {
    // a C++ RAII guard: made and destroyed on this thread, around the call only
    InferenceMode guard = new InferenceMode();
    try {
      return m.run(in);
    } catch (RuntimeException e) {
      throw Natives.translate(e);
    } finally {
      guard.close();
    }
  }

  /**
   * The package's metadata: {@code AOTI_DEVICE_KEY} ({@code cpu}, {@code cuda}), {@code
   * AOTI_CPU_ISA} ({@code AVX2}, {@code AVX512}, ...), {@code AOTI_PLATFORM}, and what the
   * exporter added.
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The package file. */
  public Path path() {
    return path;
  }

  /**
   * Releases the loaded model (its weights and its shared library's instances). Idempotent; waits
   * for calls in progress; later calls throw {@link IllegalStateException}.
   */
  @Override
  public void close() {
    Lock l = lock.writeLock();
    l.lock();
    try {
      AOTIModelPackageLoader m = loader;
      if (m != null) {
        loader = null;
        m.close();
      }
    } finally {
      l.unlock();
    }
  }

  /** True once {@link #close()} has run. */
  public boolean isClosed() {
    return loader == null;
  }

  @Override
  public String toString() {
    return "AotiModel(" + path.getFileName() + (isClosed() ? ", <closed>" : "") + ")";
  }

  private AOTIModelPackageLoader live() {
    AOTIModelPackageLoader m = loader;
    if (m == null) {
      throw new IllegalStateException("this AotiModel is closed");
    }
    return m;
  }

  private static Map<String, String> toMap(ExtraFilesMap md) {
    Map<String, String> out = new LinkedHashMap<>();
    try (ExtraFilesMap.Iterator end = md.end();
        ExtraFilesMap.Iterator it = md.begin()) {
      for (; !it.equals(end); it.increment()) {
        try (BytePointer k = it.first();
            BytePointer v = it.second()) { // v: null for an empty value
          out.put(
              k.getString(StandardCharsets.UTF_8),
              v == null || v.isNull() ? "" : v.getString(StandardCharsets.UTF_8));
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Safety checks

  private static volatile boolean checksSet;

  /** Whether inputs are checked at all ({@code jtorch.aoti.checkInputs}, default true). */
  private static boolean checksWanted() {
    return !"false".equalsIgnoreCase(System.getProperty(CHECK_INPUTS_PROPERTY, "true").trim());
  }

  /**
   * Turns on the input checks compiled into every package, for a package whose checks jtorch
   * cannot read ({@link AotiInputSpec}). A package reads the variable once, at its first call, so
   * this holds for the packages first called from now on.
   */
  private static synchronized void enableCompiledInputChecks() {
    if (checksSet) {
      return;
    }
    checksSet = true;
    // c10's set_env takes LibTorch's environment lock; overwrite=false keeps a user's choice
    torch.set_env(CHECK_INPUTS_ENV, "1", false);
  }

  /** The CPU flags each instruction set of AOTInductor's C++ kernels needs (x86-64). */
  private static final Map<String, List<String>> ISA_FLAGS =
      Map.of(
          "AVX512", List.of("avx512f", "avx512dq", "avx512vl", "avx512bw"),
          "AVX2", List.of("avx2", "fma"));

  private static volatile Set<String> cpuFlags;

  /**
   * Throws if the instruction set {@code isa} of a package needs CPU flags that {@code flags} (the
   * flags of /proc/cpuinfo) lacks. Unknown instruction sets, and an empty set of flags, pass.
   */
  static void checkInstructionSet(String isa, Set<String> flags, Path p) {
    List<String> needed = ISA_FLAGS.get(isa.trim().toUpperCase(Locale.ROOT));
    if (needed == null) {
      return;
    }
    if (flags.isEmpty()) {
      return; // not Linux, or /proc is hidden: nothing to check against
    }
    List<String> missing = new ArrayList<>();
    for (String f : needed) {
      if (!flags.contains(f)) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      throw new TorchException(
          p.getFileName()
              + " was compiled for "
              + isa
              + " but this CPU lacks "
              + String.join(", ", missing)
              + ": compile the package on (or for) a machine like this one");
    }
  }

  private static Set<String> cpuFlags() {
    Set<String> f = cpuFlags;
    if (f == null) {
      f = new HashSet<>();
      try {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
          if (line.startsWith("flags")) {
            int colon = line.indexOf(':');
            f.addAll(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // leave it empty: no check
      }
      cpuFlags = f;
    }
    return f;
  }
}
