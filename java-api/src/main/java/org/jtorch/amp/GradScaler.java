package org.jtorch.amp;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.ParamGroup;

/**
 * Dynamic loss scaling for mixed-precision training, PyTorch's {@code torch.amp.GradScaler}: the
 * loss is multiplied by a scale before {@code backward()}; {@link #step} unscales the gradients
 * and skips the optimizer step when any is infinite or NaN; {@link #update} halves the scale after
 * an overflow and doubles it after {@code growthInterval} clean steps.
 *
 * <pre>{@code
 * var scaler = new GradScaler();            // for CUDA; disabled, with a warning, without CUDA
 * scaler.scale(loss).backward();
 * scaler.step(opt);
 * scaler.update();
 * }</pre>
 *
 * <p>A scaler for {@link Device#CPU} works on the CPU, as {@code torch.amp.GradScaler("cpu")}
 * does. A disabled scaler passes everything through: {@code scale(loss)} returns the loss and
 * {@code step(opt)} just steps.
 */
public final class GradScaler {
  private static final System.Logger LOG = System.getLogger(GradScaler.class.getName());

  private final boolean enabled;
  private double scale;
  private double growthFactor;
  private double backoffFactor;
  private long growthInterval;
  private long growthTracker;
  private final IdentityHashMap<Optimizer, Boolean> unscaled = new IdentityHashMap<>();
  private final IdentityHashMap<Optimizer, Boolean> foundInf = new IdentityHashMap<>();

  /** A scaler for CUDA with PyTorch's defaults (init scale 65536, growth 2, backoff 0.5, 2000). */
  public GradScaler() {
    this(Device.of("cuda"), 65536.0, 2.0, 0.5, 2000, true);
  }

  /**
   * A scaler for {@code device} (CPU or CUDA).
   *
   * @throws IllegalArgumentException for a growth factor at most 1 or a backoff factor not in (0,1)
   */
  public GradScaler(
      Device device,
      double initScale,
      double growthFactor,
      double backoffFactor,
      long growthInterval,
      boolean enabled) {
    Objects.requireNonNull(device, "device");
    if (!(growthFactor > 1.0)) {
      throw new IllegalArgumentException("The growth factor must be > 1.0.");
    }
    if (!(backoffFactor > 0 && backoffFactor < 1.0)) {
      throw new IllegalArgumentException("The backoff factor must be < 1.0.");
    }
    if (growthInterval <= 0) {
      throw new IllegalArgumentException("growth_interval must be positive");
    }
    if (enabled && device.isCuda() && !Torch.cuda().isAvailable()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "GradScaler is enabled, but CUDA is not available. Disabling.");
      enabled = false;
    }
    this.enabled = enabled;
    this.scale = initScale;
    this.growthFactor = growthFactor;
    this.backoffFactor = backoffFactor;
    this.growthInterval = growthInterval;
  }

  /** Whether this scaler scales (false where it was disabled or CUDA is missing). */
  public boolean isEnabled() {
    return enabled;
  }

  /** The current scale (1.0 when disabled, as PyTorch's {@code get_scale()}). */
  public double getScale() {
    return enabled ? scale : 1.0;
  }

  /** {@code loss * scale}, or {@code loss} itself when disabled. */
  public Tensor scale(Tensor loss) {
    Objects.requireNonNull(loss, "loss");
    return enabled ? loss.mul(Torch.scalarTensor(scale).to(loss.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32)) : loss;
  }

  /**
   * Divides the gradients of {@code optimizer}'s parameters by the scale, in place, and records
   * whether any is infinite or NaN. At most once per {@link #update}.
   *
   * @throws IllegalStateException if already called for this optimizer since the last update
   */
  public void unscale_(Optimizer optimizer) {
    if (!enabled) {
      return;
    }
    if (unscaled.containsKey(optimizer)) {
      throw new IllegalStateException("unscale_() has already been called on this optimizer since the last update().");
    }
    boolean inf = false;
    try (Scope s = Scope.open();
        GradMode g = Torch.noGrad()) {
      Tensor invScale = Torch.scalarTensor(scale).to(DType.FLOAT64).reciprocal().to(DType.FLOAT32);
      for (ParamGroup group : optimizer.paramGroups()) {
        for (Tensor p : group.params()) {
          Tensor grad = p.grad();
          if (grad == null) {
            continue;
          }
          if (!grad.isfinite().all().booleanValue()) {
            inf = true;
          }
          grad.mul_(invScale);
        }
      }
    }
    unscaled.put(optimizer, true);
    foundInf.put(optimizer, inf);
  }

  /**
   * Unscales (if {@link #unscale_} was not called) and steps {@code optimizer} unless a gradient
   * was infinite or NaN. Returns whether the step ran.
   */
  public boolean step(Optimizer optimizer) {
    if (!enabled) {
      optimizer.step();
      return true;
    }
    if (!unscaled.containsKey(optimizer)) {
      unscale_(optimizer);
    }
    if (foundInf.get(optimizer)) {
      return false;
    }
    optimizer.step();
    return true;
  }

  /** Adjusts the scale after the step(s) of this iteration, PyTorch's {@code update()}. */
  public void update() {
    if (!enabled) {
      return;
    }
    boolean inf = foundInf.values().stream().anyMatch(b -> b);
    if (inf) {
      scale *= backoffFactor;
      growthTracker = 0;
    } else if (!foundInf.isEmpty()) {
      growthTracker++;
      if (growthTracker == growthInterval) {
        scale = (float) (scale * growthFactor);
        growthTracker = 0;
      }
    }
    scale = (float) scale; // PyTorch keeps the scale in a float32 tensor
    unscaled.clear();
    foundInf.clear();
  }

  /** Sets a new scale (PyTorch's {@code update(new_scale)}). */
  public void update(double newScale) {
    if (!enabled) {
      return;
    }
    scale = (float) newScale;
    unscaled.clear();
    foundInf.clear();
  }

  /** The state under PyTorch's keys (empty when disabled, as PyTorch's). */
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (enabled) {
      m.put("scale", getScale());
      m.put("growth_factor", growthFactor);
      m.put("backoff_factor", backoffFactor);
      m.put("growth_interval", growthInterval);
      m.put("_growth_tracker", growthTracker);
    }
    return m;
  }

  /**
   * Restores a state from {@link #stateDict()} (Java's or Python's).
   *
   * @throws IllegalArgumentException if an enabled scaler gets an empty state
   */
  public void loadStateDict(Map<String, ?> state) {
    if (!enabled) {
      return;
    }
    if (state.isEmpty()) {
      throw new IllegalArgumentException(
          "The source state dict is empty, possibly because it was saved from a disabled instance of GradScaler.");
    }
    scale = number(state, "scale");
    growthFactor = number(state, "growth_factor");
    backoffFactor = number(state, "backoff_factor");
    growthInterval = (long) number(state, "growth_interval");
    growthTracker = (long) number(state, "_growth_tracker");
  }

  private static double number(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Tensor) {
      return ((Tensor) v).doubleValue();
    }
    throw new IllegalArgumentException("GradScaler state '" + key + "' is " + v);
  }

}
