package org.jtorch.optim;

import java.util.List;
import org.jtorch.Tensor;

/**
 * AdamW, PyTorch's {@code torch.optim.AdamW}: Adam with decoupled weight decay (default {@code
 * weight_decay=1e-2}).
 */
public final class AdamW extends Optimizer {
  /** AdamW's options with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), weight decay 1e-2. */
  public static final class Options extends AdamOptions<Options> {
    Options() {
      values.putAll(new Adam.Options(1e-2, true).values);
    }

    /** The AMSGrad variant (default false). */
    public Options amsgrad(boolean amsgrad) {
      return set("amsgrad", amsgrad);
    }
  }

  /** AdamW's default options. */
  public static Options options() {
    return new Options();
  }

  /** AdamW over {@code params}. */
  public AdamW(Iterable<Tensor> params, Options options) {
    super(params, options);
  }

  /** AdamW over parameter groups. */
  public AdamW(List<ParamGroup> groups, Options options) {
    super(groups, options);
  }

  @Override
  protected void stepGroup(ParamGroup group, List<Tensor> params, List<Tensor> grads) {
    group.set("decoupled_weight_decay", true); // as PyTorch's AdamW.__setstate__
    Adam.update(this, group, params, grads);
  }
}
