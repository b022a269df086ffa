package org.jtorch;

/**
 * What jtorch does with LibTorch's warnings ({@code TORCH_WARN}), like Python's {@code
 * warnings.simplefilter(action)}: set with {@link Torch#setWarningMode} or, at start, the system
 * property {@code jtorch.warnings} ({@code default}, {@code always}, {@code error}, {@code
 * ignore}).
 *
 * <p>Logged warnings go to the {@link System.Logger} named {@code org.jtorch} at {@code WARNING},
 * with PyTorch's text: {@code "<message> (Triggered internally at <file>:<line>.)"}, without the C++
 * backtrace LibTorch alone would print to standard error. The mode is process-wide (every thread).
 */
public enum WarningMode {
  /** Log each distinct warning (message and C++ source location) once: Python's default. */
  DEFAULT,
  /** Log every warning, each time: {@code simplefilter("always")}. */
  ALWAYS,
  /**
   * The operation that warns fails with a {@link TorchException} carrying the warning's text:
   * {@code simplefilter("error")}.
   */
  ERROR,
  /** Drop warnings: {@code simplefilter("ignore")}. */
  IGNORE
}
