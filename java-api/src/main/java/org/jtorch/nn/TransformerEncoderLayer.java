package org.jtorch.nn;

import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * One Transformer encoder block, PyTorch's {@code nn.TransformerEncoderLayer}: self-attention and a
 * feed-forward network, each with dropout, a residual connection and layer norm (after each block,
 * or before it with {@code normFirst}). Submodules and state-dict keys are Python's ({@code
 * self_attn.*}, {@code linear1.*}, {@code dropout}, {@code linear2.*}, {@code norm1.*}, {@code
 * norm2.*}, {@code dropout1}, {@code dropout2}), built in Python's order so the same seed gives the
 * same weights. Forward runs PyTorch's general path (Python's fused inference kernel gives the same
 * values to rounding).
 *
 * <pre>{@code
 * var layer = new TransformerEncoderLayer(
 *     TransformerEncoderLayer.options(64, 4).dimFeedforward(256).batchFirst(true));
 * Tensor y = layer.forward(x);                       // (N, L, 64)
 * }</pre>
 */
public class TransformerEncoderLayer extends Module {
  /** PyTorch's keyword arguments, with its defaults. */
  public static final class Options {
    final long dModel;
    final long nhead;
    long dimFeedforward = 2048;
    double dropout = 0.1;
    String activation = "relu";
    double layerNormEps = 1e-5;
    boolean batchFirst;
    boolean normFirst;
    boolean bias = true;

    Options(long dModel, long nhead) {
      this.dModel = dModel;
      this.nhead = nhead;
    }

    /** The feed-forward width; default 2048. */
    public Options dimFeedforward(long dimFeedforward) {
      this.dimFeedforward = dimFeedforward;
      return this;
    }

    /** Dropout probability everywhere; default 0.1. */
    public Options dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    /** {@code "relu"} (the default) or {@code "gelu"}. */
    public Options activation(String activation) {
      this.activation = activation;
      return this;
    }

    /** The layer norms' epsilon; default 1e-5. */
    public Options layerNormEps(double layerNormEps) {
      this.layerNormEps = layerNormEps;
      return this;
    }

    /** (N, L, E) instead of (L, N, E); default false. */
    public Options batchFirst(boolean batchFirst) {
      this.batchFirst = batchFirst;
      return this;
    }

    /** Layer norm before each block instead of after; default false. */
    public Options normFirst(boolean normFirst) {
      this.normFirst = normFirst;
      return this;
    }

    /** Biases in the linear layers and layer norms; default true. */
    public Options bias(boolean bias) {
      this.bias = bias;
      return this;
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long dModel, long nhead) {
    return new Options(dModel, nhead);
  }

  /** The self-attention block. */
  public final MultiheadAttention selfAttn;

  /** The first feed-forward layer. */
  public final Linear linear1;

  /** Dropout inside the feed-forward block. */
  public final Dropout dropout;

  /** The second feed-forward layer. */
  public final Linear linear2;

  /** The first layer norm. */
  public final LayerNorm norm1;

  /** The second layer norm. */
  public final LayerNorm norm2;

  /** Dropout after self-attention. */
  public final Dropout dropout1;

  /** Dropout after the feed-forward block. */
  public final Dropout dropout2;

  private final boolean normFirst;
  private final boolean gelu;
  private final Options options;

  /** With PyTorch's defaults. */
  public TransformerEncoderLayer(long dModel, long nhead) {
    this(options(dModel, nhead));
  }

  /** With PyTorch's defaults apart from the feed-forward width. */
  public TransformerEncoderLayer(long dModel, long nhead, long dimFeedforward) {
    this(options(dModel, nhead).dimFeedforward(dimFeedforward));
  }

  /**
   * @throws IllegalArgumentException for an activation other than relu or gelu, or sizes
   *     MultiheadAttention rejects
   */
  public TransformerEncoderLayer(Options o) {
    if (!"relu".equals(o.activation) && !"gelu".equals(o.activation)) {
      throw new IllegalArgumentException("activation should be relu/gelu, not " + o.activation);
    }
    this.gelu = o.activation.equals("gelu");
    this.normFirst = o.normFirst;
    this.options = o;
    selfAttn =
        registerModule(
            "self_attn",
            new MultiheadAttention(
                MultiheadAttention.options(o.dModel, o.nhead)
                    .dropout(o.dropout)
                    .bias(o.bias)
                    .batchFirst(o.batchFirst)));
    linear1 = registerModule("linear1", new Linear(o.dModel, o.dimFeedforward, o.bias));
    dropout = registerModule("dropout", new Dropout(o.dropout));
    linear2 = registerModule("linear2", new Linear(o.dimFeedforward, o.dModel, o.bias));
    norm1 =
        registerModule(
            "norm1", new LayerNorm(LayerNorm.options(o.dModel).eps(o.layerNormEps).bias(o.bias)));
    norm2 =
        registerModule(
            "norm2", new LayerNorm(LayerNorm.options(o.dModel).eps(o.layerNormEps).bias(o.bias)));
    dropout1 = registerModule("dropout1", new Dropout(o.dropout));
    dropout2 = registerModule("dropout2", new Dropout(o.dropout));
  }

  /**
   * A copy of this layer, as Python's {@code copy.deepcopy}: the same options, weights (copied)
   * and mode, made without drawing from the default generator (so the random numbers that follow
   * are Python's too).
   */
  TransformerEncoderLayer copy() {
    return Generators.deepCopy(this, () -> new TransformerEncoderLayer(options));
  }

  @Override
  public Tensor forward(Tensor src) {
    return forward(src, null, null, false);
  }

  /**
   * PyTorch's {@code forward(src, src_mask, src_key_padding_mask, is_causal)}.
   *
   * @param srcMask (L, L) or (N·nhead, L, L), bool (true masks) or float (added), or null
   * @param srcKeyPaddingMask (N, L) or (L), or null
   * @param isCausal a hint that {@code srcMask} is the causal mask (which must then be given)
   */
  public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask, boolean isCausal) {
    checkOpen();
    try (Scope scope = Scope.open()) {
      srcKeyPaddingMask = F.canonicalMask(srcKeyPaddingMask, "src_key_padding_mask", src.dtype());
      srcMask = F.canonicalMask(srcMask, "src_mask", src.dtype());
      Tensor x = src;
      if (normFirst) {
        x = x.add(saBlock(norm1.call(x), srcMask, srcKeyPaddingMask, isCausal));
        x = x.add(ffBlock(norm2.call(x)));
      } else {
        x = norm1.call(x.add(saBlock(x, srcMask, srcKeyPaddingMask, isCausal)));
        x = norm2.call(x.add(ffBlock(x)));
      }
      return scope.keep(x);
    }
  }

  private Tensor saBlock(Tensor x, Tensor attnMask, Tensor keyPaddingMask, boolean isCausal) {
    Tensor y =
        selfAttn.forward(x, x, x, keyPaddingMask, false, attnMask, true, isCausal).attnOutput();
    return dropout1.call(y);
  }

  private Tensor ffBlock(Tensor x) {
    Tensor h = linear1.call(x);
    h = gelu ? F.gelu(h) : F.relu(h);
    return dropout2.call(linear2.call(dropout.call(h)));
  }
}
