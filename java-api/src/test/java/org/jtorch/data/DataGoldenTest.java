package org.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jtorch.Generator;
import org.jtorch.Golden;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.data.transforms.RandomAffine;
import org.jtorch.data.transforms.RandomCrop;
import org.jtorch.data.transforms.RandomResizedCrop;
import org.junit.jupiter.api.Test;

/** Shuffle orders, sampler draws and transform parameters against Python torch 2.13's. */
class DataGoldenTest {
  private static final JsonNode G = Golden.load("data/data");

  private static int[] ints(JsonNode a) {
    int[] r = new int[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.get(i).asInt();
    }
    return r;
  }

  private static List<Integer> list(Iterable<Integer> it) {
    List<Integer> l = new ArrayList<>();
    it.forEach(l::add);
    return l;
  }

  private static int[] array(Iterable<Integer> it) {
    return list(it).stream().mapToInt(Integer::intValue).toArray();
  }

  /** A data set of the Integers 0..n-1, as Python's list(range(n)). */
  private static Dataset<Integer> range(int n) {
    return new Dataset<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public Integer get(int index) {
        return index;
      }
    };
  }

  @Test
  void shuffleOrderMatchesPythonDataLoader() {
    for (JsonNode c : G.get("loaders")) {
      int seed = c.get("seed").asInt();
      Generator g = c.get("generator").asBoolean() ? new Generator(seed) : null;
      if (g == null) {
        Torch.manualSeed(seed);
      }
      DataLoader.Builder<Integer> b =
          DataLoader.builder(range(c.get("n").asInt()))
              .batchSize(c.get("batch").asInt())
              .shuffle(true)
              .dropLast(c.get("dropLast").asBoolean())
              .generator(g);
      if (c.has("workers")) {
        b.numWorkers(c.get("workers").asInt()).persistentWorkers(c.get("persistent").asBoolean());
      }
      try (DataLoader<Tensor> loader = b.build(Collate::defaultCollate)) {
        for (JsonNode epoch : c.get("epochs")) {
          List<int[]> batches = new ArrayList<>();
          loader.forEach(t -> batches.add(t.toIntArray())); // each batch lives until the next
          assertEquals(epoch.size(), batches.size(), c.toString());
          for (int k = 0; k < batches.size(); k++) {
            assertArrayEquals(ints(epoch.get(k)), batches.get(k), "case " + c + " batch " + k);
          }
        }
      }
    }
  }

  @Test
  void samplersDrawWhatPythonDraws() {
    JsonNode s = G.get("samplers");
    Generator g = new Generator(3);
    RandomSampler r = new RandomSampler(10, true, 70, g);
    assertArrayEquals(ints(s.get("random_replacement_70_of_10")), array(r));
    assertArrayEquals(ints(s.get("random_replacement_70_of_10_again")), array(r));
    g = new Generator(4);
    r = new RandomSampler(10, false, 25, g);
    assertArrayEquals(ints(s.get("random_25_of_10")), array(r));
    assertArrayEquals(ints(s.get("random_25_of_10_again")), array(r));
    assertArrayEquals(
        ints(s.get("subset_random")),
        array(new SubsetRandomSampler(new int[] {3, 9, 4, 17, 8, 100}, new Generator(5))));
    double[] w = {0.1, 0.9, 0.4, 0.7, 3.0, 0.6};
    assertArrayEquals(
        ints(s.get("weighted_replacement")),
        array(new WeightedRandomSampler(w, 20, true, new Generator(6))));
    assertArrayEquals(
        ints(s.get("weighted_no_replacement")),
        array(new WeightedRandomSampler(w, 5, false, new Generator(6))));
    for (String name : new String[] {"batch_sequential_10_3", "batch_sequential_10_3_drop"}) {
      BatchSampler bs = new BatchSampler(new SequentialSampler(10), 3, name.endsWith("drop"));
      List<int[]> got = new ArrayList<>();
      bs.forEach(got::add);
      assertEquals(s.get(name).size(), got.size());
      assertEquals(s.get(name).size(), bs.size());
      for (int i = 0; i < got.size(); i++) {
        assertArrayEquals(ints(s.get(name).get(i)), got.get(i));
      }
    }
    for (JsonNode d : s.get("distributed")) {
      int replicas = d.has("replicas") ? d.get("replicas").asInt() : 3;
      boolean shuffle = !d.has("shuffle") || d.get("shuffle").asBoolean();
      DistributedSampler ds =
          new DistributedSampler(
              d.get("n").asInt(), replicas, d.get("rank").asInt(), shuffle, 7,
              d.get("dropLast").asBoolean());
      assertArrayEquals(ints(d.get("epoch0")), array(ds), d.toString());
      assertEquals(d.get("epoch0").size(), ds.size());
      ds.setEpoch(1);
      assertArrayEquals(ints(d.get("epoch1")), array(ds), d.toString());
    }
  }

  @Test
  void randomSplitMatchesPython() {
    JsonNode s = G.get("samplers");
    List<Subset<Integer>> a = Dataset.randomSplit(range(10), new int[] {3, 7}, new Generator(42));
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(ints(s.get("random_split_3_7").get(i)), a.get(i).indices());
      assertEquals(s.get("random_split_3_7").get(i).get(0).asInt(), a.get(i).get(0));
    }
    List<Subset<Integer>> b =
        Dataset.randomSplit(range(30), new double[] {0.3, 0.3, 0.4}, new Generator(42));
    for (int i = 0; i < b.size(); i++) {
      assertArrayEquals(ints(s.get("random_split_fractions").get(i)), b.get(i).indices());
    }
    List<Subset<Integer>> c =
        Dataset.randomSplit(range(11), new double[] {0.5, 0.25, 0.25}, new Generator(1));
    for (int i = 0; i < c.size(); i++) {
      assertArrayEquals(ints(s.get("random_split_fractions_uneven").get(i)), c.get(i).indices());
    }
  }

  @Test
  void generatorMatchesPython() throws Exception {
    JsonNode j = G.get("generator");
    try (Generator g = new Generator()) {
      assertEquals(j.get("default_initial_seed").asLong(), g.initialSeed());
      g.manualSeed(3);
      assertEquals(3, g.initialSeed());
      try (Tensor st = g.getState()) {
        assertEquals(j.get("state_seed3_len").asInt(), st.numel());
        assertEquals(j.get("state_seed3_sha256").asText(), sha256(st.toByteArray()));
        Torch.randperm(10, g).close();
        try (Tensor after = g.getState()) {
          assertEquals(j.get("state_after_randperm_sha256").asText(), sha256(after.toByteArray()));
        }
        g.setState(st);
        try (Tensor back = g.getState()) {
          assertEquals(j.get("state_seed3_sha256").asText(), sha256(back.toByteArray()));
        }
      }
    }
    try (Generator g = new Generator(11);
        Tensor rand = Torch.rand(new long[] {5}, g);
        Tensor randn = Torch.randn(new long[] {3}, g);
        Tensor randint = Torch.randint(3, 9, new long[] {6}, g);
        Tensor w = Torch.tensor(new float[] {1, 2, 3, 4});
        Tensor mult = Torch.multinomial(w, 3, false, g);
        Tensor p = Torch.full(new long[] {8}, 0.5);
        Tensor bern = Torch.bernoulli(p, g);
        Tensor normal = Torch.normal(2.0, 3.0, new long[] {3}, g)) {
      assertArrayEquals(floats(j.get("rand_seed11")), rand.toFloatArray());
      assertArrayEquals(floats(j.get("randn_seed11_next")), randn.toFloatArray(), 1e-6f);
      assertArrayEquals(ints(j.get("randint_seed11_next")), randint.toIntArray());
      assertArrayEquals(ints(j.get("multinomial_seed11_next")), mult.toIntArray());
      assertArrayEquals(floats(j.get("bernoulli_seed11_next")), bern.toFloatArray());
      assertArrayEquals(floats(j.get("normal_seed11_next")), normal.toFloatArray(), 1e-5f);
    }
  }

  private static float[] floats(JsonNode a) {
    float[] r = new float[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) a.get(i).asDouble();
    }
    return r;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void transformParametersMatchTorchvisionDraws() {
    JsonNode t = G.get("transforms");
    try (Generator g = new Generator(21)) {
      for (JsonNode e : t.get("crop_32_pad4")) {
        long[] ij = RandomCrop.getParams(40, 40, 32, 32, g);
        assertEquals(e.get(0).asLong(), ij[0]);
        assertEquals(e.get(1).asLong(), ij[1]);
      }
    }
    try (Generator g = new Generator(22)) {
      for (JsonNode e : t.get("resized_crop_224_from_300x400")) {
        long[] p =
            RandomResizedCrop.getParams(
                300, 400, new double[] {0.08, 1.0}, new double[] {3.0 / 4, 4.0 / 3}, g);
        assertArrayEquals(longs(e), p);
      }
    }
    try (Generator g = new Generator(23)) {
      for (JsonNode e : t.get("resized_crop_fallback_10x200")) {
        long[] p =
            RandomResizedCrop.getParams(10, 200, new double[] {0.9, 1.0}, new double[] {1, 1}, g);
        assertArrayEquals(longs(e), p);
      }
    }
    try (Generator g = new Generator(24)) {
      for (JsonNode e : t.get("affine_deg10_t01_s09_11_w28_h20")) {
        double[] p =
            RandomAffine.getParams(
                new double[] {-10, 10}, new double[] {0.1, 0.1}, new double[] {0.9, 1.1}, 28, 20,
                g);
        for (int i = 0; i < 4; i++) {
          assertEquals(e.get(i).asDouble(), p[i], 1e-6, e.toString());
        }
      }
    }
  }

  private static long[] longs(JsonNode a) {
    long[] r = new long[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.get(i).asLong();
    }
    return r;
  }
}
