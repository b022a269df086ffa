package org.jtorch;

import org.bytedeco.pytorch.global.torch;
import org.jtorch.internal.GeneratorHandles;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.Natives;

/**
 * A CPU random number generator of its own, PyTorch's {@code torch.Generator()}: the same seed
 * gives the same numbers as Python's generator with that seed, in every function that takes one
 * ({@link Torch#randperm(long, Generator)}, {@link Torch#rand(long[], Generator)}, {@link
 * Torch#randint(long, long, long[], Generator)}, {@link Torch#multinomial(Tensor, long, boolean,
 * Generator)}, …) and in the data pipeline ({@code org.jtorch.data}).
 *
 * <pre>{@code
 * Generator g = new Generator().manualSeed(42);     // torch.Generator().manual_seed(42)
 * Tensor perm = Torch.randperm(10, g);               // Python's torch.randperm(10, generator=g)
 * }</pre>
 *
 * <p>A generator is safe to share between threads (LibTorch locks it for each draw), but then the
 * order of the draws, and so the numbers each thread gets, depends on scheduling. It holds a small
 * native object: {@link #close()} frees it (the garbage collector does otherwise).
 */
public final class Generator implements AutoCloseable {
  static {
    Natives.ensureLoaded();
    GeneratorHandles.install(
        new GeneratorHandles.Bridge() {
          @Override
          public org.bytedeco.pytorch.Generator unwrap(Generator g) {
            return g.h();
          }

          @Override
          public org.bytedeco.pytorch.GeneratorOptional optional(Generator g) {
            g.h();
            return g.optional;
          }
        });
  }

  /** PyTorch's default seed of a new generator, {@code 67280421310721}. */
  public static final long DEFAULT_SEED = 67280421310721L;

  private volatile org.bytedeco.pytorch.Generator handle;
  /** {@code optional<Generator>} holding this generator, made once: LibTorch's calls take one. */
  private final org.bytedeco.pytorch.GeneratorOptional optional;

  /** A new CPU generator with PyTorch's default seed, like {@code torch.Generator()}. */
  public Generator() {
    this(DEFAULT_SEED);
  }

  /** A new CPU generator seeded with {@code seed}: {@code new Generator().manualSeed(seed)}. */
  public Generator(long seed) {
    this.handle = NativeCalls.query(() -> torch.createCPUGenerator(seed));
    this.optional = new org.bytedeco.pytorch.GeneratorOptional(handle);
  }

  private org.bytedeco.pytorch.Generator h() {
    org.bytedeco.pytorch.Generator h = handle;
    if (h == null) {
      throw new IllegalStateException("this Generator is closed");
    }
    return h;
  }

  /** Seeds this generator; returns it, like Python's {@code manual_seed}. */
  public Generator manualSeed(long seed) {
    org.bytedeco.pytorch.Generator h = h();
    NativeCalls.query(
        () -> {
          h.set_current_seed(seed);
          return null;
        });
    return this;
  }

  /** Seeds this generator from a non-deterministic source and returns the seed used. */
  public long seed() {
    org.bytedeco.pytorch.Generator h = h();
    return NativeCalls.query(h::seed);
  }

  /** The seed this generator was last seeded with, Python's {@code initial_seed()}. */
  public long initialSeed() {
    org.bytedeco.pytorch.Generator h = h();
    return NativeCalls.query(h::current_seed);
  }

  /**
   * A copy of this generator's whole state as a uint8 tensor, Python's {@code get_state()}: the
   * same bytes Python's CPU generator gives for the same history.
   */
  public Tensor getState() {
    org.bytedeco.pytorch.Generator h = h();
    return NativeCalls.tensor(h::get_state);
  }

  /** Restores a state that {@link #getState()} returned; returns this generator. */
  public Generator setState(Tensor state) {
    org.bytedeco.pytorch.Generator h = h();
    org.bytedeco.pytorch.Tensor s = NativeCalls.h(state, "state");
    NativeCalls.query(
        () -> {
          h.set_state(s);
          return null;
        });
    return this;
  }

  /** Frees the native generator. Idempotent; later use throws {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    org.bytedeco.pytorch.Generator h = handle;
    if (h != null) {
      handle = null;
      optional.close();
      h.close();
    }
  }

  @Override
  public String toString() {
    org.bytedeco.pytorch.Generator h = handle;
    return h == null ? "Generator(closed)" : "Generator(initialSeed=" + h.current_seed() + ")";
  }
}
