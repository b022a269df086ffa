package org.jtorch.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.TensorVector;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.internal.NativeCalls;
import org.jtorch.nn.init.Init;

/**
 * The common part of {@link RNN}, {@link LSTM} and {@link GRU}, PyTorch's {@code nn.RNNBase}:
 * stacked (optionally bidirectional) recurrent layers whose weights are named, ordered and
 * initialised as PyTorch's ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0}, {@code
 * bias_hh_l0}, then the {@code _reverse} ones, layer by layer; every one U(−1/√hidden, 1/√hidden)),
 * and whose forward pass runs LibTorch's fused kernels ({@code torch.lstm}, {@code torch.gru},
 * {@code torch.rnn_tanh}, {@code torch.rnn_relu}), as Python does, so outputs, gradients and
 * inter-layer dropout are Python's.
 *
 * <p>Inputs are (L, N, H_in), or (N, L, H_in) with {@code batchFirst}, or unbatched (L, H_in).
 * {@code forward(input)} returns the output sequence (what {@code out, _ = rnn(x)} keeps); the
 * two-argument forms take an initial state (null for zeros) and return the final states too.
 * PackedSequence inputs are not supported.
 */
public abstract class RNNBase extends Module {
  /** The output sequence and the final hidden state {@code h_n} of {@link RNN} and {@link GRU}. */
  public record Output(Tensor output, Tensor hN) {}

  /**
   * PyTorch's keyword arguments common to the recurrent layers, with its defaults.
   *
   * @param <O> the concrete options type, for chaining
   */
  @SuppressWarnings("unchecked")
  public abstract static class Options<O extends Options<O>> {
    final long inputSize;
    final long hiddenSize;
    long numLayers = 1;
    boolean bias = true;
    boolean batchFirst = false;
    double dropout = 0.0;
    boolean bidirectional = false;

    Options(long inputSize, long hiddenSize) {
      this.inputSize = inputSize;
      this.hiddenSize = hiddenSize;
    }

    /** Stacked layers; default 1. */
    public O numLayers(long numLayers) {
      this.numLayers = numLayers;
      return (O) this;
    }

    /** Bias vectors {@code b_ih} and {@code b_hh}; default true. */
    public O bias(boolean bias) {
      this.bias = bias;
      return (O) this;
    }

    /** Input and output are (N, L, H) instead of (L, N, H); default false. States are not. */
    public O batchFirst(boolean batchFirst) {
      this.batchFirst = batchFirst;
      return (O) this;
    }

    /** Dropout on the outputs of every layer but the last, in training mode; default 0. */
    public O dropout(double dropout) {
      this.dropout = dropout;
      return (O) this;
    }

    /** A second, reversed pass whose outputs are concatenated; default false. */
    public O bidirectional(boolean bidirectional) {
      this.bidirectional = bidirectional;
      return (O) this;
    }
  }

  final String mode;
  final long inputSize;
  final long hiddenSize;
  final long numLayers;
  final boolean bias;
  final boolean batchFirst;
  final double dropout;
  final boolean bidirectional;
  final long projSize;
  private final List<Tensor> flatWeights = new ArrayList<>();
  private final List<String> flatWeightNames = new ArrayList<>();

