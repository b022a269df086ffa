package org.jtorch.bindings;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Loader;

/**
 * Finds the CUDA 13 runtime libraries that the GPU flavour of LibTorch needs, and loads them before
 * LibTorch so that its own lookups by soname find them already in the process.
 *
 * <p>The {@code org.bytedeco:pytorch:2.13.0-1.5.14:linux-x86_64-gpu} natives link against cudart,
 * CUPTI, NVRTC, cuBLAS, cuFFT, cuRAND, cuSPARSE, cuSOLVER, cuFile, NCCL and cuDNN 9 (which opens
 * its own sub-libraries by name at run time), but the JavaCPP CUDA redistributable that would
 * carry them is not on Maven Central for 1.5.14. They come from the system (a CUDA 13 toolkit
 * and cuDNN 9) or from NVIDIA's Python wheels instead. {@link #LIBRARIES} lists them, in load
 * order; it is the one place that says what is needed.
 *
 * <p>Each library is looked for in these folders, in this order; the first folder holding it
 * wins:
 *
 * <ol>
 *   <li>system property {@code jtorch.cuda.libraryPath} (a {@link File#pathSeparator} list);
 *   <li>environment variable {@code JTORCH_CUDA_LIBRARY_PATH} (same form) — for these two, a folder
 *       that holds an {@code nvidia/} folder (a site-packages, or a {@code pip install --target}
 *       folder) also contributes its {@code nvidia/<package>/lib} folders;
 *   <li>{@code java.library.path}, then {@code LD_LIBRARY_PATH};
 *   <li>{@code $CUDA_HOME} and {@code $CUDA_PATH}, then {@code /usr/local/cuda} and
 *       {@code /usr/local/cuda-13*}: their {@code lib64}, {@code lib},
 *       {@code targets/x86_64-linux/lib} and {@code extras/CUPTI/lib64} folders;
 *   <li>{@code /usr/lib/x86_64-linux-gnu}, {@code /usr/lib64};
 *   <li>{@code $CONDA_PREFIX/lib};
 *   <li>the {@code nvidia/<package>/lib} folders of NVIDIA's wheels (for CUDA 13: {@code
 *       nvidia/cu13/lib}, {@code nvidia/cudnn/lib}, {@code nvidia/nccl/lib}) in the Python
 *       package folders of: {@code PYTHONPATH}, {@code $VIRTUAL_ENV}, {@code $CONDA_PREFIX}, {@code
 *       ~/.local/lib/python3*}, {@code ~/.pyenv/versions/*}, {@code /usr/local/lib/python3*},
 *       {@code /usr/lib/python3*} and {@code /usr/lib64/python3*};
 *   <li>only if a required library is still missing: the folders {@code python3}'s {@code
 *       site.getsitepackages()} reports (a subprocess with a 5 s limit).
 * </ol>
 *
 * <p>A library found in none of them but listed in the dynamic linker's cache ({@code
 * /etc/ld.so.cache}) is left to the system linker. The others are loaded by absolute path with
 * {@link System#load}, dependencies first, and recorded with JavaCPP under the names the PyTorch
 * presets preload them by, so that JavaCPP does not load a second copy from its own search path.
 * If a required one is found nowhere, {@link UnsatisfiedLinkError} names it, every folder looked
 * in and how to install it.
 *
 * <p>{@code -Djtorch.cuda.preload=false} turns all of this off (the CUDA libraries must then be
 * on {@code LD_LIBRARY_PATH} or in the linker cache).
 */
final class CudaLibraries {
  private static final System.Logger LOG = System.getLogger("org.jtorch");

  static final String LIBRARY_PATH_PROPERTY = "jtorch.cuda.libraryPath";
  static final String LIBRARY_PATH_ENV = "JTORCH_CUDA_LIBRARY_PATH";
  static final String PRELOAD_PROPERTY = "jtorch.cuda.preload";
  /** The class-path resource whose presence means the GPU natives of LibTorch are in use. */
  static final String GPU_MARKER = "org/bytedeco/pytorch/%s-gpu/libtorch_cuda.so";

