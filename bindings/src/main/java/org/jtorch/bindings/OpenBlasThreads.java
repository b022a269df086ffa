package org.jtorch.bindings;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.bindings.ops.JtorchOps;

/**
 * The threads of the OpenBLAS that LibTorch does its matrix products in (the loader's second
 * startup step; see {@link NativeLibraries} for the property).
 *
 * <p>The presets' OpenBLAS has its own thread pool, which spins against LibTorch's OpenMP threads
 * on the same cores (10-30x slower training measured). By default jtorch loads {@code
 * libjtorch_blas.so} into the global scope before LibTorch, so that LibTorch's BLAS calls go
 * through it, and then lets OpenBLAS use as many threads as LibTorch's intra-op count: its
 * parallel calls run as teams of LibTorch's own OpenMP threads, and calls made inside a parallel
 * region (LibTorch's attention and double-precision convolution call GEMMs from inside their
 * parallel loops) run on one thread, as with MKL. Where that cannot be set up (the library is
 * missing, OpenBLAS is older than 0.3.27, or LibTorch's BLAS calls do not come through it),
 * OpenBLAS runs on one thread, the earlier recipe, and the reason is logged at DEBUG and shown by
 * {@link #status()}.
 */
final class OpenBlasThreads {
  private static final System.Logger LOG = System.getLogger("org.jtorch");

  /**
   * The shim's file name, next to {@code libjtorch_ops.so}. It exists on Linux only (OpenBLAS
   * with LibTorch's GNU OpenMP); elsewhere OpenBLAS runs on one thread.
   */
  static final String LIBRARY = "libjtorch_blas.so";

  private enum Mode {
    /** LibTorch's intra-op thread count, through the shim. */
    AUTO,
    /** A fixed count from {@code jtorch.openblasThreads}; through the shim when above 1. */
    FIXED,
    /** OpenBLAS's own defaults and thread pool. */
    UNTOUCHED
  }

  private final Mode mode;
  private final int fixed;
  private final String why;
  private volatile boolean installed;
  private volatile String status;
  private String shimFailure;

  private OpenBlasThreads(Mode mode, int fixed, String why) {
    this.mode = mode;
    this.fixed = fixed;
    this.why = why;
    this.status = "not applied";
  }