  RNNBase(String mode, Options<?> o, long projSize) {
    if (!(o.dropout >= 0 && o.dropout <= 1)) {
      throw new IllegalArgumentException(
          "dropout should be a number in range [0, 1] representing the probability of an element"
              + " being zeroed");
    }
    if (o.inputSize <= 0) {
      throw new IllegalArgumentException("input_size must be greater than zero");
    }
    if (o.hiddenSize <= 0) {
      throw new IllegalArgumentException("hidden_size must be greater than zero");
    }
    if (o.numLayers <= 0) {
      throw new IllegalArgumentException("num_layers must be greater than zero");
    }
    if (projSize < 0) {
      throw new IllegalArgumentException(
          "proj_size should be a positive integer or zero to disable projections");
    }
    if (projSize >= o.hiddenSize) {
      throw new IllegalArgumentException("proj_size has to be smaller than hidden_size");
    }
    this.mode = mode;
    this.inputSize = o.inputSize;
    this.hiddenSize = o.hiddenSize;
    this.numLayers = o.numLayers;
    this.bias = o.bias;
    this.batchFirst = o.batchFirst;
    this.dropout = o.dropout;
    this.bidirectional = o.bidirectional;
    this.projSize = projSize;
    long gateSize;
    switch (mode) {
      case "LSTM":
        gateSize = 4 * hiddenSize;
        break;
      case "GRU":
        gateSize = 3 * hiddenSize;
        break;
      default:
        gateSize = hiddenSize;
    }
    long directions = bidirectional ? 2 : 1;
    long realHidden = projSize > 0 ? projSize : hiddenSize;
    for (long layer = 0; layer < numLayers; layer++) {
      for (long direction = 0; direction < directions; direction++) {
        long layerInput = layer == 0 ? inputSize : realHidden * directions;
        String suffix = "_l" + layer + (direction == 1 ? "_reverse" : "");
        add("weight_ih" + suffix, gateSize, layerInput);
        add("weight_hh" + suffix, gateSize, realHidden);
        if (bias) {
          add("bias_ih" + suffix, gateSize);
          add("bias_hh" + suffix, gateSize);
        }
        if (projSize > 0) {
          add("weight_hr" + suffix, projSize, hiddenSize);
        }
      }
    }
    resetParameters();
  }

  private void add(String name, long... shape) {
    try (Tensor t = Torch.empty(shape)) {
      flatWeights.add(registerParameter(name, t));
      flatWeightNames.add(name);
    }
  }

  /** Re-initialises every weight as PyTorch's {@code reset_parameters()}: U(−1/√h, 1/√h). */
  public void resetParameters() {
    double stdv = 1.0 / Math.sqrt(hiddenSize);
    for (Tensor w : parameters()) {
      Init.uniform_(w, -stdv, stdv);
    }
  }

  /** The weights in the order the fused kernel takes them ({@code _flat_weights} in Python). */
  public List<Tensor> flatWeights() {
    return Collections.unmodifiableList(flatWeights);
  }

  /** Their names ({@code _flat_weights_names}). */
  public List<String> flatWeightsNames() {
    return Collections.unmodifiableList(flatWeightNames);
  }

  /** The input feature size. */
  public long inputSize() {
    return inputSize;
  }

  /** The hidden state size. */
  public long hiddenSize() {
    return hiddenSize;
  }

  /** The number of stacked layers. */
  public long numLayers() {
    return numLayers;
  }

  /** Whether inputs and outputs are batch first. */
  public boolean batchFirst() {
    return batchFirst;
  }

  /** Whether the layers run in both directions. */
  public boolean bidirectional() {
    return bidirectional;
  }

  /** The name PyTorch uses in its error messages: RNN, LSTM or GRU. */
  abstract String errorName();

  /**
   * The output sequence only, PyTorch's {@code rnn(input)[0]}: (L, N, D·H_out), (N, L, D·H_out)
   * with {@code batchFirst}, or (L, D·H_out) for an unbatched input.
   */
  @Override
  public abstract Tensor forward(Tensor input);

  // ---------------------------------------------------------------------------------------------
  // shared forward plumbing

  long directions() {
    return bidirectional ? 2 : 1;
  }

  /** Checks the rank; returns whether the input is batched. */
  boolean checkRank(Tensor input) {
    checkOpen();
    long d = input.dim();
    if (d != 2 && d != 3) {
      throw new IllegalArgumentException(
          errorName()
              + ": Expected input to be 2D or 3D, got "
              + d
              + "D"
              + (mode.startsWith("RNN") ? " tensor" : "")
              + " instead");
    }
    return d == 3;
  }

  long batchDim() {
    return batchFirst ? 0 : 1;
  }

  /** PyTorch's {@code check_input} on the (batched) input. */
  void checkInput(Tensor input) {
    DType w = flatWeights.get(0).dtype();
    if (input.dtype() != w) {
      throw new IllegalArgumentException(
          "RNN input dtype ("
              + input.dtype()
              + ") does not match weight dtype ("
              + w
              + "). Convert input: input.to("
              + w
              + "), or convert model: model.to("
              + input.dtype()
              + ")");
    }
    if (input.dim() != 3) {
      throw new IllegalArgumentException("input must have 3 dimensions, got " + input.dim());
    }
    if (inputSize != input.size(-1)) {
      throw new IllegalArgumentException(
          "input.size(-1) must be equal to input_size. Expected "
              + inputSize
              + ", got "
              + input.size(-1));
    }
  }

