package org.jtorch.bindings;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.jtorch.bindings.ops.JtorchOps;

/**
 * Routes LibTorch's warnings ({@code TORCH_WARN}) to the {@link System.Logger} named {@code
 * org.jtorch} at {@code WARNING}, with PyTorch's text ({@code "<message> (Triggered internally at
 * <file>:<line>.)"}, no C++ backtrace), instead of LibTorch's default of printing them with a
 * backtrace to standard error.
 *
 * <p>The handler is native ({@code jtorch_warnings_*} in {@code extensions-cpp/src/runtime.cpp}):
 * it replaces c10's process-wide base handler, so warnings raised on any thread are covered
 * (c10's handler pointer is thread-local; threads that set none share the base handler). The mode
 * decides what happens to a warning, as Python's {@code warnings} filter does: {@link #DEFAULT}
 * logs each distinct (message, source location) once, {@link #ALWAYS} logs every one, {@link
 * #ERROR} makes the operation fail (jtorch throws {@code TorchException} with the warning's text),
 * {@link #IGNORE} drops them. The system property {@code jtorch.warnings} ({@code default}, {@code
 * always}, {@code error}, {@code ignore}) sets the mode at load.
 *
 * <p>After the JVM starts shutting down, warnings are written to standard error as one line each:
 * no Java code is called from then on.
 */
public final class LibTorchWarnings {
  /** Log each distinct (message, source location) once. */
  public static final int DEFAULT = 0;
  /** Log every warning. */
  public static final int ALWAYS = 1;
  /** Throw from the operation that warned. */
  public static final int ERROR = 2;
  /** Drop warnings. */
  public static final int IGNORE = 3;

  private static final String[] NAMES = {"default", "always", "error", "ignore"};
  private static final System.Logger LOG = System.getLogger("org.jtorch");

  /** Held for as long as the process runs: freeing it would free the native thunk. */
  private static JtorchOps.WarningCallback callback;

  private static volatile boolean installed;

  private LibTorchWarnings() {}

  /** The mode named by {@code name} ({@code default}, {@code always}, {@code error}, {@code ignore}). */
  static int parseMode(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(n)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "jtorch.warnings must be one of default, always, error, ignore: " + name);
  }

  /** The name of {@code mode}, such as {@code default}. */
  public static String name(int mode) {
    return NAMES[mode];
  }

  /** Installs the handler, once, with the mode of {@code jtorch.warnings}; called by the loader. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    String property = System.getProperty("jtorch.warnings");
    int mode = property == null ? DEFAULT : parseMode(property);
    callback = new Callback();
    JtorchOps.warningsSetMode(mode);
    JtorchOps.warningsSetCallback(callback);
    if (JtorchOps.warningsInstall() != 1) {
      JtorchOps.warningsSetCallback(null);
      LOG.log(
          Level.WARNING,
          "LibTorch's warning handler is not of the expected type: LibTorch's warnings keep"
              + " going to standard error");
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> JtorchOps.warningsSetCallback(null), "jtorch-warnings-shutdown"));
    installed = true;
  }

  /** Whether the handler is in place. */
  public static boolean installed() {
    NativeLibraries.load();
    return installed;
  }

  /**
   * Sets the mode ({@link #DEFAULT}, {@link #ALWAYS}, {@link #ERROR}, {@link #IGNORE}) for every
   * thread, and forgets which warnings were already logged (as changing Python's filters does).
   * Returns the previous mode.
   *
   * @throws IllegalArgumentException for another number
   * @throws IllegalStateException if the handler could not be installed
   */
  public static int setMode(int mode) {
    if (mode < DEFAULT || mode > IGNORE) {
      throw new IllegalArgumentException("unknown warning mode " + mode);
    }
    requireInstalled();
    return JtorchOps.warningsSetMode(mode);
  }

  /** The mode in effect. */
  public static int mode() {
    requireInstalled();
    return JtorchOps.warningsMode();
  }

  /**
   * For tests: raises {@code TORCH_WARN(message)} on a new native thread, one the JVM has never
   * seen, and waits for it. Returns false if the warning was turned into an error there.
   */
  public static boolean raiseOnNewNativeThread(String message) {
    requireInstalled();
    return JtorchOps.warningsRaiseOnNewThread(message) == 1;
  }

  private static void requireInstalled() {
    if (!installed()) {
      throw new IllegalStateException(
          "jtorch's LibTorch warning handler is not installed (see the log of org.jtorch)");
    }
  }

  /** Logs one warning; never lets anything propagate into native code. */
  private static final class Callback extends JtorchOps.WarningCallback {
    @Override
    public void call(BytePointer message, BytePointer file, int line) {
      try {
        String text =
            message.getString(StandardCharsets.UTF_8)
                + " (Triggered internally at "
                + file.getString(StandardCharsets.UTF_8)
                + ":"
                + line
                + ".)";
        LOG.log(Level.WARNING, text);
      } catch (Throwable t) {
        // a failing log handler must not fail the operation that warned
      }
    }
  }
}
