package org.jtorch.nn;

import java.util.Objects;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.nn.functional.F;

/**
 * A stack of {@code numLayers} copies of an encoder layer, then an optional norm, PyTorch's {@code
 * nn.TransformerEncoder}. As in Python, every layer starts as a copy of the given one (same
 * weights), under the state-dict keys {@code layers.0.…}, {@code layers.1.…}, and {@code norm.…}.
 *
 * <p>Differs from PyTorch in one case: in eval mode with a key-padding mask, PyTorch's fast path
 * runs the layers on nested tensors and returns 0 at the padded positions; jtorch computes those
 * positions as the training path does (the others are equal).
 */
public class TransformerEncoder extends Module {
  /** The layers, PyTorch's {@code layers}. */
  public final ModuleList layers;

  /** The final norm, or null. */
  public final LayerNorm norm;

  /** {@code TransformerEncoder(encoderLayer, numLayers)}: no final norm. */
  public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) {
    this(encoderLayer, numLayers, null);
  }

  /**
   * {@code TransformerEncoder(encoderLayer, numLayers, norm)}; {@code norm} may be null.
   *
   * @throws IllegalArgumentException if {@code numLayers} is negative
   */
  public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, LayerNorm norm) {
    Objects.requireNonNull(encoderLayer, "encoderLayer");
    this.layers = registerModule("layers", ModuleList.copies(numLayers, encoderLayer::copy));
    this.norm = norm == null ? null : registerModule("norm", norm);
  }

  @Override
  public Tensor forward(Tensor src) {
    return forward(src, null, null, null);
  }

  /**
   * PyTorch's {@code forward(src, mask, src_key_padding_mask, is_causal)}: each layer in turn,
   * then the norm.
   *
   * @param mask (L, L) or (N·nhead, L, L), bool (true masks) or float (added), or null
   * @param srcKeyPaddingMask (N, L) or (L), or null
   * @param isCausal whether {@code mask} is the causal mask; null (PyTorch's None) detects it
   */
  public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask, Boolean isCausal) {
    checkOpen();
    try (Scope scope = Scope.open()) {
      srcKeyPaddingMask =
          F.canonicalMask(srcKeyPaddingMask, "src_key_padding_mask", src.dtype());
      mask = F.canonicalMask(mask, "mask", src.dtype());
      boolean batchFirst =
          layers.size() > 0 && ((TransformerEncoderLayer) layers.get(0)).selfAttn.batchFirst();
      boolean causal = Transformer.isCausal(mask, isCausal, Transformer.seqLen(src, batchFirst));
      Tensor out = src;
      for (Module m : layers) {
        out = ((TransformerEncoderLayer) m).forward(out, mask, srcKeyPaddingMask, causal);
      }
      if (norm != null) {
        out = norm.call(out);
      }
      return scope.keep(out);
    }
  }
}
