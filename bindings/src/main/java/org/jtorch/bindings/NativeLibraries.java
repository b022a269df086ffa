package org.jtorch.bindings;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;

/**
 * Loads LibTorch (through the JavaCPP PyTorch presets) and then jtorch's own operator library,
 * once per process.
 *
 * <p>Order matters: {@code libjtorch_ops} needs {@code libtorch_cpu} and {@code libc10}, and
 * resolves them by name against the copies JavaCPP has already loaded. The operator library is
 * found on the class path at {@code org/jtorch/native/<platform>/<file>} (inside the {@code
 * jtorch-native-<version>-<platform>.jar}), where {@code <file>} is {@code libjtorch_ops.so},
 * {@code libjtorch_ops.dylib} or {@code jtorch_ops.dll} and {@code <platform>} is the GPU flavour
 * ({@code linux-x86_64-gpu}) if that JAR is present and the plain one otherwise. It is extracted
 * once into JavaCPP's cache folder ({@code ~/.javacpp/cache}, or {@code
 * org.bytedeco.javacpp.cachedir}) and loaded from there.
 *
 * <p>The platform must be one the JavaCPP PyTorch presets publish LibTorch for (linux-x86_64,
 * macosx-arm64, macosx-x86_64, windows-x86_64, and the -gpu flavours of Linux and Windows), with
 * the presets' natives on the class path; {@link #load()} throws otherwise. jtorch's own
 * operator library is optional: where it is missing, or the dynamic linker refuses it, LibTorch
 * still loads and jtorch runs, and only its {@code jtorch::} operators are unavailable ({@link
 * #opsAvailable()}, {@link #requireOps()}), together with what goes through the library's JNI
 * glue (glibc's malloc settings, OpenBLAS on LibTorch's threads, LibTorch's warnings through the
 * logger, the native memory net).
 *
 * <p>System properties read here:
 *
 * <ul>
 *   <li>{@code jtorch.ops.library}: a path to a {@code libjtorch_ops.so} to load instead of the one
 *       on the class path (for developing the operators);
 *   <li>{@code jtorch.openblasThreads}: the threads of the OpenBLAS that LibTorch does its matrix
 *       products in. Default ({@code auto}): as many as LibTorch's intra-op threads, run on
 *       LibTorch's own OpenMP threads and kept to one inside parallel regions, through {@code
 *       libjtorch_blas.so} (see {@link OpenBlasThreads}); one thread where that cannot be set
 *       up. A positive integer fixes the count ({@code 1}: the earlier recipe); {@code -1}, or
 *       {@code OPENBLAS_NUM_THREADS} in the environment, leaves OpenBLAS's own defaults and
 *       thread pool, which fights LibTorch's OpenMP threads (10-30x slower training measured);
 *   <li>{@code jtorch.maxPhysicalBytes}: {@code false} keeps JavaCPP's own
 *       {@code org.bytedeco.javacpp.maxPhysicalBytes} default; otherwise jtorch sets it to 0 (unless
 *       the user set it), because reading the resident size on every tracked allocation costs
 *       about 2 µs per small tensor operation;
 *   <li>{@code jtorch.mallopt}: {@code false} leaves glibc's malloc settings alone; otherwise
 *       jtorch sets {@code mallopt(M_MMAP_THRESHOLD, 32 MiB)}, {@code mallopt(M_TRIM_THRESHOLD,
 *       256 MiB)} and {@code mallopt(M_TOP_PAD, 64 MiB)} (where the C library is glibc), because
 *       the malloc arenas of the JVM's threads otherwise hand LibTorch's buffers back to the OS and
 *       fault them in again on every training step (about 450 µs per MLP step measured; the top
 *       pad keeps a thread arena's newest heap from being unmapped whenever it empties);
 *   <li>{@code jtorch.warnings}: {@code default}, {@code always}, {@code error} or {@code ignore},
 *       what happens to LibTorch's warnings (see {@link LibTorchWarnings});
 *   <li>{@code jtorch.ops.direct}: {@code false} calls jtorch's own operators through the
 *       dispatcher's boxed path instead of the JNI glue of {@link
 *       org.jtorch.bindings.ops.JtorchOps} (see {@link #loadOpsBindings()}).
 * </ul>
 *
 * <p>This class is thread-safe: concurrent callers block until the first load has finished; a
 * failed load is remembered and rethrown to every later caller.
 */
