package org.jtorch.linalg;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.jtorch.Tensor;
import org.jtorch.TensorTuple;
import org.jtorch.internal.NativeCalls;
import org.jtorch.internal.Natives;

/**
 * PyTorch's {@code torch.linalg}: decompositions, solvers, inverses, norms and products of
 * matrices. Every function accepts a batch of matrices (leading dimensions) where PyTorch does, and
 * float32, float64, complex64 and complex128 input (integer input throws {@link
 * org.jtorch.TorchException}, as in PyTorch).
 *
 * <pre>{@code
 * Linalg.SVD svd = Linalg.svd(a, false);                  // a = U diag(S) Vh
 * Tensor x = Linalg.solve(a, b);                         // a @ x = b
 * Tensor n = Linalg.vectorNorm(v, 2, new long[] {-1}, false);
 * }</pre>
 *
 * <p>Results that are only defined up to sign or phase (eigenvectors, the singular vectors, the
 * {@code Q} of a QR decomposition) come from the LAPACK that LibTorch was built with: they satisfy
 * the decomposition, but may differ in sign from another build's (Python's wheel uses MKL).
 *
 * <p>The records returned by the decompositions are {@link TensorTuple}s: closing one closes all
 * its tensors, and {@link org.jtorch.Scope#keep(TensorTuple)} keeps all of them.
 */
public final class Linalg {
  private Linalg() {}

  private static org.bytedeco.pytorch.Tensor h(Tensor t, String name) {
    return NativeCalls.h(t, name);
  }

  private static Tensor call(java.util.function.Supplier<org.bytedeco.pytorch.Tensor> f) {
    return NativeCalls.tensor(f);
  }

  // ---------------------------------------------------------------------------------------------
  // Result records

  /**
   * The sign and the natural logarithm of the absolute value of a determinant, PyTorch's {@code
   * torch.linalg.slogdet} result: {@code det = sign * exp(logabsdet)}.
   *
   * @param sign the sign (-1, 0 or 1; a unit complex number for complex input)
   * @param logabsdet {@code log|det|} ({@code -inf} for a singular matrix)
   */
  public record Slogdet(Tensor sign, Tensor logabsdet) implements TensorTuple {
    @Override
    public List<Tensor> tensors() {
      return List.of(sign, logabsdet);
    }
  }

  /**
   * A QR decomposition {@code A = Q R}, PyTorch's {@code torch.linalg.qr} result.
   *
   * @param Q the matrix with orthonormal columns (empty in mode "r")
   * @param R the upper-triangular matrix
   */
  public record QR(Tensor Q, Tensor R) implements TensorTuple {
    @Override
    public List<Tensor> tensors() {
      return List.of(Q, R);
    }
  }

  /**
   * An eigen-decomposition {@code A V = V diag(L)}, PyTorch's {@code torch.linalg.eig} and {@code
   * eigh} results.
   *
   * @param eigenvalues the eigenvalues: complex for {@link #eig}, real and ascending for {@link
   *     #eigh}
   * @param eigenvectors the eigenvectors, one per column, of norm 1
   */
  public record Eig(Tensor eigenvalues, Tensor eigenvectors) implements TensorTuple {
    @Override
    public List<Tensor> tensors() {
      return List.of(eigenvalues, eigenvectors);
    }
  }

