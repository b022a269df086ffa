package org.jtorch.samples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.jtorch.DType;
import org.jtorch.Device;
import org.jtorch.Index;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;

/**
 * A tour of tensor basics, each step printed with its result (the same as PyTorch prints):
 * creating tensors (from Java arrays, {@code zeros}, {@code ones}, {@code arange}, {@code
 * linspace}, {@code full}, {@code eye}, seeded {@code rand}/{@code randn}, the {@code *Like}
 * factories), dtypes and conversions, devices (the GPU part runs only where CUDA is available),
 * shapes ({@code reshape}, {@code view}, {@code permute}, {@code transpose}, {@code
 * squeeze}/{@code unsqueeze}), indexing and slicing ({@code index} with {@link Index}, {@code
 * select}, {@code narrow}, {@code indexSelect}, masks), arithmetic with broadcasting, joining and
 * splitting ({@code cat}, {@code stack}, {@code split}, {@code chunk}), and getting values back
 * into Java ({@code item()}, {@code tolist()}, arrays).
 *
 * <p>Run: {@code ./mvnw -q -f samples exec:java -Dsample=TensorBasics}
 */
public final class TensorBasics {
  private TensorBasics() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the tour to {@code out}. */
  public static void run(PrintStream out) {
    try (Scope scope = Scope.open()) {
      creation(out);
      dtypes(out);
      devices(out);
      shapes(out);
      indexing(out);
      arithmetic(out);
      joining(out);
      values(out);
    }
  }

  private static void section(PrintStream out, String title) {
    out.println();
    out.println("== " + title);
  }

  private static String shape(Tensor t) {
    return Arrays.toString(t.shape());
  }