public final class NativeLibraries {
  private static final System.Logger LOG = System.getLogger("org.jtorch");
  private static final String OPS_LIBRARY = "jtorch_ops";

  private static volatile boolean loaded;
  private static Throwable failure;
  private static String platform;
  private static Path opsLibrary;

  private NativeLibraries() {}

  /**
   * Loads LibTorch and jtorch's operators if that has not happened yet.
   *
   * @throws UnsatisfiedLinkError if a native library cannot be found or loaded; the message names
   *     the library and where it was looked for
   */
  public static void load() {
    if (loaded) {
      return;
    }
    synchronized (NativeLibraries.class) {
      if (loaded) {
        return;
      }
      if (failure != null) {
        throw linkError("an earlier attempt to load jtorch's native libraries failed", failure);
      }
      try {
        long start = System.nanoTime();
        applyJavaCppSettings();
        String detected = Platforms.current();
        platform = Platforms.check(detected, NativeLibraries.class.getClassLoader());
        OpenBlasThreads blas =
            OpenBlasThreads.fromSettings(
                System.getProperty("jtorch.openblasThreads"),
                System.getenv("OPENBLAS_NUM_THREADS") != null);
        opsLibrary = locateOpsLibrary(detected);
        if (blas.wantsShim() && opsLibrary != null) {
          blas.loadShim(locateBlasShim(opsLibrary)); // before LibTorch binds its BLAS calls
        }
        checkOpenBlasVersionQuietly();
        CudaLibraries.preloadIfGpuNatives();
        Loader.load(org.bytedeco.pytorch.global.torch.class);
        blas.applyBeforeInstall();
        openblas = blas;
        loadOpsLibrary();
        loaded = true;
        LOG.log(
            Level.DEBUG,
            () ->
                String.format(
                    "jtorch natives (%s) loaded in %.1f ms, operator library: %s",
                    platform,
                    (System.nanoTime() - start) / 1e6,
                    opsLibrary != null ? opsLibrary : opsMissing.getMessage()));
      } catch (Throwable t) {
        failure = t;
        throw t instanceof UnsatisfiedLinkError ? (UnsatisfiedLinkError) t
            : linkError("could not load jtorch's native libraries: " + t.getMessage(), t);
      }
    }
  }

  private static volatile Boolean opsBindings;
  private static Throwable opsBindingsFailure;

  /**
   * Loads the JNI glue of the operator preset ({@link org.jtorch.bindings.ops.JtorchOps},
   * {@code libjnijtorch_ops.so} next to its class) after {@link #load()}, once. Returns false,
   * and logs why at WARNING once, when the glue cannot be loaded (then jtorch calls its operators
   * through the dispatcher's boxed path instead) or when {@code -Djtorch.ops.direct=false} asks
   * for the boxed path.
   */
  public static boolean loadOpsBindings() {
    Boolean b = opsBindings;
    if (b != null) {
      return b;
    }
    synchronized (NativeLibraries.class) {
      if (opsBindings != null) {
        return opsBindings;
      }
      load();
      if ("false".equalsIgnoreCase(System.getProperty("jtorch.ops.direct"))) {
        opsBindings = false;
        return false;
      }
      opsBindings = opsBindingsFailure == null;
      return opsBindings;
    }
  }

  /** Why {@link #loadOpsBindings()} returned false, or null. */
  public static Throwable opsBindingsFailure() {
    return opsBindingsFailure;
  }

  /**
   * The file name of the native library {@code name} on this JVM's platform: {@code libNAME.so}
   * on Linux, {@code libNAME.dylib} on macOS, {@code NAME.dll} on Windows (what a user's operator
   * library built from extensions-cpp/template is called, for {@code Ops.load}).
   */
  public static String libraryFile(String name) {
    return Platforms.libraryFile(Platforms.current(), name);
  }

  /** The platform whose natives were loaded, such as {@code linux-x86_64}. */
  public static String platform() {
    load();
    return platform;
  }

  /**
   * Where the CUDA runtime libraries of LibTorch's GPU natives were loaded from (one {@code soname
   * <- file} per library), or why none were looked for (CPU natives, {@code
   * -Djtorch.cuda.preload=false}, not Linux).
   */
  public static String cudaLibraries() {
    load();
    return CudaLibraries.status();
  }

