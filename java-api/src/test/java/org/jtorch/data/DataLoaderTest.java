package org.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jtorch.DType;
import org.jtorch.Generator;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.jtorch.data.transforms.Compose;
import org.jtorch.data.transforms.RandomCrop;
import org.jtorch.data.transforms.RandomHorizontalFlip;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

  /** 0..n-1 as Integers; records which threads loaded them. */
  static final class Range implements Dataset<Integer> {
    final int n;
    final Map<String, Boolean> threads = new ConcurrentHashMap<>();

    Range(int n) {
      this.n = n;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public Integer get(int index) {
      threads.put(Thread.currentThread().getName(), true);
      return index;
    }
  }

  /** Images [1, 4, 4] with value i, labels i % 3, augmented by a random flip and crop. */
  static Dataset<Example> images(int n) {
    Compose aug = new Compose(new RandomCrop(4, 1), new RandomHorizontalFlip());
    return new Dataset<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public Example get(int i) {
        try (Tensor a = Torch.arange(0.0, 16.0, 1.0)) {
          Tensor img = a.add(100.0 * i).reshape(1, 4, 4);
          return new Example(aug.apply(img), Torch.scalarTensor(i % 3, org.jtorch.TensorOptions.dtype(DType.INT64)));
        }
      }
    };
  }

  private static List<float[]> inputs(DataLoader<Example> loader) {
    List<float[]> out = new ArrayList<>();
    for (Example b : loader) {
      try (b) {
        out.add(b.input().toFloatArray());
      }
    }
    return out;
  }

  @Test
  void workersDeliverInOrderAndAugmentAsWithoutWorkers() {
    List<List<float[]>> runs = new ArrayList<>();
    for (int workers : new int[] {0, 1, 3}) {
      try (DataLoader<Example> loader =
          DataLoader.builder(images(23))
              .batchSize(4)
              .shuffle(true)
              .generator(new Generator(9))
              .numWorkers(workers)
              .build()) {
        assertEquals(6, loader.size());
        runs.add(inputs(loader));
      }
    }
    for (List<float[]> run : runs.subList(1, runs.size())) {
      assertEquals(runs.get(0).size(), run.size());
      for (int k = 0; k < run.size(); k++) {
        assertArrayEquals(runs.get(0).get(k), run.get(k), "batch " + k);
      }
    }
    // augmentation happened: at least one sample is not the plain image
    boolean changed = false;
    for (float[] b : runs.get(0)) {
      float base = (float) Math.floor(b[5] / 100) * 100;
      changed |= b[5] != base + 5;
    }
    assertTrue(changed);
  }

  @Test
  void workersRunOnNamedDaemonThreads() {
    Range ds = new Range(64);
    try (DataLoader<Tensor> loader = DataLoader.builder(ds).batchSize(4).numWorkers(2).build(Collate::defaultCollate)) {
      int k = 0;
      for (Tensor b : loader) {
        try (b) {
          assertArrayEquals(new int[] {4 * k, 4 * k + 1, 4 * k + 2, 4 * k + 3}, b.toIntArray());
        }
        k++;
      }
      assertEquals(16, k);
    }
    assertFalse(ds.threads.isEmpty());
    for (String t : ds.threads.keySet()) {
      assertTrue(t.startsWith("jtorch-dataloader-"), t);
    }
  }

  private static long loaderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("jtorch-dataloader-"))
        .count();
  }

  private static long awaitThreadsAtMost(long n) throws InterruptedException {
    long c = loaderThreads();
    for (int i = 0; i < 200 && c > n; i++) {
      Thread.sleep(25);
      c = loaderThreads();
    }
    return c;
  }

  @Test
  void breakingOutEarlyThousandTimesLeaksNoThreads() throws Exception {
    long before = awaitThreadsAtMost(0);
    Range ds = new Range(1000);
    try (DataLoader<Tensor> loader =
        DataLoader.builder(ds).batchSize(8).shuffle(true).numWorkers(2).build(Collate::defaultCollate)) {
      for (int i = 0; i < 1000; i++) {
        for (Tensor b : loader) {
          b.close();
          break; // the next pass closes this one
        }
        assertTrue(loaderThreads() <= before + 4, "threads pile up: " + loaderThreads());
      }
    }
    assertEquals(before, awaitThreadsAtMost(before), "threads left after close");
    // new loaders each time, left to try-with-resources on the iterator
    for (int i = 0; i < 200; i++) {
      DataLoader<Tensor> loader = DataLoader.builder(ds).batchSize(8).numWorkers(2).build(Collate::defaultCollate);
      try (DataLoader.BatchIterator<Tensor> it = loader.iterator()) {
        it.next().close();
      }
    }
    assertEquals(before, awaitThreadsAtMost(before), "threads left after closing iterators");
    // ... and to the garbage collector
    for (int i = 0; i < 50; i++) {
      DataLoader<Tensor> loader = DataLoader.builder(ds).batchSize(8).numWorkers(2).build(Collate::defaultCollate);
      Iterator<Tensor> it = loader.iterator();
      it.next().close();
    }
    long left = loaderThreads();
    for (int i = 0; i < 100 && left > before; i++) {
      System.gc();
      Thread.sleep(50);
      left = loaderThreads();
    }
    assertEquals(before, left, "unreachable loaders keep their threads");
  }

  @Test
  void persistentWorkersSurviveEpochsAndStopAtClose() throws Exception {
    long before = awaitThreadsAtMost(0);
    DataLoader<Tensor> loader =
        DataLoader.builder(new Range(10)).batchSize(3).numWorkers(2).persistentWorkers(true).build(Collate::defaultCollate);
    for (int e = 0; e < 3; e++) {
      int n = 0;
      for (Tensor b : loader) {
        b.close();
        n++;
      }
      assertEquals(4, n);
      assertEquals(before + 2, loaderThreads());
    }
    loader.close();
    assertEquals(before, awaitThreadsAtMost(before));
    assertThrows(IllegalStateException.class, loader::iterator);
  }

  @Test
  void aBatchBelongsToThePassUntilTheNextOne() {
    for (int workers : new int[] {0, 2}) {
      try (DataLoader<Example> loader =
          DataLoader.builder(images(12)).batchSize(4).numWorkers(workers).build()) {
        Example claimed;
        try (Scope outer = Scope.open()) {
          Iterator<Example> it = loader.iterator();
          Example a = it.next();
          assertEquals(0, outer.size(), "a batch does not pile up in the scopes around the loop");
          assertFalse(a.input().isClosed());
          try (Scope step = Scope.open()) {
            assertArrayEquals(new long[] {4, 1, 4, 4}, a.input().shape());
          }
          Example b = it.next();
          assertTrue(a.input().isClosed() && a.target().isClosed(), "freed by the next batch");
          assertFalse(b.input().isClosed());
          claimed = Scope.claim(b); // handed to the open scope: the pass leaves it alone
          assertTrue(outer.owns(b.input()) && outer.owns(b.target()));
          Example c = it.next();
          assertFalse(claimed.input().isClosed(), "a claimed batch survives the next one");
          assertFalse(it.hasNext());
          assertTrue(c.input().isClosed(), "the pass's end frees its last batch");
        }
        assertTrue(claimed.input().isClosed(), "the scope that claimed it freed it");
      }
    }
  }

  @Test
  void theReflexLoopFreesEveryBatch() {
    // for (Example batch : loader) { try (Scope step = Scope.open()) { ... } }, with no batch in
    // the try and a scope around the whole loop: nothing is left open when the loop ends
    List<Example> seen = new ArrayList<>();
    try (DataLoader<Example> loader =
            DataLoader.builder(images(10)).batchSize(3).shuffle(true).build();
        Scope outer = Scope.open()) {
      for (int epoch = 0; epoch < 2; epoch++) {
        for (Example batch : loader) {
          seen.add(batch);
          try (Scope step = Scope.open()) {
            batch.input().mul(2).sum();
          }
        }
      }
      assertEquals(0, outer.size());
    }
    assertEquals(8, seen.size());
    for (Example e : seen) {
      assertTrue(e.input().isClosed() && e.target().isClosed());
    }
    // closing the batch yourself, as the README once showed, is harmless
    try (DataLoader<Example> loader = DataLoader.builder(images(4)).batchSize(2).build()) {
      for (Example batch : loader) {
        try (Scope step = Scope.open(); Example b = batch) {
          b.input().sum();
        }
      }
    }
  }

  @Test
  void buildIsTypedByTheSamplesAndChecksIt() {
    // the batch type follows from the data set: no type argument to name
    DataLoader<Example> examples = DataLoader.builder(images(4)).batchSize(2).build();
    try (examples) {
      for (Example batch : examples) {
        assertArrayEquals(new long[] {2}, batch.target().shape());
      }
    }
    Dataset<Tensor> tensors = images(4).map(Example::input);
    try (DataLoader<Tensor> loader = DataLoader.builder(tensors).batchSize(4).build()) {
      assertArrayEquals(new long[] {4, 1, 4, 4}, loader.iterator().next().shape());
    }
    Dataset<List<Tensor>> lists = images(4).map(e -> List.of(e.input(), e.target()));
    try (DataLoader<List<Tensor>> loader = DataLoader.builder(lists).batchSize(2).build()) {
      List<Tensor> batch = loader.iterator().next();
      assertArrayEquals(new long[] {2, 1, 4, 4}, batch.get(0).shape());
    }
    // samples whose batch has another type: a clear error, not a ClassCastException later
    Dataset<Integer> numbers = new Range(4);
    try (DataLoader<Integer> loader = DataLoader.builder(numbers).batchSize(2).build()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> loader.iterator().next());
      assertTrue(e.getMessage().contains("samples of Integer collate into a Tensor"), e.getMessage());
      assertTrue(e.getMessage().contains("build(Collate::defaultCollate)"), e.getMessage());
    }
    Dataset<List<Long>> nested = new Range(4).map(i -> List.of((long) i));
    try (DataLoader<List<Long>> loader = DataLoader.builder(nested).batchSize(2).build()) {
      assertThrows(IllegalArgumentException.class, () -> loader.iterator().next());
    }
    // a record with a concrete component type may hold the batched value
    Dataset<Sample> records =
        images(4).map(e -> new Sample(e.input(), (long) e.target().longValue(), "n"));
    try (DataLoader<Sample> loader = DataLoader.builder(records).batchSize(2).build()) {
      Sample s = loader.iterator().next();
      assertTrue(s.label() instanceof Tensor);
    }
  }

  @Test
  void closingThePassFreesPrefetchedBatches() {
    try (DataLoader<Example> loader =
        DataLoader.builder(images(40)).batchSize(2).numWorkers(2).prefetchFactor(4).build()) {
      DataLoader.BatchIterator<Example> it = loader.iterator();
      Example first = it.next();
      it.close();
      assertFalse(it.hasNext());
      assertThrows(NoSuchElementException.class, it::next);
      assertTrue(first.input().isClosed(), "the pass's current batch goes with it");
    }
  }

  record Sample(Tensor x, Object label, Object name) {}

  @Test
  void defaultCollateHandlesTheUsualShapes() {
    try (Scope scope = Scope.open()) {
      Tensor t = Collate.defaultCollate(List.of(Torch.ones(2, 3), Torch.zeros(2, 3)));
      assertArrayEquals(new long[] {2, 2, 3}, t.shape());
      Tensor f = Collate.defaultCollate(List.of(new float[] {1, 2}, new float[] {3, 4}));
      assertEquals(DType.FLOAT32, f.dtype());
      assertArrayEquals(new float[] {1, 2, 3, 4}, f.toFloatArray());
      Tensor l = Collate.defaultCollate(List.of(1, 2L, (short) 3));
      assertEquals(DType.INT64, l.dtype());
      assertArrayEquals(new long[] {1, 2, 3}, l.toLongArray());
      Tensor d = Collate.defaultCollate(List.of(1.5, 2.5));
      assertEquals(DType.FLOAT64, d.dtype());
      Tensor fl = Collate.defaultCollate(List.of(1.5f, 2.5f));
      assertEquals(DType.FLOAT32, fl.dtype());
      Tensor bo = Collate.defaultCollate(List.of(true, false));
      assertEquals(DType.BOOL, bo.dtype());
      List<Object> lists =
          Collate.defaultCollate(List.of(List.of(Torch.ones(2), 1), List.of(Torch.zeros(2), 2)));
      assertArrayEquals(new long[] {2, 2}, ((Tensor) lists.get(0)).shape());
      assertArrayEquals(new long[] {1, 2}, ((Tensor) lists.get(1)).toLongArray());
      Map<String, Object> m1 = new LinkedHashMap<>();
      m1.put("a", 1);
      m1.put("b", "x");
      Map<String, Object> m2 = new LinkedHashMap<>();
      m2.put("a", 2);
      m2.put("b", "y");
      Map<String, Object> maps = Collate.defaultCollate(List.of(m1, m2));
      assertEquals(List.of("a", "b"), new ArrayList<>(maps.keySet()));
      assertArrayEquals(new long[] {1, 2}, ((Tensor) maps.get("a")).toLongArray());
      assertEquals(List.of("x", "y"), maps.get("b"));
      Sample s =
          Collate.defaultCollate(
              List.of(new Sample(Torch.ones(3), 4, "p"), new Sample(Torch.ones(3), 5, "q")));
      assertArrayEquals(new long[] {2, 3}, s.x().shape());
      assertArrayEquals(new long[] {4, 5}, ((Tensor) s.label()).toLongArray());
      assertEquals(List.of("p", "q"), s.name());
      assertEquals(
          2,
          Collate.tensorsIn(s).size());
    }
  }

  record Fixed(Tensor x, long label) {}

  @Test
  void defaultCollateRefusesWhatItCannotBatch() {
    try (Scope scope = Scope.open()) {
      assertThrows(IllegalArgumentException.class, () -> Collate.defaultCollate(List.of()));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Collate.defaultCollate(List.of(new Object(), new Object())));
      assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> Collate.defaultCollate(List.of(new float[] {1}, new float[] {1, 2})));
      assertThrows(
          IllegalArgumentException.class,
          () -> Collate.defaultCollate(List.of(List.of(1), List.of(1, 2))));
      e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  Collate.defaultCollate(
                      List.of(new Fixed(Torch.ones(1), 1), new Fixed(Torch.ones(1), 2))));
      assertTrue(e.getMessage().contains("label"), e.getMessage());
      assertThrows(
          TorchException.class,
          () -> Collate.defaultCollate(List.of(Torch.ones(2), Torch.ones(3))));
    }
  }

  @Test
  void customCollateSamplerBatchSamplerAndDropLast() {
    try (DataLoader<Integer> sums =
        DataLoader.builder(new Range(10))
            .batchSize(4)
            .dropLast(true)
            .build(batch -> batch.stream().mapToInt(Integer::intValue).sum())) {
      List<Integer> got = new ArrayList<>();
      sums.forEach(got::add);
      assertEquals(List.of(6, 22), got);
      assertEquals(2, sums.size());
    }
    try (DataLoader<List<Integer>> loader =
        DataLoader.builder(new Range(10))
            .sampler(new SubsetRandomSampler(new int[] {1, 3, 5}, new Generator(1)))
            .batchSize(2)
            .build(List::copyOf)) {
      List<Integer> seen = new ArrayList<>();
      loader.forEach(seen::addAll);
      seen.sort(null);
      assertEquals(List.of(1, 3, 5), seen);
    }
    try (DataLoader<List<Integer>> loader =
        DataLoader.builder(new Range(10))
            .batchSampler(new BatchSampler(List.of(9, 8, 7), 2, false))
            .numWorkers(1)
            .build(List::copyOf)) {
      List<List<Integer>> got = new ArrayList<>();
      loader.forEach(got::add);
      assertEquals(List.of(List.of(9, 8), List.of(7)), got);
    }
  }

  @Test
  void builderRefusesPyTorchsInvalidCombinations() {
    Range ds = new Range(4);
    assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).numWorkers(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DataLoader.builder(ds).persistentWorkers(true).build());
    assertThrows(
        IllegalArgumentException.class, () -> DataLoader.builder(ds).prefetchFactor(3).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DataLoader.builder(ds).shuffle(true).sampler(new SequentialSampler(4)).build());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DataLoader.builder(ds)
                .batchSize(2)
                .batchSampler(new BatchSampler(new SequentialSampler(4), 2, false))
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DataLoader.builder(ds).timeout(Duration.ofSeconds(-1)));
    IterableDataset<Integer> stream = () -> List.of(1, 2).iterator();
    assertThrows(
        IllegalArgumentException.class, () -> DataLoader.builder(stream).shuffle(true).build());
    try (DataLoader<Tensor> l = DataLoader.builder(stream).build(Collate::defaultCollate)) {
      assertThrows(UnsupportedOperationException.class, l::size);
    }
  }

  @Test
  void workerExceptionsReachTheConsumerAndLaterBatchesStillCome() {
    Dataset<Integer> bad =
        new Dataset<>() {
          @Override
          public int size() {
            return 6;
          }

          @Override
          public Integer get(int index) {
            if (index == 2) {
              throw new IllegalStateException("sample 2 is broken");
            }
            return index;
          }
        };
    for (int workers : new int[] {0, 2}) {
      try (DataLoader<Tensor> loader =
          DataLoader.builder(bad).batchSize(2).numWorkers(workers).build(Collate::defaultCollate)) {
        Iterator<Tensor> it = loader.iterator();
        it.next().close();
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertEquals("sample 2 is broken", e.getMessage());
        try (Tensor last = it.next()) {
          assertArrayEquals(new int[] {4, 5}, last.toIntArray());
        }
        assertFalse(it.hasNext());
      }
    }
  }

  @Test
  void timeoutStopsWaitingForASlowWorker() {
    Dataset<Integer> slow =
        new Dataset<>() {
          @Override
          public int size() {
            return 2;
          }

          @Override
          public Integer get(int index) {
            try {
              Thread.sleep(2000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return index;
          }
        };
    try (DataLoader<Tensor> loader =
        DataLoader.builder(slow).numWorkers(1).timeout(Duration.ofMillis(100)).build(Collate::defaultCollate)) {
      Iterator<Tensor> it = loader.iterator();
      IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }
  }

  /** 0..n-1, sharded between workers by WorkerInfo. */
  static final class Shards implements IterableDataset<Integer> {
    final int n;

    Shards(int n) {
      this.n = n;
    }

    @Override
    public Iterator<Integer> iterator() {
      WorkerInfo w = WorkerInfo.current();
      assertNotNull(w);
      return IntStream.range(0, n).filter(i -> i % w.numWorkers() == w.id()).iterator();
    }
  }

  @Test
  void iterableDatasetsWithAndWithoutWorkers() {
    try (DataLoader<Tensor> loader = DataLoader.builder(new Shards(7)).batchSize(3).build(Collate::defaultCollate)) {
      List<List<Long>> got = new ArrayList<>();
      for (Tensor b : loader) {
        try (b) {
          got.add(java.util.Arrays.stream(b.toLongArray()).boxed().toList());
        }
      }
      assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L)), got);
    }
    // two workers: worker 0 has 0,2,4,6,8, worker 1 has 1,3,5,7; batches alternate, as in PyTorch
    try (DataLoader<Tensor> loader =
        DataLoader.builder(new Shards(9)).batchSize(2).numWorkers(2).build(Collate::defaultCollate)) {
      List<List<Long>> got = new ArrayList<>();
      for (Tensor b : loader) {
        try (b) {
          got.add(java.util.Arrays.stream(b.toLongArray()).boxed().toList());
        }
      }
      assertEquals(
          List.of(
              List.of(0L, 2L), List.of(1L, 3L), List.of(4L, 6L), List.of(5L, 7L), List.of(8L)),
          got);
    }
    try (DataLoader<Tensor> loader =
        DataLoader.builder(new Shards(9)).batchSize(2).dropLast(true).numWorkers(2).build(Collate::defaultCollate)) {
      int n = 0;
      for (Tensor b : loader) {
        b.close();
        n++;
      }
      assertEquals(4, n);
    }
    assertNull(WorkerInfo.current());
  }

  @Test
  void pinMemoryIsANoOpWithoutCuda() {
    try (DataLoader<Tensor> loader =
        DataLoader.builder(new Range(4)).batchSize(2).pinMemory(true).build(Collate::defaultCollate)) {
      for (Tensor b : loader) {
        try (b) {
          assertEquals(2, b.numel());
        }
      }
    }
  }

  @Test
  void datasetCombinators() {
    Range a = new Range(3);
    Range b = new Range(2);
    ConcatDataset<Integer> c = new ConcatDataset<>(a, b);
    assertEquals(5, c.size());
    assertEquals(List.of(0, 1, 2, 0, 1), IntStream.range(0, 5).mapToObj(c::get).toList());
    assertArrayEquals(new int[] {3, 5}, c.cumulativeSizes());
    assertThrows(IndexOutOfBoundsException.class, () -> c.get(5));
    assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<Integer>(List.of()));
    Subset<Integer> s = new Subset<>(c, new int[] {4, 0});
    assertEquals(1, s.get(0));
    assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(a, new int[] {3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Dataset.randomSplit(a, new int[] {1, 1}, new Generator(0)));
    assertEquals(List.of(0, 2, 4), IntStream.range(0, 3).mapToObj(a.map(i -> 2 * i)::get).toList());
    try (Tensor x = Torch.arange(6).reshape(3, 2);
        Tensor y = Torch.arange(3);
        Scope scope = Scope.open()) {
      TensorDataset td = new TensorDataset(x, y);
      assertEquals(3, td.size());
      List<Tensor> row = td.get(1);
      assertArrayEquals(new long[] {2, 3}, row.get(0).toLongArray());
      assertEquals(1, row.get(1).longValue());
      try (Tensor z = Torch.arange(4)) {
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(x, z));
      }
      try (DataLoader<List<Tensor>> loader = DataLoader.builder(td).batchSize(2).build()) {
        List<Tensor> first = loader.iterator().next();
        assertArrayEquals(new long[] {2, 2}, first.get(0).shape());
        assertArrayEquals(new long[] {0, 1}, first.get(1).toLongArray());
      }
    }
  }

  @Test
  void samplerArgumentChecks() {
    assertThrows(IllegalArgumentException.class, () -> new RandomSampler(5, false, 0, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WeightedRandomSampler(new double[] {1, -1}, 3, true, null));
    assertThrows(IllegalArgumentException.class, () -> new DistributedSampler(10, 3, 3, true, 0, false));
    assertThrows(IllegalArgumentException.class, () -> new BatchSampler(List.of(1), 0, false));
    // as Python: more draws than weights without replacement is LibTorch's error
    WeightedRandomSampler tooMany = new WeightedRandomSampler(new double[] {1, 0}, 3, false, null);
    TorchException e = assertThrows(TorchException.class, () -> tooMany.iterator().next());
    assertTrue(e.getMessage().contains("without replacement"), e.getMessage());
    // without a generator the default one decides: Torch.manualSeed makes it repeatable
    Torch.manualSeed(3);
    List<Integer> first = new ArrayList<>();
    new RandomSampler(20, false, null, null).forEach(first::add);
    Torch.manualSeed(3);
    List<Integer> second = new ArrayList<>();
    new RandomSampler(20, false, null, null).forEach(second::add);
    assertEquals(first, second);
    assertInstanceOf(Integer.class, first.get(0));
  }
}
