package org.jtorch.nn;

import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.init.Init;

/**
 * The encoder-decoder Transformer, PyTorch's {@code nn.Transformer}: a {@link TransformerEncoder}
 * of {@code numEncoderLayers} layers with a final norm, and a {@link TransformerDecoder} of {@code
 * numDecoderLayers} with a final norm, every weight matrix re-initialised with Xavier-uniform (as
 * Python's {@code _reset_parameters}), so the same seed gives Python's weights. State-dict keys
 * are Python's ({@code encoder.layers.0.…}, {@code decoder.norm.…}).
 *
 * <pre>{@code
 * var model = new Transformer(
 *     Transformer.options(512, 8).numEncoderLayers(6).numDecoderLayers(6).batchFirst(true));
 * Tensor out = model.forward(src, tgt, null, Transformer.generateSquareSubsequentMask(tgtLen));
 * }</pre>
 */
public class Transformer extends Module {
  /** PyTorch's keyword arguments, with its defaults. */
  public static final class Options {
    final TransformerEncoderLayer.Options layer;
    int numEncoderLayers = 6;
    int numDecoderLayers = 6;

    Options(long dModel, long nhead) {
      layer = TransformerEncoderLayer.options(dModel, nhead);
    }

    /** Encoder layers; default 6. */
    public Options numEncoderLayers(int n) {
      numEncoderLayers = n;
      return this;
    }

    /** Decoder layers; default 6. */
    public Options numDecoderLayers(int n) {
      numDecoderLayers = n;
      return this;
    }

    /** The feed-forward width; default 2048. */
    public Options dimFeedforward(long dimFeedforward) {
      layer.dimFeedforward(dimFeedforward);
      return this;
    }

    /** Dropout probability everywhere; default 0.1. */
    public Options dropout(double dropout) {
      layer.dropout(dropout);
      return this;
    }

    /** {@code "relu"} (the default) or {@code "gelu"}. */
    public Options activation(String activation) {
      layer.activation(activation);
      return this;
    }

    /** The layer norms' epsilon; default 1e-5. */
    public Options layerNormEps(double eps) {
      layer.layerNormEps(eps);
      return this;
    }

    /** (N, L, E) instead of (L, N, E); default false. */
    public Options batchFirst(boolean batchFirst) {
      layer.batchFirst(batchFirst);
      return this;
    }

    /** Layer norm before each block instead of after; default false. */
    public Options normFirst(boolean normFirst) {
      layer.normFirst(normFirst);
      return this;
    }

    /** Biases in the linear layers and layer norms; default true. */
    public Options bias(boolean bias) {
      layer.bias(bias);
      return this;
    }
  }

  /** Options with PyTorch's defaults ({@code d_model}, {@code nhead} given). */
  public static Options options(long dModel, long nhead) {
    return new Options(dModel, nhead);
  }

  /** The encoder. */
  public final TransformerEncoder encoder;

  /** The decoder. */
  public final TransformerDecoder decoder;

  private final long dModel;
  private final boolean batchFirst;

  /** PyTorch's {@code nn.Transformer()}: d_model 512, 8 heads, 6 + 6 layers. */
  public Transformer() {
    this(options(512, 8));
  }

  /** With the given options. */
  public Transformer(Options o) {
    TransformerEncoderLayer.Options l = o.layer;
    encoder =
        registerModule(
            "encoder",
            new TransformerEncoder(
                new TransformerEncoderLayer(l), o.numEncoderLayers, layerNorm(l)));
    decoder =
        registerModule(
            "decoder",
            new TransformerDecoder(
                new TransformerDecoderLayer(l), o.numDecoderLayers, layerNorm(l)));
    dModel = l.dModel;
    batchFirst = l.batchFirst;
    try (var off = Torch.noGrad()) {
      for (Tensor p : parameters()) {
        if (p.dim() > 1) {
          Init.xavierUniform_(p);
        }
      }
    }
  }

  private static LayerNorm layerNorm(TransformerEncoderLayer.Options l) {
    return new LayerNorm(LayerNorm.options(l.dModel).eps(l.layerNormEps).bias(l.bias));
  }

  /**
   * The causal mask of {@code size} steps, PyTorch's {@code
   * Transformer.generate_square_subsequent_mask}: 0 on and below the diagonal, −inf above.
   */
  public static Tensor generateSquareSubsequentMask(long size) {
    try (Scope scope = Scope.open()) {
      Tensor steps = Torch.arange(size);
      Tensor above = steps.unsqueeze(0).gt(steps.unsqueeze(1)); // column > row
      return scope.keep(Torch.zeros(size, size).maskedFill_(above, Double.NEGATIVE_INFINITY));
    }
  }

  /**
   * PyTorch's {@code _detect_is_causal_mask}: {@code isCausal} where given; else whether {@code
   * mask} is the causal mask of {@code size} steps (in its own dtype: −inf or true above the
   * diagonal). A causal mask then runs as PyTorch runs it: as the attention's causal flag, where no
   * key-padding mask is given, so that the mask itself gets no gradient.
   */
  static boolean isCausal(Tensor mask, Boolean isCausal, long size) {
    if (isCausal != null) {
      return isCausal;
    }
    if (mask == null) {
      return false;
    }
    try (Scope scope = Scope.open()) {
      Tensor causal = generateSquareSubsequentMask(size).to(mask.dtype());
      return java.util.Arrays.equals(mask.shape(), causal.shape())
          && mask.eq(causal).all().booleanValue();
    }
  }

  /** The sequence length of {@code x} (its dim 1 if batched and batch-first, else dim 0). */
  static long seqLen(Tensor x, boolean batchFirst) {
    return x.dim() == 3 && batchFirst ? x.shape()[1] : x.shape()[0];
  }

  /** {@code forward(src, tgt)} with no masks. */
  public Tensor forward(Tensor src, Tensor tgt) {
    return forward(src, tgt, null, null, null, null, null, null);
  }

  /** {@code forward(src, tgt, src_mask, tgt_mask)}. */
  public Tensor forward(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask) {
    return forward(src, tgt, srcMask, tgtMask, null, null, null, null);
  }

  /**
   * PyTorch's {@code forward(src, tgt, src_mask, tgt_mask, memory_mask, src_key_padding_mask,
   * tgt_key_padding_mask, memory_key_padding_mask)}: the encoder on {@code src}, then the
   * decoder on {@code tgt} and the encoder's output. Masks may be null.
   *
   * @throws IllegalArgumentException if the batch sizes of {@code src} and {@code tgt} differ, or
   *     their feature size is not {@code d_model} (PyTorch's messages)
   */
  public Tensor forward(
      Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask, Tensor memoryMask,
      Tensor srcKeyPaddingMask, Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
    checkOpen();
    boolean isBatched = src.dim() == 3;
    long[] s = src.shape();
    long[] t = tgt.shape();
    if (isBatched && s[batchFirst ? 0 : 1] != t[batchFirst ? 0 : 1]) {
      throw new IllegalArgumentException("the batch number of src and tgt must be equal");
    }
    if (s[s.length - 1] != dModel || t[t.length - 1] != dModel) {
      throw new IllegalArgumentException(
          "the feature number of src and tgt must be equal to d_model");
    }
    try (Scope scope = Scope.open()) {
      Tensor memory = encoder.forward(src, srcMask, srcKeyPaddingMask, null);
      return scope.keep(
          decoder.forward(
              tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask, null,
              false));
    }
  }
}
