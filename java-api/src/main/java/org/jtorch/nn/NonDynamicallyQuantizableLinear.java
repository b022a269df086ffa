package org.jtorch.nn;

/**
 * A {@link Linear} under the name PyTorch gives the output projection of {@link MultiheadAttention}
 * ({@code torch.nn.modules.linear.NonDynamicallyQuantizableLinear}), so that the module tree prints
 * as Python's. It computes exactly what {@link Linear} computes.
 */
public class NonDynamicallyQuantizableLinear extends Linear {
  /** With or without a bias; initialised as {@link Linear}. */
  public NonDynamicallyQuantizableLinear(long inFeatures, long outFeatures, boolean bias) {
    super(inFeatures, outFeatures, bias);
  }
}
