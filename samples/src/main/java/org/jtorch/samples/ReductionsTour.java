package org.jtorch.samples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.ValuesIndices;

/**
 * The reduction examples people learn PyTorch with, each printed with its result: sums and means
 * with and without dims, max/argmax with values and indices, min over rows, columns and the whole
 * tensor, the element-wise minimum across several models' probabilities, and the best and worst
 * predictions of a classifier's softmax output.
 *
 * <p>Run: {@code ./mvnw -q -f samples exec:java -Dsample=ReductionsTour}
 */
public final class ReductionsTour {
  private ReductionsTour() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the tour to {@code out}. */
  public static void run(PrintStream out) {
    try (Scope scope = Scope.open()) {
      Tensor t = Torch.tensor(new long[][] {{1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}});
      out.println("t =\n" + t);
      out.println("t.numel() = " + t.numel() + ", t.shape() = " + Arrays.toString(t.shape()));
      out.println("t.sum() = " + t.sum());
      out.println("t.sum(0) = " + t.sum(0));
      out.println("t.sum(1) = " + t.sum(1));
      Tensor s1 = t.sum(1, true);
      out.println("t.sum(1, keepDim=true) = " + s1 + "  shape " + Arrays.toString(s1.shape()));

      Tensor f = Torch.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
      out.println("\nf =\n" + f);
      out.println("f.mean() = " + f.mean() + "   .floatValue() = " + f.mean().floatValue());
      out.println("f.mean(0) = " + f.mean(0));
      out.println("f.std() = " + f.std());
      out.println("f.std(1) = " + f.std(1));
      Tensor flat = f.reshape(-1);
      out.println("f.reshape(-1): numel before " + f.numel() + ", after " + flat.numel()
          + ", shape " + Arrays.toString(flat.shape()));

      Tensor u = Torch.tensor(new long[][] {{1, 0, 0, 2}, {0, 3, 3, 0}, {4, 0, 0, 5}});
      out.println("\nu =\n" + u);
      out.println("u.max() = " + u.max() + ", u.argmax() = " + u.argmax() + " (index into the flattened tensor)");
      ValuesIndices m0 = u.max(0);
      out.println("u.max(0): values " + m0.values() + ", indices " + m0.indices());
      out.println("u.argmax(1) = " + u.argmax(1) + "  (ties go to the first index)");
      ValuesIndices rows = u.min(1);
      ValuesIndices cols = u.min(0);
      out.println("u.min(1) over rows:    values " + rows.values() + ", indices " + rows.indices());
      out.println("u.min(0) over columns: values " + cols.values() + ", indices " + cols.indices());
      out.println("u.min() over everything: " + u.min());

      Torch.manualSeed(0);
      List<Tensor> models = List.of(
          Torch.rand(4, 3).softmax(1), Torch.rand(4, 3).softmax(1), Torch.rand(4, 3).softmax(1));
      Tensor stacked = Torch.stack(models, 0);
      out.println("\nthree models' class probabilities, stacked: shape " + Arrays.toString(stacked.shape()));
      out.println("element-wise minimum across models, stack(...).min(0).values():\n" + stacked.min(0).values());

      Tensor logits = Torch.tensor(new float[][] {
          {2.0f, 0.5f, -1.0f}, {0.1f, 0.2f, 0.15f}, {-0.5f, 3.0f, 0.0f}, {1.0f, 1.0f, 0.9f}});
      Tensor probs = logits.softmax(1);
      out.println("\nclassifier softmax output:\n" + probs);
      ValuesIndices best = probs.max(1);
      out.println("predicted class per row: " + best.indices() + " with confidence " + best.values());
      out.println("least likely class per row: " + probs.min(1).indices());
      long mostSure = best.values().argmax().longValue();
      long leastSure = best.values().argmin().longValue();
      out.println("most confident prediction: row " + mostSure + "; least confident: row " + leastSure);

      float[][] asJava = probs.toArray(float[][].class);
      out.println("as a Java float[][]: " + Arrays.deepToString(asJava));
      out.println("flattened: " + Arrays.toString(probs.toFloatArray()));
    }
  }
}
