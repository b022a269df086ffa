package org.jtorch.nn;

import org.bytedeco.pytorch.TensorVector;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/**
 * One step of an LSTM, PyTorch's {@code nn.LSTMCell}, on LibTorch's {@code lstm_cell}. Python's
 * call returns the pair {@code (h', c')}: here {@link #forward(Tensor, LSTM.State)} returns it as
 * an {@link LSTM.State}, and the single-tensor {@link #forward(Tensor)} returns h' alone.
 */
public class LSTMCell extends RNNCellBase {
  /** With biases. */
  public LSTMCell(long inputSize, long hiddenSize) {
    this(inputSize, hiddenSize, true);
  }

  /** With or without biases. */
  public LSTMCell(long inputSize, long hiddenSize, boolean bias) {
    super(inputSize, hiddenSize, bias, 4);
  }

  /** h' from zero states (Python's {@code cell(x)[0]}). */
  @Override
  public Tensor forward(Tensor input) {
    LSTM.State s = forward(input, null);
    s.c().close();
    return s.h();
  }

  /**
   * The next (h', c'), each (N, H) or (H).
   *
   * @param hx the states (h, c), each (N, H) or (H), or null for zeros
   */
  public LSTM.State forward(Tensor input, LSTM.State hx) {
    boolean batched = checkRank(input, "input");
    if (hx != null) {
      if (hx.h().dim() != 1 && hx.h().dim() != 2) {
        throw new IllegalArgumentException(
            "LSTMCell: Expected hx[0] to be 1D or 2D, got " + hx.h().dim() + "D instead");
      }
      if (hx.c().dim() != 1 && hx.c().dim() != 2) {
        throw new IllegalArgumentException(
            "LSTMCell: Expected hx[1] to be 1D or 2D, got " + hx.c().dim() + "D instead");
      }
    }
    try (Scope scope = Scope.open()) {
      Tensor x = batched ? input : input.unsqueeze(0);
      Tensor h;
      Tensor c;
      if (hx == null) {
        h = zeros(x);
        c = h;
      } else {
        h = batched ? hx.h() : hx.h().unsqueeze(0);
        c = batched ? hx.c() : hx.c().unsqueeze(0);
      }
      org.bytedeco.pytorch.Tensor xi = NativeCalls.h(x, "input");
      Tensor[] r;
      try (TensorVector states = new TensorVector(NativeCalls.h(h, "h"), NativeCalls.h(c, "c"))) {
        r =
            withWeights(
                (wih, whh, bih, bhh) ->
                    NativeCalls.pair(
                        () ->
                            org.bytedeco.pytorch.global.torch.lstm_cell(
                                xi, states, wih, whh, bih, bhh)));
      }
      Tensor h1 = batched ? r[0] : r[0].squeeze(0);
      Tensor c1 = batched ? r[1] : r[1].squeeze(0);
      return new LSTM.State(scope.keep(h1), scope.keep(c1));
    }
  }
}
