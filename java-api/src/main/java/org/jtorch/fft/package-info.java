/** Discrete Fourier transforms, PyTorch's {@code torch.fft}: see {@link org.jtorch.fft.FFT}. */
package org.jtorch.fft;
