package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Calls with every kind of value free what they allocate: resident memory stays flat. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the resident size from /proc")
class ScriptModuleMemoryTest {
  @Test
  void manyCallsWithContainersKeepMemoryFlat() throws IOException {
    try (ScriptModule methods = ScriptModule.load(ModelFixtures.model("methods.pt"));
        ScriptModule dict = ScriptModule.load(ModelFixtures.model("dict_model.pt"));
        Tensor x = Torch.randn(3, 4);
        Tensor a = Torch.randn(64, 3);
        Tensor big = Torch.randn(256, 1024)) {
      Map<String, Tensor> in = new LinkedHashMap<>();
      in.put("a", a);
      in.put("b", a);
      Map<String, List<Tensor>> lists = Map.of("p", List.of(big, big), "q", List.of(big));
      long before = 0;
      for (int i = 0; i < 12_000; i++) {
        if (i == 2_000) {
          System.gc();
          before = residentBytes();
        } else if (i % 2_000 == 0) {
          // Some native objects of a call (IValue containers) are still freed only by the garbage
          // collector: without a GC, resident memory climbs ~20 MB per 1,000 calls until the heap
          // fills (seen in about half the runs). A periodic GC keeps that bounded retention out, so
          // this test catches leaks that no GC can free.
          System.gc();
        }
        try (Scope scope = Scope.open()) {
          methods.run("describe", List.of(1, 2, 3), x, true, "tag");
          methods.run("sum_lists", lists); // 1 MB results each call
          methods.run("pair", Tuple.of(x, 2));
          dict.forward(in);
          methods.attribute("labels");
          methods.namedParameters();
        }
      }
      System.gc();
      long growth = residentBytes() - before;
      assertTrue(growth < 40L << 20, "resident memory grew by " + (growth >> 20) + " MB");
    }
  }

  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS");
  }
}