  long[] expectedHiddenSize(Tensor input, long size) {
    long miniBatch = batchFirst ? input.size(0) : input.size(1);
    return new long[] {numLayers * directions(), miniBatch, size};
  }

  static void checkHiddenSize(Tensor hx, long[] expected, String what) {
    if (!java.util.Arrays.equals(hx.shape(), expected)) {
      throw new IllegalArgumentException(
          "Expected "
              + what
              + " size "
              + py(expected)
              + ", got "
              + java.util.Arrays.toString(hx.shape()));
    }
  }

  Tensor zeros(Tensor input, long size) {
    return Torch.zeros(
        expectedHiddenSize(input, size),
        TensorOptions.dtype(input.dtype()).withDevice(input.device()));
  }

  TensorVector params() {
    TensorVector v = new TensorVector();
    for (Tensor w : flatWeights) {
      v.push_back(NativeCalls.h(w, "weight"));
    }
    return v;
  }

  /** RNN and GRU: one state tensor. */
  Output forwardSingleState(Tensor input, Tensor hx) {
    boolean batched = checkRank(input);
    try (Scope scope = Scope.open()) {
      Tensor x = input;
      if (!batched) {
        x = x.unsqueeze(batchDim());
        if (hx != null) {
          if (hx.dim() != 2) {
            throw new IllegalArgumentException(
                "For unbatched 2-D input, hx should also be 2-D but got " + hx.dim() + "-D tensor");
          }
          hx = hx.unsqueeze(1);
        }
      } else if (hx != null && hx.dim() != 3) {
        throw new IllegalArgumentException(
            "For batched 3-D input, hx should also be 3-D but got " + hx.dim() + "-D tensor");
      }
      if (hx == null) {
        hx = zeros(x, hiddenSize);
      }
      checkInput(x);
      checkHiddenSize(hx, expectedHiddenSize(x, hiddenSize), "hidden");
      org.bytedeco.pytorch.Tensor xi = NativeCalls.h(x, "input");
      org.bytedeco.pytorch.Tensor h0 = NativeCalls.h(hx, "hx");
      Tensor[] r;
      try (TensorVector params = params()) {
        boolean train = isTraining();
        r =
            NativeCalls.pair(
                () -> {
                  switch (mode) {
                    case "GRU":
                      return org.bytedeco.pytorch.global.torch.gru(
                          xi,
                          h0,
                          params,
                          bias,
                          numLayers,
                          dropout,
                          train,
                          bidirectional,
                          batchFirst);
                    case "RNN_RELU":
                      return org.bytedeco.pytorch.global.torch.rnn_relu(
                          xi,
                          h0,
                          params,
                          bias,
                          numLayers,
                          dropout,
                          train,
                          bidirectional,
                          batchFirst);
                    default:
                      return org.bytedeco.pytorch.global.torch.rnn_tanh(
                          xi,
                          h0,
                          params,
                          bias,
                          numLayers,
                          dropout,
                          train,
                          bidirectional,
                          batchFirst);
                  }
                });
      }
      Tensor out = r[0];
      Tensor hN = r[1];
      if (!batched) {
        out = out.squeeze(batchDim());
        hN = hN.squeeze(1);
      }
      return new Output(scope.keep(out), scope.keep(hN));
    }
  }

  @Override
  public String extraRepr() {
    StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
    if (projSize != 0) {
      s.append(", proj_size=").append(projSize);
    }
    if (numLayers != 1) {
      s.append(", num_layers=").append(numLayers);
    }
    if (!bias) {
      s.append(", bias=False");
    }
    if (batchFirst) {
      s.append(", batch_first=True");
    }
    if (dropout != 0) {
      s.append(", dropout=").append(py(dropout));
    }
    if (bidirectional) {
      s.append(", bidirectional=True");
    }
    return s.toString();
  }
}
