/**
 * Automatic mixed precision, PyTorch's {@code torch.amp}: {@link org.jtorch.amp.Autocast} scopes
 * (also {@link org.jtorch.Torch#autocast(org.jtorch.DType)}) and the loss scaler {@link
 * org.jtorch.amp.GradScaler}.
 */
package org.jtorch.amp;
