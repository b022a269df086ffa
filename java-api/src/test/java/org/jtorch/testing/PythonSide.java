package org.jtorch.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when its Python side (python3 with torch 2.13, torchvision...) is missing: on a
 * developer's machine it skips, saying why; under CI ({@code CI=true}, as {@code .ci/run} runs, or
 * {@code -Djtorch.test.requirePython=true}) it fails, because there the Python side is installed by
 * {@code .ci/run} from {@code requirements-test.txt} and a skip would hide a missing install step.
 */
public final class PythonSide {
  private PythonSide() {}

  /** True where a missing Python side must fail the test instead of skipping it. */
  public static boolean required() {
    String prop = System.getProperty("jtorch.test.requirePython");
    if (prop != null) {
      return Boolean.parseBoolean(prop);
    }
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips the calling test unless {@code available} (a JUnit assumption), or fails it where the
   * Python side is {@link #required()}.
   *
   * @param what what is missing, e.g. "python3 with torch 2.13"
   */
  public static void require(boolean available, String what) {
    if (available) {
      return;
    }
    if (required()) {
      Assertions.fail(
          what
              + " is missing, and CI=true requires it: .ci/run installs requirements-test.txt"
              + " (python3 -m pip install -r requirements-test.txt)");
    }
    Assumptions.assumeTrue(false, what + " is not available: skipping");
  }
}
