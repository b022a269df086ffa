package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.ParamGroup;

/**
 * The base of the learning-rate schedulers, PyTorch's {@code torch.optim.lr_scheduler.LRScheduler}:
 * each {@link #step()} (called after {@code optimizer.step()}) sets every parameter group's {@code
 * lr}. Constructing a scheduler performs PyTorch's initial step and stores {@code initial_lr} in
 * each group.
 *
 * <p>Schedulers reproduce PyTorch's recursive ("chainable") formulas, so that several schedulers on
 * one optimizer compose as in Python. {@link #stateDict()} holds the same keys as Python's {@code
 * scheduler.state_dict()}; one written by Java loads into Python's scheduler and the other way
 * round.
 *
 * <p>Differs from PyTorch: there is no {@code last_epoch} constructor argument and {@code step}
 * takes no epoch; to resume, restore a state with {@link #loadStateDict}.
 */
public abstract class LRScheduler {
  /** The optimizer whose learning rates this scheduler sets. */
  protected final Optimizer optimizer;

  /** PyTorch's {@code base_lrs}: the groups' {@code initial_lr}. */
  protected List<Double> baseLrs;

  /** PyTorch's {@code last_epoch}: the number of steps taken, -1 before the initial step. */
  protected long lastEpoch = -1;

  /** PyTorch's {@code _step_count}. */
  protected long stepCount;

  /** PyTorch's {@code _is_initial}: true during the initial step only. */
  protected boolean isInitial;

  private List<Double> lastLr;

  /** Records {@code initial_lr} in each group; subclasses then call {@link #initialStep()}. */
  protected LRScheduler(Optimizer optimizer) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    for (ParamGroup g : optimizer.paramGroups()) {
      if (!g.has("initial_lr")) {
        g.set("initial_lr", g.lr());
      }
    }
    this.baseLrs = groupValues("initial_lr");
  }

  /** The optimizer this scheduler drives. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** PyTorch's {@code last_epoch}. */
  public long lastEpoch() {
    return lastEpoch;
  }

  /** The numeric option {@code key} of every group, in order. */
  protected final List<Double> groupValues(String key) {
    List<Double> out = new ArrayList<>();
    for (ParamGroup g : optimizer.paramGroups()) {
      out.add(g.getDouble(key));
    }
    return out;
  }

  /** The groups' current learning rates. */
  protected final List<Double> groupLrs() {
    return groupValues("lr");
  }

  /** PyTorch's {@code _initial_step()}: the step that constructing a scheduler performs. */
  protected final void initialStep() {
    stepCount = 0;
    isInitial = true;
    try {
      step();
    } finally {
      isInitial = false;
    }
  }

  /** Advances the schedule by one step and sets the groups' learning rates. */
  public void step() {
    stepCount++;
    updateLr(null);
  }

  /** PyTorch's {@code _update_lr(epoch)}: with an epoch, the closed form where there is one. */
  void updateLr(Long epoch) {
    List<Double> values;
    if (epoch == null) {
      lastEpoch++;
      values = getLr();
    } else {
      lastEpoch = epoch;
      List<Double> closed = closedFormLr();
      values = closed != null ? closed : getLr();
    }
    setLrs(values);
  }

  /** Sets each group's {@code lr} and records them as the last learning rates. */
  protected final void setLrs(List<Double> values) {
    List<ParamGroup> groups = optimizer.paramGroups();
    if (values.size() != groups.size()) {
      throw new IllegalStateException(
          values.size() + " learning rates for " + groups.size() + " parameter groups");
    }
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).lr(values.get(i));
    }
    lastLr = groupLrs();
  }

  /** The next learning rates, from the current ones (PyTorch's chainable {@code get_lr()}). */
  protected abstract List<Double> getLr();

  /** PyTorch's {@code _get_closed_form_lr()}, or null where the scheduler has none. */
  protected List<Double> closedFormLr() {
    return null;
  }

  /** The learning rates the last step set, PyTorch's {@code get_last_lr()}. */
  public List<Double> getLastLr() {
    return lastLr == null ? groupLrs() : List.copyOf(lastLr);
  }

  void undoOneEpoch() {
    lastEpoch--;
  }

  /**
   * The scheduler's state under PyTorch's keys ({@code base_lrs}, {@code last_epoch}, {@code
   * _step_count}, {@code _last_lr} and the scheduler's own fields).
   */
  public Map<String, Object> stateDict() {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    writeState(m);
    m.put("base_lrs", new ArrayList<Object>(baseLrs));
    m.put("last_epoch", lastEpoch);
    m.put("_step_count", stepCount);
    m.put("_is_initial", false);
    m.put("_get_lr_called_within_step", false);
    m.put("_last_lr", new ArrayList<Object>(getLastLr()));
    writeStateAfter(m);
    return m;
  }

  /**
   * Restores a state from {@link #stateDict()} (Java's or Python's). Keys this scheduler does not
   * know are ignored, as Python's {@code __dict__.update} would keep them unused.
   *
   * @throws IllegalArgumentException if a known key holds a value of the wrong kind
   */
  public void loadStateDict(Map<String, ?> state) {
    Objects.requireNonNull(state, "state");
    if (state.containsKey("base_lrs")) {
      baseLrs = doubles(state, "base_lrs");
    }
    if (state.containsKey("last_epoch")) {
      lastEpoch = longValue(state, "last_epoch");
    }
    if (state.containsKey("_step_count")) {
      stepCount = longValue(state, "_step_count");
    }
    if (state.containsKey("_last_lr")) {
      lastLr = doubles(state, "_last_lr");
    }
    readState(state);
  }

  /** Writes the subclass's own fields (before the base fields, as Python orders them). */
  protected void writeState(Map<String, Object> state) {}

  /** Writes fields Python puts after the base fields. */
  protected void writeStateAfter(Map<String, Object> state) {}

  /** Reads the subclass's own fields. */
  protected void readState(Map<String, ?> state) {}

  // helpers for reading state values ------------------------------------------------------------

  static double doubleValue(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    throw new IllegalArgumentException("scheduler state '" + key + "' is " + v + ", not a number");
  }

  static long longValue(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    throw new IllegalArgumentException("scheduler state '" + key + "' is " + v + ", not an int");
  }

  static boolean boolValue(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new IllegalArgumentException("scheduler state '" + key + "' is " + v + ", not a bool");
  }

  static List<Double> doubles(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof List)) {
      throw new IllegalArgumentException("scheduler state '" + key + "' is " + v + ", not a list");
    }
    List<Double> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (!(o instanceof Number)) {
        throw new IllegalArgumentException("scheduler state '" + key + "' holds " + o);
      }
      out.add(((Number) o).doubleValue());
    }
    return out;
  }

  /** PyTorch's {@code _format_param}: one value per group, or one value for all groups. */
  static List<Double> perGroup(String name, Optimizer optimizer, List<Double> values) {
    int n = optimizer.paramGroups().size();
    if (values.size() == 1 && n != 1) {
      List<Double> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(values.get(0));
      }
      return out;
    }
    if (values.size() != n) {
      throw new IllegalArgumentException(
          name + " must have the same length as optimizer.param_groups. " + name + " has "
              + values.size() + " values, param_groups has " + n + ".");
    }
    return new ArrayList<>(values);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(last_epoch=" + lastEpoch + ", lr=" + getLastLr() + ")";
  }
}
