package org.jtorch.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.jtorch.jit.ModelFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AOTInductor package made by Python's torch._inductor.aoti_compile_and_package runs in Java
 * with Python's outputs. The package holds a shared library compiled for the machine that built
 * it, so it is not committed: generate_models.py --aoti writes it into target/test-models/ during
 * the run (about 30 s; a C++ compiler is needed), and the test skips where Python torch is missing.
 */
class AotiModelTest {
  private static Path dir;
  private static JsonNode expected;

  /** Per test, so that each test reports itself skipped where the fixture cannot be made. */
  @BeforeEach
  void generate() throws Exception {
    synchronized (AotiModelTest.class) {
      if (expected == null) {
        dir = ModelFixtures.generated("aoti", "conv.pt2");
        expected = new ObjectMapper().readTree(dir.resolve("conv_pt2.json").toFile());
      }
    }
  }

  private static TorchException torchError(Executable e, String fragment) {
    TorchException ex = assertThrows(TorchException.class, e);
    assertTrue(ex.getMessage().contains(fragment), "message should contain '" + fragment + "' but was: " + ex.getMessage());
    assertFalse(ex.getMessage().contains("frame #"), "C++ backtrace leaked: " + ex.getMessage());
    return ex;
  }

  @Test
  void outputsMatchPython() {
    try (AotiModel m = AotiModel.load(dir.resolve("conv.pt2"));
        Scope scope = Scope.open()) {
      Tensor x = Golden.tensor(expected.get("in"));
      Golden.assertTensor(expected.get("logits"), m.forward(x), 1e-5, "forward");
      List<Tensor> all = m.run(x);
      assertEquals(2, all.size());
      Golden.assertTensor(expected.get("logits"), all.get(0), 1e-5, "run[0]");
      Golden.assertTensor(expected.get("probs"), all.get(1), 1e-5, "run[1]");
      assertEquals("cpu", m.metadata().get("AOTI_DEVICE_KEY"));
      assertTrue(m.metadata().containsKey("AOTI_CPU_ISA"));
      assertEquals(3, scope.size() - 1); // x, then forward's output and run's two
    }
  }

  /**
   * A package exported with a dynamic batch and time, each declared from 1, serves 1 and its
   * declared maximum with Python's runner's outputs (its compiled checks demand >= 2, see
   * AotiInputSpec), and jtorch's own checks still refuse what lies outside the declared ranges,
   * other feature sizes, dtypes and layouts.
   */
  @Test
  void dynamicDimensionsServeTheirWholeDeclaredRange() throws Exception {
    JsonNode cases = new ObjectMapper().readTree(dir.resolve("dyn_pt2.json").toFile()).get("cases");
    try (AotiModel m = AotiModel.load(dir.resolve("dyn.pt2"));
        Scope scope = Scope.open()) {
      for (String c : new String[] {"1x1", "8x16", "2x7"}) {
        Golden.assertTensor(
            cases.get(c).get("out"), m.forward(Golden.tensor(cases.get(c).get("in"))), 1e-6, c);
      }
      torchError(() -> m.forward(Torch.randn(9, 4, 4)), "dim value is too large at 0, expected to be <= 8, but got: 9");
      torchError(() -> m.forward(Torch.randn(2, 17, 4)), "dim value is too large at 1, expected to be <= 16, but got: 17");
      torchError(() -> m.forward(Torch.randn(0, 4, 4)), "dim value is too small at 0, expected it to be >= 1, but got: 0");
      torchError(() -> m.forward(Torch.randn(2, 4, 5)), "unmatched dim value at 2, expected: 4, but got: 5");
      torchError(() -> m.forward(Torch.randn(2, 4)), "unmatched number of dims, expected: 3, but got: 2");
      // the stride of dim 0 depends on the time size: a contiguous input is required instead
      // (here strides 1 and 2 are right, but dim 0 steps over 8 time steps, not 4)
      torchError(() -> m.forward(Torch.randn(2, 8, 4).narrow(1, 0, 4)), "call contiguous()");
      torchError(() -> m.forward(Torch.randn(4, 2, 4).transpose(0, 1)), "unmatched stride value at 1, expected: 4, but got: 8");
    }
  }

