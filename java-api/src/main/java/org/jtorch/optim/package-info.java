/**
 * Optimizers, PyTorch's {@code torch.optim}: {@link org.jtorch.optim.SGD}, {@link
 * org.jtorch.optim.Adam}, {@link org.jtorch.optim.AdamW}, {@link org.jtorch.optim.RMSprop}, {@link
 * org.jtorch.optim.Adagrad}, {@link org.jtorch.optim.Adamax}, {@link org.jtorch.optim.NAdam},
 * {@link org.jtorch.optim.RAdam}, {@link org.jtorch.optim.Adadelta}, {@link
 * org.jtorch.optim.Rprop} and {@link org.jtorch.optim.LBFGS}, over {@link
 * org.jtorch.optim.ParamGroup}s of leaf tensors; gradient clipping in {@link
 * org.jtorch.optim.Clip}; mixed precision in {@link org.jtorch.amp}.
 * Learning-rate schedules are in {@link org.jtorch.optim.lr}.
 */
package org.jtorch.optim;
