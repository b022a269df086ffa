package org.jtorch.data.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads IDX files (the MNIST format), plain or gzipped. */
final class Idx {
  private Idx() {}

  /** An IDX file's unsigned-byte payload and its dimensions. */
  record Data(byte[] bytes, int[] dims) {}

  /** Opens {@code file}, ungzipping if it starts with the gzip magic number. */
  static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /**
   * Reads an IDX file of unsigned bytes with {@code expectedDims} dimensions.
   *
   * @throws IllegalArgumentException if the file is malformed (wrong magic number, wrong type or
   *     number of dimensions, truncated, or longer than its header says)
   */
  static Data read(Path file, int expectedDims) {
    try (DataInputStream in = new DataInputStream(open(file))) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        throw new IllegalArgumentException(file + ": truncated IDX file: no header", e);
      }
      int type = (magic >>> 8) & 0xff;
      int dims = magic & 0xff;
      if ((magic >>> 16) != 0 || type != 0x08 || dims != expectedDims) {
        throw new IllegalArgumentException(
            String.format(
                "%s: wrong magic number 0x%08x: expected 0x%08x (an IDX file of unsigned bytes with"
                    + " %d dimensions)",
                file, magic, 0x0800 | expectedDims, expectedDims));
      }
      int[] shape = new int[dims];
      long n = 1;
      for (int i = 0; i < dims; i++) {
        try {
          shape[i] = in.readInt();
        } catch (EOFException e) {
          throw new IllegalArgumentException(file + ": truncated IDX file: header cut short", e);
        }
        if (shape[i] < 0) {
          throw new IllegalArgumentException(file + ": negative size in the IDX header");
        }
        n *= shape[i];
      }
      if (n > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(file + ": IDX payload too large (" + n + " bytes)");
      }
      byte[] bytes = new byte[(int) n];
      int read = in.readNBytes(bytes, 0, bytes.length);
      if (read != bytes.length) {
        throw new IllegalArgumentException(
            file + ": truncated IDX file: header says " + n + " bytes of data, found " + read);
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException(
            file + ": IDX file longer than its header says (" + n + " bytes of data)");
      }
      return new Data(bytes, shape);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
