/**
 * jtorch: PyTorch for Java.
 *
 * <p>Entry points: {@link org.jtorch.Torch} (PyTorch's {@code torch.} functions: factories,
 * seeding, combining tensors), {@link org.jtorch.Tensor}, {@link org.jtorch.DType}, {@link
 * org.jtorch.Device}, {@link org.jtorch.Scope} and {@link org.jtorch.TorchException}.
 *
 * <pre>{@code
 * try (Scope scope = Scope.open()) {
 *   Torch.manualSeed(0);
 *   Tensor x = Torch.randn(64, 10);
 *   ValuesIndices best = x.softmax(1).max(1);
 *   long[] predicted = best.indices().toLongArray();
 * }
 * }</pre>
 *
 * <h2>Sub-packages</h2>
 *
 * <ul>
 *   <li>{@link org.jtorch.autograd}: {@code Autograd.grad}, hooks, {@code gradcheck}, and the
 *       {@code GradMode} scopes behind {@code Torch.noGrad()} and {@code Torch.inferenceMode()};
 *   <li>{@link org.jtorch.nn} (+ {@link org.jtorch.nn.functional.F}, {@link
 *       org.jtorch.nn.init.Init}): modules, layers, losses, activations;
 *   <li>{@link org.jtorch.optim} (+ {@link org.jtorch.optim.lr}): optimizers, schedulers, clipping;
 *       {@link org.jtorch.amp}: autocast and gradient scaling;
 *   <li>{@link org.jtorch.data} (+ {@code datasets}, {@code transforms}): data sets, samplers,
 *       {@code DataLoader};
 *   <li>{@link org.jtorch.distributed}: process groups, collectives, {@code
 *       DistributedDataParallel} and the {@code jtorch-run} launcher;
 *   <li>{@link org.jtorch.serialization}: checkpoints in PyTorch's file format ({@code
 *       Torch.save}, {@code Torch.load});
 *   <li>{@link org.jtorch.jit} and {@link org.jtorch.export}: TorchScript and AOTInductor models;
 *       {@link org.jtorch.ops}: jtorch's and users' custom operators;
 *   <li>{@link org.jtorch.linalg}, {@link org.jtorch.fft}, {@link org.jtorch.cuda}.
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li>Names are PyTorch's in lowerCamelCase; in-place variants keep the trailing underscore.
 *       Dims may be negative. Where a method differs from its PyTorch namesake, its Javadoc says
 *       so.
 *   <li>Native memory is released deterministically: close tensors, or open a {@link
 *       org.jtorch.Scope}; the garbage collector is only a safety net.
 *   <li>LibTorch's errors are {@link org.jtorch.TorchException}s with PyTorch's message; misuse
 *       caught in Java is {@link IllegalArgumentException} or {@link IllegalStateException}.
 * </ul>
 *
 * <p>The native libraries (LibTorch from the JavaCPP presets, and jtorch's operator library) are
 * loaded on first use; {@link org.jtorch.bindings.NativeLibraries} documents how they are found
 * and the system properties that change it.
 */
package org.jtorch;
