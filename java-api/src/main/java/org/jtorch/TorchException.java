package org.jtorch;

/**
 * A failure reported by LibTorch: PyTorch's {@code RuntimeError}, {@code IndexError}, {@code
 * ValueError} and friends.
 *
 * <p>{@link #getMessage()} is PyTorch's own message, the text a Python user would see. The C++
 * backtrace that LibTorch appends ("Exception raised from ... frame #0 ...") is kept apart in
 * {@link #nativeBacktrace()} for debugging.
 */
public class TorchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String nativeBacktrace;

  /** An exception with PyTorch's {@code message} and no native backtrace. */
  public TorchException(String message) {
    this(message, "", null);
  }

  /**
   * An exception with PyTorch's {@code message}, LibTorch's C++ backtrace and the exception it
   * was translated from.
   */
  public TorchException(String message, String nativeBacktrace, Throwable cause) {
    super(message, cause);
    this.nativeBacktrace = nativeBacktrace == null ? "" : nativeBacktrace;
  }

  /** LibTorch's C++ backtrace, or an empty string. */
  public String nativeBacktrace() {
    return nativeBacktrace;
  }
}
