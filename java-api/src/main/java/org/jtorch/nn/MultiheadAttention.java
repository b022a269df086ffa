package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * Multi-head attention, PyTorch's {@code nn.MultiheadAttention}: {@code softmax(Q Kᵀ/√d + mask) V}
 * in {@code numHeads} heads of {@code embedDim / numHeads} features, between learned input
 * projections and an output projection.
 *
 * <pre>{@code
 * var mha = new MultiheadAttention(MultiheadAttention.options(64, 8).batchFirst(true));
 * MultiheadAttention.Output r = mha.forward(x, x, x);   // self-attention
 * Tensor y = r.attnOutput();                             // (N, L, 64)
 * Tensor w = r.attnWeights();                            // (N, L, L), averaged over heads
 * }</pre>
 *
 * <p>Parameters, their names and their initialisation are PyTorch's: {@code in_proj_weight} (3E, E)
 * with Xavier-uniform (or {@code q_proj_weight}, {@code k_proj_weight}, {@code v_proj_weight} when
 * {@code kdim}/{@code vdim} differ from E), {@code in_proj_bias} zeros, optional {@code
 * bias_k}/{@code bias_v} (Xavier-normal), and {@code out_proj} (a {@link
 * NonDynamicallyQuantizableLinear} with a zero bias). Forward always runs PyTorch's general
 * ("slow") path, {@link F#multiHeadAttentionForward}; Python takes a fused kernel in some
 * inference-only cases, which gives the same values to rounding.
 */
public class MultiheadAttention extends Module {
  /** The result of a forward pass: the output and the attention weights (null when not asked). */
  public record Output(Tensor attnOutput, Tensor attnWeights) {}

  /** PyTorch's keyword arguments of {@code nn.MultiheadAttention}, with its defaults. */
  public static final class Options {
    final long embedDim;
    final long numHeads;
    double dropout = 0.0;
    boolean bias = true;
    boolean addBiasKv = false;
    boolean addZeroAttn = false;
    Long kdim;
    Long vdim;
    boolean batchFirst = false;

    Options(long embedDim, long numHeads) {
      this.embedDim = embedDim;
      this.numHeads = numHeads;
    }

    /** Dropout probability on the attention weights (training only); default 0. */
    public Options dropout(double p) {
      this.dropout = p;
      return this;
    }

    /** Biases in the input and output projections; default true. */
    public Options bias(boolean bias) {
      this.bias = bias;
      return this;
    }

    /** Learned biases appended to the key and value sequences; default false. */
    public Options addBiasKv(boolean addBiasKv) {
      this.addBiasKv = addBiasKv;
      return this;
    }

    /** A zero position appended to the key and value sequences; default false. */
    public Options addZeroAttn(boolean addZeroAttn) {
      this.addZeroAttn = addZeroAttn;
      return this;
    }

    /** The key's feature size; default embedDim. */
    public Options kdim(long kdim) {
      this.kdim = kdim;
      return this;
    }

    /** The value's feature size; default embedDim. */
    public Options vdim(long vdim) {
      this.vdim = vdim;
      return this;
    }

    /** Inputs and output are (N, L, E) instead of (L, N, E); default false. */
    public Options batchFirst(boolean batchFirst) {
      this.batchFirst = batchFirst;
      return this;
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long embedDim, long numHeads) {
    return new Options(embedDim, numHeads);
  }

  /** The packed input projection (3E, E), or null when kdim or vdim differ from E. */
  public final Tensor inProjWeight;

  /** The query projection (E, E) when kdim or vdim differ from E, else null. */
  public final Tensor qProjWeight;

  /** The key projection (E, kdim) when kdim or vdim differ from E, else null. */
  public final Tensor kProjWeight;

  /** The value projection (E, vdim) when kdim or vdim differ from E, else null. */
  public final Tensor vProjWeight;

  /** The input projection bias (3E), or null without biases. */
  public final Tensor inProjBias;

  /** The bias appended to the keys (1, 1, E), or null. */
  public final Tensor biasK;

  /** The bias appended to the values (1, 1, E), or null. */
  public final Tensor biasV;

  /** The output projection. */
  public final NonDynamicallyQuantizableLinear outProj;

  private final long embedDim;
  private final long numHeads;
  private final long kdim;
  private final long vdim;
  private final double dropout;
  private final boolean addZeroAttn;
  private final boolean batchFirst;
  private final boolean sameEmbedDim;

  /** With PyTorch's defaults for everything else. */
  public MultiheadAttention(long embedDim, long numHeads) {
    this(options(embedDim, numHeads));
  }

  /**
   * @throws IllegalArgumentException if embedDim or numHeads is not positive or embedDim is not a
   *     multiple of numHeads
   */
  public MultiheadAttention(Options o) {
    if (o.embedDim <= 0 || o.numHeads <= 0) {
      throw new IllegalArgumentException(
          "embed_dim and num_heads must be greater than 0, got embed_dim="
              + o.embedDim
              + " and num_heads="
              + o.numHeads
              + " instead");
    }
    this.embedDim = o.embedDim;
    this.numHeads = o.numHeads;
    this.kdim = o.kdim != null ? o.kdim : o.embedDim;
    this.vdim = o.vdim != null ? o.vdim : o.embedDim;
    this.sameEmbedDim = kdim == embedDim && vdim == embedDim;
    this.dropout = o.dropout;
    this.batchFirst = o.batchFirst;
    this.addZeroAttn = o.addZeroAttn;
    if ((embedDim / numHeads) * numHeads != embedDim) {
      throw new IllegalArgumentException("embed_dim must be divisible by num_heads");
    }
    if (!sameEmbedDim) {
      try (Tensor q = Torch.empty(embedDim, embedDim);
          Tensor k = Torch.empty(embedDim, kdim);
          Tensor v = Torch.empty(embedDim, vdim)) {
        qProjWeight = registerParameter("q_proj_weight", q);
        kProjWeight = registerParameter("k_proj_weight", k);
        vProjWeight = registerParameter("v_proj_weight", v);
      }
      inProjWeight = registerParameter("in_proj_weight", null);
    } else {
      try (Tensor w = Torch.empty(3 * embedDim, embedDim)) {
        inProjWeight = registerParameter("in_proj_weight", w);
      }
      qProjWeight = registerParameter("q_proj_weight", null);
      kProjWeight = registerParameter("k_proj_weight", null);
      vProjWeight = registerParameter("v_proj_weight", null);
    }
    try (Tensor b = o.bias ? Torch.empty(3 * embedDim) : null) {
      inProjBias = registerParameter("in_proj_bias", b);
    }
    outProj =
        registerModule("out_proj", new NonDynamicallyQuantizableLinear(embedDim, embedDim, o.bias));
    if (o.addBiasKv) {
      try (Tensor bk = Torch.empty(1, 1, embedDim);
          Tensor bv = Torch.empty(1, 1, embedDim)) {
        biasK = registerParameter("bias_k", bk);
        biasV = registerParameter("bias_v", bv);
      }
    } else {
      biasK = null;
      biasV = null;
    }
    resetParameters();
  }

  /** PyTorch's {@code _reset_parameters()}: Xavier-uniform projections, zero biases. */
  public void resetParameters() {
    if (sameEmbedDim) {
      Init.xavierUniform_(inProjWeight);
    } else {
      Init.xavierUniform_(qProjWeight);
      Init.xavierUniform_(kProjWeight);
      Init.xavierUniform_(vProjWeight);
    }
    if (inProjBias != null) {
      Init.constant_(inProjBias, 0.0);
      Init.constant_(outProj.bias, 0.0);
    }
    if (biasK != null) {
      Init.xavierNormal_(biasK);
    }
    if (biasV != null) {
      Init.xavierNormal_(biasV);
    }
  }

  /** The model dimension E. */
  public long embedDim() {
    return embedDim;
  }

  /** The number of heads. */
  public long numHeads() {
    return numHeads;
  }

  /** Whether inputs are (N, L, E). */
  public boolean batchFirst() {
    return batchFirst;
  }

  /**
   * Not available: attention takes query, key and value, see {@link #forward(Tensor, Tensor,
   * Tensor)}.
   */
  @Override
  public Tensor forward(Tensor input) {
    throw new UnsupportedOperationException(
        "MultiheadAttention takes query, key and value: forward(query, key, value)");
  }

  /** {@code forward(query, key, value, null, true, null, true, false)}. */
  public Output forward(Tensor query, Tensor key, Tensor value) {
    return forward(query, key, value, null, true, null, true, false);
  }

  /**
   * Attends {@code query} to {@code key}/{@code value}, PyTorch's {@code forward(query, key, value,
   * key_padding_mask, need_weights, attn_mask, average_attn_weights, is_causal)}. Shapes are (L, N,
   * E) / (S, N, kdim) / (S, N, vdim), (N, L, E)... with {@code batchFirst}, or unbatched (L, E) /
   * (S, kdim) / (S, vdim). Pass the same tensor object three times for self-attention (as in
   * Python, that takes a single projection).
   *
   * @param keyPaddingMask (N, S) or (S): true (or a float added to the scores) masks a key, or null
   * @param attnMask (L, S) or (N·numHeads, L, S), bool or float, or null
   * @param isCausal a hint that {@code attnMask} is the causal mask (which must still be given)
   * @throws IllegalArgumentException for inconsistent shapes or masks, with PyTorch's message
   */
  public Output forward(
      Tensor query,
      Tensor key,
      Tensor value,
      Tensor keyPaddingMask,
      boolean needWeights,
      Tensor attnMask,
      boolean averageAttnWeights,
      boolean isCausal) {
    checkOpen();
    try (org.jtorch.Scope scope = org.jtorch.Scope.open()) {
      boolean isBatched = query.dim() == 3;
      keyPaddingMask = F.canonicalMask(keyPaddingMask, "key_padding_mask", query.dtype());
      attnMask = F.canonicalMask(attnMask, "attn_mask", query.dtype());
      if (batchFirst && isBatched) {
        if (key == value) {
          if (query == key) {
            query = query.transpose(1, 0);
            key = query;
            value = query;
          } else {
            query = query.transpose(1, 0);
            key = key.transpose(1, 0);
            value = key;
          }
        } else {
          query = query.transpose(1, 0);
          key = key.transpose(1, 0);
          value = value.transpose(1, 0);
        }
      }
      Output r =
          F.multiHeadAttentionForward(
              query,
              key,
              value,
              embedDim,
              numHeads,
              inProjWeight,
              inProjBias,
              biasK,
              biasV,
              addZeroAttn,
              dropout,
              outProj.weight,
              outProj.bias,
              isTraining(),
              keyPaddingMask,
              needWeights,
              attnMask,
              !sameEmbedDim,
              qProjWeight,
              kProjWeight,
              vProjWeight,
              null,
              null,
              averageAttnWeights,
              isCausal);
      Tensor out = r.attnOutput();
      if (batchFirst && isBatched) {
        out = out.transpose(1, 0);
      }
      scope.keep(out);
      if (r.attnWeights() != null) {
        scope.keep(r.attnWeights());
      }
      return new Output(out, r.attnWeights());
    }
  }
}
