package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.ParamGroup;

/**
 * Runs schedulers one after another, switching at the milestones, PyTorch's {@code SequentialLR}.
 *
 * <pre>{@code
 * var warmup = new LinearLR(opt, 0.1, 1.0, 5);
 * var decay = new ExponentialLR(opt, 0.9);
 * var sched = new SequentialLR(opt, List.of(warmup, decay), List.of(5L));
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {
  private final List<LRScheduler> schedulers;
  private List<Long> milestones;
  private List<Double> lastLrs;

  /**
   * {@code schedulers} (all on {@code optimizer}, none a {@link ReduceLROnPlateau}) with one fewer
   * milestone than schedulers.
   *
   * @throws IllegalArgumentException on an empty list, a mismatched count, or another optimizer
   */
  public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, List<Long> milestones) {
    super(optimizer);
    if (schedulers.isEmpty()) {
      throw new IllegalArgumentException("SequentialLR expects at least one scheduler, but got no scheduler.");
    }
    for (int i = 0; i < schedulers.size(); i++) {
      if (schedulers.get(i).optimizer() != optimizer) {
        throw new IllegalArgumentException(
            "SequentialLR expects all schedulers to belong to the same optimizer, but got scheduler "
                + schedulers.get(i).getClass().getSimpleName() + " at index " + i
                + " with another optimizer");
      }
    }
    if (milestones.size() != schedulers.size() - 1) {
      throw new IllegalArgumentException(
          "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers "
              + schedulers.size() + " and the number of milestones to be equal to " + milestones.size());
    }
    this.schedulers = List.copyOf(schedulers);
    this.milestones = List.copyOf(milestones);
    this.lastEpoch = 0;
    for (ParamGroup g : optimizer.paramGroups()) {
      g.lr(g.getDouble("initial_lr"));
    }
    undoOneEpoch();
    LRScheduler first = this.schedulers.get(bisectRight(0));
    first.initialStep();
    lastLrs = first.getLastLr();
  }

  private int bisectRight(long x) {
    int i = 0;
    while (i < milestones.size() && milestones.get(i) <= x) {
      i++;
    }
    return i;
  }

  @Override
  void undoOneEpoch() {
    for (LRScheduler s : schedulers) {
      s.undoOneEpoch();
    }
  }

  @Override
  public void step() {
    lastEpoch++;
    int idx = bisectRight(lastEpoch);
    LRScheduler s = schedulers.get(idx);
    if (idx > 0 && milestones.get(idx - 1) == lastEpoch) {
      s.updateLr(0L);
    } else {
      s.step();
    }
    lastLrs = s.getLastLr();
  }

  @Override
  protected List<Double> getLr() {
    throw new UnsupportedOperationException("SequentialLR delegates to its schedulers");
  }

  @Override
  public List<Double> getLastLr() {
    return List.copyOf(lastLrs);
  }

  /** The schedulers, in order. */
  public List<LRScheduler> schedulers() {
    return schedulers;
  }

  @Override
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("_milestones", new ArrayList<Object>(milestones));
    m.put("last_epoch", lastEpoch);
    m.put("_last_lr", new ArrayList<Object>(lastLrs));
    List<Object> subs = new ArrayList<>();
    schedulers.forEach(s -> subs.add(s.stateDict()));
    m.put("_schedulers", subs);
    return m;
  }

  @Override
  public void loadStateDict(Map<String, ?> state) {
    Object subs = state.get("_schedulers");
    if (!(subs instanceof List) || ((List<?>) subs).size() != schedulers.size()) {
      throw new IllegalArgumentException(
          "SequentialLR state needs '_schedulers' with " + schedulers.size() + " states");
    }
    if (state.containsKey("_milestones")) {
      List<Long> ms = new ArrayList<>();
      for (double d : doubles(state, "_milestones")) {
        ms.add((long) d);
      }
      milestones = ms;
    }
    lastEpoch = longValue(state, "last_epoch");
    if (state.containsKey("_last_lr")) {
      lastLrs = doubles(state, "_last_lr");
    }
    for (int i = 0; i < schedulers.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, ?> s = (Map<String, ?>) ((List<?>) subs).get(i);
      schedulers.get(i).loadStateDict(s);
    }
  }
}
