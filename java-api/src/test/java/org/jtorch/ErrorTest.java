package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input: a Java exception with PyTorch's message, never a crash, and nothing lost. */
class ErrorTest {
  private static TorchException torchError(Executable e, String expectedFragment) {
    TorchException ex = assertThrows(TorchException.class, e);
    assertTrue(
        ex.getMessage().contains(expectedFragment),
        "message should contain '" + expectedFragment + "' but was: " + ex.getMessage());
    assertFalse(ex.getMessage().contains("frame #"), "C++ backtrace leaked into the message");
    return ex;
  }

  @Test
  void wrongShapesFailWithPyTorchsMessage() {
    try (Scope scope = Scope.open()) {
      Tensor a = Torch.ones(2, 3);
      Tensor b = Torch.ones(4, 5);
      torchError(() -> a.add(b), "must match the size of tensor b");
      torchError(() -> a.matmul(b), "cannot be multiplied");
      torchError(() -> a.reshape(7), "shape '[7]' is invalid for input of size 6");
      torchError(() -> a.view(4, -1), "invalid");
      torchError(() -> Torch.stack(java.util.List.of(a, b), 0), "stack expects each tensor to be equal size");
      torchError(() -> a.floatValue(), "cannot be converted to Scalar");
      // the inputs survive the failure
      assertEquals(6f, a.sum().floatValue());
    }
  }

  @Test
  void outOfRangeDimsFail() {
    try (Scope scope = Scope.open()) {
      Tensor a = Torch.ones(2, 3);
      torchError(() -> a.sum(2), "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
      torchError(() -> a.max(-3), "Dimension out of range");
      torchError(() -> a.argmax(5), "Dimension out of range");
      torchError(() -> a.size(3), "out of range");
      torchError(() -> a.softmax(2), "Dimension out of range");
    }
  }

  @Test
  void wrongDtypesFail() {
    try (Scope scope = Scope.open()) {
      Tensor i = Torch.tensor(new long[] {1, 2, 3});
      torchError(i::mean, "mean(): could not infer output dtype");
      torchError(() -> i.requiresGrad_(true), "Only Tensors of floating point");
      Tensor b = Torch.tensor(new boolean[] {true});
      torchError(() -> b.sub(b), "Subtraction, the `-` operator, with two bool tensors is not supported");
      torchError(() -> Torch.rand(new long[] {2}, TensorOptions.dtype(DType.INT64)), "not implemented for 'Long'");
    }
  }

  @Test
  void autogradMisuseFails() {
    try (Scope scope = Scope.open()) {
      Tensor x = Torch.ones(3).requiresGrad_(true);
      torchError(() -> x.mul(2).backward(), "grad can be implicitly created only for scalar outputs");
      torchError(() -> Torch.ones(1).backward(), "does not require grad");
    }
  }

  @Test
  void closedTensorsThrowAndNeverCrash() {
    Tensor t = Torch.ones(2, 2);
    Tensor other = Torch.ones(2, 2);
    t.close();
    t.close(); // idempotent
    assertTrue(t.isClosed());
    assertEquals("tensor(<closed>)", t.toString());
    assertThrows(IllegalStateException.class, t::shape);
    assertThrows(IllegalStateException.class, t::sum);
    assertThrows(IllegalStateException.class, t::toFloatArray);
    assertThrows(IllegalStateException.class, () -> other.add(t));
    assertThrows(IllegalStateException.class, () -> Torch.stack(java.util.List.of(other, t), 0));
    assertThrows(IllegalStateException.class, () -> t.to(DType.FLOAT64));
    assertThrows(IllegalStateException.class, t::asByteBuffer);
    assertThrows(IllegalStateException.class, () -> Torch.zerosLike(t));
    assertEquals(4f, other.sum().floatValue());
    other.close();
  }

  @Test
  void javaSideMisuseIsIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Device.of("tpu"));
    assertThrows(IllegalArgumentException.class, () -> Device.of("cuda:x"));
    assertThrows(IllegalArgumentException.class, () -> Device.cuda(-1));
    assertThrows(IllegalArgumentException.class, () -> DType.fromCode(99));
    try (Tensor t = Torch.ones(2, 3)) {
      assertThrows(IllegalArgumentException.class, () -> t.toArray(float[].class));
      assertThrows(IllegalArgumentException.class, () -> t.toArray(String[][].class));
      assertThrows(IllegalStateException.class, () -> Tensor.op(() -> t.h().t()).asByteBuffer());
    }
    assertThrows(NullPointerException.class, () -> Torch.tensor((float[]) null));
  }

  @Test
  void cudaWhereThereIsNoneSaysSo() {
    if (Torch.cuda().isAvailable()) {
      return; // covered by the gpu-tagged tests
    }
    try (Tensor t = Torch.ones(2)) {
      TorchException e = assertThrows(TorchException.class, () -> t.to(Device.cuda(0)));
      // CPU natives: "... not compiled with CUDA"; GPU natives without a driver: "Found no NVIDIA driver"
      String m = e.getMessage().toLowerCase();
      assertTrue(m.contains("cuda") || m.contains("nvidia"), e.getMessage());
    }
    assertEquals(0, Torch.cuda().deviceCount());
  }
}