  /**
   * A singular value decomposition {@code A = U diag(S) Vh}, PyTorch's {@code torch.linalg.svd}
   * result.
   *
   * @param U the left singular vectors, one per column
   * @param S the singular values, real and descending
   * @param Vh the conjugate transpose of the right singular vectors
   */
  public record SVD(Tensor U, Tensor S, Tensor Vh) implements TensorTuple {
    @Override
    public List<Tensor> tensors() {
      return List.of(U, S, Vh);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Products

  /** Matrix product with broadcasting, {@code torch.linalg.matmul} (the same as {@code matmul}). */
  public static Tensor matmul(Tensor input, Tensor other) {
    org.bytedeco.pytorch.Tensor a = h(input, "input");
    org.bytedeco.pytorch.Tensor b = h(other, "other");
    return call(() -> torch.linalg_matmul(a, b));
  }

  /** The dot product of vectors along {@code dim}, conjugating {@code x}, with broadcasting. */
  public static Tensor vecdot(Tensor x, Tensor y, long dim) {
    org.bytedeco.pytorch.Tensor a = h(x, "x");
    org.bytedeco.pytorch.Tensor b = h(y, "y");
    return call(() -> torch.linalg_vecdot(a, b, dim));
  }

  /** {@link #vecdot(Tensor, Tensor, long)} along the last dimension. */
  public static Tensor vecdot(Tensor x, Tensor y) {
    return vecdot(x, y, -1);
  }

  /**
   * The product of two or more matrices, in the order of multiplications that costs least; the
   * first and last may be vectors. PyTorch's {@code torch.linalg.multi_dot}.
   */
  public static Tensor multiDot(Tensor... tensors) {
    Objects.requireNonNull(tensors, "tensors");
    org.bytedeco.pytorch.Tensor[] hs = new org.bytedeco.pytorch.Tensor[tensors.length];
    for (int i = 0; i < hs.length; i++) {
      hs[i] = h(tensors[i], "tensors[" + i + "]");
    }
    return call(
        () -> {
          try (TensorVector v = new TensorVector(hs)) {
            return torch.linalg_multi_dot(v);
          }
        });
  }

  /** The cross product of 3-vectors along {@code dim}, with broadcasting. */
  public static Tensor cross(Tensor input, Tensor other, long dim) {
    org.bytedeco.pytorch.Tensor a = h(input, "input");
    org.bytedeco.pytorch.Tensor b = h(other, "other");
    return call(() -> torch.linalg_cross(a, b, dim));
  }

  /** {@link #cross(Tensor, Tensor, long)} along the last dimension, as in {@code torch.linalg.cross}. */
  public static Tensor cross(Tensor input, Tensor other) {
    return cross(input, other, -1);
  }

  /**
   * {@code A} to the integer power {@code n} (negative powers invert {@code A}). {@code
   * Long.MIN_VALUE} works too: LibTorch negates {@code n} for a negative power, which overflows
   * there and loops forever (in Python as well), so jtorch computes {@code A^(n+1) A^-1} instead.
   */
  public static Tensor matrixPower(Tensor A, long n) {
    if (n == Long.MIN_VALUE) {
      return org.jtorch.Scope.returning(() -> matrixPower(A, n + 1).matmul(inv(A)));
    }
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_matrix_power(a, n));
  }

  /** The matrix exponential. */
  public static Tensor matrixExp(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_matrix_exp(a));
  }

  // ---------------------------------------------------------------------------------------------
  // Inverses, determinants, solvers

