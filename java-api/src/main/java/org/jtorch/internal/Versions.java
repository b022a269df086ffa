package org.jtorch.internal;

/** Versions jtorch was built against. Internal. */
public final class Versions {
  /** The LibTorch version of the pinned presets. */
  public static final String LIBTORCH = "2.13.0";

  private Versions() {}
}
