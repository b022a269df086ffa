package org.jtorch.nn;

import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/**
 * One step of an Elman RNN, {@code h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)} (or ReLU), PyTorch's
 * {@code nn.RNNCell}, on LibTorch's {@code rnn_tanh_cell}/{@code rnn_relu_cell}.
 */
public class RNNCell extends RNNCellBase {
  private final String nonlinearity;

  /** A tanh cell with biases. */
  public RNNCell(long inputSize, long hiddenSize) {
    this(inputSize, hiddenSize, true, "tanh");
  }

  /**
   * @param nonlinearity {@code "tanh"} or {@code "relu"}
   * @throws IllegalArgumentException for another nonlinearity
   */
  public RNNCell(long inputSize, long hiddenSize, boolean bias, String nonlinearity) {
    super(inputSize, hiddenSize, bias, 1);
    if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
      close();
      throw new IllegalArgumentException("Unknown nonlinearity: " + nonlinearity);
    }
    this.nonlinearity = nonlinearity;
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
      boolean relu = nonlinearity.equals("relu");
      Tensor r =
          withWeights(
              (wih, whh, bih, bhh) ->
                  NativeCalls.tensor(
                      () ->
                          relu
                              ? org.bytedeco.pytorch.global.torch.rnn_relu_cell(
                                  xi, hi, wih, whh, bih, bhh)
                              : org.bytedeco.pytorch.global.torch.rnn_tanh_cell(
                                  xi, hi, wih, whh, bih, bhh)));
      return scope.keep(batched ? r : r.squeeze(0));
    }
  }

  @Override
  public String extraRepr() {
    return super.extraRepr()
        + (nonlinearity.equals("tanh") ? "" : ", nonlinearity=" + nonlinearity);
  }
}