  /**
   * A CUDA library: its soname (a trailing {@code *} matches any rest of a file name), the pip
   * requirement of the NVIDIA wheel that ships it, and whether LibTorch cannot load without it.
   */
  record Library(String soname, String pip, boolean required) {
    boolean matches(String fileName) {
      return soname.endsWith("*")
          ? fileName.startsWith(soname.substring(0, soname.length() - 1))
          : fileName.equals(soname);
    }
  }

  private static final String CUDNN = "nvidia-cudnn-cu13==9.*";

  /**
   * What the GPU natives need, in load order (each after what it links against). Required: the
   * NEEDED entries of libtorch_cpu/libc10_cuda/libtorch_cuda/libtorch_cuda_linalg/libjnitorch_cuda
   * and what those need in turn, plus the cuDNN sub-libraries every cuDNN 9 has and opens by name.
   * Optional: NVRTC's builtins (opened by name when NVRTC compiles; found only if preloaded when
   * NVRTC comes from a wheel) and cuDNN sub-libraries that only newer cuDNN 9 releases have.
   */
  static final List<Library> LIBRARIES =
      List.of(
          new Library("libcudart.so.13", "nvidia-cuda-runtime==13.*", true),
          new Library("libcupti.so.13", "nvidia-cuda-cupti==13.*", true),
          new Library("libnvrtc.so.13", "nvidia-cuda-nvrtc==13.*", true),
          new Library("libnvrtc-builtins.so.13.*", "nvidia-cuda-nvrtc==13.*", false),
          new Library("libnvJitLink.so.13", "nvidia-nvjitlink==13.*", true),
          new Library("libcublasLt.so.13", "nvidia-cublas==13.*", true),
          new Library("libcublas.so.13", "nvidia-cublas==13.*", true),
          new Library("libcufft.so.12", "nvidia-cufft==12.*", true),
          new Library("libcurand.so.10", "nvidia-curand==10.*", true),
          new Library("libcusparse.so.12", "nvidia-cusparse==12.*", true),
          new Library("libcusolver.so.12", "nvidia-cusolver==12.*", true),
          new Library("libcufile.so.0", "nvidia-cufile==1.*", true),
          new Library("libnccl.so.2", "nvidia-nccl-cu13==2.*", true),
          new Library("libcudnn_graph.so.9", CUDNN, true),
          new Library("libcudnn_engines_precompiled.so.9", CUDNN, true),
          new Library("libcudnn_engines_runtime_compiled.so.9", CUDNN, true),
          new Library("libcudnn_engines_tensor_ir.so.9", CUDNN, false),
          new Library("libcudnn_heuristic.so.9", CUDNN, true),
          new Library("libcudnn_ops.so.9", CUDNN, true),
          new Library("libcudnn_cnn.so.9", CUDNN, true),
          new Library("libcudnn_adv.so.9", CUDNN, true),
          new Library("libcudnn_ext.so.9", CUDNN, false),
          new Library("libcudnn.so.9", CUDNN, true));

  /** A folder to search, and what put it on the list (shown in the error message). */
  record Folder(Path path, String source) {}

  /** Where a library was found: a file to load, or (file null) the system linker's cache. */
  record Found(Library library, Path file, Path linkerCachePath) {
    boolean preload() {
      return file != null;
    }
  }

  /** The outcome of a search: what was found (in load order) and what required is missing. */
  record Resolution(List<Found> found, List<Library> missing, List<Folder> folders) {}

  /**
   * Everything the search reads from the outside world, so tests can supply their own: system
   * properties, environment variables, the home folder, the root that the fixed system folders
   * ({@code /usr/local/cuda}, ...) are resolved against, the linker cache and {@code python3}'s
   * site-packages list (asked only when something is missing).
   */
  record Env(
      Function<String, String> property,
      Function<String, String> env,
      Path home,
      Path root,
      Supplier<Map<String, Path>> linkerCache,
      Supplier<List<Path>> pythonSitePackages) {

    static Env system() {
      return new Env(
          System::getProperty,
          System::getenv,
          Path.of(System.getProperty("user.home", "/")),
          Path.of("/"),
          () -> LinkerCache.read(LinkerCache.DEFAULT),
          CudaLibraries::askPython);
    }
  }

