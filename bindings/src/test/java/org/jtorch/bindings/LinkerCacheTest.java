package org.jtorch.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "reads glibc's /etc/ld.so.cache")
class LinkerCacheTest {
  private static final int X86_64 = 0x0303;
  private static final int I386 = 0x0003;

  /** A cache in glibc's new format with the given (flags, soname, path) entries. */
  private static byte[] cache(Object[]... entries) {
    ByteArrayOutputStream strings = new ByteArrayOutputStream();
    int header = 48;
    int table = header + 24 * entries.length;
    ByteBuffer buf = ByteBuffer.allocate(table).order(ByteOrder.nativeOrder());
    buf.put("glibc-ld.so.cache1.1".getBytes(StandardCharsets.US_ASCII));
    buf.putInt(entries.length);
    buf.putInt(0); // length of the string table: not needed by the reader
    buf.position(header);
    for (Object[] e : entries) {
      int key = table + strings.size();
      strings.writeBytes(((String) e[1] + "\0").getBytes(StandardCharsets.UTF_8));
      int value = table + strings.size();
      strings.writeBytes(((String) e[2] + "\0").getBytes(StandardCharsets.UTF_8));
      buf.putInt((Integer) e[0]).putInt(key).putInt(value).putInt(0).putLong(0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(buf.array());
    out.writeBytes(strings.toByteArray());
    return out.toByteArray();
  }

  @Test
  void readsTheX8664EntriesOfTheNewFormat() {
    Map<String, Path> m =
        LinkerCache.parse(
            cache(
                new Object[] {X86_64, "libcudart.so.13", "/usr/local/cuda/lib/libcudart.so.13"},
                new Object[] {I386, "libz.so.1", "/usr/lib/i386-linux-gnu/libz.so.1"},
                new Object[] {X86_64, "libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1"},
                new Object[] {X86_64, "libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"}));
    assertEquals(
        Map.of(
            "libcudart.so.13", Path.of("/usr/local/cuda/lib/libcudart.so.13"),
            "libz.so.1", Path.of("/lib/x86_64-linux-gnu/libz.so.1")),
        m);
  }

  @Test
  void readsTheNewFormatAfterAnOldFormatPrefix() {
    byte[] tail = cache(new Object[] {X86_64, "libnccl.so.2", "/opt/nccl/libnccl.so.2"});
    byte[] data = new byte[64 + tail.length];
    byte[] old = "ld.so-1.7.0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(old, 0, data, 0, old.length);
    System.arraycopy(tail, 0, data, 64, tail.length);
    assertEquals(Map.of("libnccl.so.2", Path.of("/opt/nccl/libnccl.so.2")), LinkerCache.parse(data));
  }

  @Test
  void garbageReadsAsEmpty(@TempDir Path tmp) throws Exception {
    assertEquals(Map.of(), LinkerCache.parse(new byte[0]));
    assertEquals(Map.of(), LinkerCache.parse("not a cache".getBytes(StandardCharsets.US_ASCII)));
    byte[] truncated = cache(new Object[] {X86_64, "liba.so.1", "/a/liba.so.1"});
    assertEquals(Map.of(), LinkerCache.parse(java.util.Arrays.copyOf(truncated, 60)));
    assertEquals(Map.of(), LinkerCache.read(tmp.resolve("absent")));
  }

  @Test
  void readsThisMachinesCache() {
    assumeTrue(Files.isRegularFile(LinkerCache.DEFAULT), "no /etc/ld.so.cache");
    assumeTrue("amd64".equals(System.getProperty("os.arch")), "not x86-64");
    Map<String, Path> m = LinkerCache.read(LinkerCache.DEFAULT);
    assertTrue(m.containsKey("libc.so.6"), m.keySet().toString());
    assertTrue(m.get("libc.so.6").toString().endsWith("libc.so.6"));
  }
}
