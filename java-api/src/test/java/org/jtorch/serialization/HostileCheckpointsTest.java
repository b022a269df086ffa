package org.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints written to hurt: each must be refused with a {@link CheckpointException} in
 * bounded time and memory (the suite runs with {@code -Xmx1g}), where jtorch once hung, overflowed
 * its stack or ran out of memory. The pickles are written opcode by opcode.
 */
class HostileCheckpointsTest {
  @TempDir Path dir;

  static final Duration BOUND = Duration.ofSeconds(20);

  /** A pickle being written: protocol 2, opcodes appended. */
  static final class Pickle {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Pickle() {
      op(0x80, 2);
    }

    Pickle op(int... bytes) {
      for (int b : bytes) {
        out.write(b);
      }
      return this;
    }

    Pickle str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      op('X');
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
      out.writeBytes(b);
      return this;
    }

    Pickle global(String module, String name) {
      op('c');
      out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    /** LONG1 with 8 bytes: any long. */
    Pickle int64(long v) {
      op(0x8a, 8);
      out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
      return this;
    }

    byte[] bytes() {
      op('.');
      return out.toByteArray();
    }
  }

  /** A zip of stored (or, where asked, deflated) records. */
  static byte[] zip(Map<String, byte[]> records, boolean deflate) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : records.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        if (!deflate) {
          ze.setMethod(ZipEntry.STORED);
          ze.setSize(e.getValue().length);
          CRC32 crc = new CRC32();
          crc.update(e.getValue());
          ze.setCrc(crc.getValue());
        }
        z.putNextEntry(ze);
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  Path checkpoint(byte[] pickle) throws IOException {
    Path p = dir.resolve("hostile.pt");
    Files.write(p, zip(Map.of("archive/data.pkl", pickle), false));
    return p;
  }

  CheckpointException refused(Path p) {
    return assertTimeoutPreemptively(
        BOUND, () -> assertThrows(CheckpointException.class, () -> Checkpoints.load(p)));
  }

  @Test
  void aBillionLaughsIsRefusedQuickly() throws IOException {
    // L0 = []; Li = [L(i-1), L(i-1)]: 1 KB of pickle, 2^61 values when walked
    Pickle p = new Pickle().op(']', 'q', 0, '0');
    for (int i = 1; i <= 60; i++) {
      p.op(']', '(', 'h', i - 1, 'h', i - 1, 'e', 'q', i, '0');
    }
    byte[] bytes = p.op('h', 60).bytes();
    assertTrue(bytes.length < 2048);
    CheckpointException e = refused(checkpoint(bytes));
    assertTrue(e.getMessage().contains("expands to more than 10000000 values"), e.getMessage());
  }

  @Test
  void aLaughingDictKeyIsRefusedBeforeItIsHashed() throws IOException {
    // T0 = (); Ti = (T(i-1), T(i-1)); {T60: None}
    Pickle p = new Pickle().op(')', 'q', 0, '0');
    for (int i = 1; i <= 60; i++) {
      p.op('h', i - 1, 'h', i - 1, 0x86, 'q', i, '0');
    }
    byte[] bytes = p.op('}', 'h', 60, 'N', 's').bytes();
    CheckpointException e = refused(checkpoint(bytes));
    assertTrue(e.getMessage().contains("a dict key expands to more than 10000 values"), e.getMessage());
    // a list as a key is unhashable, as in Python
    byte[] listKey = new Pickle().op('}', ']', 'N', 's').bytes();
    e = refused(checkpoint(listKey));
    assertTrue(e.getMessage().contains("unhashable"), e.getMessage());
  }

