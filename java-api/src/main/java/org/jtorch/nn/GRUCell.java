package org.jtorch.nn;

import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/** One step of a GRU, PyTorch's {@code nn.GRUCell}, on LibTorch's {@code gru_cell}. */
public class GRUCell extends RNNCellBase {
  /** With biases. */
  public GRUCell(long inputSize, long hiddenSize) {
    this(inputSize, hiddenSize, true);
  }

  /** With or without biases. */
  public GRUCell(long inputSize, long hiddenSize, boolean bias) {
    super(inputSize, hiddenSize, bias, 3);
  }

  /** The next hidden state from a zero state. */
  @Override
  public Tensor forward(Tensor input) {
    return forward(input, null);
  }

  /**
   * The next hidden state, (N, H) or (H).
   *
   * @param hx the hidden state, (N, H) or (H), or null for zeros
   */
  public Tensor forward(Tensor input, Tensor hx) {
    boolean batched = checkRank(input, "input");
    if (hx != null) {
      checkRank(hx, "hidden");
    }
    try (Scope scope = Scope.open()) {
      Tensor x = batched ? input : input.unsqueeze(0);
      Tensor h = hx == null ? zeros(x) : batched ? hx : hx.unsqueeze(0);
      org.bytedeco.pytorch.Tensor xi = NativeCalls.h(x, "input");
      org.bytedeco.pytorch.Tensor hi = NativeCalls.h(h, "hx");
      Tensor r =
          withWeights(
              (wih, whh, bih, bhh) ->
                  NativeCalls.tensor(
                      () ->
                          org.bytedeco.pytorch.global.torch.gru_cell(xi, hi, wih, whh, bih, bhh)));
      return scope.keep(batched ? r : r.squeeze(0));
    }
  }
}
