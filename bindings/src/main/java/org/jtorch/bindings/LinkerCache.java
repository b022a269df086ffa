package org.jtorch.bindings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the dynamic linker's cache ({@code /etc/ld.so.cache}, what {@code ldconfig -p} prints): the
 * sonames the system linker resolves without any search path, and the files they resolve to.
 *
 * <p>Only glibc's "new" format ({@code glibc-ld.so.cache1.1}, the only one written since glibc
 * 2.32, and the second half of older combined caches) is read, and only its x86-64 entries. A
 * cache that is absent, unreadable or in another format reads as empty: the caller then simply
 * finds fewer libraries "known to the system linker" and searches folders instead.
 */
final class LinkerCache {
  static final Path DEFAULT = Path.of("/etc/ld.so.cache");

  private static final byte[] MAGIC = "glibc-ld.so.cache1.1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_BYTES = 48;
  private static final int ENTRY_BYTES = 24;
  private static final int FLAG_TYPE_MASK = 0x00ff;
  private static final int FLAG_ELF_LIBC6 = 0x0003;
  private static final int FLAG_REQUIRED_MASK = 0xff00;
  private static final int FLAG_X8664_LIB64 = 0x0300;

  private LinkerCache() {}

  /** The x86-64 sonames in the cache file and their paths (the first entry wins); never null. */
  static Map<String, Path> read(Path cacheFile) {
    try {
      return parse(Files.readAllBytes(cacheFile));
    } catch (IOException | RuntimeException e) {
      return Collections.emptyMap();
    }
  }

  /** Parses the bytes of an {@code ld.so.cache}; empty when the format is not recognised. */
  static Map<String, Path> parse(byte[] data) {
    int start = indexOf(data, MAGIC);
    if (start < 0 || start + HEADER_BYTES > data.length) {
      return Collections.emptyMap();
    }
    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
    long count = Integer.toUnsignedLong(buf.getInt(start + MAGIC.length));
    if (count > (data.length - start - HEADER_BYTES) / ENTRY_BYTES) {
      return Collections.emptyMap();
    }
    Map<String, Path> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int at = start + HEADER_BYTES + i * ENTRY_BYTES;
      int flags = buf.getInt(at);
      if ((flags & FLAG_TYPE_MASK) != FLAG_ELF_LIBC6
          || (flags & FLAG_REQUIRED_MASK) != FLAG_X8664_LIB64) {
        continue;
      }
      String key = string(data, start, buf.getInt(at + 4));
      String value = string(data, start, buf.getInt(at + 8));
      if (key != null && value != null && !key.isEmpty() && value.startsWith("/")) {
        entries.putIfAbsent(key, Path.of(value));
      }
    }
    return entries;
  }

  /** The NUL-terminated string at {@code base + offset}, or null if it lies outside the data. */
  private static String string(byte[] data, int base, int offset) {
    long from = (long) base + Integer.toUnsignedLong(offset);
    if (from >= data.length) {
      return null;
    }
    int end = (int) from;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    return end < data.length
        ? new String(data, (int) from, end - (int) from, StandardCharsets.UTF_8)
        : null;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