  /**
   * The inverse of a square matrix.
   *
   * @throws org.jtorch.TorchException if {@code A} is not square or is singular
   */
  public static Tensor inv(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_inv(a));
  }

  /** The determinant of a square matrix. */
  public static Tensor det(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_det(a));
  }

  /** The sign and log-absolute-value of the determinant, stable where {@code det} over/underflows. */
  public static Slogdet slogdet(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    Tensor[] r = NativeCalls.pair(() -> torch.linalg_slogdet(a));
    return new Slogdet(r[0], r[1]);
  }

  /**
   * The solution {@code X} of {@code A X = B} ({@code B} a vector or matrix, batches broadcast).
   *
   * @throws org.jtorch.TorchException if {@code A} is singular or the shapes do not match
   */
  public static Tensor solve(Tensor A, Tensor B) {
    return solve(A, B, true);
  }

  /** The solution of {@code A X = B} if {@code left}, else of {@code X A = B}. */
  public static Tensor solve(Tensor A, Tensor B, boolean left) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    org.bytedeco.pytorch.Tensor b = h(B, "B");
    return call(() -> torch.linalg_solve(a, b, left));
  }

  /**
   * The pseudo-inverse (Moore–Penrose), with PyTorch's default tolerance (singular values below
   * {@code max(m, n) * eps * largest} count as zero).
   */
  public static Tensor pinv(Tensor A) {
    return pinv(A, null, null, false);
  }

  /** The pseudo-inverse; {@code hermitian} uses the faster eigen-decomposition of a Hermitian A. */
  public static Tensor pinv(Tensor A, boolean hermitian) {
    return pinv(A, null, null, hermitian);
  }

  /**
   * The pseudo-inverse, treating singular values below {@code max(atol, rtol * largest)} as zero;
   * a null tolerance takes PyTorch's default.
   */
  public static Tensor pinv(Tensor A, Double atol, Double rtol, boolean hermitian) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(
        () -> {
          try (DoubleOptional at = optional(atol);
              DoubleOptional rt = optional(rtol)) {
            return torch.linalg_pinv(a, at, rt, hermitian);
          }
        });
  }

  /** The numerical rank of a matrix, with PyTorch's default tolerance. */
  public static Tensor matrixRank(Tensor A) {
    return matrixRank(A, null, null, false);
  }

  /** The numerical rank; {@code hermitian} uses the eigenvalues of a Hermitian A. */
  public static Tensor matrixRank(Tensor A, boolean hermitian) {
    return matrixRank(A, null, null, hermitian);
  }

  /**
   * The number of singular values above {@code max(atol, rtol * largest)} (int64); a null
   * tolerance takes PyTorch's default.
   */
  public static Tensor matrixRank(Tensor A, Double atol, Double rtol, boolean hermitian) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(
        () -> {
          try (DoubleOptional at = optional(atol);
              DoubleOptional rt = optional(rtol)) {
            return torch.linalg_matrix_rank(a, at, rt, hermitian);
          }
        });
  }

  private static DoubleOptional optional(Double v) {
    return v == null ? new DoubleOptional() : new DoubleOptional(v);
  }

  // ---------------------------------------------------------------------------------------------
  // Decompositions

  /**
   * The lower-triangular Cholesky factor {@code L} of a symmetric (Hermitian) positive-definite
   * matrix: {@code A = L L^H}.
   *
   * @throws org.jtorch.TorchException if {@code A} is not positive-definite
   */
  public static Tensor cholesky(Tensor A) {
    return cholesky(A, false);
  }

  /**
   * The Cholesky factor: upper-triangular {@code U} with {@code A = U^H U} if {@code upper}.
   *
   * <p>A NaN in {@code A} fails as in PyTorch ("... the leading minor of order k is not
   * positive-definite"): the presets' OpenBLAS factorizes NaNs without complaint (PyTorch's MKL
   * and reference LAPACK do not), so jtorch checks the factor's diagonal for NaNs itself.
   */
  public static Tensor cholesky(Tensor A, boolean upper) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    Tensor factor = call(() -> torch.linalg_cholesky(a, upper));
    long[] shape = factor.shape();
    long n = shape[shape.length - 1];
    boolean[] nan;
    try (org.jtorch.Scope s = org.jtorch.Scope.open()) {
      Tensor diagonalNan = factor.diagonal(0, -2, -1).isnan();
      if (factor.numel() == 0 || !diagonalNan.any().booleanValue()) {
        return factor; // the usual case: one reduction, nothing copied out
      }
      nan = diagonalNan.toBooleanArray();
    }
    factor.close();
    int first = 0;
    while (!nan[first]) {
      first++;
    }
    throw new org.jtorch.TorchException(
        "linalg.cholesky: "
            + (shape.length > 2 ? "(Batch element " + first / n + "): " : "")
            + "The factorization could not be completed because the input is not"
            + " positive-definite (the leading minor of order "
            + (first % n + 1)
            + " is not positive-definite).");
  }

  /** The reduced QR decomposition. */
  public static QR qr(Tensor A) {
    return qr(A, "reduced");
  }

  /** The QR decomposition in {@code mode} "reduced", "complete" or "r" (R only; Q is empty). */
  public static QR qr(Tensor A, String mode) {
    Objects.requireNonNull(mode, "mode");
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    Tensor[] r = NativeCalls.pair(() -> torch.linalg_qr(a, mode));
    return new QR(r[0], r[1]);
  }

  /**
   * The eigenvalues and eigenvectors of a square matrix, both complex (complex64 for float32 input,
   * complex128 for float64), in the order LAPACK returns them.
   */
  public static Eig eig(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    Tensor[] r = NativeCalls.pair(() -> torch.linalg_eig(a));
    return new Eig(r[0], r[1]);
  }

  /** The (complex) eigenvalues of a square matrix. */
  public static Tensor eigvals(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_eigvals(a));
  }

  /** The eigen-decomposition of a symmetric (Hermitian) matrix, from its lower triangle. */
  public static Eig eigh(Tensor A) {
    return eigh(A, "L");
  }

  /**
   * The eigen-decomposition of a symmetric (Hermitian) matrix: real eigenvalues in ascending order
   * and orthonormal eigenvectors; only the triangle {@code uplo} ("L" or "U") is read.
   */
  public static Eig eigh(Tensor A, String uplo) {
    Objects.requireNonNull(uplo, "uplo");
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    Tensor[] r = NativeCalls.pair(() -> torch.linalg_eigh(a, uplo));
    return new Eig(r[0], r[1]);
  }

  /** The eigenvalues of a symmetric (Hermitian) matrix, ascending, from its lower triangle. */
  public static Tensor eigvalsh(Tensor A) {
    return eigvalsh(A, "L");
  }

  /** The eigenvalues of a symmetric (Hermitian) matrix, ascending, from the triangle {@code uplo}. */
  public static Tensor eigvalsh(Tensor A, String uplo) {
    Objects.requireNonNull(uplo, "uplo");
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_eigvalsh(a, uplo));
  }

  /** The full singular value decomposition ({@code full_matrices=True}, PyTorch's default). */
  public static SVD svd(Tensor A) {
    return svd(A, true);
  }

  /**
   * The singular value decomposition {@code A = U diag(S) Vh}; with {@code fullMatrices} false, the
   * reduced one ({@code U} m × k, {@code Vh} k × n, k = min(m, n)).
   */
  public static SVD svd(Tensor A, boolean fullMatrices) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    Tensor[] r =
        NativeCalls.triple(
            () -> NativeCalls.withString(null, driver -> torch.linalg_svd(a, fullMatrices, driver)));
    return new SVD(r[0], r[1], r[2]);
  }

  /** The singular values, descending. */
  public static Tensor svdvals(Tensor A) {
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_svdvals(a));
  }

  // ---------------------------------------------------------------------------------------------
  // Norms

  /** The 2-norm of all elements, flattened. */
  public static Tensor vectorNorm(Tensor x) {
    return vectorNorm(x, 2, null, false);
  }

  /** The {@code ord}-norm of all elements ({@code ord} may be ±infinity or 0). */
  public static Tensor vectorNorm(Tensor x, double ord) {
    return vectorNorm(x, ord, null, false);
  }

  /**
   * The vector {@code ord}-norm over {@code dims} (null: all elements), PyTorch's {@code
   * torch.linalg.vector_norm}: {@code sum(|x|^ord)^(1/ord)}; {@code ord} ±infinity gives max/min
   * of {@code |x|}, 0 the number of non-zeros.
   */
  public static Tensor vectorNorm(Tensor x, double ord, long[] dims, boolean keepDim) {
    org.bytedeco.pytorch.Tensor a = h(x, "x");
    long[] d = dims == null ? null : dims.clone();
    return call(
        () ->
            NativeCalls.withLongs(
                d,
                dim -> {
                  try (Scalar o = new Scalar(ord)) {
                    return torch.linalg_vector_norm(a, o, dim, keepDim, Natives.NO_DTYPE);
                  }
                }));
  }

  /** The Frobenius norm of the matrices in the last two dimensions. */
  public static Tensor matrixNorm(Tensor A) {
    return matrixNorm(A, "fro", new long[] {-2, -1}, false);
  }

  /** The matrix norm {@code ord} ("fro" or "nuc") of the last two dimensions. */
  public static Tensor matrixNorm(Tensor A, String ord) {
    return matrixNorm(A, ord, new long[] {-2, -1}, false);
  }

  /** The matrix norm {@code ord} (±1, ±2, ±infinity) of the last two dimensions. */
  public static Tensor matrixNorm(Tensor A, double ord) {
    return matrixNorm(A, ord, new long[] {-2, -1}, false);
  }

  /**
   * The matrix norm {@code ord} ("fro": Frobenius, "nuc": nuclear) over the two dimensions {@code
   * dims}.
   */
  public static Tensor matrixNorm(Tensor A, String ord, long[] dims, boolean keepDim) {
    Objects.requireNonNull(ord, "ord");
    long[] d = twoDims(dims);
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(() -> torch.linalg_matrix_norm(a, ord, d, keepDim, Natives.NO_DTYPE));
  }

  /**
   * The matrix norm {@code ord} over the two dimensions {@code dims}: 1 / -1 the max / min column
   * sum of {@code |A|}, infinity / -infinity the max / min row sum, 2 / -2 the largest / smallest
   * singular value.
   */
  public static Tensor matrixNorm(Tensor A, double ord, long[] dims, boolean keepDim) {
    long[] d = twoDims(dims);
    org.bytedeco.pytorch.Tensor a = h(A, "A");
    return call(
        () -> {
          try (Scalar o = new Scalar(ord)) {
            return torch.linalg_matrix_norm(a, o, d, keepDim, Natives.NO_DTYPE);
          }
        });
  }

  private static long[] twoDims(long[] dims) {
    Objects.requireNonNull(dims, "dims");
    if (dims.length != 2) {
      throw new IllegalArgumentException(
          "a matrix norm needs two dims, got " + Arrays.toString(dims));
    }
    return dims.clone();
  }
}
