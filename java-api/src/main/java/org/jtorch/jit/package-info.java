/**
 * TorchScript: loading and serving models trained in Python, PyTorch's {@code torch.jit}.
 *
 * <p>{@link org.jtorch.jit.ScriptModule} loads what Python's {@code torch.jit.save} writes and runs
 * its methods with Java values (tensors, numbers, strings, lists, maps, {@link
 * org.jtorch.jit.Tuple tuples}, optionals), from many threads at once, in inference mode. {@link
 * org.jtorch.jit.Jit#compile(String)} compiles TorchScript source written in Java into a {@link
 * org.jtorch.jit.CompilationUnit}.
 *
 * <pre>{@code
 * try (ScriptModule model = ScriptModule.load(Path.of("resnet18.pt"));
 *     Scope scope = Scope.open()) {
 *   Tensor logits = model.forward(Torch.randn(1, 3, 224, 224));
 *   long top = logits.argmax().longValue();
 * }
 * }</pre>
 *
 * <p>Models compiled ahead of time with {@code torch.export} and AOTInductor ({@code .pt2}) are
 * served by {@link org.jtorch.export.AotiModel}.
 *
 * <p>Security: a TorchScript archive contains code that runs when the model runs; load archives
 * only from sources you trust.
 */
package org.jtorch.jit;
