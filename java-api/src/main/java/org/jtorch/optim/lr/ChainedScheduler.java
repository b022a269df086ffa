package org.jtorch.optim.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Steps several schedulers together each step, so that their factors multiply, PyTorch's {@code
 * ChainedScheduler}.
 */
public final class ChainedScheduler extends LRScheduler {
  private final List<LRScheduler> schedulers;
  private List<Double> lastLrs;

  /**
   * Chains {@code schedulers}, which must share one optimizer.
   *
   * @throws IllegalArgumentException on an empty list or schedulers of different optimizers
   */
  public ChainedScheduler(List<LRScheduler> schedulers) {
    super(first(schedulers).optimizer());
    for (int i = 0; i < schedulers.size(); i++) {
      if (schedulers.get(i).optimizer() != optimizer) {
        throw new IllegalArgumentException(
            "ChainedScheduler expects all schedulers to belong to the same optimizer, but got scheduler "
                + schedulers.get(i).getClass().getSimpleName() + " at index " + i
                + " with another optimizer");
      }
    }
    this.schedulers = List.copyOf(schedulers);
    this.lastLrs = groupLrs();
  }

  private static LRScheduler first(List<LRScheduler> schedulers) {
    if (schedulers.isEmpty()) {
      throw new IllegalArgumentException(
          "ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.");
    }
    return schedulers.get(0);
  }

  @Override
  void undoOneEpoch() {
    for (LRScheduler s : schedulers) {
      s.undoOneEpoch();
    }
  }

  @Override
  public void step() {
    for (LRScheduler s : schedulers) {
      s.step();
    }
    lastLrs = groupLrs();
  }

  @Override
  protected List<Double> getLr() {
    throw new UnsupportedOperationException("ChainedScheduler delegates to its schedulers");
  }

  @Override
  public List<Double> getLastLr() {
    return List.copyOf(lastLrs);
  }

  @Override
  public Map<String, Object> stateDict() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
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
          "ChainedScheduler state needs '_schedulers' with " + schedulers.size() + " states");
    }
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
