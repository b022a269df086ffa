package org.jtorch.nn;

import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.nn.functional.F;
import org.jtorch.nn.init.Init;

/**
 * Sums, averages or takes the maximum of bags of embeddings, PyTorch's {@code nn.EmbeddingBag},
 * without materialising the per-index vectors. A 2-D input (B, N) is B bags of N indices; a 1-D
 * input is cut into bags at {@code offsets}. The weight starts as N(0, 1) with the {@code
 * paddingIdx} row zeroed, as in PyTorch. Sparse gradients are not supported.
 *
 * <pre>{@code
 * EmbeddingBag bag = new EmbeddingBag(EmbeddingBag.options(1000, 32).mode("sum"));
 * Tensor pooled = bag.forward(indices, offsets, null);   // (B, 32)
 * }</pre>
 */
public class EmbeddingBag extends Module {
  /** PyTorch's keyword arguments of {@code nn.EmbeddingBag}, with its defaults. */
  public static final class Options {
    final long numEmbeddings;
    final long embeddingDim;
    Double maxNorm;
    double normType = 2.0;
    boolean scaleGradByFreq;
    String mode = "mean";
    boolean includeLastOffset;
    Long paddingIdx;

    Options(long numEmbeddings, long embeddingDim) {
      this.numEmbeddings = numEmbeddings;
      this.embeddingDim = embeddingDim;
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

    /** Scales gradients by the inverse frequency of the indices; default false. */
    public Options scaleGradByFreq(boolean scaleGradByFreq) {
      this.scaleGradByFreq = scaleGradByFreq;
      return this;
    }

    /** {@code "sum"}, {@code "mean"} (the default) or {@code "max"}. */
    public Options mode(String mode) {
      this.mode = mode;
      return this;
    }

    /** {@code offsets} has one more element, the end of the last bag; default false. */
    public Options includeLastOffset(boolean includeLastOffset) {
      this.includeLastOffset = includeLastOffset;
      return this;
    }

    /** Indices equal to it are left out of the bags (negative: from the end). */
    public Options paddingIdx(long paddingIdx) {
      this.paddingIdx = paddingIdx;
      return this;
    }
  }

  /** Options with PyTorch's defaults. */
  public static Options options(long numEmbeddings, long embeddingDim) {
    return new Options(numEmbeddings, embeddingDim);
  }

  /** The table, shape (numEmbeddings, embeddingDim). */
  public final Tensor weight;

  private final Options o;
  private final Long paddingIdx;

  /** Mode "mean", PyTorch's defaults. */
  public EmbeddingBag(long numEmbeddings, long embeddingDim) {
    this(options(numEmbeddings, embeddingDim));
  }

  /**
   * @throws IllegalArgumentException if paddingIdx is outside the table
   */
  public EmbeddingBag(Options options) {
    this(options, null);
  }

  private EmbeddingBag(Options options, Tensor pretrained) {
    this.o = options;
    this.paddingIdx =
        Embedding.normalisePadding(options.paddingIdx, options.numEmbeddings, "padding_idx");
    if (pretrained == null) {
      try (Tensor w = Torch.empty(options.numEmbeddings, options.embeddingDim)) {
        this.weight = registerParameter("weight", w);
      }
      resetParameters();
    } else {
      this.weight = registerParameter("weight", pretrained);
    }
  }

  /**
   * An embedding bag holding {@code embeddings} (2-D, shared), PyTorch's {@code
   * EmbeddingBag.from_pretrained}; frozen when {@code freeze}. {@code options} may be null; its
   * sizes are ignored.
   *
   * @throws IllegalArgumentException if {@code embeddings} is not 2-D
   */
  public static EmbeddingBag fromPretrained(Tensor embeddings, boolean freeze, Options options) {
    if (embeddings.dim() != 2) {
      throw new IllegalArgumentException("Embeddings parameter is expected to be 2-dimensional");
    }
    Options n = options(embeddings.size(0), embeddings.size(1));
    if (options != null) {
      n.maxNorm = options.maxNorm;
      n.normType = options.normType;
      n.scaleGradByFreq = options.scaleGradByFreq;
      n.mode = options.mode;
      n.includeLastOffset = options.includeLastOffset;
      n.paddingIdx = options.paddingIdx;
    }
    EmbeddingBag bag = new EmbeddingBag(n, embeddings);
    bag.weight.requiresGrad_(!freeze);
    return bag;
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

  /** {@code forward(input, null, null)}: a 2-D input of fixed-size bags. */
  @Override
  public Tensor forward(Tensor input) {
    return forward(input, null, null);
  }

  /**
   * One pooled vector per bag, shape (B, embeddingDim).
   *
   * @param offsets the start of each bag in a 1-D input (null for a 2-D input)
   * @param perSampleWeights a weight per index (mode "sum" only), or null
   */
  public Tensor forward(Tensor input, Tensor offsets, Tensor perSampleWeights) {
    return F.embeddingBag(
        input,
        weight,
        offsets,
        o.maxNorm,
        o.normType,
        o.scaleGradByFreq,
        o.mode,
        perSampleWeights,
        o.includeLastOffset,
        paddingIdx);
  }

  @Override
  public String extraRepr() {
    StringBuilder s =
        new StringBuilder().append(o.numEmbeddings).append(", ").append(o.embeddingDim);
    if (o.maxNorm != null) {
      s.append(", max_norm=").append(py(o.maxNorm));
    }
    if (o.normType != 2) {
      s.append(", norm_type=").append(py(o.normType));
    }
    if (o.scaleGradByFreq) {
      s.append(", scale_grad_by_freq=True");
    }
    s.append(", mode='").append(o.mode).append("'");
    if (paddingIdx != null) {
      s.append(", padding_idx=").append(paddingIdx);
    }
    return s.toString();
  }
}
