/** Stateless neural-network functions, PyTorch's {@code torch.nn.functional}: {@link org.jtorch.nn.functional.F}. */
package org.jtorch.nn.functional;
