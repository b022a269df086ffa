package org.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.jit.Tuple;
import org.jtorch.optim.Adam;
import org.jtorch.optim.SGD;
import org.jtorch.optim.lr.StepLR;
import org.jtorch.testing.PythonSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyTorch's checkpoint format: files from Python (committed), round trips, refusals. */
class CheckpointsTest {
  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(CheckpointsTest.class.getResource("/golden/optim/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsWhatPythonWrites() {
    JsonNode golden = Golden.load("optim/checkpoint").get("expected");
    try (Scope scope = Scope.open()) {
      Map<String, Object> ck = Checkpoints.loadMap(resource("python_checkpoint.pt"));
      assertEquals(
          List.of("model", "optimizer", "scheduler", "epoch", "big", "neg", "loss", "name", "flags",
              "tuple", "transposed", "view", "base", "ints", "bools", "half", "bf16", "scalar",
              "empty", "dtype"),
          new ArrayList<>(ck.keySet()));
      @SuppressWarnings("unchecked")
      Map<String, Object> model = (Map<String, Object>) ck.get("model");
      assertEquals(List.of("weight", "bias"), new ArrayList<>(model.keySet())); // _metadata dropped
      for (String k : model.keySet()) {
        Tensor t = (Tensor) model.get(k);
        JsonNode e = golden.get("model").get(k);
        assertEquals(e.get("shape").size(), t.shape().length);
        float[] got = t.toFloatArray();
        for (int i = 0; i < got.length; i++) {
          assertEquals((float) e.get("data").get(i).asDouble(), got[i]);
        }
      }
      assertEquals(7L, ck.get("epoch"));
      assertEquals(1L << 40, ck.get("big"));
      assertEquals(-5L, ck.get("neg"));
      assertEquals(0.25, ck.get("loss"));
      assertEquals("r\u00e9sum\u00e9", ck.get("name"));
      assertEquals(Arrays.asList(true, false, null), ck.get("flags"));
      assertEquals(Tuple.of(1L, 2.5, "x"), ck.get("tuple"));
      assertTrue(ck.get("tuple") instanceof Tuple);
      assertEquals(DType.FLOAT32, ck.get("dtype"));
      Tensor transposed = (Tensor) ck.get("transposed");
      assertArrayEquals(new long[] {4, 3}, transposed.shape());
      assertArrayEquals(new long[] {1, 4}, transposed.stride());
      assertArrayEquals(new double[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, transposed.toDoubleArray());
      Tensor view = (Tensor) ck.get("view");
      assertArrayEquals(new double[] {6, 10}, view.toDoubleArray());
      Tensor base = (Tensor) ck.get("base");
      base.fill_(-1.0); // view, transposed and base share one storage, as in Python
      assertArrayEquals(new double[] {-1, -1}, view.toDoubleArray());
      assertEquals(DType.INT32, ((Tensor) ck.get("ints")).dtype());
      assertArrayEquals(new long[] {1, -2, 3, 4}, ((Tensor) ck.get("ints")).toLongArray());
      assertEquals(DType.BOOL, ((Tensor) ck.get("bools")).dtype());
      assertArrayEquals(new float[] {1.5f, -2.25f}, ((Tensor) ck.get("half")).toFloatArray());
      assertEquals(DType.BFLOAT16, ((Tensor) ck.get("bf16")).dtype());
      assertEquals(0, ((Tensor) ck.get("scalar")).shape().length);
      assertEquals(3.5, ((Tensor) ck.get("scalar")).doubleValue());
      assertArrayEquals(new long[] {0, 3}, ((Tensor) ck.get("empty")).shape());

      // the optimizer and scheduler states feed Java's optimizer and scheduler
      Tensor w = Torch.zeros(2, 3).requiresGrad_(true);
      Tensor b = Torch.zeros(2).requiresGrad_(true);
      Adam opt = new Adam(List.of(w, b), Adam.options().lr(0.01));
      StepLR sched = new StepLR(opt, 2);
      @SuppressWarnings("unchecked")
      Map<String, Object> optState = (Map<String, Object>) ck.get("optimizer");
      opt.loadStateDict(optState);
      @SuppressWarnings("unchecked")
      Map<String, Object> schedState = (Map<String, Object>) ck.get("scheduler");
      sched.loadStateDict(schedState);
      assertEquals(golden.get("lr").asDouble(), opt.paramGroups().get(0).lr());
      float[] expAvg = ((Tensor) opt.state(w).get("exp_avg")).toFloatArray();
      for (int i = 0; i < expAvg.length; i++) {
        assertEquals((float) golden.get("exp_avg_weight").get(i).asDouble(), expAvg[i]);
      }
      assertEquals(1.0, ((Tensor) opt.state(w).get("step")).doubleValue());
      assertEquals(1L, sched.lastEpoch());
    }
  }

  @Test
  void torchLoadReadsAPythonStateDict() {
    try (Scope scope = Scope.open()) {
      Map<String, Tensor> sd = Torch.load(resource("python_state_dict.pt"));
      assertEquals(List.of("weight", "bias"), new ArrayList<>(sd.keySet()));
      assertArrayEquals(new long[] {2, 3}, sd.get("weight").shape());
      assertThrows(CheckpointException.class, () -> Torch.load(resource("python_checkpoint.pt")));
    }
  }

  @Test
  void roundTripInJava() {
    try (Scope scope = Scope.open()) {
      Map<String, Object> ck = new LinkedHashMap<>();
      Tensor shared = Torch.randn(3, 4);
      ck.put("a", shared);
      ck.put("again", shared);
      ck.put("t", Torch.randn(4, 3).t());
      ck.put("nested", Map.of("x", List.of(1L, 2.5, "s", Tuple.of(true, (Object) null))));
      ck.put("ints", Map.of(3L, "three"));
      ck.put("long", Long.MIN_VALUE);
      ck.put("i64", Torch.tensor(new long[] {Long.MAX_VALUE, -1}));
      ck.put("dtype", DType.BFLOAT16);
      Path p = dir.resolve("java.pt");
      Checkpoints.save(ck, p);
      Map<String, Object> back = Checkpoints.loadMap(p);
      assertEquals(ck.keySet(), back.keySet());
      assertTrue(((Tensor) back.get("a")).equal(shared));
      assertTrue(((Tensor) back.get("t")).equal((Tensor) ck.get("t")));
      ((Tensor) back.get("a")).zero_();
      assertEquals(0.0, ((Tensor) back.get("again")).abs().sum().doubleValue()); // one storage
      assertEquals(ck.get("nested"), back.get("nested"));
      assertEquals(Map.of(3L, "three"), back.get("ints"));
      assertEquals(Long.MIN_VALUE, back.get("long"));
      assertArrayEquals(new long[] {Long.MAX_VALUE, -1}, ((Tensor) back.get("i64")).toLongArray());
      assertEquals(DType.BFLOAT16, back.get("dtype"));
      assertThrows(IllegalArgumentException.class, () -> Checkpoints.save(Map.of("x", new Object()), p));
    }
  }

  private static byte[] zip(Map<String, byte[]> records) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : records.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void refusesWhatWeightsOnlyRefuses() throws IOException {
    // the classic exploit: GLOBAL os.system, REDUCE
    byte[] evil =
        "\u0080\u0002cos\nsystem\nX\u0004\u0000\u0000\u0000echo\u0085R."
            .getBytes(StandardCharsets.ISO_8859_1);
    Path p = dir.resolve("evil.pt");
    Files.write(p, zip(Map.of("archive/data.pkl", evil)));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    assertTrue(e.getMessage().contains("os.system"), e.getMessage());

    byte[] obj = "\u0080\u0002c__main__\nNet\n)\u0081.".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(p, zip(Map.of("archive/data.pkl", obj)));
    assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
  }

  @Test
  void corruptTruncatedAndForeignFiles() throws IOException {
    byte[] good = Files.readAllBytes(resource("python_checkpoint.pt"));
    Path p = dir.resolve("bad.pt");
    Files.write(p, Arrays.copyOf(good, good.length / 2));
    assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    Files.write(p, "hello, not a checkpoint".getBytes(StandardCharsets.US_ASCII));
    CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    assertTrue(e.getMessage().contains("not a PyTorch checkpoint"), e.getMessage());
    Files.write(p, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
    e = assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    assertTrue(e.getMessage().contains("legacy"), e.getMessage());
    // a truncated pickle inside a well-formed zip
    Files.write(p, zip(Map.of("archive/data.pkl", new byte[] {(byte) 0x80, 2, '}', '(', 'X', 9})));
    assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    // a storage shorter than its tensor needs
    Path ok = dir.resolve("ok.pt");
    try (Scope scope = Scope.open()) {
      Checkpoints.save(Map.of("w", Torch.ones(4)), ok);
    }
    Map<String, byte[]> records = new LinkedHashMap<>();
    try (var z = new java.util.zip.ZipFile(ok.toFile())) {
      for (var en = z.entries(); en.hasMoreElements(); ) {
        ZipEntry ze = en.nextElement();
        records.put(ze.getName(), z.getInputStream(ze).readAllBytes());
      }
    }
    records.put("archive/data/0", new byte[8]);
    Files.write(p, zip(records));
    e = assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    records.remove("archive/data/0");
    Files.write(p, zip(records));
    assertThrows(CheckpointException.class, () -> Checkpoints.load(p));
    assertThrows(UncheckedIOException.class, () -> Checkpoints.load(dir.resolve("missing.pt")));
    assertThrows(CheckpointException.class, () -> Torch.load(resource("../../models/cnn.pt")));
  }

  // ---------------------------------------------------------------------------------------------
  // Python does the other half (skipped where python3 with torch is missing, failed under CI)

  static String python(String script) throws IOException, InterruptedException {
    Process pr;
    try {
      pr = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
    } catch (IOException e) {
      PythonSide.require(false, "python3");
      return null;
    }
    boolean done = pr.waitFor(120, TimeUnit.SECONDS);
    String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(done, "python3 timed out:\n" + out);
    PythonSide.require(!out.contains("No module named 'torch'"), "python3 with torch");
    assertEquals(0, pr.exitValue(), out);
    return out.trim();
  }

  @Test
  void pythonLoadsJavaCheckpointsAndContinuesTraining() throws Exception {
    Path p = dir.resolve("from_java.pt");
    float[] javaAfter;
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(5);
      Tensor w = Torch.randn(3, 2).requiresGrad_(true);
      Tensor b = Torch.randn(2).requiresGrad_(true);
      SGD opt = new SGD(List.of(w, b), SGD.options().lr(0.1).momentum(0.9).nesterov(true));
      StepLR sched = new StepLR(opt, 1, 0.5);
      Tensor x = Torch.tensor(new float[][] {{1, 2, 3}, {-1, 0.5f, 2}});
      for (int i = 0; i < 2; i++) {
        opt.zeroGrad();
        x.matmul(w).add(b).pow(2).sum().backward();
        opt.step();
        sched.step();
      }
      Map<String, Object> ck = new LinkedHashMap<>();
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("w", w);
      model.put("b", b);
      ck.put("model", model);
      ck.put("optimizer", opt.stateDict());
      ck.put("scheduler", sched.stateDict());
      ck.put("epoch", 2L);
      Checkpoints.save(ck, p);
      opt.zeroGrad();
      x.matmul(w).add(b).pow(2).sum().backward();
      opt.step();
      javaAfter = w.toFloatArray();
    }
    String out =
        python(
            "import torch\n"
                + "ck = torch.load(r'" + p + "', weights_only=True)\n"
                + "w = ck['model']['w'].detach().requires_grad_(); b = ck['model']['b'].detach().requires_grad_()\n"
                + "opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9, nesterov=True)\n"
                + "sched = torch.optim.lr_scheduler.StepLR(opt, 1, 0.5)\n"
                + "opt.load_state_dict(ck['optimizer']); sched.load_state_dict(ck['scheduler'])\n"
                + "assert ck['epoch'] == 2 and opt.param_groups[0]['lr'] == 0.025, opt.param_groups\n"
                + "x = torch.tensor([[1, 2, 3], [-1, 0.5, 2]])\n"
                + "opt.zero_grad(); (x @ w + b).pow(2).sum().backward(); opt.step()\n"
                + "print(' '.join(repr(v) for v in w.reshape(-1).tolist()))\n");
    String[] vals = out.split("\n");
    String[] last = vals[vals.length - 1].split(" ");
    for (int i = 0; i < javaAfter.length; i++) {
      assertEquals(Float.parseFloat(last[i]), javaAfter[i], 1e-6, "w[" + i + "] " + out);
    }
  }

  @Test
  void javaLoadsWhatPythonSavesNow() throws Exception {
    Path p = dir.resolve("from_python.pt");
    python(
        "import torch, collections\n"
            + "torch.manual_seed(0)\n"
            + "m = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 1))\n"
            + "torch.save({'model': m.state_dict(), 'c': collections.Counter([1, 1, 2]), 's': {1, 2}, 'b': b'ab'},"
            + " r'" + p + "', _use_new_zipfile_serialization=True)\n");
    try (Scope scope = Scope.open()) {
      Map<String, Object> ck = Checkpoints.loadMap(p);
      @SuppressWarnings("unchecked")
      Map<String, Object> model = (Map<String, Object>) ck.get("model");
      assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), new ArrayList<>(model.keySet()));
      assertEquals(Map.of(1L, 2L, 2L, 1L), ck.get("c"));
      assertEquals(java.util.Set.of(1L, 2L), ck.get("s"));
      assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), (byte[]) ck.get("b"));
      assertFalse(((Tensor) model.get("0.weight")).requiresGrad());
      assertNull(((Tensor) model.get("0.weight")).grad());
    }
  }

}
