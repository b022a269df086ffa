package org.jtorch.samples;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The samples' tests that need python3 with torch skip where it is missing, except under CI
 * ({@code CI=true}, or {@code -Djtorch.test.requirePython=true}), where {@code .ci/run} installed
 * it and a skip would hide a broken install step. (The java-api tests follow the same rule.)
 */
final class PythonSide {
  private PythonSide() {}

  /** True where a missing Python side must fail the test instead of skipping it. */
  static boolean required() {
    String prop = System.getProperty("jtorch.test.requirePython");
    return prop != null ? Boolean.parseBoolean(prop) : "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the calling test where python3 with torch is missing, or fails it under CI. */
  static void requireTorch() {
    if (SampleFiles.pythonTorch().isPresent()) {
      return;
    }
    if (required()) {
      Assertions.fail("python3 with torch is missing, and CI=true requires it: .ci/run installs"
          + " requirements-test.txt");
    }
    Assumptions.assumeTrue(false, "python3 with torch is not available: skipping");
  }
}
