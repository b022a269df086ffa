package org.jtorch.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.DType;
import org.jtorch.Index;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.fft.FFT;
import org.jtorch.linalg.Linalg;

/**
 * Java mappings of the region-B ops (indexing, linear algebra, spectral, complex); the generators
 * are {@code gen_parity_{indexing,linalg,fft,complex}.py}.
 *
 * <p>Where a result is only defined up to sign or phase (eigenvectors, singular vectors, QR), the
 * op returns quantities that do not depend on that choice, computed the same way in the
 * generator: the presets' LibTorch runs OpenBLAS's LAPACK, Python's wheel MKL's.
 */
final class ParityOpsB {
  static final Map<String, ParityOp> OPS = new HashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    indexing();
    linalg();
    spectral();
    complex();
  }

  private ParityOpsB() {}

  // ---------------------------------------------------------------------------------------------
  // Argument helpers

  private static Tensor t(List<Object> a, int i) {
    return (Tensor) a.get(i);
  }

  private static long l(List<Object> a, int i) {
    return (Long) a.get(i);
  }

  private static Long lOrNull(List<Object> a, int i) {
    return (Long) a.get(i);
  }

  private static double d(List<Object> a, int i) {
    return ((Number) a.get(i)).doubleValue();
  }

  private static Double dOrNull(List<Object> a, int i) {
    Object o = a.get(i);
    return o == null ? null : ((Number) o).doubleValue();
  }

  private static boolean b(List<Object> a, int i) {
    return (Boolean) a.get(i);
  }

  private static String s(List<Object> a, int i) {
    return (String) a.get(i);
  }

  private static long[] ints(List<Object> a, int i) {
    return (long[]) a.get(i);
  }

  @SuppressWarnings("unchecked")
  private static List<Tensor> ts(List<Object> a, int i) {
    return (List<Tensor>) a.get(i);
  }

  /**
   * An index expression encoded as JSON (see gen_parity_indexing.py): an integer, "...", null
   * (None), true/false, {"slice": [start, stop, step]}, {"arg": k} (the tensor argument k), {"longs":
   * [...]} or {"bools": [...]}.
   */
  static Index[] indices(String spec, List<Object> args) {
    JsonNode list;
    try {
      list = JSON.readTree(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Index[] out = new Index[list.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = list.get(i);
      if (e.isNull()) {
        out[i] = Index.NONE;
      } else if (e.isIntegralNumber()) {
        out[i] = Index.of(e.asLong());
      } else if (e.isBoolean()) {
        out[i] = Index.of(e.asBoolean());
      } else if (e.isTextual() && e.asText().equals("...")) {
        out[i] = Index.ELLIPSIS;
      } else if (e.has("slice")) {
        JsonNode s = e.get("slice");
        out[i] = Index.slice(bound(s.get(0)), bound(s.get(1)), bound(s.get(2)));
      } else if (e.has("arg")) {
        out[i] = Index.of((Tensor) args.get(e.get("arg").asInt()));
      } else if (e.has("longs")) {
        long[] v = new long[e.get("longs").size()];
        for (int k = 0; k < v.length; k++) {
          v[k] = e.get("longs").get(k).asLong();
        }
        out[i] = Index.of(v);
      } else if (e.has("bools")) {
        boolean[] v = new boolean[e.get("bools").size()];
        for (int k = 0; k < v.length; k++) {
          v[k] = e.get("bools").get(k).asBoolean();
        }
        out[i] = Index.of(v);
      } else {
        throw new IllegalArgumentException("unknown index entry " + e);
      }
    }
    return out;
  }

  private static Long bound(JsonNode n) {
    return n == null || n.isNull() ? null : n.asLong();
  }

  // ---------------------------------------------------------------------------------------------
  // Indexing

  private static void indexing() {
    OPS.put("index", a -> t(a, 0).index(indices(s(a, 1), a)));
    // writes through x[idx] = value on a clone; value is a tensor or a number
    OPS.put(
        "index_put",
        a -> {
          Tensor c = t(a, 0).clone();
          Index[] idx = indices(s(a, 1), a);
          if (a.get(2) instanceof Tensor) {
            c.indexPut_(idx, t(a, 2));
          } else {
            c.indexPut_(idx, d(a, 2));
          }
          return c;
        });
    // y = x[idx]; y[...] = value: changes x only where basic indexing gave a view
    OPS.put(
        "index_view_write",
        a -> {
          Tensor c = t(a, 0).clone();
          Tensor y = c.index(indices(s(a, 1), a));
          y.indexPut_(new Index[] {Index.ELLIPSIS}, d(a, 2));
          return c;
        });
    OPS.put("index_select", a -> t(a, 0).indexSelect(l(a, 1), t(a, 2)));
    OPS.put("torch_index_select", a -> Torch.indexSelect(t(a, 0), l(a, 1), t(a, 2)));
    OPS.put("gather", a -> t(a, 0).gather(l(a, 1), t(a, 2)));
    OPS.put("scatter", a -> t(a, 0).scatter(l(a, 1), t(a, 2), t(a, 3)));
    OPS.put("scatter_value", a -> t(a, 0).scatter(l(a, 1), t(a, 2), d(a, 3)));
    OPS.put("scatter_reduce_arg", a -> t(a, 0).scatter(l(a, 1), t(a, 2), t(a, 3), s(a, 4)));
    OPS.put("scatter_value_reduce_arg", a -> t(a, 0).scatter(l(a, 1), t(a, 2), d(a, 3), s(a, 4)));
    OPS.put("scatter_", a -> t(a, 0).clone().scatter_(l(a, 1), t(a, 2), t(a, 3)));
    OPS.put("scatter_value_", a -> t(a, 0).clone().scatter_(l(a, 1), t(a, 2), d(a, 3)));
    OPS.put("scatter_reduce_arg_", a -> t(a, 0).clone().scatter_(l(a, 1), t(a, 2), t(a, 3), s(a, 4)));
    OPS.put("scatter_add", a -> t(a, 0).scatterAdd(l(a, 1), t(a, 2), t(a, 3)));
    OPS.put("scatter_add_", a -> t(a, 0).clone().scatterAdd_(l(a, 1), t(a, 2), t(a, 3)));
    OPS.put("scatter_reduce", a -> t(a, 0).scatterReduce(l(a, 1), t(a, 2), t(a, 3), s(a, 4), b(a, 5)));
    OPS.put("scatter_reduce_", a -> t(a, 0).clone().scatterReduce_(l(a, 1), t(a, 2), t(a, 3), s(a, 4), b(a, 5)));
    OPS.put("take", a -> t(a, 0).take(t(a, 1)));
    OPS.put("masked_select", a -> t(a, 0).maskedSelect(t(a, 1)));
    OPS.put("masked_fill", a -> t(a, 0).maskedFill(t(a, 1), d(a, 2)));
    OPS.put("masked_fill_tensor", a -> t(a, 0).maskedFill(t(a, 1), t(a, 2)));
    OPS.put("masked_fill_", a -> t(a, 0).clone().maskedFill_(t(a, 1), d(a, 2)));
    OPS.put("nonzero", a -> t(a, 0).nonzero());
    OPS.put("nonzero_tuple", a -> t(a, 0).nonzeroAsTuple());
    OPS.put("argwhere", a -> t(a, 0).argwhere());
    OPS.put("index_add", a -> t(a, 0).indexAdd(l(a, 1), t(a, 2), t(a, 3), d(a, 4)));
    OPS.put("index_add_", a -> t(a, 0).clone().indexAdd_(l(a, 1), t(a, 2), t(a, 3), d(a, 4)));
    OPS.put("index_fill", a -> t(a, 0).indexFill(l(a, 1), t(a, 2), d(a, 3)));
    OPS.put("index_copy", a -> t(a, 0).indexCopy(l(a, 1), t(a, 2), t(a, 3)));
  }

  // ---------------------------------------------------------------------------------------------
  // Linear algebra

  private static void linalg() {
    OPS.put("dot", a -> t(a, 0).dot(t(a, 1)));
    OPS.put("mm", a -> t(a, 0).mm(t(a, 1)));
    OPS.put("mv", a -> t(a, 0).mv(t(a, 1)));
    OPS.put("bmm", a -> t(a, 0).bmm(t(a, 1)));
    OPS.put("outer", a -> t(a, 0).outer(t(a, 1)));
    OPS.put("matmul", a -> Torch.matmul(t(a, 0), t(a, 1)));
    OPS.put("addmm", a -> Torch.addmm(t(a, 0), t(a, 1), t(a, 2), d(a, 3), d(a, 4)));
    OPS.put("einsum", a -> Torch.einsum(s(a, 0), ts(a, 1).toArray(new Tensor[0])));
    OPS.put("cross", a -> t(a, 0).cross(t(a, 1), l(a, 2)));
    OPS.put("linalg_cross", a -> Linalg.cross(t(a, 0), t(a, 1)));
    OPS.put("inverse", a -> t(a, 0).inverse());
    OPS.put("inv", a -> Linalg.inv(t(a, 0)));
    OPS.put("det", a -> Linalg.det(t(a, 0)));
    OPS.put("tensor_det", a -> t(a, 0).det());
    OPS.put(
        "slogdet",
        a -> {
          Linalg.Slogdet r = Linalg.slogdet(t(a, 0));
          return List.of(r.sign(), r.logabsdet());
        });
    OPS.put("solve", a -> Linalg.solve(t(a, 0), t(a, 1), b(a, 2)));
    OPS.put("cholesky", a -> Linalg.cholesky(t(a, 0), b(a, 1)));
    OPS.put("tensor_cholesky", a -> t(a, 0).cholesky());
    OPS.put("pinv", a -> Linalg.pinv(t(a, 0), b(a, 1)));
    OPS.put("pinverse", a -> t(a, 0).pinverse());
    OPS.put("matrix_rank", a -> Linalg.matrixRank(t(a, 0), b(a, 1)));
    OPS.put("matrix_rank_tol", a -> Linalg.matrixRank(t(a, 0), dOrNull(a, 1), dOrNull(a, 2), b(a, 3)));
    OPS.put("matrix_power", a -> Linalg.matrixPower(t(a, 0), l(a, 1)));
    OPS.put("tensor_matrix_power", a -> t(a, 0).matrixPower(l(a, 1)));
    OPS.put("matrix_exp", a -> Linalg.matrixExp(t(a, 0)));
    OPS.put("multi_dot", a -> Linalg.multiDot(ts(a, 0).toArray(new Tensor[0])));
    OPS.put("vecdot", a -> Linalg.vecdot(t(a, 0), t(a, 1), l(a, 2)));
    OPS.put("svdvals", a -> Linalg.svdvals(t(a, 0)));
    OPS.put("eigvalsh", a -> Linalg.eigvalsh(t(a, 0), s(a, 1)));
    OPS.put(
        "matrix_norm",
        a ->
            a.get(1) instanceof String
                ? Linalg.matrixNorm(t(a, 0), s(a, 1), ints(a, 2), b(a, 3))
                : Linalg.matrixNorm(t(a, 0), d(a, 1), ints(a, 2), b(a, 3)));
    OPS.put("matrix_norm_default", a -> Linalg.matrixNorm(t(a, 0)));
    OPS.put("vector_norm", a -> Linalg.vectorNorm(t(a, 0), d(a, 1), ints(a, 2), b(a, 3)));
    OPS.put("vector_norm_default", a -> Linalg.vectorNorm(t(a, 0)));
    OPS.put("qr_inv", a -> qrInvariants(t(a, 0), s(a, 1)));
    OPS.put("svd_inv", a -> svdInvariants(t(a, 0), b(a, 1)));
    OPS.put("eigh_inv", a -> eighInvariants(t(a, 0), s(a, 1)));
    OPS.put("eig_inv", a -> eigInvariants(t(a, 0)));
    OPS.put("eigvals_sorted", a -> sortedEigenvalues(Linalg.eigvals(t(a, 0))));
  }

  /** {@code |x|^2} elementwise, real: invariant under the sign/phase of each vector. */
  private static Tensor abs2(Tensor x) {
    return x.isComplex() ? x.mul(x.conj()).real() : x.mul(x);
  }

  private static List<Tensor> qrInvariants(Tensor a, String mode) {
    Linalg.QR qr = Linalg.qr(a, mode);
    if (mode.equals("r")) {
      return List.of(abs2(qr.R()));
    }
    return List.of(qr.Q().matmul(qr.R()), abs2(qr.R()), Torch.einsum("...ji,...jk->...ik", qr.Q().conj(), qr.Q()));
  }

  private static List<Tensor> svdInvariants(Tensor a, boolean full) {
    Linalg.SVD svd = Linalg.svd(a, full);
    long k = Math.min(a.size(-2), a.size(-1));
    Tensor u = svd.U().index(Index.ELLIPSIS, Index.ALL, Index.to(k));
    Tensor vh = svd.Vh().index(Index.ELLIPSIS, Index.to(k), Index.ALL);
    Tensor recon = u.mul(svd.S().index(Index.ELLIPSIS, Index.NONE, Index.ALL)).matmul(vh);
    Tensor uhu = Torch.einsum("...ji,...jk->...ik", svd.U().conj(), svd.U());
    Tensor vhv = Torch.einsum("...ij,...kj->...ik", svd.Vh(), svd.Vh().conj());
    return List.of(svd.S(), recon, uhu, vhv, abs2(u), abs2(vh));
  }

  private static List<Tensor> eighInvariants(Tensor a, String uplo) {
    Linalg.Eig e = Linalg.eigh(a, uplo);
    Tensor v = e.eigenvectors();
    Tensor vh = Torch.einsum("...ij->...ji", v.conj());
    Tensor recon = v.mul(e.eigenvalues().index(Index.ELLIPSIS, Index.NONE, Index.ALL)).matmul(vh);
    return List.of(e.eigenvalues(), abs2(v), recon);
  }

  /** The permutation that sorts complex values by (real rounded to 1e-4, imag). */
  private static long[] complexOrder(Tensor values) {
    double[] c = values.toComplexArray();
    Integer[] idx = new Integer[c.length / 2];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        Comparator.<Integer>comparingDouble(i -> Math.round(c[2 * i] * 1e4) / 1e4)
            .thenComparingDouble(i -> c[2 * i + 1]));
    long[] out = new long[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  private static Tensor sortedEigenvalues(Tensor values) {
    return values.indexSelect(-1, Torch.tensor(complexOrder(values)));
  }

  private static List<Tensor> eigInvariants(Tensor a) {
    Linalg.Eig e = Linalg.eig(a);
    Tensor order = Torch.tensor(complexOrder(e.eigenvalues()));
    Tensor values = e.eigenvalues().indexSelect(-1, order);
    Tensor vectors = e.eigenvectors().indexSelect(-1, order);
    Tensor residual =
        a.to(vectors.dtype()).matmul(vectors).sub(vectors.mul(values.index(Index.NONE, Index.ALL)));
    return List.of(values, abs2(vectors), residual);
  }

  // ---------------------------------------------------------------------------------------------
  // Spectral

  private static void spectral() {
    OPS.put("fft", a -> FFT.fft(t(a, 0), lOrNull(a, 1), l(a, 2), s(a, 3)));
    OPS.put("ifft", a -> FFT.ifft(t(a, 0), lOrNull(a, 1), l(a, 2), s(a, 3)));
    OPS.put("rfft", a -> FFT.rfft(t(a, 0), lOrNull(a, 1), l(a, 2), s(a, 3)));
    OPS.put("irfft", a -> FFT.irfft(t(a, 0), lOrNull(a, 1), l(a, 2), s(a, 3)));
    OPS.put("hfft", a -> FFT.hfft(t(a, 0), lOrNull(a, 1), l(a, 2), s(a, 3)));
    OPS.put("ihfft", a -> FFT.ihfft(t(a, 0), lOrNull(a, 1), l(a, 2), s(a, 3)));
    OPS.put("fft_default", a -> FFT.fft(t(a, 0)));
    OPS.put("ifft_default", a -> FFT.ifft(t(a, 0)));
    OPS.put("rfft_default", a -> FFT.rfft(t(a, 0)));
    OPS.put("irfft_default", a -> FFT.irfft(t(a, 0)));
    OPS.put("fft2", a -> FFT.fft2(t(a, 0), ints(a, 1), ints(a, 2), s(a, 3)));
    OPS.put("ifft2", a -> FFT.ifft2(t(a, 0), ints(a, 1), ints(a, 2), s(a, 3)));
    OPS.put("fft2_default", a -> FFT.fft2(t(a, 0)));
    OPS.put("ifft2_default", a -> FFT.ifft2(t(a, 0)));
    OPS.put("rfft2_default", a -> FFT.rfft2(t(a, 0)));
    OPS.put("irfft2_default", a -> FFT.irfft2(t(a, 0)));
    OPS.put("fftn", a -> FFT.fftn(t(a, 0), ints(a, 1), ints(a, 2), s(a, 3)));
    OPS.put("ifftn", a -> FFT.ifftn(t(a, 0), ints(a, 1), ints(a, 2), s(a, 3)));
    OPS.put("rfftn", a -> FFT.rfftn(t(a, 0), ints(a, 1), ints(a, 2), s(a, 3)));
    OPS.put("irfftn", a -> FFT.irfftn(t(a, 0), ints(a, 1), ints(a, 2), s(a, 3)));
    OPS.put(
        "fftfreq",
        a -> FFT.fftfreq(l(a, 0), d(a, 1), TensorOptions.dtype(a.get(2) == null ? DType.FLOAT32 : DType.valueOf(s(a, 2)))));
    OPS.put("fftfreq_default", a -> FFT.fftfreq(l(a, 0)));
    OPS.put(
        "rfftfreq",
        a -> FFT.rfftfreq(l(a, 0), d(a, 1), TensorOptions.dtype(a.get(2) == null ? DType.FLOAT32 : DType.valueOf(s(a, 2)))));
    OPS.put("fftshift", a -> a.get(1) == null ? FFT.fftshift(t(a, 0)) : FFT.fftshift(t(a, 0), ints(a, 1)));
    OPS.put("ifftshift", a -> a.get(1) == null ? FFT.ifftshift(t(a, 0)) : FFT.ifftshift(t(a, 0), ints(a, 1)));
  }

  // ---------------------------------------------------------------------------------------------
  // Complex numbers

  private static void complex() {
    OPS.put("real", a -> t(a, 0).real());
    OPS.put("imag", a -> t(a, 0).imag());
    OPS.put("angle", a -> t(a, 0).angle());
    OPS.put("conj", a -> t(a, 0).conj());
    OPS.put("conj_physical", a -> t(a, 0).conjPhysical());
    OPS.put("resolve_conj", a -> t(a, 0).conj().resolveConj());
    OPS.put("is_conj", a -> t(a, 0).conj().isConj());
    OPS.put("is_complex", a -> t(a, 0).isComplex());
    OPS.put("view_as_real", a -> t(a, 0).viewAsReal());
    OPS.put("view_as_complex", a -> t(a, 0).viewAsComplex());
    OPS.put("complex", a -> Torch.complex(t(a, 0), t(a, 1)));
    OPS.put("polar", a -> Torch.polar(t(a, 0), t(a, 1)));
    // complex values through the generic ops of the foundation
    OPS.put("c_add", a -> t(a, 0).add(t(a, 1)));
    OPS.put("c_mul", a -> t(a, 0).mul(t(a, 1)));
    OPS.put("c_div", a -> t(a, 0).div(t(a, 1)));
    OPS.put("c_sum", a -> t(a, 0).sum());
    OPS.put("c_mean", a -> t(a, 0).mean());
    OPS.put("c_exp", a -> t(a, 0).exp());
    OPS.put("c_abs", a -> t(a, 0).abs()); // region A's abs, on complex input
    OPS.put("c_to", a -> t(a, 0).to(DType.valueOf(s(a, 1))));
    OPS.put(
        "complex_array",
        a -> {
          // toComplexArray() against PyTorch's values, returned as a float64 tensor of [re, im]
          Tensor x = t(a, 0);
          return Torch.tensor(x.toComplexArray()).reshape(x.numel(), 2);
        });
    OPS.put("repr", a -> sameRepr(t(a, 0), s(a, 1)));
    OPS.put("repr_conj", a -> sameRepr(t(a, 0).conj(), s(a, 1)));
  }

  /** True if {@code x} prints as Python's {@code repr}; throws with both strings otherwise. */
  private static boolean sameRepr(Tensor x, String expected) {
    String got = x.toString();
    if (!got.equals(expected)) {
      throw new AssertionError("repr differs:\n expected: " + expected + "\n      got: " + got);
    }
    return true;
  }
}