  @Test
  void theInputChecksAreReadFromThePackagesOwnSource() throws Exception {
    String conv = AotiModel.checkEntryNames(dir.resolve("conv.pt2"));
    AotiInputSpec spec = AotiInputSpec.parse(conv);
    assertEquals(1, spec.inputs().size());
    AotiInputSpec.Input in = spec.inputs().get(0);
    assertEquals(DType.FLOAT32, in.dtype());
    assertArrayEquals(new long[] {2, 3, 16, 16}, in.exact());
    assertArrayEquals(new Long[] {768L, 256L, 16L, 1L}, in.strides());
    assertFalse(in.contiguous());
    AotiInputSpec.Input dyn =
        AotiInputSpec.parse(AotiModel.checkEntryNames(dir.resolve("dyn.pt2"))).inputs().get(0);
    assertArrayEquals(new long[] {-1, -1, 4}, dyn.exact());
    assertArrayEquals(new long[] {1, 1, 0}, dyn.min()); // compiled as >= 2: 0/1 specialisation
    assertArrayEquals(new long[] {8, 16, Long.MAX_VALUE}, dyn.max());
    assertArrayEquals(new Long[] {null, 4L, 1L}, dyn.strides());
    assertTrue(dyn.contiguous());
    assertEquals(null, AotiInputSpec.parse("no checks here"));
  }

  @Test
  void wrongInputsAreRejectedNotRun() {
    try (AotiModel m = AotiModel.load(dir.resolve("conv.pt2"));
        Scope scope = Scope.open()) {
      torchError(() -> m.forward(Torch.randn(2, 3, 8, 8)), "unmatched dim value at 2, expected: 16, but got: 8");
      torchError(() -> m.forward(Torch.randn(5, 3, 16, 16)), "unmatched dim value at 0, expected: 2, but got: 5");
      torchError(
          () -> m.forward(Torch.randn(new long[] {2, 3, 16, 16}, TensorOptions.dtype(DType.FLOAT64))),
          "unmatched dtype");
      torchError(() -> m.forward(), "expected inputs vector size to be 1, but got 0");
      torchError(() -> m.run(Torch.randn(2, 3, 16, 16), Torch.randn(2, 3, 16, 16)), "expected inputs vector size to be 1, but got 2");
      Tensor closed = Torch.randn(2, 3, 16, 16);
      closed.close();
      assertThrows(IllegalStateException.class, () -> m.forward(closed));
      // and it still works
      Golden.assertTensor(expected.get("logits"), m.forward(Golden.tensor(expected.get("in"))), 1e-5, "after");
    }
  }

  @Test
  void filesThatAreNotPackages(@TempDir Path tmp) throws Exception {
    Path text = tmp.resolve("notes.pt2");
    Files.writeString(text, "not a package");
    torchError(() -> AotiModel.load(text), "not a ZIP archive");
    byte[] full = Files.readAllBytes(dir.resolve("conv.pt2"));
    Path cut = tmp.resolve("cut.pt2");
    Files.write(cut, Arrays.copyOf(full, full.length / 2));
    // a truncated archive has lost its central directory, which jtorch reads first
    torchError(() -> AotiModel.load(cut), "not a ZIP archive");
    // a TorchScript archive is a zip, but no AOTInductor package
    assertThrows(TorchException.class, () -> AotiModel.load(ModelFixtures.model("cnn.pt")));
    assertThrows(IllegalArgumentException.class, () -> AotiModel.load(tmp.resolve("absent.pt2")));
    assertThrows(IllegalArgumentException.class, () -> AotiModel.load(dir.resolve("conv.pt2"), 0));
  }

  @Test
  void instructionSetsThisCpuLacksAreRefused() {
    Path p = Path.of("model.pt2");
    AotiModel.checkInstructionSet("AVX2", Set.of("avx2", "fma", "sse4_2"), p);
    AotiModel.checkInstructionSet("", Set.of("avx2"), p);
    AotiModel.checkInstructionSet("NEON", Set.of("avx2"), p); // unknown here: not checked
    TorchException e =
        assertThrows(
            TorchException.class,
            () -> AotiModel.checkInstructionSet("AVX512", Set.of("avx2", "fma", "avx512f"), p));
    assertTrue(e.getMessage().contains("model.pt2 was compiled for AVX512 but this CPU lacks avx512dq"), e.getMessage());
  }

  @Test
  void manyThreadsOneModel() throws Exception {
    try (AotiModel m = AotiModel.load(dir.resolve("conv.pt2"), 2);
        Tensor x = Golden.tensor(expected.get("in"))) {
      float[] want;
      try (Tensor y = m.forward(x)) {
        want = y.toFloatArray();
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    try (Scope scope = Scope.open()) {
                      assertArrayEquals(want, m.forward(x).toFloatArray());
                    }
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
    }
  }

  @Test
  void closedModelsAreIllegalState() {
    AotiModel m = AotiModel.load(dir.resolve("conv.pt2"));
    m.close();
    m.close();
    assertTrue(m.isClosed());
    try (Tensor x = Torch.randn(2, 3, 16, 16)) {
      assertThrows(IllegalStateException.class, () -> m.forward(x));
    }
  }
}
