/**
 * Autograd beyond {@code Tensor.backward()}: {@link org.jtorch.autograd.Autograd#grad} for
 * gradients of any order, anomaly detection, {@link org.jtorch.autograd.Autograd#gradcheck} for
 * testing gradients against finite differences, and the {@link org.jtorch.autograd.GradMode}
 * scopes behind {@code Torch.noGrad()}, {@code Torch.enableGrad()} and {@code
 * Torch.inferenceMode()}.
 */
package org.jtorch.autograd;