  /**
   * Why jtorch's operator library is not loaded (the message {@link #requireOps()} throws with), or
   * null when it is.
   */
  public static String opsUnavailableReason() {
    load();
    UnsatisfiedLinkError why = opsMissing;
    return why == null ? null : why.getMessage();
  }

  /**
   * The file the operator library was loaded from, or null where it is not loaded ({@link
   * #opsAvailable()}).
   */
  public static Path opsLibrary() {
    load();
    return opsLibrary;
  }

  /**
   * Records that the settings made through the operator library's JNI glue (malloc thresholds,
   * OpenBLAS on LibTorch's threads) are not made, and why.
   */
  private static void withoutGlue(String why) {
    opsBindingsFailure = new UnsatisfiedLinkError(why);
    malloptStatus = "not applied: " + why;
    openblas.withoutGlue(why);
  }

  /** Value of {@code M_MMAP_THRESHOLD} that jtorch sets: 32 MiB, glibc's largest. */
  public static final long MMAP_THRESHOLD = 32L << 20;
  /** Value of {@code M_TRIM_THRESHOLD} that jtorch sets: 256 MiB. */
  public static final long TRIM_THRESHOLD = 256L << 20;
  /** Value of {@code M_TOP_PAD} that jtorch sets: 64 MiB, one heap of a thread's malloc arena. */
  public static final long TOP_PAD = 64L << 20;

  private static String malloptStatus = "not applied";

  /**
   * Loads the JNI glue of {@link org.jtorch.bindings.ops.JtorchOps} and, through it, sets glibc's
   * malloc thresholds and installs the LibTorch warning handler. Without the glue (a broken
   * install) both are skipped, with one WARNING that says so.
   */
  private static void applyNativeSettings() {
    try {
      Loader.load(org.jtorch.bindings.ops.JtorchOps.class);
    } catch (Throwable t) {
      withoutGlue("its JNI glue (" + Platforms.libraryFile(platform, "jnijtorch_ops")
          + ") could not be loaded");
      opsBindingsFailure = t;
      LOG.log(
          Level.WARNING,
          "jtorch's native glue (libjnijtorch_ops.so) could not be loaded: jtorch:: operators run"
              + " through the dispatcher's boxed path, glibc's malloc settings are left alone,"
              + " OpenBLAS does not run on LibTorch's threads and LibTorch's warnings go to"
              + " standard error: " + t,
          t);
      return;
    }
    applyMallopt();
    LibTorchWarnings.install();
    openblas.install(org.bytedeco.pytorch.global.torch.get_num_threads());
  }

  /** Whether {@code jtorch.mallopt} (the property's value, or null) asks for the malloc settings. */
  static boolean malloptWanted(String property) {
    return !"false".equalsIgnoreCase(property == null ? null : property.trim());
  }

  private static void applyMallopt() {
    if (!malloptWanted(System.getProperty("jtorch.mallopt"))) {
      malloptStatus = "off (jtorch.mallopt=false)";
      return;
    }
    String glibc = org.jtorch.bindings.ops.JtorchOps.glibcVersion();
    int result =
        org.jtorch.bindings.ops.JtorchOps.malloptApply(MMAP_THRESHOLD, TRIM_THRESHOLD, TOP_PAD);
    if (result < 0 || glibc == null) {
      malloptStatus = "not applied: the C library is not glibc";
    } else if (result == 7) {
      malloptStatus =
          "M_MMAP_THRESHOLD=" + MMAP_THRESHOLD + " M_TRIM_THRESHOLD=" + TRIM_THRESHOLD
              + " M_TOP_PAD=" + TOP_PAD + " (glibc " + glibc + ")";
    } else {
      malloptStatus = "glibc " + glibc + " refused some: mallopt result " + result;
      LOG.log(Level.WARNING, "jtorch: " + malloptStatus);
    }
  }

  /**
   * What jtorch did to glibc's malloc at load: the thresholds it set, or why it set none ({@code
   * jtorch.mallopt=false}, not glibc, no native glue).
   */
  public static String malloptStatus() {
    load();
    return malloptStatus;
  }

