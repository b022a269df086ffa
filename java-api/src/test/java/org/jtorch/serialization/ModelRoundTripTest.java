package org.jtorch.serialization;

import static org.jtorch.serialization.CheckpointsTest.python;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.nn.BatchNorm2d;
import org.jtorch.nn.Conv2d;
import org.jtorch.nn.Flatten;
import org.jtorch.nn.Linear;
import org.jtorch.nn.MaxPool2d;
import org.jtorch.nn.Module;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.Adam;
import org.jtorch.optim.Optimizer;
import org.jtorch.optim.SGD;
import org.jtorch.optim.lr.CosineAnnealingLR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole models between Java and Python: the small CNN of the nn issue with a BatchNorm2d (so
 * running statistics and {@code num_batches_tracked} travel too), saved by one side and evaluated
 * or trained on by the other (the Python half runs where python3 with torch is installed); and
 * checkpoints that are truncated or do not fit, which throw and leave the model bit for bit as it
 * was.
 */
class ModelRoundTripTest {
  @TempDir Path dir;

  /** The same model in Python, a fixed input, and seeded batches, shared by every script. */
  static final String PY_PRELUDE =
      "import torch\n"
          + "nn = torch.nn\n"
          + "def cnn():\n"
          + "    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.BatchNorm2d(32), nn.ReLU(),"
          + " nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),"
          + " nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))\n"
          + "def fixed_input():\n"
          + "    torch.manual_seed(42)\n"
          + "    return torch.randn(4, 1, 28, 28)\n"
          + "def batch(step):\n"
          + "    torch.manual_seed(100 + step)\n"
          + "    return torch.randn(8, 1, 28, 28), torch.randint(0, 10, (8,))\n"
          + "def show(t):\n"
          + "    print(' '.join(repr(v) for v in t.reshape(-1).tolist()))\n";

  static Sequential cnn(long seed) {
    Torch.manualSeed(seed);
    return new Sequential(
        new Conv2d(1, 32, 3),
        new BatchNorm2d(32),
        new ReLU(),
        new MaxPool2d(2),
        new Conv2d(32, 64, 3),
        new ReLU(),
        new MaxPool2d(2),
        new Flatten(),
        new Linear(1600, 128),
        new ReLU(),
        new Linear(128, 10));
  }

  static Tensor fixedInput() {
    Torch.manualSeed(42);
    return Torch.randn(4, 1, 28, 28);
  }

  /** One training step on the seeded batch {@code step}; returns the loss. */
  static double trainStep(Sequential model, Optimizer opt, int step) {
    try (Scope scope = Scope.open()) {
      Torch.manualSeed(100 + step);
      Tensor x = Torch.randn(8, 1, 28, 28);
      Tensor y = Torch.randint(0, 10, new long[] {8});
      opt.zeroGrad();
      Tensor loss = F.crossEntropy(model.forward(x), y);
      loss.backward();
      opt.step();
      return loss.doubleValue();
    }
  }

  static float[] evalOutput(Sequential model) {
    try (Scope scope = Scope.open()) {
      model.eval();
      float[] out = model.forward(fixedInput()).toFloatArray();
      model.train();
      return out;
    }
  }

  /** The numbers of the last line Python printed. */
  static float[] lastLine(String out) {
    String[] lines = out.split("\n");
    String[] vals = lines[lines.length - 1].trim().split(" ");
    float[] f = new float[vals.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = Float.parseFloat(vals[i]);
    }
    return f;
  }

  static void assertClose(float[] expected, float[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double t = tol * Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], actual[i], t, what + "[" + i + "]");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Java saves, Python loads

  @Test
  void pythonEvaluatesAModelTrainedInJava() throws Exception {
    Path p = dir.resolve("java_cnn.pt");
    float[] javaOut;
    try (Sequential model = cnn(0)) {
      SGD opt = new SGD(model.parameters(), SGD.options().lr(0.01).momentum(0.9));
      trainStep(model, opt, 0);
      trainStep(model, opt, 1);
      try (Scope scope = Scope.open()) {
        Torch.save(model.stateDict(), p);
      }
      javaOut = evalOutput(model);
    }
    String out =
        python(
            PY_PRELUDE
                + "sd = torch.load(r'" + p + "', weights_only=True)\n"
                + "assert list(sd) == list(cnn().state_dict()), list(sd)\n"
                + "assert sd['1.num_batches_tracked'].dtype == torch.int64"
                + " and int(sd['1.num_batches_tracked']) == 2, sd['1.num_batches_tracked']\n"
                + "m = cnn(); m.load_state_dict(sd); m.eval()\n"
                + "with torch.no_grad():\n"
                + "    show(m(fixed_input()))\n");
    float[] pyOut = lastLine(out);
    assertClose(pyOut, javaOut, 1e-5, "eval output");
  }

  // ---------------------------------------------------------------------------------------------
  // Python saves, Java loads

