package org.jtorch.nn;

import org.bytedeco.pytorch.TensorVector;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.internal.NativeCalls;

/**
 * A long short-term memory network, PyTorch's {@code nn.LSTM}; see {@link RNNBase} for the shapes,
 * weights (gates i, f, g, o) and kernels. With {@code projSize} > 0 the hidden state is projected
 * to that size by {@code weight_hr_l*} (PyTorch's LSTM with projections).
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(LSTM.options(10, 20).numLayers(2).dropout(0.1));
 * Tensor out = lstm.forward(x);                   // out, _ = lstm(x)
 * LSTM.Output r = lstm.forward(x, null);          // out, (h_n, c_n) = lstm(x)
 * LSTM.Output next = lstm.forward(x2, r.state()); // continue from the final state
 * }</pre>
 */
public class LSTM extends RNNBase {
  /** A hidden state and a cell state, PyTorch's {@code (h, c)} tuple. */
  public record State(Tensor h, Tensor c) {}

  /** The output sequence and the final states h_n and c_n. */
  public record Output(Tensor output, Tensor hN, Tensor cN) {
    /** {@code (h_n, c_n)}, to pass as the next call's initial state. */
    public State state() {
      return new State(hN, cN);
    }
  }

  /** {@link RNNBase.Options} plus the projection size. */
  public static final class Options extends RNNBase.Options<Options> {
    long projSize = 0;

    Options(long inputSize, long hiddenSize) {
      super(inputSize, hiddenSize);
    }

    /** Projects h to this size (0, the default, for none); must be smaller than hiddenSize. */
    public Options projSize(long projSize) {
      this.projSize = projSize;
      return this;
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long inputSize, long hiddenSize) {
    return new Options(inputSize, hiddenSize);
  }

  /** One layer. */
  public LSTM(long inputSize, long hiddenSize) {
    this(options(inputSize, hiddenSize));
  }

  /** {@code numLayers} stacked layers. */
  public LSTM(long inputSize, long hiddenSize, long numLayers) {
    this(options(inputSize, hiddenSize).numLayers(numLayers));
  }

  /**
   * @throws IllegalArgumentException for invalid sizes, with PyTorch's message
   */
  public LSTM(Options options) {
    super("LSTM", options, options.projSize);
  }

  /** The projection size (0 without projections). */
  public long projSize() {
    return projSize;
  }

  @Override
  String errorName() {
    return "LSTM";
  }

  @Override
  public Tensor forward(Tensor input) {
    Output r = forward(input, (State) null);
    r.hN().close();
    r.cN().close();
    return r.output();
  }

  /** {@code forward(input, new State(h0, c0))}; both null for zeros. */
  public Output forward(Tensor input, Tensor h0, Tensor c0) {
    if ((h0 == null) != (c0 == null)) {
      throw new IllegalArgumentException("h0 and c0 must both be given, or both be null");
    }
    return forward(input, h0 == null ? null : new State(h0, c0));
  }

  /**
   * PyTorch's {@code lstm(input, (h_0, c_0))}: the output sequence and the final states h_n (D·
   * numLayers, N, H_out) and c_n (D·numLayers, N, H_cell), without the N for an unbatched input.
   *
   * @param hx the initial states of those shapes, or null for zeros
   * @throws IllegalArgumentException for a wrong rank, input size or state shape, with PyTorch's
   *     message ("LSTM: Expected input to be 2D or 3D, got 4D instead", "input.size(-1) must be
   *     equal to input_size. Expected 10, got 7", "Expected hidden[0] size (1, 3, 20), got [1, 3,
   *     5]", ...)
   */
  public Output forward(Tensor input, State hx) {
    boolean batched = checkRank(input);
    long realHidden = projSize > 0 ? projSize : hiddenSize;
    try (Scope scope = Scope.open()) {
      Tensor x = input;
      if (!batched) {
        x = x.unsqueeze(batchDim());
      }
      Tensor h0;
      Tensor c0;
      if (hx == null) {
        h0 = zeros(x, realHidden);
        c0 = zeros(x, hiddenSize);
      } else {
        h0 = java.util.Objects.requireNonNull(hx.h(), "h");
        c0 = java.util.Objects.requireNonNull(hx.c(), "c");
        if (batched) {
          if (h0.dim() != 3 || c0.dim() != 3) {
            throw new IllegalArgumentException(
                "For batched 3-D input, hx and cx should also be 3-D but got ("
                    + h0.dim()
                    + "-D, "
                    + c0.dim()
                    + "-D) tensors");
          }
        } else {
          if (h0.dim() != 2 || c0.dim() != 2) {
            throw new IllegalArgumentException(
                "For unbatched 2-D input, hx and cx should also be 2-D but got ("
                    + h0.dim()
                    + "-D, "
                    + c0.dim()
                    + "-D) tensors");
          }
          h0 = h0.unsqueeze(1);
          c0 = c0.unsqueeze(1);
        }
      }
      checkInput(x);
      checkHiddenSize(h0, expectedHiddenSize(x, realHidden), "hidden[0]");
      checkHiddenSize(c0, expectedHiddenSize(x, hiddenSize), "hidden[1]");
      org.bytedeco.pytorch.Tensor xi = NativeCalls.h(x, "input");
      Tensor[] r;
      try (TensorVector states =
              new TensorVector(NativeCalls.h(h0, "h0"), NativeCalls.h(c0, "c0"));
          TensorVector params = params()) {
        boolean train = isTraining();
        r =
            NativeCalls.triple(
                () ->
                    org.bytedeco.pytorch.global.torch.lstm(
                        xi,
                        states,
                        params,
                        bias,
                        numLayers,
                        dropout,
                        train,
                        bidirectional,
                        batchFirst));
      }
      Tensor out = r[0];
      Tensor hN = r[1];
      Tensor cN = r[2];
      if (!batched) {
        out = out.squeeze(batchDim());
        hN = hN.squeeze(1);
        cN = cN.squeeze(1);
      }
      return new Output(scope.keep(out), scope.keep(hN), scope.keep(cN));
    }
  }
}
