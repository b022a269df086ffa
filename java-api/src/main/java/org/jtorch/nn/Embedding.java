package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, PyTorch's {@code
 * nn.Embedding}: int64 indices of any shape in, their rows out (shape {@code indices.shape +
 * (embeddingDim,)}). The weight starts as N(0, 1), with the {@code paddingIdx} row zeroed (that row
 * also gets no gradient), as in PyTorch. Sparse gradients are not supported.
 *
 * <pre>{@code
 * Embedding emb = new Embedding(Embedding.options(1000, 64).paddingIdx(0));
 * Tensor vectors = emb.forward(tokenIds);        // (N, L, 64)
 * }</pre>
 */
public class Embedding extends Module {
  /** PyTorch's keyword arguments of {@code nn.Embedding}, with its defaults. */
  public static final class Options {
    final long numEmbeddings;
    final long embeddingDim;
    Long paddingIdx;
    Double maxNorm;
    double normType = 2.0;
    boolean scaleGradByFreq;

    Options(long numEmbeddings, long embeddingDim) {
      this.numEmbeddings = numEmbeddings;
      this.embeddingDim = embeddingDim;
    }

    /** The row that is zeroed at construction and gets no gradient (negative: from the end). */
    public Options paddingIdx(long paddingIdx) {
      this.paddingIdx = paddingIdx;
      return this;
    }

    /** Renormalises looked-up rows whose norm exceeds this, in place, at every forward. */
    public Options maxNorm(double maxNorm) {
      this.maxNorm = maxNorm;
      return this;
    }

    /** The p of the p-norm for {@code maxNorm}; default 2. */
    public Options normType(double normType) {
      this.normType = normType;
      return this;
    }

    /** Scales gradients by the inverse frequency of the indices in the batch; default false. */
    public Options scaleGradByFreq(boolean scaleGradByFreq) {
      this.scaleGradByFreq = scaleGradByFreq;
      return this;
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long numEmbeddings, long embeddingDim) {
    return new Options(numEmbeddings, embeddingDim);
  }

  /** The table, shape (numEmbeddings, embeddingDim). */
  public final Tensor weight;

  private final long numEmbeddings;
  private final long embeddingDim;
  private final Long paddingIdx;
  private final Double maxNorm;
  private final double normType;
  private final boolean scaleGradByFreq;

  /** With PyTorch's defaults. */
  public Embedding(long numEmbeddings, long embeddingDim) {
    this(options(numEmbeddings, embeddingDim));
  }

  /**
   * @throws IllegalArgumentException if paddingIdx is outside the table
   */
  public Embedding(Options o) {
    this(o, null, false);
  }

  private Embedding(Options o, Tensor pretrained, boolean freeze) {
    this.numEmbeddings = o.numEmbeddings;
    this.embeddingDim = o.embeddingDim;
    this.paddingIdx = normalisePadding(o.paddingIdx, numEmbeddings, "Padding_idx");
    this.maxNorm = o.maxNorm;
    this.normType = o.normType;
    this.scaleGradByFreq = o.scaleGradByFreq;
    if (pretrained == null) {
      try (Tensor w = Torch.empty(numEmbeddings, embeddingDim)) {
        this.weight = registerParameter("weight", w);
      }
      resetParameters();
    } else {
      this.weight = registerParameter("weight", pretrained);
    }
    if (freeze) {
      weight.requiresGrad_(false);
    }
  }

  static Long normalisePadding(Long paddingIdx, long rows, String what) {
    if (paddingIdx == null) {
      return null;
    }
    long p = paddingIdx;
    if (p > 0 && p >= rows || p < 0 && p < -rows) {
      throw new IllegalArgumentException(what + " must be within num_embeddings");
    }
    return p < 0 ? rows + p : p;
  }

  /**
   * An embedding holding {@code embeddings} (2-D; shared, not copied, as in PyTorch), PyTorch's
   * {@code Embedding.from_pretrained(embeddings, freeze)}; frozen (no gradient) when {@code
   * freeze}. The padding row, if any, is not zeroed.
   *
   * @throws IllegalArgumentException if {@code embeddings} is not 2-D
   */
  public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Options options) {
    if (embeddings.dim() != 2) {
      throw new IllegalArgumentException("Embeddings parameter is expected to be 2-dimensional");
    }
    Options o = options(embeddings.size(0), embeddings.size(1));
    if (options != null) {
      o.paddingIdx = options.paddingIdx;
      o.maxNorm = options.maxNorm;
      o.normType = options.normType;
      o.scaleGradByFreq = options.scaleGradByFreq;
    }
    return new Embedding(o, embeddings, freeze);
  }

  /** {@code fromPretrained(embeddings, freeze, null)}. */
  public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
    return fromPretrained(embeddings, freeze, null);
  }

  /** {@code fromPretrained(embeddings, true, null)}, PyTorch's default (frozen). */
  public static Embedding fromPretrained(Tensor embeddings) {
    return fromPretrained(embeddings, true, null);
  }

  /** PyTorch's {@code reset_parameters()}: N(0, 1), then the padding row zeroed. */
  public void resetParameters() {
    Init.normal_(weight, 0, 1);
    if (paddingIdx != null) {
      try (GradMode off = Torch.noGrad();
          Tensor row = weight.select(0, paddingIdx)) {
        row.fill_(0);
      }
    }
  }

  /** The number of rows. */
  public long numEmbeddings() {
    return numEmbeddings;
  }

  /** The size of each vector. */
  public long embeddingDim() {
    return embeddingDim;
  }

  /** The padding row (non-negative), or null. */
  public Long paddingIdx() {
    return paddingIdx;
  }

  @Override
  public Tensor forward(Tensor input) {
    return F.embedding(input, weight, paddingIdx, maxNorm, normType, scaleGradByFreq);
  }

  @Override
  public String extraRepr() {
    StringBuilder s = new StringBuilder().append(numEmbeddings).append(", ").append(embeddingDim);
    if (paddingIdx != null) {
      s.append(", padding_idx=").append(paddingIdx);
    }
    if (maxNorm != null) {
      s.append(", max_norm=").append(py(maxNorm));
    }
    if (normType != 2) {
      s.append(", norm_type=").append(py(normType));
    }
    if (scaleGradByFreq) {
      s.append(", scale_grad_by_freq=True");
    }
    return s.toString();
  }
}