  private static boolean done;
  private static volatile String status = "not looked for yet";

  /**
   * Where the CUDA libraries of LibTorch's GPU natives came from ({@code soname <- file}, one per
   * library), or why none were looked for.
   */
  static String status() {
    return status;
  }

  private CudaLibraries() {}

  /**
   * Loads the CUDA libraries if LibTorch's GPU natives are on the class path and this has not
   * happened yet; does nothing for the CPU natives. Called by {@link NativeLibraries} before it
   * loads LibTorch.
   *
   * @throws UnsatisfiedLinkError if a required library is found nowhere or cannot be loaded
   */
  static synchronized void preloadIfGpuNatives() {
    if (done) {
      return;
    }
    if ("false".equalsIgnoreCase(System.getProperty(PRELOAD_PROPERTY))) {
      status = "left to the system linker (-D" + PRELOAD_PROPERTY + "=false)";
      return;
    }
    String platform = Loader.getPlatform();
    ClassLoader loader = CudaLibraries.class.getClassLoader();
    if (!platform.startsWith("linux")
        || loader == null
        || loader.getResource(String.format(GPU_MARKER, platform)) == null) {
      status =
          platform.startsWith("linux")
              ? "not needed (LibTorch's CPU natives)"
              : "left to the system linker (the search covers Linux only)";
      done = true;
      return;
    }
    long start = System.nanoTime();
    Resolution resolution = resolve(Env.system(), LIBRARIES);
    if (!resolution.missing().isEmpty()) {
      throw new UnsatisfiedLinkError(missingMessage(resolution));
    }
    preload(resolution);
    status =
        resolution.found().size() + " found: " + describe(resolution).strip().replace("\n  ", "; ");
    done = true;
    LOG.log(
        Level.DEBUG,
        () ->
            String.format(
                "CUDA libraries for LibTorch's GPU natives ready in %.1f ms: %s",
                (System.nanoTime() - start) / 1e6, describe(resolution)));
  }

  /**
   * Loads every library of the resolution that was found in a folder, in order, and records each
   * with JavaCPP under the name the PyTorch presets preload it by ({@code cudart@.13}, ...): the
   * presets try to preload the CUDA libraries themselves, from {@code /usr/local/cuda/lib64} among
   * others, and would otherwise load a second copy of a library from another file.
   */
  static void preload(Resolution resolution) {
    for (Found f : resolution.found()) {
      if (!f.preload()) {
        continue;
      }
      try {
        System.load(f.file().toString());
      } catch (UnsatisfiedLinkError e) {
        UnsatisfiedLinkError wrapped =
            new UnsatisfiedLinkError(
                "could not load the CUDA library "
                    + f.library().soname()
                    + " from "
                    + f.file()
                    + ": "
                    + e.getMessage()
                    + ". Set -D"
                    + LIBRARY_PATH_PROPERTY
                    + " to a folder with a working copy (CUDA 13 / cuDNN 9), or -D"
                    + PRELOAD_PROPERTY
                    + "=false to leave it to the system linker.");
        wrapped.initCause(e);
        throw wrapped;
      }
      try {
        // the file is loaded already: this only records it in JavaCPP's table of loaded libraries
        Loader.loadLibrary(
            CudaLibraries.class,
            new URL[] {f.file().toUri().toURL()},
            javaCppName(f.file().getFileName().toString()));
      } catch (MalformedURLException | UnsatisfiedLinkError | RuntimeException e) {
        LOG.log(Level.DEBUG, () -> "could not record " + f.file() + " with JavaCPP: " + e);
      }
    }
  }

  /** JavaCPP's name for a library file: {@code libcudart.so.13} is {@code cudart@.13}. */
  static String javaCppName(String fileName) {
    String name = fileName.startsWith("lib") ? fileName.substring(3) : fileName;
    int so = name.indexOf(".so");
    if (so < 0 || so + 3 == name.length()) {
      return so < 0 ? name : name.substring(0, so);
    }
    return name.substring(0, so) + "@" + name.substring(so + 3);
  }

