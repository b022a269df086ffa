package org.jtorch.fft;

import java.util.Objects;
import org.bytedeco.pytorch.LongOptional;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.internal.NativeCalls;

/**
 * Discrete Fourier transforms, PyTorch's {@code torch.fft}.
 *
 * <p>Arguments keep PyTorch's meaning: {@code n} (or {@code s} for several dimensions) is the
 * signal length, the input being zero-padded or trimmed to it, null for the input's own size;
 * {@code dim} the dimension(s) transformed; {@code norm} the normalization: "backward" (the
 * default, null: no scaling forward, {@code 1/n} backward), "ortho" ({@code 1/sqrt(n)} both ways)
 * or "forward" ({@code 1/n} forward). Real input is promoted to complex (integers to complex64);
 * {@code rfft} takes real input and keeps the {@code n/2 + 1} non-redundant frequencies, {@code
 * irfft} returns a real signal.
 *
 * <pre>{@code
 * Tensor spectrum = FFT.fft(signal);                     // complex64 for float32 input
 * Tensor back = FFT.ifft(spectrum);
 * Tensor half = FFT.rfft(signal, null, -1, "ortho");
 * }</pre>
 */
public final class FFT {
  private FFT() {}

  @FunctionalInterface
  private interface OneDim {
    org.bytedeco.pytorch.Tensor call(
        org.bytedeco.pytorch.Tensor x,
        LongOptional n,
        long dim,
        org.bytedeco.pytorch.StringViewOptional norm);
  }

  @FunctionalInterface
  private interface ManyDims {
    org.bytedeco.pytorch.Tensor call(
        org.bytedeco.pytorch.Tensor x,
        org.bytedeco.pytorch.LongArrayRefOptional s,
        org.bytedeco.pytorch.LongArrayRefOptional dim,
        org.bytedeco.pytorch.StringViewOptional norm);
  }

