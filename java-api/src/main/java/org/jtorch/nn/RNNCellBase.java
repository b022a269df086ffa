package org.jtorch.nn;

import org.bytedeco.pytorch.TensorOptional;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.internal.NativeCalls;
import org.jtorch.nn.init.Init;

/**
 * The common part of {@link RNNCell}, {@link LSTMCell} and {@link GRUCell}, PyTorch's {@code
 * nn.RNNCellBase}: one time step, with parameters {@code weight_ih} (chunks·H, H_in), {@code
 * weight_hh} (chunks·H, H), {@code bias_ih}, {@code bias_hh} (chunks·H), all U(−1/√H, 1/√H) in that
 * order, as PyTorch. Inputs are (N, H_in) or unbatched (H_in).
 */
public abstract class RNNCellBase extends Module {
  /** Input-hidden weights. */
  public final Tensor weightIh;

  /** Hidden-hidden weights. */
  public final Tensor weightHh;

  /** Input-hidden bias, or null. */
  public final Tensor biasIh;

  /** Hidden-hidden bias, or null. */
  public final Tensor biasHh;

  final long inputSize;
  final long hiddenSize;
  final boolean bias;

  RNNCellBase(long inputSize, long hiddenSize, boolean bias, long chunks) {
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.bias = bias;
    try (Tensor wih = Torch.empty(chunks * hiddenSize, inputSize);
        Tensor whh = Torch.empty(chunks * hiddenSize, hiddenSize);
        Tensor bih = bias ? Torch.empty(chunks * hiddenSize) : null;
        Tensor bhh = bias ? Torch.empty(chunks * hiddenSize) : null) {
      weightIh = registerParameter("weight_ih", wih);
      weightHh = registerParameter("weight_hh", whh);
      biasIh = registerParameter("bias_ih", bih);
      biasHh = registerParameter("bias_hh", bhh);
    }
    resetParameters();
  }

  /** Re-initialises every parameter with U(−1/√H, 1/√H), in registration order. */
  public void resetParameters() {
    double stdv = hiddenSize > 0 ? 1.0 / Math.sqrt(hiddenSize) : 0;
    for (Tensor w : parameters()) {
      Init.uniform_(w, -stdv, stdv);
    }
  }

  /** The input feature size. */
  public long inputSize() {
    return inputSize;
  }

  /** The hidden state size. */
  public long hiddenSize() {
    return hiddenSize;
  }

  /** Checks a 1-D or 2-D tensor; returns whether it is batched. */
  boolean checkRank(Tensor t, String what) {
    checkOpen();
    if (t.dim() != 1 && t.dim() != 2) {
      throw new IllegalArgumentException(
          name() + ": Expected " + what + " to be 1D or 2D, got " + t.dim() + "D instead");
    }
    return t.dim() == 2;
  }

  Tensor zeros(Tensor input) {
    return Torch.zeros(
        new long[] {input.size(0), hiddenSize},
        TensorOptions.dtype(input.dtype()).withDevice(input.device()));
  }

  /** Runs {@code call} with the native weights and optional biases. */
  <T> T withWeights(CellCall<T> call) {
    org.bytedeco.pytorch.Tensor wih = NativeCalls.h(weightIh, "weight_ih");
    org.bytedeco.pytorch.Tensor whh = NativeCalls.h(weightHh, "weight_hh");
    try (TensorOptional bih =
            biasIh == null ? new TensorOptional() : new TensorOptional(NativeCalls.h(biasIh, "b"));
        TensorOptional bhh =
            biasHh == null
                ? new TensorOptional()
                : new TensorOptional(NativeCalls.h(biasHh, "b"))) {
      return call.apply(wih, whh, bih, bhh);
    }
  }

  /** A cell kernel call. */
  interface CellCall<T> {
    T apply(
        org.bytedeco.pytorch.Tensor wih,
        org.bytedeco.pytorch.Tensor whh,
        TensorOptional bih,
        TensorOptional bhh);
  }

  @Override
  public String extraRepr() {
    return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False");
  }
}