  /**
   * Looks for each library in the search folders, then in the linker cache; if a required one is
   * still missing, asks {@code python3} for its site-packages and looks again.
   */
  static Resolution resolve(Env env, List<Library> libraries) {
    List<Folder> folders = searchFolders(env);
    Map<String, Path> linkerCache = env.linkerCache().get();
    Resolution r = resolve(folders, libraries, linkerCache);
    if (!r.missing().isEmpty()) {
      List<Folder> more = new ArrayList<>(folders);
      for (Path site : env.pythonSitePackages().get()) {
        addWheelFolders(more, site, "python3 site.getsitepackages()");
      }
      more = dedupe(more);
      if (more.size() > folders.size()) {
        r = resolve(more, libraries, linkerCache);
      }
    }
    return r;
  }

  /** Looks for each library in the folders (first wins), then in the linker cache. */
  static Resolution resolve(
      List<Folder> folders, List<Library> libraries, Map<String, Path> linkerCache) {
    Map<Path, List<String>> listings = new LinkedHashMap<>();
    List<Found> found = new ArrayList<>();
    List<Library> missing = new ArrayList<>();
    for (Library lib : libraries) {
      Found hit = null;
      for (Folder folder : folders) {
        Path file = find(folder.path(), lib, listings);
        if (file != null) {
          hit = new Found(lib, file, null);
          break;
        }
      }
      if (hit == null) {
        for (Map.Entry<String, Path> e : linkerCache.entrySet()) {
          if (lib.matches(e.getKey())) {
            hit = new Found(lib, null, e.getValue());
            break;
          }
        }
      }
      if (hit != null) {
        found.add(hit);
      } else if (lib.required()) {
        missing.add(lib);
      }
    }
    return new Resolution(
        Collections.unmodifiableList(found), Collections.unmodifiableList(missing), folders);
  }

  private static Path find(Path folder, Library lib, Map<Path, List<String>> listings) {
    if (!lib.soname().endsWith("*")) {
      Path file = folder.resolve(lib.soname());
      return Files.isRegularFile(file) ? file : null;
    }
    List<String> names = listings.computeIfAbsent(folder, CudaLibraries::listNames);
    String best = null;
    for (String name : names) {
      if (lib.matches(name) && (best == null || name.compareTo(best) > 0)) {
        best = name;
      }
    }
    return best == null ? null : folder.resolve(best);
  }

