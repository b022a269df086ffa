/**
 * Learning-rate schedulers, PyTorch's {@code torch.optim.lr_scheduler}: {@link
 * org.jtorch.optim.lr.StepLR}, {@link org.jtorch.optim.lr.MultiStepLR}, {@link
 * org.jtorch.optim.lr.ExponentialLR}, {@link org.jtorch.optim.lr.CosineAnnealingLR}, {@link
 * org.jtorch.optim.lr.CosineAnnealingWarmRestarts}, {@link org.jtorch.optim.lr.LinearLR}, {@link
 * org.jtorch.optim.lr.ConstantLR}, {@link org.jtorch.optim.lr.PolynomialLR}, {@link
 * org.jtorch.optim.lr.OneCycleLR}, {@link
 * org.jtorch.optim.lr.CyclicLR}, {@link org.jtorch.optim.lr.LambdaLR}, {@link
 * org.jtorch.optim.lr.SequentialLR}, {@link org.jtorch.optim.lr.ChainedScheduler} and {@link
 * org.jtorch.optim.lr.ReduceLROnPlateau}. Their state dicts use Python's keys.
 */
package org.jtorch.optim.lr;
