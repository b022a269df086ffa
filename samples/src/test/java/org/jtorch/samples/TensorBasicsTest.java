package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tour prints what PyTorch 2.13 prints for the same steps (checked against Python). */
class TensorBasicsTest {
  private static void has(String out, String expected) {
    assertTrue(out.contains(expected), "missing: " + expected + "\n" + out);
  }

  @Test
  void tourPrintsPyTorchsAnswers() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TensorBasics.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    // creation
    has(out, "Torch.arange(1, 10, 3) = tensor([1, 4, 7])");
    has(out, "Torch.arange(0.0, 1.0, 0.25) = tensor([0.0000, 0.2500, 0.5000, 0.7500])");
    has(out, "Torch.linspace(0, 1, 5) = tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])");
    has(out, "Torch.eye(3) =\ntensor([[1., 0., 0.],\n        [0., 1., 0.],\n        [0., 0., 1.]])");
    // torch.manual_seed(0); torch.rand(3); torch.randn(2, 2); torch.randint(10, (5,))
    has(out, "Torch.rand(3) = tensor([0.4963, 0.7682, 0.0885])");
    has(out, "tensor([[0.3643, 0.1344],\n        [0.1642, 0.3058]])");
    has(out, "Torch.randint(10, 5) = tensor([6, 6, 9, 8, 6])");
    // dtypes
    has(out, "i.to(DType.FLOAT64) = tensor([1., 2., 3.], dtype=torch.float64)");
    has(out, "to(DType.INT64) = tensor([ 1, -1])");
    has(out, "i.add(0.5) = tensor([1.5000, 2.5000, 3.5000])");
    has(out, "to(DType.BOOL) = tensor([False,  True])");
    // shapes
    has(out, "x.view(-1, 3).shape() = [4, 3]");
    has(out, "t.view(12) fails: view size is not compatible with input tensor's size and stride");
    has(out, "t.contiguous().view(12) = tensor([ 0,  4,  8,  1,  5,  9,  2,  6, 10,  3,  7, 11])");
    has(out, "permute(2, 0, 1).shape() = [4, 2, 3]");
    // indexing: torch.arange(6).reshape(2, 3)[:, 1] is [1, 4]
    has(out, "t.index(Index.ALL, Index.of(1)) = tensor([1, 4])");
    has(out, "t.index(Index.of(1), Index.of(2)) = tensor(5)");
    has(out, "t.select(1, 2) = tensor([2, 5])");
    has(out, "=\ntensor([[2, 0],\n        [5, 3]])");
    has(out, "t.maskedSelect(t.gt(2)) = tensor([3, 4, 5])");
    has(out, "w[w % 2 == 0] = -1:\ntensor([[-1,  1, -1],\n        [ 3, -1,  5]])");
    has(out, "writes through the view:\ntensor([[-1,  1, -1],\n        [ 9,  9,  9]])");
    // arithmetic, joining
    has(out, "a.matmul(a.t()) =\ntensor([[14., 32.],\n        [32., 77.]])");
    has(out, "Torch.arange(5).split(2) = [tensor([0, 1]), tensor([2, 3]), tensor([4])]");
    has(out, "Torch.arange(6).chunk(3) = [tensor([0, 1]), tensor([2, 3]), tensor([4, 5])]");
    // values
    has(out, "t.sum().item() = 15 (Long)");
    has(out, "t.to(DType.FLOAT32).mean().item() = 2.5 (Double)");
    has(out, "t.tolist() = [[0, 1, 2], [3, 4, 5]]");
    has(out, "tolist() = [0.5, 0.10000000149011612]");
    has(out, "Torch.cuda().isAvailable() = ");
  }
}
