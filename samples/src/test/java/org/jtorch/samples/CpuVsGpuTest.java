package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** CPU versus GPU with tiny sizes: a row per size and op, and the right line about CUDA. */
class CpuVsGpuTest {
  @Test
  void printsTheTableAndSaysWhetherThereIsAGpu() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<CpuVsGpu.Row> rows =
        CpuVsGpu.run(new long[] {100, 10_000}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(8, rows.size(), out);
    assertTrue(out.contains("elements  op"), out);
    for (String op : List.of("min", "max", "mean", "argmax")) {
      assertTrue(out.lines().anyMatch(l -> l.matches("\\s+10000  " + op + "\\s+\\d+\\.\\d.*")), op + "\n" + out);
    }
    assertTrue(rows.stream().allMatch(r -> r.cpuUs() > 0), out);
    if (Torch.cuda().isAvailable()) {
      assertTrue(out.contains("crossover for argmax:"), out);
      assertTrue(rows.stream().allMatch(r -> r.gpuUs() > 0 && r.gpuWithCopyUs() > 0), out);
    } else {
      assertTrue(out.contains("CUDA is not available"), out);
      assertTrue(rows.stream().allMatch(r -> Double.isNaN(r.gpuUs())), out);
    }
  }

  @Test
  void crossoverIsTheSizeFromWhichTheGpuStaysFaster() {
    List<CpuVsGpu.Row> rows = List.of(
        new CpuVsGpu.Row(10, "min", 1, 5, 9), new CpuVsGpu.Row(100, "min", 4, 3, 9),
        new CpuVsGpu.Row(1000, "min", 40, 4, 30), new CpuVsGpu.Row(10000, "min", 400, 5, 100));
    assertEquals("the GPU is faster from 100 elements", CpuVsGpu.crossover(rows, "min", false));
    assertEquals("the GPU is faster from 1000 elements", CpuVsGpu.crossover(rows, "min", true));
    List<CpuVsGpu.Row> never = List.of(new CpuVsGpu.Row(10, "max", 1, 5, 9));
    assertEquals("the CPU is faster at every size up to 10", CpuVsGpu.crossover(never, "max", true));
    assertThrows(IllegalArgumentException.class, () -> CpuVsGpu.run(new long[] {0}, System.out));
  }
}
