package org.jtorch.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.bindings.NativeLibraries;
import org.jtorch.jit.ScriptModule;
import org.jtorch.nn.ArgmaxLayer;
import org.jtorch.nn.Linear;
import org.jtorch.nn.ReLU;
import org.jtorch.nn.Sequential;
import org.jtorch.nn.functional.F;
import org.jtorch.optim.Adam;

/**
 * jtorch's custom operator {@code jtorch::argmax_layer} (C++, in {@code extensions-cpp/}) used
 * three ways with one kernel: (1) as the {@link ArgmaxLayer} module in a network trained end to
 * end in Java, the hard one-hot choice in the forward pass and the straight-through softmax
 * gradient in the backward pass; (2) from a TorchScript model scripted in Python and loaded in
 * Java; (3) from Python, after {@code
 * torch.ops.load_library(".../libjtorch_ops.so")}, which this tour runs where python3 with torch
 * is installed, printing Python's answers next to Java's for the weights Java trained.
 *
 * <p>Run: {@code ./mvnw -q -f samples exec:java -Dsample=CustomOpTour} (options: {@code --steps N}
 * (300), {@code --seed N} (0), {@code --no-python} to skip the Python part).
 */
public final class CustomOpTour {
  private CustomOpTour() {}

  /** What the tour measured. */
  record Result(double firstLoss, double lastLoss, double accuracy, boolean torchScriptAgrees,
      Optional<Boolean> pythonAgrees) {}

