package org.jtorch.nn;

import org.jtorch.Tensor;

/**
 * A gated recurrent unit network, PyTorch's {@code nn.GRU}; see {@link RNNBase} for the shapes,
 * weights (gates r, z, n) and kernels.
 *
 * <pre>{@code
 * GRU gru = new GRU(GRU.options(10, 20).batchFirst(true).bidirectional(true));
 * Tensor out = gru.forward(x);                    // (N, L, 40)
 * GRU.Output r = gru.forward(x, null);            // out and h_n (2, N, 20)
 * }</pre>
 */
public class GRU extends RNNBase {
  /** {@link RNNBase.Options} of a GRU. */
  public static final class Options extends RNNBase.Options<Options> {
    Options(long inputSize, long hiddenSize) {
      super(inputSize, hiddenSize);
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long inputSize, long hiddenSize) {
    return new Options(inputSize, hiddenSize);
  }

  /** One layer. */
  public GRU(long inputSize, long hiddenSize) {
    this(options(inputSize, hiddenSize));
  }

  /** {@code numLayers} stacked layers. */
  public GRU(long inputSize, long hiddenSize, long numLayers) {
    this(options(inputSize, hiddenSize).numLayers(numLayers));
  }

  /**
   * @throws IllegalArgumentException for invalid sizes, with PyTorch's message
   */
  public GRU(Options options) {
    super("GRU", options, 0);
  }

  @Override
  String errorName() {
    return "GRU";
  }

  @Override
  public Tensor forward(Tensor input) {
    Output r = forward(input, null);
    r.hN().close();
    return r.output();
  }

  /**
   * PyTorch's {@code gru(input, hx)}: the output sequence and the final hidden state h_n, (D·
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