  private static Tensor oneDim(Tensor input, Long n, long dim, String norm, OneDim f) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    return NativeCalls.tensor(
        () -> {
          try (LongOptional len = n == null ? new LongOptional() : new LongOptional(n)) {
            return NativeCalls.withString(norm, nm -> f.call(x, len, dim, nm));
          }
        });
  }

  private static Tensor manyDims(Tensor input, long[] s, long[] dim, String norm, ManyDims f) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    long[] sizes = s == null ? null : s.clone();
    long[] dims = dim == null ? null : dim.clone();
    return NativeCalls.tensor(
        () ->
            NativeCalls.withLongs(
                sizes,
                so ->
                    NativeCalls.withLongs(
                        dims, d -> NativeCalls.withString(norm, nm -> f.call(x, so, d, nm)))));
  }

  // ---------------------------------------------------------------------------------------------
  // One dimension

  /** The discrete Fourier transform over the last dimension. */
  public static Tensor fft(Tensor input) {
    return fft(input, null, -1, null);
  }

  /** The discrete Fourier transform over {@code dim}, of length {@code n} (null: the input's). */
  public static Tensor fft(Tensor input, Long n, long dim, String norm) {
    return oneDim(input, n, dim, norm, org.bytedeco.pytorch.global.torch::fft_fft);
  }

  /** The inverse discrete Fourier transform over the last dimension. */
  public static Tensor ifft(Tensor input) {
    return ifft(input, null, -1, null);
  }

  /** The inverse discrete Fourier transform over {@code dim}. */
  public static Tensor ifft(Tensor input, Long n, long dim, String norm) {
    return oneDim(input, n, dim, norm, org.bytedeco.pytorch.global.torch::fft_ifft);
  }

  /** The Fourier transform of real input over the last dimension: {@code n/2 + 1} frequencies. */
  public static Tensor rfft(Tensor input) {
    return rfft(input, null, -1, null);
  }

  /**
   * The Fourier transform of real input over {@code dim}: the {@code n/2 + 1} non-negative
   * frequencies.
   *
   * @throws org.jtorch.TorchException for complex input
   */
  public static Tensor rfft(Tensor input, Long n, long dim, String norm) {
    return oneDim(input, n, dim, norm, org.bytedeco.pytorch.global.torch::fft_rfft);
  }

  /** The inverse of {@link #rfft} over the last dimension: a real signal of {@code 2 (m - 1)} samples. */
  public static Tensor irfft(Tensor input) {
    return irfft(input, null, -1, null);
  }

  /**
   * The inverse of {@link #rfft} over {@code dim}: a real signal of length {@code n} (null: {@code
   * 2 (m - 1)} for an input of {@code m} frequencies).
   */
  public static Tensor irfft(Tensor input, Long n, long dim, String norm) {
    return oneDim(input, n, dim, norm, org.bytedeco.pytorch.global.torch::fft_irfft);
  }

  /** The Fourier transform of a Hermitian-symmetric signal (a real spectrum), last dimension. */
  public static Tensor hfft(Tensor input, Long n, long dim, String norm) {
    return oneDim(input, n, dim, norm, org.bytedeco.pytorch.global.torch::fft_hfft);
  }

  /** The inverse of {@link #hfft}: a real signal's inverse transform, half of it. */
  public static Tensor ihfft(Tensor input, Long n, long dim, String norm) {
    return oneDim(input, n, dim, norm, org.bytedeco.pytorch.global.torch::fft_ihfft);
  }

  // ---------------------------------------------------------------------------------------------
  // Two and more dimensions

  /** The 2-d Fourier transform over the last two dimensions. */
  public static Tensor fft2(Tensor input) {
    return fft2(input, null, new long[] {-2, -1}, null);
  }

  /**
   * The 2-d Fourier transform over {@code dim} (two dims), of sizes {@code s} (null: the input's).
   */
  public static Tensor fft2(Tensor input, long[] s, long[] dim, String norm) {
    Objects.requireNonNull(dim, "dim");
    return manyDims(input, s, dim, norm, org.bytedeco.pytorch.global.torch::fft_fftn);
  }

  /** The inverse 2-d Fourier transform over the last two dimensions. */
  public static Tensor ifft2(Tensor input) {
    return ifft2(input, null, new long[] {-2, -1}, null);
  }

  /** The inverse 2-d Fourier transform over {@code dim}. */
  public static Tensor ifft2(Tensor input, long[] s, long[] dim, String norm) {
    Objects.requireNonNull(dim, "dim");
    return manyDims(input, s, dim, norm, org.bytedeco.pytorch.global.torch::fft_ifftn);
  }

  /** The 2-d Fourier transform of real input over the last two dimensions (half the last one). */
  public static Tensor rfft2(Tensor input) {
    return rfftn(input, null, new long[] {-2, -1}, null);
  }

  /** The inverse of {@link #rfft2} over the last two dimensions. */
  public static Tensor irfft2(Tensor input) {
    return irfftn(input, null, new long[] {-2, -1}, null);
  }

  /** The n-d Fourier transform over every dimension. */
  public static Tensor fftn(Tensor input) {
    return fftn(input, null, null, null);
  }

  /**
   * The n-d Fourier transform over {@code dim} (null: the last {@code s.length} dims, or all where
   * {@code s} is null too), of sizes {@code s}.
   */
  public static Tensor fftn(Tensor input, long[] s, long[] dim, String norm) {
    return manyDims(input, s, dim, norm, org.bytedeco.pytorch.global.torch::fft_fftn);
  }

  /** The inverse n-d Fourier transform over every dimension. */
  public static Tensor ifftn(Tensor input) {
    return ifftn(input, null, null, null);
  }

  /** The inverse n-d Fourier transform (arguments as in {@link #fftn(Tensor, long[], long[], String)}). */
  public static Tensor ifftn(Tensor input, long[] s, long[] dim, String norm) {
    return manyDims(input, s, dim, norm, org.bytedeco.pytorch.global.torch::fft_ifftn);
  }

  /** The n-d Fourier transform of real input (half the last transformed dimension). */
  public static Tensor rfftn(Tensor input, long[] s, long[] dim, String norm) {
    return manyDims(input, s, dim, norm, org.bytedeco.pytorch.global.torch::fft_rfftn);
  }

  /** The inverse of {@link #rfftn}: a real signal. */
  public static Tensor irfftn(Tensor input, long[] s, long[] dim, String norm) {
    return manyDims(input, s, dim, norm, org.bytedeco.pytorch.global.torch::fft_irfftn);
  }

  // ---------------------------------------------------------------------------------------------
  // Frequencies and shifts

  /** The sample frequencies of an {@code n}-point FFT with unit spacing, float32. */
  public static Tensor fftfreq(long n) {
    return fftfreq(n, 1.0, TensorOptions.defaults());
  }

  /**
   * The sample frequencies of an {@code n}-point FFT with sample spacing {@code d}: {@code [0, 1,
   * ..., (n-1)/2, -(n/2), ..., -1] / (d n)}, float32.
   */
  public static Tensor fftfreq(long n, double d) {
    return fftfreq(n, d, TensorOptions.defaults());
  }

  /** {@link #fftfreq(long, double)} with a dtype and device. */
  public static Tensor fftfreq(long n, double d, TensorOptions options) {
    return freq(n, d, options, false);
  }

  /** The non-negative sample frequencies of an {@code n}-point {@link #rfft}, float32. */
  public static Tensor rfftfreq(long n, double d) {
    return freq(n, d, TensorOptions.defaults(), true);
  }

  /** {@link #rfftfreq(long, double)} with a dtype and device. */
  public static Tensor rfftfreq(long n, double d, TensorOptions options) {
    return freq(n, d, options, true);
  }

  private static Tensor freq(long n, double d, TensorOptions options, boolean real) {
    return NativeCalls.factory(
        options,
        (dtype, layout, device, pin) ->
            real
                ? org.bytedeco.pytorch.global.torch.fft_rfftfreq(n, d, dtype, layout, device, pin)
                : org.bytedeco.pytorch.global.torch.fft_fftfreq(n, d, dtype, layout, device, pin));
  }

  /** Moves the zero frequency to the centre, over every dimension. */
  public static Tensor fftshift(Tensor input) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    return NativeCalls.tensor(() -> org.bytedeco.pytorch.global.torch.fft_fftshift(x));
  }

  /** Moves the zero frequency to the centre, over {@code dims}. */
  public static Tensor fftshift(Tensor input, long... dims) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    long[] d = dims.clone();
    return NativeCalls.tensor(
        () -> NativeCalls.withLongs(d, o -> org.bytedeco.pytorch.global.torch.fft_fftshift(x, o)));
  }

  /** The inverse of {@link #fftshift(Tensor)}. */
  public static Tensor ifftshift(Tensor input) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    return NativeCalls.tensor(() -> org.bytedeco.pytorch.global.torch.fft_ifftshift(x));
  }

  /** The inverse of {@link #fftshift(Tensor, long...)}. */
  public static Tensor ifftshift(Tensor input, long... dims) {
    org.bytedeco.pytorch.Tensor x = NativeCalls.h(input, "input");
    long[] d = dims.clone();
    return NativeCalls.tensor(
        () -> NativeCalls.withLongs(d, o -> org.bytedeco.pytorch.global.torch.fft_ifftshift(x, o)));
  }
}