  /**
   * The bytes malloc has handed out and not got back, over the whole process (glibc's {@code
   * mallinfo2}), or -1 where that is unknown (not glibc, glibc older than 2.33, or no native glue).
   * Takes microseconds; for polling, not for every operation.
   */
  public static long mallocInUse() {
    if (!loadOpsBindings() && opsBindingsFailure != null) {
      return -1;
    }
    try {
      return org.jtorch.bindings.ops.JtorchOps.mallocInUse();
    } catch (UnsatisfiedLinkError e) {
      return -1;
    }
  }

  /**
   * The bit set glibc's {@code mallopt} calls returned at load: 7 when all three were set, 0
   * when they were not attempted, -1 where the C library is not glibc.
   */
  public static int malloptResult() {
    load();
    return opsBindingsFailure != null ? 0 : org.jtorch.bindings.ops.JtorchOps.malloptResult();
  }

  private static void applyJavaCppSettings() {
    if (!"false".equalsIgnoreCase(System.getProperty("jtorch.maxPhysicalBytes"))
        && System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null
        && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
      System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
    }
  }

  /**
   * The OpenBLAS presets are pinned to 1.5.13 (1.5.14 is not published) while JavaCPP is 1.5.14,
   * so the OpenBLAS preset's class initialiser prints "Warning: Versions of
   * org.bytedeco:javacpp:1.5.14 and org.bytedeco:openblas:0.3.31-1.5.13 do not match." on every
   * start. The pairing is deliberate and tested, so that one line is dropped: the class is
   * initialised here with standard error filtered for exactly that message; every other line
   * passes through. {@code -Djtorch.javacppVersionWarning=true} keeps it.
   */
  private static void checkOpenBlasVersionQuietly() {
    if (Boolean.getBoolean("jtorch.javacppVersionWarning")) {
      return;
    }
    PrintStream err = System.err;
    System.setErr(new VersionWarningFilter(err));
    try {
      Class.forName("org.bytedeco.openblas.presets.openblas_nolapack", true,
          NativeLibraries.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // no OpenBLAS presets on the class path: LibTorch's loader will say what is missing
    } finally {
      System.err.flush();
      System.setErr(err);
    }
  }

  /** Passes standard error through, less the JavaCPP/OpenBLAS version-mismatch line. */
  private static final class VersionWarningFilter extends PrintStream {
    VersionWarningFilter(PrintStream target) {
      super(target, true);
    }

    @Override
    public void println(String line) {
      if (line != null
          && line.startsWith("Warning: Versions of org.bytedeco:javacpp:")
          && line.contains(" and org.bytedeco:openblas:")
          && line.endsWith(" do not match.")) {
        return;
      }
      super.println(line);
    }
  }

  private static OpenBlasThreads openblas;

  /** The number of threads OpenBLAS uses now (outside parallel regions). */
  public static int openblasThreads() {
    load();
    return openblas.threads();
  }

  /**
   * How OpenBLAS's threads are set up, and why (see {@link OpenBlasThreads}): on LibTorch's OpenMP
   * threads, one thread, or OpenBLAS's own.
   */
  public static String openblasStatus() {
    load();
    return openblas.status();
  }

  /** Whether OpenBLAS's parallel calls run on LibTorch's OpenMP threads. */
  public static boolean openblasOnLibTorchThreads() {
    load();
    return openblas.installed();
  }

  /**
   * Called by {@code Torch.setNumThreads}: in the default mode OpenBLAS follows LibTorch's
   * intra-op thread count.
   */
  public static void followIntraOpThreads(int threads) {
    load();
    openblas.followIntraOpThreads(threads);
  }

  /** The BLAS shim next to the operator library (on the class path, or beside an override). */
  private static Path locateBlasShim(Path opsLibrary) throws IOException {
    if ("custom".equals(platform)) {
      Path p = opsLibrary.resolveSibling(OpenBlasThreads.LIBRARY);
      return Files.isRegularFile(p) ? p : null;
    }
    String resource = "/org/jtorch/native/" + platform + "/" + OpenBlasThreads.LIBRARY;
    if (NativeLibraries.class.getResource(resource) == null) {
      return null;
    }
    File file = Loader.cacheResource(NativeLibraries.class, resource);
    return file == null ? null : file.toPath();
  }

  /**
   * The operator library for {@code detected} (this JVM's platform): {@code jtorch.ops.library},
   * else the class path's, GPU flavour first. Null, with {@link #opsMissing} saying why, where there is
   * none.
   */
  private static Path locateOpsLibrary(String detected) throws IOException {
    String override = System.getProperty("jtorch.ops.library");
    if (override != null && !override.isEmpty()) {
      Path p = Path.of(override).toAbsolutePath();
      if (!Files.isRegularFile(p)) {
        throw new UnsatisfiedLinkError(
            "jtorch.ops.library names " + p + ", which is not a file");
      }
      platform = "custom";
      return p;
    }
    String file = Platforms.libraryFile(detected, OPS_LIBRARY);
    StringBuilder tried = new StringBuilder();
    for (String candidate : Platforms.flavours(detected)) {
      String resource = "/org/jtorch/native/" + candidate + "/" + file;
      URL url = NativeLibraries.class.getResource(resource);
      if (tried.length() > 0) {
        tried.append(" and ");
      }
      tried.append(resource.substring(1));
      if (url != null) {
        platform = candidate;
        File extracted = Loader.cacheResource(NativeLibraries.class, resource);
        if (extracted == null) {
          throw new UnsatisfiedLinkError("could not extract " + url + " to JavaCPP's cache folder");
        }
        return extracted.toPath();
      }
    }
    opsMissing =
        new UnsatisfiedLinkError(
            "jtorch's operator library is not available for "
                + detected
                + ": "
                + file
                + " is not on the class path (looked for "
                + tried
                + "). LibTorch is loaded and the rest of jtorch works; the jtorch:: operators"
                + " (org.jtorch.ops.Ops, nn.ArgmaxLayer, TorchScript models that call them) need"
                + " the library. Add org.jtorch:jtorch-native with the classifier "
                + detected
                + ", or build it on this platform (`./mvnw install` in jtorch's source tree, with"
                + " CMake, a C++20 compiler and Python with pip; extensions-cpp/README.md), or set"
                + " -Djtorch.ops.library=PATH to a build of it.");
    return null;
  }

  /**
   * Loads the operator library found by {@link #locateOpsLibrary}, then its JNI glue and the
   * settings that go through it. A library that is missing or that the dynamic linker refuses
   * leaves LibTorch loaded and jtorch running: {@link #requireOps()} then says why.
   */
  private static void loadOpsLibrary() {
    if (opsLibrary == null) {
      LOG.log(Level.INFO, () -> "jtorch: " + opsMissing.getMessage());
      withoutGlue("jtorch's operator library is not available on " + platform);
      return;
    }
    try {
      System.load(opsLibrary.toString());
    } catch (UnsatisfiedLinkError e) {
      opsMissing =
          linkError(
              "jtorch's operator library "
                  + opsLibrary
                  + " (for "
                  + platform
                  + ") could not be loaded: "
                  + e.getMessage()
                  + ". LibTorch is loaded and the rest of jtorch works; the jtorch:: operators need"
                  + " a build of the library for this LibTorch and platform (the jtorch-native jar"
                  + " of the same jtorch version, extensions-cpp/README.md), or"
                  + " -Djtorch.ops.library=PATH.",
              e);
      opsLibrary = null;
      LOG.log(Level.WARNING, "jtorch: " + opsMissing.getMessage(), e);
      withoutGlue("jtorch's operator library could not be loaded");
      return;
    }
    applyNativeSettings();
  }

  /** Why jtorch's operator library is not loaded, or null when it is. */
  private static UnsatisfiedLinkError opsMissing;

  /**
   * Whether jtorch's own operator library is loaded (it is optional: where it is missing for the
   * platform, or failed to load, LibTorch still runs and {@link #requireOps()} says why).
   */
  public static boolean opsAvailable() {
    load();
    return opsMissing == null;
  }

  /**
   * Returns when jtorch's operator library is loaded; otherwise throws an error that names the
   * platform, the library that was looked for and how to get or build it.
   *
   * @throws UnsatisfiedLinkError when the library is missing or could not be loaded
   */
  public static void requireOps() {
    load();
    UnsatisfiedLinkError why = opsMissing;
    if (why != null) {
      throw linkError(why.getMessage(), why);
    }
  }

  private static UnsatisfiedLinkError linkError(String message, Throwable cause) {
    UnsatisfiedLinkError e = new UnsatisfiedLinkError(message);
    e.initCause(cause);
    return e;
  }
}
