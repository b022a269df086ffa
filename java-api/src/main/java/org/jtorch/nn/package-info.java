/**
 * Neural-network building blocks, PyTorch's {@code torch.nn}: the {@link org.jtorch.nn.Module}
 * base class with its parameter, buffer and submodule tree, the layer catalogue (linear,
 * convolution, pooling, normalisation, dropout, embedding, recurrent, attention), activations,
 * losses and containers. Stateless forms live in {@link org.jtorch.nn.functional.F} and
 * initialisers in {@link org.jtorch.nn.init.Init}.
 *
 * <p>Layers take PyTorch's constructor arguments in the same order, with PyTorch's defaults, and
 * initialise their parameters exactly as PyTorch does: after {@code Torch.manualSeed(s)}, {@code
 * new Linear(784, 256)} holds the weights Python's {@code nn.Linear(784, 256)} gets after {@code
 * torch.manual_seed(s)}. {@code toString()} prints the module tree as PyTorch prints it.
 */
package org.jtorch.nn;