  /**
   * Reads {@code jtorch.openblasThreads} (the property's value, or null) and whether the
   * environment sets {@code OPENBLAS_NUM_THREADS}.
   *
   * @throws IllegalArgumentException for a value that is not {@code auto}, -1 or a positive integer
   */
  static OpenBlasThreads fromSettings(String property, boolean environmentSetsThreads) {
    if (property == null || property.isBlank()) {
      return environmentSetsThreads
          ? new OpenBlasThreads(Mode.UNTOUCHED, 0, "OPENBLAS_NUM_THREADS is set")
          : new OpenBlasThreads(Mode.AUTO, 0, "default");
    }
    String value = property.trim();
    if (value.equalsIgnoreCase("auto")) {
      return new OpenBlasThreads(Mode.AUTO, 0, "jtorch.openblasThreads=auto");
    }
    int threads;
    try {
      threads = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      threads = 0;
    }
    if (threads == -1) {
      return new OpenBlasThreads(Mode.UNTOUCHED, 0, "jtorch.openblasThreads=-1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "jtorch.openblasThreads must be auto, -1 or a positive integer: " + property);
    }
    return new OpenBlasThreads(Mode.FIXED, threads, "jtorch.openblasThreads=" + threads);
  }

  /** Whether {@link #loadShim} should run: only when OpenBLAS may use more than one thread. */
  boolean wantsShim() {
    return mode == Mode.AUTO || (mode == Mode.FIXED && fixed > 1);
  }

  /**
   * Loads the shim into the global scope; must run before LibTorch loads. {@code library} null
   * (not packaged) or a failed load leave OpenBLAS without it (see {@link #install}).
   */
  void loadShim(Path library) {
    if (library == null) {
      shimFailure = LIBRARY + " was not found next to libjtorch_ops.so";
      return;
    }
    try {
      Loader.loadGlobal(library.toString());
    } catch (Throwable t) {
      shimFailure = LIBRARY + " could not be loaded: " + t;
      LOG.log(Level.DEBUG, "jtorch: " + shimFailure, t);
    }
  }

  /** The safe setting while LibTorch loads: one thread (or the fixed count), or nothing. */
  void applyBeforeInstall() {
    if (mode == Mode.UNTOUCHED) {
      status = "OpenBLAS's own threads (" + why + ")";
      return;
    }
    openblas_nolapack.blas_set_num_threads(mode == Mode.FIXED && !wantsShim() ? fixed : 1);
    if (!wantsShim()) {
      status = fixed + " thread (" + why + ")";
    }
  }

  /**
   * After the native glue loaded: routes OpenBLAS through the shim with {@code intraOpThreads}
   * threads (or the fixed count), and checks that LibTorch's GEMMs come through it. Where that
   * cannot be done, OpenBLAS runs on one thread, or on the fixed count in its own pool.
   */
  void install(int intraOpThreads) {
    if (!wantsShim()) {
      return;
    }
    if (shimFailure != null) {
      fallBack(shimFailure);
      return;
    }
    int result = JtorchOps.openblasInstall(mode == Mode.FIXED ? fixed : intraOpThreads);
    if (result != 1) {
      fallBack(installFailure(result));
      return;
    }
    if (!libTorchCallsComeThrough()) {
      // the callback is in place but LibTorch bound its BLAS symbols elsewhere: calls inside
      // parallel regions would not be kept on one thread, so one thread it is
      JtorchOps.openblasSetThreads(1);
      status = "one thread: LibTorch's BLAS calls do not go through " + LIBRARY;
      LOG.log(Level.WARNING, "jtorch: OpenBLAS at " + status);
      return;
    }
    installed = true;
    status = describeInstalled();
  }

  /** The shim is not usable: one thread, or an explicitly fixed count in OpenBLAS's own pool. */
  private void fallBack(String reason) {
    if (mode == Mode.FIXED) {
      openblas_nolapack.blas_set_num_threads(fixed);
      status = fixed + " threads in OpenBLAS's own pool (" + why + "; " + reason + ")";
    } else {
      openblas_nolapack.blas_set_num_threads(1);
      status = "one thread: " + reason;
    }
    LOG.log(Level.DEBUG, "jtorch: OpenBLAS at " + status);
  }

  private String describeInstalled() {
    return "on LibTorch's OpenMP threads, one inside parallel regions ("
        + why
        + (mode == Mode.AUTO ? ": LibTorch's intra-op threads" : "")
        + ")";
  }

  private static String installFailure(int result) {
    switch (result) {
      case -1:
        return "no libopenblas.so.0 is loaded";
      case -2:
        return "LibTorch's OpenBLAS has no threads callback (older than 0.3.27)";
      case -3:
        return "no GNU OpenMP runtime (libgomp.so.1) is loaded";
      case -5:
        return LIBRARY + " is not loaded";
      default:
        return "jtorch_openblas_install returned " + result;
    }
  }

  /** The native glue is not loaded ({@code why}), so the shim cannot be installed. */
  void withoutGlue(String why) {
    if (wantsShim()) {
      fallBack(why);
    }
  }

  /** One small GEMM through LibTorch, which must reach the shim's sgemm_. */
  private static boolean libTorchCallsComeThrough() {
    long before = JtorchOps.openblasCounter(0);
    try (Tensor a = torch.ones(8, 8);
        Tensor b = torch.ones(8, 8);
        Tensor c = torch.mm(a, b)) {
      c.sizes(); // the product exists
    }
    return JtorchOps.openblasCounter(0) > before;
  }

  /** {@code Torch.setNumThreads}: in the default mode OpenBLAS follows LibTorch's thread count. */
  void followIntraOpThreads(int threads) {
    if (installed && mode == Mode.AUTO) {
      JtorchOps.openblasSetThreads(threads);
    }
  }

  /** Whether OpenBLAS's parallel calls run on LibTorch's OpenMP threads. */
  boolean installed() {
    return installed;
  }

  /** The thread count OpenBLAS uses outside parallel regions. */
  int threads() {
    return installed ? JtorchOps.openblasThreads() : openblas_nolapack.blas_get_num_threads();
  }

  /** What is in effect and why, for {@code Torch.config()}. */
  String status() {
    return status;
  }
}