  private static List<String> listNames(Path folder) {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
        for (Path p : ds) {
          if (Files.isRegularFile(p)) {
            names.add(p.getFileName().toString());
          }
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable folder holds nothing we can load
      }
    }
    return names;
  }

  /** The search folders, in order, without duplicates (see the class comment). */
  static List<Folder> searchFolders(Env env) {
    List<Folder> folders = new ArrayList<>();
    for (Path p : pathList(env.property().apply(LIBRARY_PATH_PROPERTY))) {
      addNamed(folders, p, "-D" + LIBRARY_PATH_PROPERTY);
      addWheelFolders(folders, p, "-D" + LIBRARY_PATH_PROPERTY);
    }
    for (Path p : pathList(env.env().apply(LIBRARY_PATH_ENV))) {
      addNamed(folders, p, LIBRARY_PATH_ENV);
      addWheelFolders(folders, p, LIBRARY_PATH_ENV);
    }
    for (Path p : pathList(env.property().apply("java.library.path"))) {
      add(folders, p, "java.library.path");
    }
    for (Path p : pathList(env.env().apply("LD_LIBRARY_PATH"))) {
      addNamed(folders, p, "LD_LIBRARY_PATH");
    }
    for (String var : new String[] {"CUDA_HOME", "CUDA_PATH"}) {
      Path home = path(env.env().apply(var));
      if (home != null) {
        addToolkit(folders, home, "$" + var);
      }
    }
    Path root = env.root();
    addToolkit(folders, root.resolve("usr/local/cuda"), "CUDA default");
    List<Path> versioned = children(root.resolve("usr/local"), "cuda-13");
    Collections.reverse(versioned);
    for (Path toolkit : versioned) {
      addToolkit(folders, toolkit, "CUDA default");
    }
    add(folders, root.resolve("usr/lib/x86_64-linux-gnu"), "system default");
    add(folders, root.resolve("usr/lib64"), "system default");
    Path conda = path(env.env().apply("CONDA_PREFIX"));
    if (conda != null) {
      add(folders, conda.resolve("lib"), "$CONDA_PREFIX");
    }
    for (Folder site : sitePackages(env)) {
      addWheelFolders(folders, site.path(), site.source());
    }
    return dedupe(folders);
  }

  /** Python package folders that may hold NVIDIA's wheels, each with where it came from. */
  static List<Folder> sitePackages(Env env) {
    List<Folder> sites = new ArrayList<>();
    for (Path p : pathList(env.env().apply("PYTHONPATH"))) {
      sites.add(new Folder(p, "PYTHONPATH"));
    }
    for (String var : new String[] {"VIRTUAL_ENV", "CONDA_PREFIX"}) {
      Path prefix = path(env.env().apply(var));
      if (prefix != null) {
        addPythonLibs(sites, prefix.resolve("lib"), "$" + var);
      }
    }
    if (env.home() != null) {
      addPythonLibs(sites, env.home().resolve(".local/lib"), "~/.local");
      for (Path version : children(env.home().resolve(".pyenv/versions"), "")) {
        addPythonLibs(sites, version.resolve("lib"), "pyenv");
      }
    }
    Path root = env.root();
    addPythonLibs(sites, root.resolve("usr/local/lib"), "system Python");
    addPythonLibs(sites, root.resolve("usr/lib"), "system Python");
    addPythonLibs(sites, root.resolve("usr/lib64"), "system Python");
    return sites;
  }

  /** {@code lib/python3*}/{site,dist}-packages, plus Debian's {@code lib/python3/dist-packages}. */
  private static void addPythonLibs(List<Folder> sites, Path lib, String source) {
    for (Path python : children(lib, "python3")) {
      for (String kind : new String[] {"site-packages", "dist-packages"}) {
        Path site = python.resolve(kind);
        if (Files.isDirectory(site)) {
          sites.add(new Folder(site, source));
        }
      }
    }
  }

  /** The {@code nvidia/<package>/lib} folders of the wheels installed in a package folder. */
  private static void addWheelFolders(List<Folder> folders, Path site, String source) {
    for (Path pkg : children(site.resolve("nvidia"), "")) {
      Path lib = pkg.resolve("lib");
      if (Files.isDirectory(lib)) {
        folders.add(new Folder(lib, source + " (NVIDIA wheel)"));
      }
    }
  }

  private static void addToolkit(List<Folder> folders, Path home, String source) {
    add(folders, home.resolve("lib64"), source);
    add(folders, home.resolve("lib"), source);
    add(folders, home.resolve("targets/x86_64-linux/lib"), source);
    add(folders, home.resolve("extras/CUPTI/lib64"), source);
  }

  /**
   * Adds a folder that is named explicitly (by a property or an environment variable): it is
   * listed even when it does not exist, so that the error message shows a mistyped path.
   */
  private static void addNamed(List<Folder> folders, Path p, String source) {
    folders.add(new Folder(p, source));
  }

  /** Adds a guessed folder, if it exists. */
  private static void add(List<Folder> folders, Path p, String source) {
    if (Files.isDirectory(p)) {
      folders.add(new Folder(p, source));
    }
  }

  /** Drops repeated folders (same absolute path, or same real path), keeping the first. */
  static List<Folder> dedupe(List<Folder> folders) {
    Set<Path> seen = new LinkedHashSet<>();
    List<Folder> out = new ArrayList<>();
    for (Folder f : folders) {
      Path abs = f.path().toAbsolutePath().normalize();
      Path real = abs;
      try {
        real = abs.toRealPath();
      } catch (IOException | RuntimeException e) {
        // a missing folder is compared by its absolute path
      }
      if (seen.contains(abs) || seen.contains(real)) {
        continue;
      }
      seen.add(abs);
      seen.add(real);
      out.add(new Folder(abs, f.source()));
    }
    return out;
  }

  /** Sub-folders of {@code dir} whose name starts with {@code prefix}, sorted by name. */
  private static List<Path> children(Path dir, String prefix) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: nothing to search there
    }
    out.sort(null);
    return out;
  }

  private static List<Path> pathList(String value) {
    List<Path> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String s : value.split(File.pathSeparator)) {
      Path p = path(s);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private static Path path(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Path.of(s.trim());
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The error message for required libraries found nowhere. */
  static String missingMessage(Resolution r) {
    StringBuilder sb = new StringBuilder();
    sb.append("LibTorch's GPU natives (org.bytedeco:pytorch:...:linux-x86_64-gpu) need CUDA 13")
        .append(" runtime libraries that were not found: ");
    Set<String> pips = new LinkedHashSet<>();
    List<Library> missing = r.missing();
    for (int i = 0; i < missing.size(); i++) {
      Library lib = missing.get(i);
      sb.append(i == 0 ? "" : ", ").append(lib.soname());
      if (i + 1 == missing.size() || !missing.get(i + 1).pip().equals(lib.pip())) {
        sb.append(" (pip: ").append(lib.pip()).append(')');
      }
      pips.add(lib.pip());
    }
    sb.append(".\nLooked in, in this order:");
    for (Folder f : r.folders()) {
      sb.append("\n  ").append(f.path()).append("  [").append(f.source());
      sb.append(Files.isDirectory(f.path()) ? "]" : ", does not exist]");
    }
    sb.append("\n  and the dynamic linker's cache ").append(LinkerCache.DEFAULT).append('.');
    Set<String> all = new LinkedHashSet<>();
    for (Library lib : LIBRARIES) {
      all.add(lib.pip());
    }
    sb.append("\nTo fix it, either install NVIDIA's CUDA 13 wheels where jtorch looks for them,")
        .append(" e.g. python3 -m pip install --user ")
        .append(quoted(all))
        .append(" (only the missing ones: ")
        .append(quoted(pips))
        .append("), or install the CUDA 13 toolkit and cuDNN 9 for CUDA 13,")
        .append(" or point -D")
        .append(LIBRARY_PATH_PROPERTY)
        .append("=DIR")
        .append(File.pathSeparator)
        .append("DIR... (or the environment variable ")
        .append(LIBRARY_PATH_ENV)
        .append(", or LD_LIBRARY_PATH) at the folders that hold them; a site-packages")
        .append(" folder is enough for the wheels. Without CUDA, use the CPU natives (build")
        .append(" without -Djavacpp.platform.extension=-gpu).");
    return sb.toString();
  }

  private static String quoted(Set<String> pips) {
    StringBuilder sb = new StringBuilder();
    for (String p : pips) {
      sb.append(sb.length() == 0 ? "" : " ").append('\'').append(p).append('\'');
    }
    return sb.toString();
  }

  /** One line per library, for the debug log. */
  static String describe(Resolution r) {
    StringBuilder sb = new StringBuilder();
    for (Found f : r.found()) {
      sb.append("\n  ").append(f.library().soname()).append(" <- ");
      sb.append(f.preload() ? f.file() : f.linkerCachePath() + " (system linker, not preloaded)");
    }
    return sb.toString();
  }

  /** {@code python3}'s site-packages folders; empty if python3 is absent, slow or fails. */
  static List<Path> askPython() {
    List<Path> out = new ArrayList<>();
    Process process = null;
    try {
      process =
          new ProcessBuilder(
                  "python3",
                  "-c",
                  "import site\n"
                      + "for p in site.getsitepackages() + [site.getusersitepackages()]: print(p)")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return out;
      }
      String text;
      try (InputStream in = process.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String line : text.split("\n")) {
        Path p = path(line);
        if (p != null) {
          out.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no python3: nothing more to search
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
    return out;
  }
}
