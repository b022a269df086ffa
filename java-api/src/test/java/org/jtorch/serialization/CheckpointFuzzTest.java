package org.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jtorch.Scope;
import org.jtorch.Torch;
import org.jtorch.nn.Linear;
import org.jtorch.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations of a valid training checkpoint (model, optimizer state, numbers, strings, nested
 * dicts): bytes of its pickle flipped, inserted, deleted or duplicated; its integers (sizes,
 * strides, offsets, storage lengths) overwritten with odd values in place, so that the stream
 * still parses and the checks behind the parser are reached; and bytes of the whole file
 * flipped. Loading each must return or throw {@link CheckpointException} (or {@link
 * UncheckedIOException} for an unreadable file), within a second or so: never another exception,
 * an {@link Error}, a hang or a crash. The cases run in a JVM of their own, seeded, so a failure
 * names its seed and reproduces.
 */
class CheckpointFuzzTest {
  static final int CASES = 1000;

  /** Loads every mutation and prints "BAD seed: what" for each outcome outside the contract. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      byte[] valid = Files.readAllBytes(dir.resolve("valid.pt"));
      Map<String, byte[]> records = new LinkedHashMap<>();
      try (ZipFile z = new ZipFile(dir.resolve("valid.pt").toFile())) {
        for (var en = z.entries(); en.hasMoreElements(); ) {
          ZipEntry e = en.nextElement();
          records.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
      }
      String pkl = records.keySet().stream().filter(n -> n.endsWith("data.pkl")).findFirst().get();
      try (Scope s = Scope.open()) { // warm up: natives, classes, JIT; not a timed case
        Checkpoints.closeAll(Checkpoints.load(dir.resolve("valid.pt")));
      }
      int loaded = 0;
      int refused = 0;
      Path p = dir.resolve("mutant.pt");
      for (int seed = 0; seed < CASES; seed++) {
        Random r = new Random(seed);
        byte[] file;
        if (seed % 4 == 3) {
          file = valid.clone(); // the zip itself: headers, directory, data
          for (int k = 1 + r.nextInt(8); k > 0; k--) {
            file[r.nextInt(file.length)] = (byte) r.nextInt(256);
          }
        } else {
          Map<String, byte[]> m = new LinkedHashMap<>(records);
          m.put(pkl, seed % 4 == 2 ? mutateNumbers(records.get(pkl), r) : mutate(records.get(pkl), r));
          file = HostileCheckpointsTest.zip(m, false);
        }
        Files.write(p, file);
        long start = System.nanoTime();
        try (Scope s = Scope.open()) {
          Object v = Checkpoints.load(p);
          Checkpoints.closeAll(v);
          loaded++;
        } catch (CheckpointException | UncheckedIOException e) {
          refused++;
        } catch (Throwable t) {
          System.out.println("BAD " + seed + ": " + t);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (ms > 2000) {
          System.out.println("BAD " + seed + ": took " + ms + " ms");
        }
      }
      System.out.println("DONE loaded " + loaded + " refused " + refused);
    }

    static final long[] INTERESTING = {
      0, 1, -1, 2, 3, 4, 7, 16, 255, 256, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE,
      1L << 31, 1L << 32, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, -2, -1000
    };

    /**
     * Overwrites the integers of the pickle (BININT1 'K', BININT 'J', LONG1 0x8a of up to 8
     * bytes), in place and at their width: sizes, strides, offsets, storage lengths and numbers
     * get odd values while the stream still parses, so the checks behind the parser are reached.
     */
    static byte[] mutateNumbers(byte[] pickle, Random r) {
      byte[] b = pickle.clone();
      java.util.List<int[]> ints = new ArrayList<>(); // {position of the value, width}
      for (int i = 2; i < b.length - 1; i++) {
        int op = b[i] & 0xff;
        if (op == 'K') {
          ints.add(new int[] {i + 1, 1});
        } else if (op == 'J' && i + 4 < b.length) {
          ints.add(new int[] {i + 1, 4});
        } else if (op == 0x8a && (b[i + 1] & 0xff) <= 8 && i + 1 + (b[i + 1] & 0xff) < b.length) {
          ints.add(new int[] {i + 2, b[i + 1] & 0xff});
        }
      }
      if (ints.isEmpty()) {
        return b;
      }
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        int[] at = ints.get(r.nextInt(ints.size()));
        long v = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : r.nextLong();
        for (int j = 0; j < at[1]; j++) {
          b[at[0] + j] = (byte) (v >>> (8 * j));
        }
      }
      return b;
    }

    static byte[] mutate(byte[] pickle, Random r) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<Byte> b = new ArrayList<>();
      for (byte x : pickle) {
        b.add(x);
      }
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        int at = 2 + r.nextInt(Math.max(1, b.size() - 3)); // keep PROTO
        switch (r.nextInt(4)) {
          case 0:
            b.set(at, (byte) r.nextInt(256));
            break;
          case 1:
            b.add(at, (byte) r.nextInt(256));
            break;
          case 2:
            b.remove(at);
            break;
          default:
            int len = 1 + r.nextInt(Math.min(32, b.size() - at));
            b.addAll(at, new ArrayList<>(b.subList(at, at + len)));
        }
      }
      for (byte x : b) {
        out.write(x);
      }
      return out.toByteArray();
    }
  }

  @Test
  void mutatedCheckpointsLoadOrAreRefused(@TempDir Path dir) throws Exception {
    try (Scope s = Scope.open()) {
      Torch.manualSeed(0);
      Linear model = new Linear(4, 3);
      Adam opt = new Adam(model.parameters(), Adam.options());
      model.forward(Torch.randn(2, 4)).sum().backward();
      opt.step();
      Map<String, Object> ck = new LinkedHashMap<>();
      ck.put("model", model.stateDict());
      ck.put("optimizer", opt.stateDict());
      ck.put("epoch", 7L);
      ck.put("note", "fuzz");
      ck.put("nested", Map.of("x", List.of(1L, 2.5, true)));
      Checkpoints.save(ck, dir.resolve("valid.pt"));
      model.close();
    }
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            Child.class.getName(),
            dir.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the fuzz run timed out:\n" + out);
    assertEquals(0, p.exitValue(), "the child JVM died:\n" + out);
    assertTrue(out.contains("DONE"), out);
    assertTrue(!out.contains("BAD "), out);
    System.out.println("checkpoint fuzz: " + out.lines().filter(l -> l.startsWith("DONE")).findFirst().get());
  }
}
