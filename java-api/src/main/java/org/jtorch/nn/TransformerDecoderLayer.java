package org.jtorch.nn;

import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * One Transformer decoder block, PyTorch's {@code nn.TransformerDecoderLayer}: self-attention,
 * attention over the encoder's output ({@code memory}) and a feed-forward network, each with
 * dropout, a residual connection and layer norm (after each block, or before it with {@code
 * normFirst}). It takes the encoder layer's keyword arguments ({@link
 * TransformerEncoderLayer.Options}). Submodules and state-dict keys are Python's ({@code
 * self_attn}, {@code multihead_attn}, {@code linear1}, {@code dropout}, {@code linear2}, {@code
 * norm1..3}, {@code dropout1..3}), built in Python's order so the same seed gives the same weights.
 */
public class TransformerDecoderLayer extends Module {
  /** Options with PyTorch's defaults (the encoder layer's keyword arguments). */
  public static TransformerEncoderLayer.Options options(long dModel, long nhead) {
    return TransformerEncoderLayer.options(dModel, nhead);
  }

  /** The self-attention block. */
  public final MultiheadAttention selfAttn;
  /** The attention over the memory. */
  public final MultiheadAttention multiheadAttn;
  /** The feed-forward network's first layer. */
  public final Linear linear1;
  /** The dropout inside the feed-forward network. */
  public final Dropout dropout;
  /** The feed-forward network's second layer. */
  public final Linear linear2;
  /** The norms of the three blocks. */
  public final LayerNorm norm1;
  /** The norms of the three blocks. */
  public final LayerNorm norm2;
  /** The norms of the three blocks. */
  public final LayerNorm norm3;
  /** The dropouts after the three blocks. */
  public final Dropout dropout1;
  /** The dropouts after the three blocks. */
  public final Dropout dropout2;
  /** The dropouts after the three blocks. */
  public final Dropout dropout3;

  private final boolean normFirst;
  private final boolean gelu;
  private final TransformerEncoderLayer.Options options;

  /** PyTorch's {@code nn.TransformerDecoderLayer(dModel, nhead)}. */
  public TransformerDecoderLayer(long dModel, long nhead) {
    this(options(dModel, nhead));
  }

  /** PyTorch's {@code nn.TransformerDecoderLayer(dModel, nhead, dimFeedforward)}. */
  public TransformerDecoderLayer(long dModel, long nhead, long dimFeedforward) {
    this(options(dModel, nhead).dimFeedforward(dimFeedforward));
  }

  /**
   * @throws IllegalArgumentException for an activation other than relu or gelu, or sizes
   *     MultiheadAttention rejects
   */
  public TransformerDecoderLayer(TransformerEncoderLayer.Options o) {
    if (!"relu".equals(o.activation) && !"gelu".equals(o.activation)) {
      throw new IllegalArgumentException("activation should be relu/gelu, not " + o.activation);
    }
    this.gelu = o.activation.equals("gelu");
    this.normFirst = o.normFirst;
    this.options = o;
    selfAttn = registerModule("self_attn", attention(o));
    multiheadAttn = registerModule("multihead_attn", attention(o));
    linear1 = registerModule("linear1", new Linear(o.dModel, o.dimFeedforward, o.bias));
    dropout = registerModule("dropout", new Dropout(o.dropout));
    linear2 = registerModule("linear2", new Linear(o.dimFeedforward, o.dModel, o.bias));
    norm1 = registerModule("norm1", norm(o));
    norm2 = registerModule("norm2", norm(o));
    norm3 = registerModule("norm3", norm(o));
    dropout1 = registerModule("dropout1", new Dropout(o.dropout));
    dropout2 = registerModule("dropout2", new Dropout(o.dropout));
    dropout3 = registerModule("dropout3", new Dropout(o.dropout));
  }

  private static MultiheadAttention attention(TransformerEncoderLayer.Options o) {
    return new MultiheadAttention(
        MultiheadAttention.options(o.dModel, o.nhead)
            .dropout(o.dropout)
            .bias(o.bias)
            .batchFirst(o.batchFirst));
  }

  private static LayerNorm norm(TransformerEncoderLayer.Options o) {
    return new LayerNorm(LayerNorm.options(o.dModel).eps(o.layerNormEps).bias(o.bias));
  }

  /** A copy (options, weights, mode) made without drawing from the default generator. */
  TransformerDecoderLayer copy() {
    return Generators.deepCopy(this, () -> new TransformerDecoderLayer(options));
  }

  /** {@code forward(tgt, memory)} with no masks. */
  public Tensor forward(Tensor tgt, Tensor memory) {
    return forward(tgt, memory, null, null, null, null, false, false);
  }

  /**
   * PyTorch's {@code forward(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask,
   * memory_key_padding_mask, tgt_is_causal, memory_is_causal)}; masks may be null.
   */
  public Tensor forward(
      Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
      Tensor memoryKeyPaddingMask, boolean tgtIsCausal, boolean memoryIsCausal) {
    checkOpen();
    try (Scope scope = Scope.open()) {
      Tensor x = tgt;
      if (normFirst) {
        x = x.add(saBlock(norm1.call(x), tgtMask, tgtKeyPaddingMask, tgtIsCausal));
        x = x.add(mhaBlock(norm2.call(x), memory, memoryMask, memoryKeyPaddingMask, memoryIsCausal));
        x = x.add(ffBlock(norm3.call(x)));
      } else {
        x = norm1.call(x.add(saBlock(x, tgtMask, tgtKeyPaddingMask, tgtIsCausal)));
        x = norm2.call(x.add(mhaBlock(x, memory, memoryMask, memoryKeyPaddingMask, memoryIsCausal)));
        x = norm3.call(x.add(ffBlock(x)));
      }
      return scope.keep(x);
    }
  }

  private Tensor saBlock(Tensor x, Tensor attnMask, Tensor keyPaddingMask, boolean isCausal) {
    Tensor y =
        selfAttn.forward(x, x, x, keyPaddingMask, false, attnMask, true, isCausal).attnOutput();
    return dropout1.call(y);
  }

  private Tensor mhaBlock(
      Tensor x, Tensor mem, Tensor attnMask, Tensor keyPaddingMask, boolean isCausal) {
    Tensor y =
        multiheadAttn.forward(x, mem, mem, keyPaddingMask, false, attnMask, true, isCausal)
            .attnOutput();
    return dropout2.call(y);
  }

  private Tensor ffBlock(Tensor x) {
    Tensor h = linear1.call(x);
    h = gelu ? F.gelu(h) : F.relu(h);
    return dropout3.call(linear2.call(dropout.call(h)));
  }
}