  @Test
  void aListHoldingItselfIsRefused() throws IOException {
    byte[] bytes = new Pickle().op(']', 'q', 0, 'h', 0, 'a').bytes();
    CheckpointException e = refused(checkpoint(bytes));
    assertTrue(e.getMessage().contains("holds a container inside itself"), e.getMessage());
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() throws IOException {
    Pickle p = new Pickle().op(']');
    for (int i = 0; i < 200_000; i++) {
      p.op(0x85); // TUPLE1: (x,)
    }
    CheckpointException e = refused(checkpoint(p.bytes()));
    assertTrue(e.getMessage().contains("deeper than 1000 levels"), e.getMessage());
    // 900 levels are fine, and their tensors-free value comes back
    Pickle ok = new Pickle().op(']');
    for (int i = 0; i < 900; i++) {
      ok.op(0x85);
    }
    Object v = assertTimeoutPreemptively(BOUND, () -> Checkpoints.load(checkpoint(ok.bytes())));
    assertTrue(v instanceof List);
    Checkpoints.closeAll(v);
  }

  @Test
  void sharedContainersAreFineWithinBoundsAndClosedOnce() throws IOException {
    // {'a': d, 'b': d} with d = [L10] (2^10 leaves): shared, bounded, loads as Python's would
    Pickle p = new Pickle().op(']', 'q', 0, '0');
    for (int i = 1; i <= 10; i++) {
      p.op(']', '(', 'h', i - 1, 'h', i - 1, 'e', 'q', i, '0');
    }
    byte[] bytes = p.op('}').str("a").op('h', 10, 's').str("b").op('h', 10, 's').bytes();
    Object v = assertTimeoutPreemptively(BOUND, () -> Checkpoints.load(checkpoint(bytes)));
    Map<?, ?> m = (Map<?, ?>) v;
    assertTrue(m.get("a") == m.get("b"), "the shared list stays one object");
    Checkpoints.closeAll(v);
  }

  /** The pickle of {'w': a float tensor of {@code size} and {@code stride} over storage "0"}. */
  static byte[] tensorPickle(long numel, long[] size, long[] stride) {
    Pickle p = new Pickle().op('}').str("w");
    p.global("torch._utils", "_rebuild_tensor_v2").op('(');
    p.op('(').str("storage").global("torch", "FloatStorage").str("0").str("cpu").int64(numel)
        .op('t', 'Q');
    p.int64(0).op('(');
    for (long s : size) {
      p.int64(s);
    }
    p.op('t', '(');
    for (long s : stride) {
      p.int64(s);
    }
    p.op('t', 0x89, 't', 'R', 's');
    return p.bytes();
  }

  @Test
  void sizeTimesStrideOverflowIsRefusedByJtorch() throws IOException {
    Map<String, byte[]> records = new LinkedHashMap<>();
    records.put("archive/data.pkl", tensorPickle(4, new long[] {1L << 62, 4}, new long[] {4, 1}));
    records.put("archive/data/0", new byte[16]);
    Path p = dir.resolve("overflow.pt");
    Files.write(p, zip(records, false));
    CheckpointException e = refused(p);
    assertTrue(e.getMessage().contains("overflows a 64-bit offset"), e.getMessage());
    // the same geometry done right loads
    records.put("archive/data.pkl", tensorPickle(4, new long[] {2, 2}, new long[] {2, 1}));
    Files.write(p, zip(records, false));
    Map<String, Tensor> sd = Torch.load(p);
    assertEquals(4, sd.get("w").numel());
    sd.values().forEach(Tensor::close);
  }

  @Test
  void aRecordThatLiesAboutItsSizeIsNotInflated() throws IOException {
    // a storage record of 64 MiB of zeros, deflated to ~64 KB, whose sizes say 16 bytes
    Map<String, byte[]> records = new LinkedHashMap<>();
    records.put("archive/data.pkl", tensorPickle(4, new long[] {4}, new long[] {1}));
    records.put("archive/data/0", new byte[64 << 20]);
    byte[] zip = zip(records, true);
    patchSizes(zip, "archive/data/0", 16);
    Path p = dir.resolve("bomb.pt");
    Files.write(p, zip);
    CheckpointException e = refused(p);
    assertTrue(
        e.getMessage().contains("does not hold the 16 bytes it declares")
            || e.getMessage().contains("corrupt checkpoint"),
        e.getMessage());
    // a storage whose declared size is not what its tensor's pickle says: refused unread
    records.put("archive/data/0", new byte[16]);
    zip = zip(records, true);
    patchSizes(zip, "archive/data/0", 1L << 30);
    Files.write(p, zip);
    e = refused(p);
    assertTrue(e.getMessage().contains("has 1073741824 bytes, not 4 elements"), e.getMessage());
    // a pickle record whose declared size deflate could not reach from its compressed size
    records.put("archive/data/0", new byte[16]);
    zip = zip(records, true);
    patchSizes(zip, "archive/data.pkl", 1L << 30);
    Files.write(p, zip);
    e = refused(p);
    assertTrue(e.getMessage().contains("declares 1073741824 bytes"), e.getMessage());
  }

  /** Sets the uncompressed size of {@code name} in its local header and central directory. */
  static void patchSizes(byte[] zip, String name, long size) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int patched = 0;
    for (int i = 0; i + 46 < zip.length; i++) {
      int sig = b.getInt(i);
      if (sig == 0x04034b50 && matches(zip, i + 30, n) && b.getShort(i + 26) == n.length) {
        b.putInt(i + 22, (int) size); // local header: uncompressed size
        patched++;
      } else if (sig == 0x02014b50 && matches(zip, i + 46, n) && b.getShort(i + 28) == n.length) {
        b.putInt(i + 24, (int) size); // central directory: uncompressed size
        patched++;
      } else if (sig == 0x08074b50 && patched == 1) {
        b.putInt(i + 12, (int) size); // the data descriptor after a deflated entry
      }
    }
    assertEquals(2, patched, "patched headers of " + name);
  }

  private static boolean matches(byte[] zip, int at, byte[] name) {
    if (at + name.length > zip.length) {
      return false;
    }
    for (int k = 0; k < name.length; k++) {
      if (zip[at + k] != name[k]) {
        return false;
      }
    }
    return true;
  }
}
