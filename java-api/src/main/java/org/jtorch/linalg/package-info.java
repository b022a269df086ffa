/**
 * Linear algebra, PyTorch's {@code torch.linalg}: see {@link org.jtorch.linalg.Linalg}. The
 * classic matrix products ({@code mm}, {@code bmm}, {@code matmul}, {@code einsum}, ...) are on
 * {@link org.jtorch.Tensor} and {@link org.jtorch.Torch}, as in PyTorch.
 */
package org.jtorch.linalg;