  @Test
  void javaEvaluatesAModelTrainedInPython() throws Exception {
    Path p = dir.resolve("python_cnn.pt");
    String out =
        python(
            PY_PRELUDE
                + "torch.manual_seed(7)\n"
                + "m = cnn()\n"
                + "opt = torch.optim.Adam(m.parameters(), lr=1e-3)\n"
                + "for s in range(3):\n"
                + "    x, y = batch(s)\n"
                + "    opt.zero_grad()\n"
                + "    nn.functional.cross_entropy(m(x), y).backward()\n"
                + "    opt.step()\n"
                + "torch.save(m.state_dict(), r'" + p + "')\n"
                + "m.eval()\n"
                + "with torch.no_grad():\n"
                + "    show(m(fixed_input()))\n");
    float[] pyOut = lastLine(out);
    try (Sequential model = cnn(0)) {
      float[] before = evalOutput(model);
      assertFalse(Arrays.equals(before, pyOut), "the fresh model already gives Python's output");
      try (Scope scope = Scope.open()) {
        Map<String, Tensor> sd = Torch.load(p);
        assertEquals(new ArrayList<>(model.stateDict().keySet()), new ArrayList<>(sd.keySet()));
        Module.IncompatibleKeys keys = model.loadStateDict(sd);
        assertTrue(
            keys.missingKeys().isEmpty() && keys.unexpectedKeys().isEmpty(), keys.toString());
      }
      assertEquals(3L, model.getBuffer("1.num_batches_tracked").longValue());
      assertEquals(DType.INT64, model.getBuffer("1.num_batches_tracked").dtype());
      assertClose(pyOut, evalOutput(model), 1e-5, "eval output");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // A full training checkpoint: Java saves, Python resumes one step, Java compares with its own

  @Test
  void pythonResumesAJavaTrainingCheckpoint() throws Exception {
    Path ck = dir.resolve("java_training.pt");
    Path after = dir.resolve("python_after.pt");
    double javaLoss;
    LinkedHashMap<String, float[]> javaNext = new LinkedHashMap<>();
    List<Double> javaLr;
    try (Sequential model = cnn(0)) {
      Adam opt = new Adam(model.parameters(), Adam.options().lr(2e-3).weightDecay(1e-4));
      CosineAnnealingLR sched = new CosineAnnealingLR(opt, 10, 1e-4);
      for (int s = 0; s < 3; s++) {
        trainStep(model, opt, s);
        sched.step();
      }
      try (Scope scope = Scope.open()) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("model", model.stateDict());
        state.put("optimizer", opt.stateDict());
        state.put("scheduler", sched.stateDict());
        state.put("epoch", 3L);
        Torch.save(state, ck);
      }
      javaLoss = trainStep(model, opt, 3);
      sched.step();
      javaLr = sched.getLastLr();
      try (Scope scope = Scope.open()) {
        model.stateDict().forEach((k, v) -> javaNext.put(k, v.to(DType.FLOAT32).toFloatArray()));
      }
    }
    String out =
        python(
            PY_PRELUDE
                + "ck = torch.load(r'" + ck + "', weights_only=True)\n"
                + "assert sorted(ck) == ['epoch', 'model', 'optimizer', 'scheduler'], ck.keys()\n"
                + "assert ck['epoch'] == 3, ck['epoch']\n"
                + "m = cnn(); m.load_state_dict(ck['model'])\n"
                + "opt = torch.optim.Adam(m.parameters(), lr=2e-3, weight_decay=1e-4)\n"
                + "sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, 10, 1e-4)\n"
                + "opt.load_state_dict(ck['optimizer']); sched.load_state_dict(ck['scheduler'])\n"
                + "assert sched.last_epoch == 3, sched.last_epoch\n"
                + "x, y = batch(3)\n"
                + "opt.zero_grad(); loss = nn.functional.cross_entropy(m(x), y)\n"
                + "loss.backward(); opt.step()\n"
                + "sched.step()\n"
                + "torch.save(m.state_dict(), r'" + after + "')\n"
                + "print(repr(loss.item()), repr(sched.get_last_lr()[0]))\n");
    String[] raw = out.substring(out.lastIndexOf('\n') + 1).trim().split(" ");
    assertEquals(Double.parseDouble(raw[0]), javaLoss, 1e-5 * javaLoss, "loss of the resumed step");
    assertEquals(Double.parseDouble(raw[1]), javaLr.get(0), 1e-12, "lr after the resumed step");
    try (Scope scope = Scope.open()) {
      Map<String, Tensor> py = Torch.load(after);
      assertEquals(new ArrayList<>(javaNext.keySet()), new ArrayList<>(py.keySet()));
      for (Map.Entry<String, Tensor> e : py.entrySet()) {
        float[] want = e.getValue().to(DType.FLOAT32).toFloatArray();
        // The first convolution's bias feeds a BatchNorm, which takes out any constant offset: its
        // gradient is rounding noise (~3e-8 against ~5e-2 for the weights), and Adam divides by
        // the noise's own size, so the resumed step moves it by up to lr in a direction set by
        // the last bits of each side's BLAS. Checked to one step's size; the rest to 1e-5.
        double tol = e.getKey().equals("0.bias") ? 2e-3 : 1e-5;
        assertClose(want, javaNext.get(e.getKey()), tol, e.getKey());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Truncated, corrupt or mismatched checkpoints throw and change nothing

  /** Every parameter and buffer of {@code model}, as raw bits. */
  static LinkedHashMap<String, long[]> bits(Sequential model) {
    LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
    try (Scope scope = Scope.open()) {
      List<Map.Entry<String, Tensor>> all = new ArrayList<>(model.namedParameters().entrySet());
      all.addAll(model.namedBuffers().entrySet());
      for (Map.Entry<String, Tensor> e : all) {
        Tensor t = e.getValue();
        if (t.dtype() == DType.FLOAT32) {
          float[] f = t.toFloatArray();
          long[] b = new long[f.length];
          for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
          }
          out.put(e.getKey(), b);
        } else {
          out.put(e.getKey(), t.toLongArray());
        }
      }
    }
    return out;
  }

  static void assertUnchanged(Map<String, long[]> before, Sequential model, String what) {
    Map<String, long[]> now = bits(model);
    assertEquals(before.keySet(), now.keySet(), what);
    before.forEach((k, v) -> assertArrayEquals(v, now.get(k), what + ": " + k + " changed"));
  }

  @Test
  void badCheckpointsThrowAndLeaveTheModelUnchanged() throws Exception {
    try (Sequential model = cnn(0);
        Sequential other = cnn(9)) {
      SGD opt = new SGD(model.parameters(), SGD.options().lr(0.01).momentum(0.9));
      trainStep(model, opt, 0);
      trainStep(model, opt, 1);
      Map<String, long[]> before = bits(model);
      assertEquals(2L, before.get("1.num_batches_tracked")[0]);

      // a good file from another model: every value differs from the trained model's
      Path good = dir.resolve("other.pt");
      try (Scope scope = Scope.open()) {
        Torch.save(other.stateDict(), good);
      }
      byte[] bytes = Files.readAllBytes(good);
      assertFalse(Arrays.equals(before.get("0.weight"), bits(other).get("0.weight")));

      // (i) truncated files, cut anywhere: the header, a tensor record, the zip directory
      Path cut = dir.resolve("cut.pt");
      int n = bytes.length;
      for (int len : new int[] {0, 1, 30, 200, n / 3, n / 2, n - 100, n - 1}) {
        Files.write(cut, Arrays.copyOf(bytes, len));
        CheckpointException e =
            assertThrows(
                CheckpointException.class,
                () -> model.loadStateDict(Torch.load(cut)),
                "truncated to " + len + " bytes");
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "no message at " + len);
        assertUnchanged(before, model, "truncated to " + len);
      }
      // corrupt: garbage where the zip's first record header was
      byte[] garbled = bytes.clone();
      Arrays.fill(garbled, 0, 64, (byte) 0x5a);
      Files.write(cut, garbled);
      assertThrows(CheckpointException.class, () -> model.loadStateDict(Torch.load(cut)));
      assertUnchanged(before, model, "garbled header");

      // (ii) a wrong shape in the last key: every key before it would have been copied already
      Path bad = dir.resolve("bad.pt");
      try (Scope scope = Scope.open()) {
        LinkedHashMap<String, Tensor> sd = other.stateDict();
        sd.put("10.bias", Torch.zeros(11));
        Torch.save(sd, bad);
      }
      try (Scope scope = Scope.open()) {
        Map<String, Tensor> sd = Torch.load(bad);
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(sd));
        assertTrue(
            e.getMessage()
                .contains(
                    "size mismatch for 10.bias: copying a param with shape torch.Size([11]) from"
                        + " checkpoint, the shape in current model is torch.Size([10])"),
            e.getMessage());
        assertUnchanged(before, model, "wrong shape");
        // non-strict loading still refuses a wrong shape, as PyTorch does
        assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(sd, false));
        assertUnchanged(before, model, "wrong shape, non-strict");
      }

      // (iii) a missing key (the last one), and an unexpected one
      try (Scope scope = Scope.open()) {
        LinkedHashMap<String, Tensor> sd = other.stateDict();
        sd.remove("10.bias");
        Torch.save(sd, bad);
      }
      try (Scope scope = Scope.open()) {
        Map<String, Tensor> sd = Torch.load(bad);
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(sd));
        String msg = e.getMessage();
        assertTrue(msg.contains("Missing key(s) in state_dict: \"10.bias\"."), msg);
        assertUnchanged(before, model, "missing key");
        LinkedHashMap<String, Tensor> extra = new LinkedHashMap<>(other.stateDict());
        extra.put("11.weight", Torch.zeros(2));
        e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(extra));
        msg = e.getMessage();
        assertTrue(msg.contains("Unexpected key(s) in state_dict: \"11.weight\"."), msg);
        assertUnchanged(before, model, "unexpected key");
      }

      // after all that, the good file still loads and the model then holds the other's values
      try (Scope scope = Scope.open()) {
        model.loadStateDict(Torch.load(good));
      }
      Map<String, long[]> loaded = bits(model);
      Map<String, long[]> want = bits(other);
      want.forEach((k, v) -> assertArrayEquals(v, loaded.get(k), k));
    }
  }
}