  public static void main(String[] args) throws IOException {
    int steps = 300;
    long seed = 0;
    boolean python = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--steps" -> steps = Integer.parseInt(value(args, ++i));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--no-python" -> python = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    run(steps, seed, python, System.out);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** The scorer: two linear layers; the ArgmaxLayer after it turns its scores into a choice. */
  static Sequential scorer() {
    return new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 4));
  }

  /** {@code n} points in [-1, 1]^2 and their quadrant (0..3: x > 0 adds 1, y > 0 adds 2). */
  static Tensor[] quadrants(int n, long seed) {
    Random r = new Random(seed);
    float[][] xy = new float[n][2];
    long[] q = new long[n];
    for (int i = 0; i < n; i++) {
      xy[i][0] = 2 * r.nextFloat() - 1;
      xy[i][1] = 2 * r.nextFloat() - 1;
      q[i] = (xy[i][0] > 0 ? 1 : 0) + (xy[i][1] > 0 ? 2 : 0);
    }
    return new Tensor[] {Torch.tensor(xy), Torch.tensor(q)};
  }

  /**
   * Runs the tour: trains for {@code steps} full-batch Adam steps, then runs the op from
   * TorchScript and (with {@code python}, where python3 with torch exists) from Python.
   */
  static Result run(int steps, long seed, boolean python, PrintStream out) throws IOException {
    out.println("== 1. Training through a hard choice, in Java ==");
    out.println("jtorch::argmax_layer: forward = one-hot of the argmax, backward = softmax's gradient"
        + " (straight-through); kernels: " + org.jtorch.ops.Ops.cpuKernels());
    Torch.manualSeed(seed);
    Sequential scorer = scorer();
    ArgmaxLayer choose = new ArgmaxLayer(1);
    Adam opt = new Adam(scorer.parameters(), Adam.options().lr(0.02));
    double first = Double.NaN;
    double last = Double.NaN;
    double accuracy;
    Path work = Files.createTempDirectory("jtorch-custom-op");
    try (Scope outer = Scope.open()) {
      Tensor[] train = quadrants(512, seed + 1);
      Tensor[] test = quadrants(256, seed + 2);
      Tensor target = F.oneHot(train[1], 4).to(DType.FLOAT32);
      out.println("task: which quadrant is a point in? The network outputs a one-hot choice;"
          + " loss = mse(choice, one-hot target). 512 training points, 256 test points.");
      for (int step = 1; step <= steps; step++) {
        try (Scope s = Scope.open()) {
          opt.zeroGrad();
          Tensor choice = choose.forward(scorer.forward(train[0]));
          Tensor loss = F.mseLoss(choice, target);
          loss.backward();
          opt.step();
          last = loss.doubleValue();
          if (step == 1) {
            first = last;
            double g = scorer.parameters().get(0).grad().norm().doubleValue();
            out.printf(Locale.ROOT, "step 1: loss %.4f; gradient reached the first layer through the"
                + " argmax: |grad W1| = %.4f%n", last, g);
          }
          if (step % Math.max(1, steps / 5) == 0 || step == steps) {
            out.printf(Locale.ROOT, "step %d: loss %.4f, train accuracy %.1f%%%n",
                step, last, 100 * accuracy(choose, scorer, train));
          }
        }
      }
      accuracy = accuracy(choose, scorer, test);
      out.printf(Locale.ROOT, "test accuracy %.1f%% (loss %.4f -> %.4f)%n", 100 * accuracy, first, last);

      out.println("\n== 2. The same op from a TorchScript model ==");
      Tensor probe = Torch.tensor(new float[][] {{0.5f, 0.5f}, {-0.5f, 0.5f}, {-0.5f, -0.5f}, {0.5f, -0.5f}});
      Tensor javaChoice;
      try (var noGrad = Torch.noGrad()) {
        javaChoice = choose.forward(scorer.forward(probe));
      }
      out.println("probe points (1,1)/2, (-1,1)/2, (-1,-1)/2, (1,-1)/2 -> quadrants "
          + Arrays.toString(javaChoice.argmax(1).toLongArray()) + " (expected [3, 2, 0, 1])");
      boolean agrees = false;
      Optional<Path> fixture = SampleFiles.repoRoot()
          .map(r -> r.resolve("java-api/src/test/resources/models/argmax_layer.pt"))
          .filter(Files::isRegularFile);
      if (fixture.isEmpty()) {
        out.println("(java-api/src/test/resources/models/argmax_layer.pt is not here: run from the checkout)");
      } else {
        try (ScriptModule m = ScriptModule.load(fixture.get());
            var noGrad = Torch.noGrad()) {
          Torch.manualSeed(1);
          Tensor x = Torch.randn(3, 6);
          Tensor fromModel = m.forward(x);
          Map<String, Tensor> p = m.namedParameters();
          Tensor fromJava = org.jtorch.ops.Ops.argmaxLayer(F.linear(x, p.get("lin.weight"), p.get("lin.bias")), 1);
          agrees = Arrays.equals(fromModel.toFloatArray(), fromJava.toFloatArray());
          out.println(SampleFiles.repoRoot().get().relativize(fixture.get())
              + ", scripted in Python:\n    def forward(self, x):\n"
              + "        return torch.ops.jtorch.argmax_layer(self.lin(x), 1)\n"
              + "loaded in Java and run on randn(3, 6):\n" + fromModel
              + "\nthe op called from Java on the model's own Linear weights:\n" + fromJava
              + (agrees ? "\n(same)" : "\n(DIFFERENT)"));
        }
      }
      out.println("(TorchScript source compiled from Java with Jit.compile cannot name custom ops:"
          + " LibTorch's C++ resolver knows only torch.* = aten; script such models in Python.)");

      out.println("\n== 3. The same op from Python ==");
      Path lib = NativeLibraries.opsLibrary();
      out.println("The operator library Java loaded: " + lib + "\nIn Python (torch 2.13):\n");
      String snippet = String.join("\n",
          "import torch",
          "torch.ops.load_library(" + pyString(lib.toString()) + ")",
          "scores = torch.tensor([[0.1, 2.0, -1.0], [3.0, 0.0, 3.0]], requires_grad=True)",
          "choice = torch.ops.jtorch.argmax_layer(scores, 1)",
          "print(choice)",
          "choice.backward(torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]))",
          "print(scores.grad)");
      out.println(snippet.indent(4));
      Optional<Boolean> pythonAgrees = Optional.empty();
      Optional<String> torch = python ? SampleFiles.pythonTorch() : Optional.empty();
      if (torch.isEmpty()) {
        out.println(python ? "(python3 with torch is not installed here: not run)" : "(--no-python: not run)");
      } else {
        pythonAgrees = Optional.of(runPython(out, snippet, scorer, probe, javaChoice, lib, work));
      }
      return new Result(first, last, accuracy, agrees, pythonAgrees);
    } finally {
      deleteTree(work);
    }
  }

  private static boolean runPython(PrintStream out, String snippet, Sequential scorer, Tensor probe,
      Tensor javaChoice, Path lib, Path work) throws IOException {
    Path snippetFile = Files.writeString(work.resolve("snippet.py"), snippet + "\n");
    SampleFiles.Output o = SampleFiles.python(180, snippetFile.toString()).orElseThrow();
    out.println("Python printed:\n" + o.text().strip().indent(4));
    try (Scope s = Scope.open()) {
      Tensor scores = Torch.tensor(new float[][] {{0.1f, 2.0f, -1.0f}, {3.0f, 0.0f, 3.0f}}).requiresGrad_();
      Tensor choice = org.jtorch.ops.Ops.argmaxLayer(scores, 1);
      choice.backward(Torch.tensor(new float[][] {{1, 0, 0}, {0, 0, 1}}));
      out.println("Java, the same lines:\n" + (choice + "\n" + scores.grad()).indent(4));
    }

    // the weights Java trained, read by Python, scripted with the op, and the script run in Java
    Path weights = work.resolve("scorer.pt");
    Path inputs = work.resolve("probe.pt");
    Path model = work.resolve("chooser.pt");
    Torch.save(scorer.stateDict(), weights);
    Map<String, Tensor> in = new LinkedHashMap<>();
    in.put("x", probe);
    Torch.save(in, inputs);
    String script = String.join("\n",
        "import sys, torch, torch.nn as nn",
        "torch.ops.load_library(sys.argv[1])",
        "class Chooser(nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.scorer = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 4))",
        "    def forward(self, x):",
        "        return torch.ops.jtorch.argmax_layer(self.scorer(x), 1)",
        "m = Chooser().eval()",
        "m.scorer.load_state_dict(torch.load(sys.argv[2], weights_only=True))",
        "x = torch.load(sys.argv[3], weights_only=True)['x']",
        "with torch.no_grad():",
        "    print('CHOICE', ' '.join(str(int(v)) for v in m(x).argmax(1)))",
        "torch.jit.save(torch.jit.script(m), sys.argv[4])");
    Path scriptFile = Files.writeString(work.resolve("chooser.py"), script + "\n");
    SampleFiles.Output r = SampleFiles.python(180, scriptFile.toString(), lib.toString(),
        weights.toString(), inputs.toString(), model.toString()).orElseThrow();
    String line = r.text().lines().filter(l -> l.startsWith("CHOICE ")).findFirst().orElse(null);
    if (!r.ok() || line == null || !Files.isRegularFile(model)) {
      out.println("Python could not run the trained model:\n" + r.text());
      return false;
    }
    long[] java = javaChoice.argmax(1).toLongArray();
    long[] py = Arrays.stream(line.substring(7).trim().split(" ")).mapToLong(Long::parseLong).toArray();
    long[] back;
    try (ScriptModule m = ScriptModule.load(model); Scope s = Scope.open()) {
      back = m.forward(probe).argmax(1).toLongArray();
    }
    boolean same = Arrays.equals(java, py) && Arrays.equals(java, back);
    out.println("Java's trained weights in Python (torch.load + load_state_dict), then scripted and"
        + " loaded back in Java:");
    out.println("    quadrants chosen by Java:                 " + Arrays.toString(java));
    out.println("    by Python with Java's weights:            " + Arrays.toString(py));
    out.println("    by Python's TorchScript model, in Java:   " + Arrays.toString(back)
        + (same ? "  (all three agree)" : "  (DIFFERENT)"));
    return same;
  }

  private static double accuracy(ArgmaxLayer choose, Sequential scorer, Tensor[] data) {
    try (Scope s = Scope.open(); var noGrad = Torch.noGrad()) {
      Tensor picked = choose.forward(scorer.forward(data[0])).argmax(1);
      return picked.eq(data[1]).to(DType.FLOAT32).mean().doubleValue();
    }
  }

  private static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
