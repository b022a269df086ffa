/** CUDA state, PyTorch's {@code torch.cuda}: availability, device count, seeding. */
package org.jtorch.cuda;
