package org.jtorch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions jtorch was built with, from {@code org/jtorch/jtorch.properties} (written by the
 * build from the parent POM's pins). Internal.
 */
public final class Versions {
  private static final Properties PROPS = new Properties();

  static {
    try (InputStream in = Versions.class.getResourceAsStream("/org/jtorch/jtorch.properties")) {
      if (in != null) {
        PROPS.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** jtorch's own version. */
  public static final String JTORCH = PROPS.getProperty("jtorch.version", "unknown");

  /** The LibTorch version of the pinned presets, such as {@code 2.13.0}. */
  public static final String LIBTORCH = PROPS.getProperty("libtorch.version", "unknown");

  /** The version of the JavaCPP PyTorch presets, such as {@code 2.13.0-1.5.14}. */
  public static final String PRESETS = PROPS.getProperty("presets.version", "unknown");

  private Versions() {}
}
