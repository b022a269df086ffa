package org.jtorch.nn;

import org.jtorch.Tensor;

/**
 * An Elman recurrent network, {@code h_t = tanh(x_t W_ihᵀ + b_ih + h_(t−1) W_hhᵀ + b_hh)} (or
 * ReLU), PyTorch's {@code nn.RNN}; see {@link RNNBase} for the shapes, weights and kernels.
 *
 * <pre>{@code
 * RNN rnn = new RNN(RNN.options(10, 20).numLayers(2).nonlinearity("relu"));
 * Tensor out = rnn.forward(x);                    // (L, N, 20)
 * RNN.Output r = rnn.forward(x, h0);              // out and h_n (2, N, 20); h0 may be null
 * }</pre>
 */
public class RNN extends RNNBase {
  /** {@link RNNBase.Options} plus the nonlinearity. */
  public static final class Options extends RNNBase.Options<Options> {
    String nonlinearity = "tanh";

    Options(long inputSize, long hiddenSize) {
      super(inputSize, hiddenSize);
    }

    /** {@code "tanh"} (the default) or {@code "relu"}. */
    public Options nonlinearity(String nonlinearity) {
      this.nonlinearity = nonlinearity;
      return this;
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long inputSize, long hiddenSize) {
    return new Options(inputSize, hiddenSize);
  }

  private final String nonlinearity;

  /** One tanh layer. */
  public RNN(long inputSize, long hiddenSize) {
    this(options(inputSize, hiddenSize));
  }

  /** {@code numLayers} stacked tanh layers. */
  public RNN(long inputSize, long hiddenSize, long numLayers) {
    this(options(inputSize, hiddenSize).numLayers(numLayers));
  }

  /**
   * @throws IllegalArgumentException for an unknown nonlinearity or invalid sizes, with PyTorch's
   *     message
   */
  public RNN(Options options) {
    super(mode(options.nonlinearity), options, 0);
    this.nonlinearity = options.nonlinearity;
  }

  private static String mode(String nonlinearity) {
    if ("tanh".equals(nonlinearity)) {
      return "RNN_TANH";
    }
    if ("relu".equals(nonlinearity)) {
      return "RNN_RELU";
    }
    throw new IllegalArgumentException(
        "Unknown nonlinearity '" + nonlinearity + "'. Select from 'tanh' or 'relu'.");
  }

  /** {@code "tanh"} or {@code "relu"}. */
  public String nonlinearity() {
    return nonlinearity;
  }

  @Override
  String errorName() {
    return "RNN";
  }

  @Override
  public Tensor forward(Tensor input) {
    Output r = forward(input, null);
    r.hN().close();
    return r.output();
  }

  /**
   * PyTorch's {@code rnn(input, hx)}: the output sequence and the final hidden state h_n, (D·
   * numLayers, N, H) or (D·numLayers, H) unbatched.
   *
   * @param hx the initial hidden state of that shape, or null for zeros
   * @throws IllegalArgumentException for a wrong rank, input size or state shape, with PyTorch's
   *     message
   */
  public Output forward(Tensor input, Tensor hx) {
    return forwardSingleState(input, hx);
  }
}
