package org.jtorch.internal;

import java.util.function.Function;
import org.bytedeco.pytorch.GeneratorOptional;
import org.jtorch.Generator;

/**
 * Access to the native LibTorch generator behind a {@link Generator}, for jtorch's own packages
 * (the data pipeline's samplers and transforms draw through it).
 *
 * <p>Internal: not part of jtorch's API, and may change in any release.
 */
public final class GeneratorHandles {
  /** Implemented by {@link Generator}, which installs itself when its class initialises. */
  public interface Bridge {
    /** The native generator behind {@code g}; throws {@link IllegalStateException} if closed. */
    org.bytedeco.pytorch.Generator unwrap(Generator g);

    /** An {@code optional<Generator>} holding {@code g}'s generator, owned by {@code g}. */
    GeneratorOptional optional(Generator g);
  }

  private static volatile Bridge bridge;

  /** An empty {@code optional<Generator>}: LibTorch's default CPU generator. Never modify it. */
  private static final GeneratorOptional DEFAULT;

  static {
    Natives.ensureLoaded();
    DEFAULT = new GeneratorOptional();
  }

  private GeneratorHandles() {}

  /** Called once by {@link Generator}. */
  public static void install(Bridge b) {
    if (bridge != null) {
      throw new IllegalStateException("the generator bridge is already installed");
    }
    bridge = b;
  }

  /** The native generator behind {@code g}. */
  public static org.bytedeco.pytorch.Generator unwrap(Generator g) {
    return bridge().unwrap(g);
  }

  /**
   * An {@code optional<Generator>} holding {@code g}'s generator (owned by {@code g}: valid until
   * it is closed), or an empty one (LibTorch's default CPU generator) for null.
   */
  public static GeneratorOptional optional(Generator g) {
    return g == null ? DEFAULT : bridge().optional(g);
  }

  private static Bridge bridge() {
    Bridge b = bridge;
    if (b == null) {
      try {
        Class.forName(Generator.class.getName(), true, GeneratorHandles.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      b = bridge;
    }
    return b;
  }

  /**
   * Calls {@code body} with an {@code optional<Generator>} holding {@code g}, or an empty one
   * (LibTorch's default CPU generator, the one {@code Torch.manualSeed} seeds) for null.
   */
  public static <T> T with(Generator g, Function<GeneratorOptional, T> body) {
    return body.apply(optional(g));
  }
}
