package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.data.DataLoader;
import org.jtorch.data.Example;
import org.junit.jupiter.api.Test;

class CustomDatasetTest {
  @Test
  void theDatasetBatchesLikeAnyOther() {
    CustomDataset.Points points = new CustomDataset.Points(100, 0.1, 3);
    assertEquals(100, points.size());
    try (Scope s = Scope.open();
        DataLoader<Example> loader = DataLoader.builder(points).batchSize(32).build()) {
      Example first = loader.iterator().next();
      assertArrayEquals(new long[] {32, 2}, first.input().shape());
      assertEquals(DType.FLOAT32, first.input().dtype());
      assertArrayEquals(new long[] {32}, first.target().shape());
      assertEquals(DType.INT64, first.target().dtype());
      assertEquals(points.label(0), first.target().toLongArray()[0]);
    }
  }

  @Test
  void theSamplerBalancesTheClassesAndTheRareOneIsFound() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CustomDataset.Result r = CustomDataset.run(
        CustomDataset.Config.parse(new String[] {"--epochs", "6"}),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String log = bytes.toString(StandardCharsets.UTF_8);
    long[] counts = r.datasetCounts();
    double rareInData = (double) counts[1] / (counts[0] + counts[1]);
    assertTrue(rareInData > 0.02 && rareInData < 0.08, "rare share of the data set " + rareInData + "\n" + log);
    // inverse-frequency weights: an epoch draws the rare class about half the time
    assertEquals(counts[0] + counts[1], r.drawnCounts()[0] + r.drawnCounts()[1], log);
    assertTrue(r.rareShare() > 0.35 && r.rareShare() < 0.65, "rare share of the draws " + r.rareShare() + "\n" + log);
    assertTrue(r.recall()[1] > 0.85, "rare recall " + r.recall()[1] + "\n" + log);
    assertTrue(r.recall()[0] > 0.8, "common recall " + r.recall()[0] + "\n" + log);
    // plain shuffling sees the rare class as seldom as the data set has it, and finds less of it
    assertTrue(r.recall()[1] > r.shuffledRecall()[1], log);
    assertTrue(log.contains("first epoch drew " + counts[0] + " common and " + counts[1] + " rare points"), log);
  }

  @Test
  void badOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CustomDataset.Config.parse(new String[] {"--rare", "1.5"}));
    assertThrows(IllegalArgumentException.class, () -> CustomDataset.Config.parse(new String[] {"--epochs"}));
    assertThrows(IllegalArgumentException.class, () -> CustomDataset.Config.parse(new String[] {"--nope", "1"}));
  }
}
