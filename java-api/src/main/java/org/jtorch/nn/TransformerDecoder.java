package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Scope;
import org.jtorch.Tensor;

/**
 * A stack of {@code numLayers} copies of a decoder layer, then an optional norm, PyTorch's {@code
 * nn.TransformerDecoder}. As in Python, every layer starts as a copy of the given one (same
 * weights), under the state-dict keys {@code layers.0.…}, … and {@code norm.…}.
 */
public class TransformerDecoder extends Module {
  /** The layers, PyTorch's {@code layers}. */
  public final ModuleList layers;

  /** The final norm, or null. */
  public final LayerNorm norm;

  /** {@code TransformerDecoder(decoderLayer, numLayers)}: no final norm. */
  public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers) {
    this(decoderLayer, numLayers, null);
  }

  /**
   * {@code TransformerDecoder(decoderLayer, numLayers, norm)}; {@code norm} may be null.
   *
   * @throws IllegalArgumentException if {@code numLayers} is negative
   */
  public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, LayerNorm norm) {
    Objects.requireNonNull(decoderLayer, "decoderLayer");
    this.layers = registerModule("layers", ModuleList.copies(numLayers, decoderLayer::copy));
    this.norm = norm == null ? null : registerModule("norm", norm);
  }

  /** {@code forward(tgt, memory)} with no masks. */
  public Tensor forward(Tensor tgt, Tensor memory) {
    return forward(tgt, memory, null, null, null, null, null, false);
  }

  /**
   * PyTorch's {@code forward(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask,
   * memory_key_padding_mask, tgt_is_causal, memory_is_causal)}: each layer in turn, then the
   * norm; masks may be null, and a null {@code tgtIsCausal} (PyTorch's None) detects whether
   * {@code tgtMask} is the causal mask.
   */
  public Tensor forward(
      Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
      Tensor memoryKeyPaddingMask, Boolean tgtIsCausal, boolean memoryIsCausal) {
    checkOpen();
    try (Scope scope = Scope.open()) {
      boolean batchFirst =
          layers.size() > 0 && ((TransformerDecoderLayer) layers.get(0)).selfAttn.batchFirst();
      boolean causal =
          Transformer.isCausal(tgtMask, tgtIsCausal, Transformer.seqLen(tgt, batchFirst));
      Tensor out = tgt;
      for (Module m : layers) {
        out =
            ((TransformerDecoderLayer) m)
                .forward(out, memory, tgtMask, memoryMask, tgtKeyPaddingMask,
                    memoryKeyPaddingMask, causal, memoryIsCausal);
      }
      if (norm != null) {
        out = norm.call(out);
      }
      return scope.keep(out);
    }
  }
}