  static void creation(PrintStream out) {
    section(out, "creation");
    out.println("Torch.tensor(new float[][] {{1, 2}, {3, 4}}) =\n"
        + Torch.tensor(new float[][] {{1, 2}, {3, 4}}));
    out.println("Torch.tensor(new long[] {1, 2, 3}) = " + Torch.tensor(new long[] {1, 2, 3}));
    out.println("Torch.tensor(new boolean[] {true, false}) = " + Torch.tensor(new boolean[] {true, false}));
    out.println("Torch.scalarTensor(3.5) = " + Torch.scalarTensor(3.5) + "  (0-d, shape []), dim() = "
        + Torch.scalarTensor(3.5).dim());
    out.println("Torch.zeros(2, 3) =\n" + Torch.zeros(2, 3));
    out.println("Torch.ones(3) = " + Torch.ones(3));
    out.println("Torch.arange(6) = " + Torch.arange(6));
    out.println("Torch.arange(1, 10, 3) = " + Torch.arange(1, 10, 3));
    out.println("Torch.arange(0.0, 1.0, 0.25) = " + Torch.arange(0.0, 1.0, 0.25));
    out.println("Torch.linspace(0, 1, 5) = " + Torch.linspace(0, 1, 5));
    out.println("Torch.full(new long[] {2, 2}, 7.0) =\n" + Torch.full(new long[] {2, 2}, 7.0));
    out.println("Torch.eye(3) =\n" + Torch.eye(3));

    Torch.manualSeed(0); // the same stream of random numbers as Python's torch.manual_seed(0)
    out.println("Torch.manualSeed(0); Torch.rand(3) = " + Torch.rand(3));
    out.println("Torch.randn(2, 2) =\n" + Torch.randn(2, 2));
    out.println("Torch.randint(10, 5) = " + Torch.randint(10, 5));

    Tensor like = Torch.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}});
    out.println("Torch.zerosLike(x) =\n" + Torch.zerosLike(like));
    out.println("Torch.onesLike(x) =\n" + Torch.onesLike(like));
    out.println("Torch.fullLike(x, 0.5) =\n" + Torch.fullLike(like, 0.5));
    out.println("Torch.randLike(x).shape() = " + shape(Torch.randLike(like)));
  }

  static void dtypes(PrintStream out) {
    section(out, "dtypes");
    Tensor i = Torch.tensor(new long[] {1, 2, 3});
    Tensor f = Torch.tensor(new float[] {1.5f, 2.5f});
    out.println("Torch.tensor(long[]).dtype() = " + i.dtype() + ", Torch.tensor(float[]).dtype() = " + f.dtype());
    out.println("Torch.tensor(double[]).dtype() = " + Torch.tensor(new double[] {1}).dtype());
    out.println("i.to(DType.FLOAT32) = " + i.to(DType.FLOAT32));
    out.println("i.to(DType.FLOAT64) = " + i.to(DType.FLOAT64));
    out.println("i.to(DType.INT32) = " + i.to(DType.INT32));
    out.println("Torch.tensor(new float[] {1.7f, -1.7f}).to(DType.INT64) = "
        + Torch.tensor(new float[] {1.7f, -1.7f}).to(DType.INT64) + "  (truncates toward zero)");
    out.println("Torch.tensor(new long[] {0, 2}).to(DType.BOOL) = " + Torch.tensor(new long[] {0, 2}).to(DType.BOOL));
    out.println("i.add(0.5) = " + i.add(0.5) + "  (int64 + a Java double: float32, PyTorch's promotion)");
    out.println("i.div(2) = " + i.div(2) + "  (true division)");
    out.println("Torch.zeros(new long[] {2}, TensorOptions.dtype(DType.FLOAT16)) = "
        + Torch.zeros(new long[] {2}, org.jtorch.TensorOptions.dtype(DType.FLOAT16)));
    out.println("DType.FLOAT32.itemSize() = " + DType.FLOAT32.itemSize() + " bytes");
  }

  static void devices(PrintStream out) {
    section(out, "devices");
    Tensor x = Torch.arange(3.0, 6.0, 1.0);
    out.println("x.device() = " + x.device() + "; Device.CPU = " + Device.CPU);
    boolean cuda = Torch.cuda().isAvailable();
    out.println("Torch.cuda().isAvailable() = " + cuda);
    if (!cuda) {
      out.println("no CUDA device: the GPU steps are skipped (they need the GPU flavour and a GPU)");
      return;
    }
    out.println("Torch.cuda().deviceCount() = " + Torch.cuda().deviceCount());
    Tensor g = x.to(Device.cuda());
    out.println("x.to(Device.cuda()) = " + g);
    Tensor y = g.mul(g);
    out.println("computed on the GPU: g.mul(g) = " + y);
    out.println("back on the CPU: g.mul(g).cpu() = " + y.cpu());
  }

  static void shapes(PrintStream out) {
    section(out, "shapes");
    Tensor x = Torch.arange(12);
    out.println("x = Torch.arange(12); x.shape() = " + shape(x) + ", x.numel() = " + x.numel());
    Tensor m = x.reshape(3, 4);
    out.println("x.reshape(3, 4) =\n" + m);
    out.println("x.view(2, 6).shape() = " + shape(x.view(2, 6)) + ", x.view(-1, 3).shape() = " + shape(x.view(-1, 3)));
    Tensor t = m.transpose(0, 1);
    out.println("m.transpose(0, 1) =\n" + t);
    out.println("m.t().shape() = " + shape(m.t()) + "; t.isContiguous() = " + t.isContiguous());
    try {
      t.view(12);
    } catch (TorchException e) {
      out.println("t.view(12) fails: " + e.getMessage().lines().findFirst().orElse(""));
    }
    out.println("t.contiguous().view(12) = " + t.contiguous().view(12));
    out.println("t.reshape(12) = " + t.reshape(12) + "  (reshape copies when it must)");
    Tensor c = Torch.zeros(2, 3, 4);
    out.println("Torch.zeros(2, 3, 4).permute(2, 0, 1).shape() = " + shape(c.permute(2, 0, 1)));
    Tensor u = m.unsqueeze(0);
    out.println("m.unsqueeze(0).shape() = " + shape(u) + ", m.unsqueeze(-1).shape() = " + shape(m.unsqueeze(-1)));
    out.println("m.unsqueeze(0).squeeze(0).shape() = " + shape(u.squeeze(0))
        + ", Torch.zeros(1, 3, 1).squeeze().shape() = " + shape(Torch.zeros(1, 3, 1).squeeze()));
    out.println("Torch.zeros(2, 3, 4).flatten(1).shape() = " + shape(c.flatten(1)));
  }

  static void indexing(PrintStream out) {
    section(out, "indexing and slicing");
    Tensor t = Torch.arange(6).reshape(2, 3);
    out.println("t = Torch.arange(6).reshape(2, 3) =\n" + t);
    out.println("t[0]      t.index(Index.of(0)) = " + t.index(Index.of(0)));
    out.println("t[-1]     t.index(Index.of(-1)) = " + t.index(Index.of(-1)));
    out.println("t[:, 1]   t.index(Index.ALL, Index.of(1)) = " + t.index(Index.ALL, Index.of(1)));
    out.println("t[1, 2]   t.index(Index.of(1), Index.of(2)) = " + t.index(Index.of(1), Index.of(2)));
    out.println("t[:, ::2] t.index(Index.ALL, Index.slice(null, null, 2L)) =\n"
        + t.index(Index.ALL, Index.slice(null, null, 2L)));
    out.println("t[:, 1:]  t.index(Index.ALL, Index.from(1)) =\n" + t.index(Index.ALL, Index.from(1)));
    out.println("t[None]   t.index(Index.NONE).shape() = " + shape(t.index(Index.NONE)));
    out.println("t.select(1, 2) = " + t.select(1, 2));
    out.println("t.narrow(1, 1, 2) =\n" + t.narrow(1, 1, 2));
    out.println("t.indexSelect(1, Torch.tensor(new long[] {2, 0})) =\n"
        + t.indexSelect(1, Torch.tensor(new long[] {2, 0})));
    Tensor mask = t.gt(2);
    out.println("t.gt(2) =\n" + mask);
    out.println("t.maskedSelect(t.gt(2)) = " + t.maskedSelect(mask));
    out.println("t[t > 2]  t.index(Index.of(t.gt(2))) = " + t.index(Index.of(mask)));
    out.println("t[[1, 0]] t.index(Index.of(new long[] {1, 0})) =\n" + t.index(Index.of(new long[] {1, 0})));

    Tensor w = t.clone();
    w.indexPut_(new Index[] {Index.of(w.remainder(2).eq(0))}, -1);
    out.println("w = t.clone(); w[w % 2 == 0] = -1:\n" + w);
    Tensor row = w.select(0, 1); // basic indexing gives a view: writing to it writes to w
    row.fill_(9);
    out.println("w.select(0, 1).fill_(9) writes through the view:\n" + w);
  }

  static void arithmetic(PrintStream out) {
    section(out, "arithmetic and broadcasting");
    Tensor a = Torch.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor b = Torch.tensor(new float[] {10, 20, 30});
    out.println("a.add(b)  [2, 3] + [3] broadcasts =\n" + a.add(b));
    out.println("a.mul(2) =\n" + a.mul(2));
    out.println("a.pow(2).sum(1) = " + a.pow(2).sum(1));
    out.println("a.matmul(a.t()) =\n" + a.matmul(a.t()));
    Tensor c = Torch.ones(3);
    c.add_(b);
    out.println("c = Torch.ones(3); c.add_(b); c = " + c + "  (in place: the trailing underscore)");
  }

  static void joining(PrintStream out) {
    section(out, "joining and splitting");
    Tensor a = Torch.tensor(new long[][] {{1, 2}, {3, 4}});
    Tensor b = Torch.tensor(new long[][] {{5, 6}});
    out.println("Torch.cat(List.of(a, b), 0) =\n" + Torch.cat(List.of(a, b), 0));
    out.println("Torch.cat(List.of(a, a), 1) =\n" + Torch.cat(List.of(a, a), 1));
    Tensor s = Torch.stack(List.of(Torch.arange(3), Torch.arange(3, 6)), 0);
    out.println("Torch.stack(List.of(Torch.arange(3), Torch.arange(3, 6)), 0) =\n" + s);
    out.println("Torch.stack(..., 1).shape() = " + shape(Torch.stack(List.of(Torch.arange(3), Torch.arange(3, 6)), 1)));
    out.println("Torch.arange(5).split(2) = " + Torch.arange(5).split(2));
    out.println("Torch.arange(6).chunk(3) = " + Torch.arange(6).chunk(3));
    out.println("s.unbind(1) = " + s.unbind(1));
  }

  static void values(PrintStream out) {
    section(out, "values back in Java");
    Tensor t = Torch.arange(6).reshape(2, 3);
    Number sum = t.sum().item();
    out.println("t.sum().item() = " + sum + " (" + sum.getClass().getSimpleName() + ")");
    Number mean = t.to(DType.FLOAT32).mean().item();
    out.println("t.to(DType.FLOAT32).mean().item() = " + mean + " (" + mean.getClass().getSimpleName() + ")");
    out.println("t.sum().longValue() = " + t.sum().longValue() + ", Torch.tensor(new float[] {0.1f}).doubleValue() = "
        + Torch.tensor(new float[] {0.1f}).doubleValue());
    out.println("t.tolist() = " + t.tolist());
    out.println("Torch.tensor(new float[] {0.5f, 0.1f}).tolist() = " + Torch.tensor(new float[] {0.5f, 0.1f}).tolist()
        + "  (float32 0.1 widened to double, as Python shows it)");
    out.println("t.gt(2).tolist() = " + t.gt(2).tolist());
    out.println("t.toLongArray() = " + Arrays.toString(t.toLongArray()) + "  (row-major, flattened)");
    out.println("t.toArray(long[][].class) = " + Arrays.deepToString(t.toArray(long[][].class)));
  }
}
