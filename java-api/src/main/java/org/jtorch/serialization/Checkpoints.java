package org.jtorch.serialization;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bytedeco.pytorch.LongOptional;
import org.jtorch.DType;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.autograd.GradMode;
import org.jtorch.internal.NativeCalls;
import org.jtorch.jit.Tuple;

/**
 * Reads and writes checkpoints in PyTorch's own file format (the zip archive of {@code
 * torch.save}: a pickle plus one record per storage), so that files move freely between Java and
 * Python.
 *
 * <ul>
 *   <li>A file written here loads in Python with {@code torch.load(path, weights_only=True)}.
 *   <li>A file written by Python's {@code torch.save} loads here if {@code weights_only=True}
 *       would load it: nested dicts ({@code OrderedDict} included), lists, tuples, ints, floats,
 *       strings, bools, None, dtypes and tensors. Anything else (pickled Python objects, whole
 *       {@code nn.Module}s) is refused with a {@link CheckpointException}, as are truncated or
 *       corrupt files and the legacy pre-1.6 format.
 * </ul>
 *
 * <p>Values map as: dict ↔ {@link Map} (a {@link LinkedHashMap}, keys in file order), list ↔
 * {@link List}, tuple ↔ {@link Tuple}, int ↔ {@link Long}, float ↔ {@link Double}, str ↔ {@link
 * String}, bool ↔ {@link Boolean}, None ↔ null, {@code torch.float32} ↔ {@link DType}, tensor ↔
 * {@link Tensor}. Loaded tensors are on the CPU (whatever device they were saved from), belong to
 * the current {@link Scope}, and tensors that shared a storage in the file share it again.
 *
 * <pre>{@code
 * Checkpoints.save(Map.of("model", model.stateDict(), "optimizer", opt.stateDict(), "epoch", 3L), path);
 * Map<String, Object> ckpt = Checkpoints.loadMap(path);
 * }</pre>
 *
 * <p>Differs from PyTorch: each saved tensor gets a storage of its own holding exactly its
 * elements (views of one storage are not stored as views); the same {@link Tensor} object saved
 * twice shares one storage.
 */
public final class Checkpoints {
  private Checkpoints() {}

  private static final String ARCHIVE = "archive";

  /**
   * Writes {@code value} (see the class comment for the types allowed) to {@code path} in
   * PyTorch's format, replacing the file atomically where the file system allows.
   *
   * @throws IllegalArgumentException if {@code value} holds a type that cannot be saved
   * @throws UncheckedIOException if writing fails
   */
  public static void save(Object value, Path path) {
    Objects.requireNonNull(path, "path");
    PickleWriter writer = new PickleWriter();
    byte[] pickle = writer.pickle(value);
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
      try (OutputStream os = Files.newOutputStream(tmp)) {
        write(os, pickle, writer.storages());
      }
      try {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + path + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  /** Writes the checkpoint to {@code out} (which stays open). */
  public static void save(Object value, OutputStream out) {
    Objects.requireNonNull(out, "out");
    PickleWriter writer = new PickleWriter();
    byte[] pickle = writer.pickle(value);
    try {
      write(new FilterOutputStream(out) {
        @Override
        public void close() throws IOException {
          flush();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }
      }, pickle, writer.storages());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts the bytes written, so that records can be aligned like PyTorch's (64 bytes). */
  private static final class Counting extends FilterOutputStream {
    long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  private static void write(OutputStream os, byte[] pickle, List<PickleWriter.Storage> storages)
      throws IOException {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new UnsupportedOperationException("saving checkpoints needs a little-endian machine");
    }
    Counting counting = new Counting(new BufferedOutputStream(os, 1 << 16));
    try (ZipOutputStream zip = new ZipOutputStream(counting)) {
      record(zip, counting, ARCHIVE + "/data.pkl", pickle);
      record(zip, counting, ARCHIVE + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
      try (Scope scope = Scope.open();
          GradMode g = Torch.noGrad()) {
        for (PickleWriter.Storage s : storages) {
          Tensor t = s.data().detach().cpu().contiguous();
          ByteBuffer buf = t.asByteBuffer();
          byte[] bytes = new byte[buf.remaining()];
          buf.get(bytes);
          record(zip, counting, ARCHIVE + "/data/" + s.key(), bytes);
        }
      }
      record(zip, counting, ARCHIVE + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
      record(zip, counting, ARCHIVE + "/.data/serialization_id", "0".repeat(40).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** An uncompressed record whose data starts at a multiple of 64 bytes, as PyTorch writes. */
  private static void record(ZipOutputStream zip, Counting counting, String name, byte[] data)
      throws IOException {
    zip.flush();
    long headerStart = counting.count;
    int nameLen = name.getBytes(StandardCharsets.UTF_8).length;
    long dataStart = headerStart + 30 + nameLen + 4;
    int pad = (int) ((64 - dataStart % 64) % 64);
    byte[] extra = new byte[4 + pad];
    extra[0] = 'F';
    extra[1] = 'B';
    extra[2] = (byte) pad;
    extra[3] = 0;
    for (int i = 4; i < extra.length; i++) {
      extra[i] = 'Z';
    }
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    e.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    e.setExtra(extra);
    e.setTime(315532800000L + 86400000L); // a fixed DOS time: same bytes for the same content
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  /**
   * Reads the checkpoint at {@code path}: the object Python's {@code torch.load(path,
   * weights_only=True)} returns, as Java values (see the class comment).
   *
   * @throws CheckpointException if the file is not a PyTorch checkpoint, is truncated or corrupt,
   *     or holds anything {@code weights_only} refuses
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Object load(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("no checkpoint file " + path));
    }
    try (ZipFile zip = new ZipFile(path.toFile())) {
      return load(zip, path.toString());
    } catch (ZipException e) {
      throw notZip(path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@link #load(Path)} for a checkpoint whose top level is a dict (a state dict, or a training
   * checkpoint).
   *
   * @throws CheckpointException if it is not a dict with string keys
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> loadMap(Path path) {
    Object root = load(path);
    if (!(root instanceof Map)) {
      closeAll(root);
      throw new CheckpointException("the checkpoint " + path + " holds a " + describe(root) + ", not a dict");
    }
    for (Object k : ((Map<?, ?>) root).keySet()) {
      if (!(k instanceof String)) {
        closeAll(root);
        throw new CheckpointException("the checkpoint " + path + " has a non-string key " + k);
      }
    }
    return (Map<String, Object>) root;
  }

  /**
   * Reads a state dict ({@code name → tensor}), such as Python's {@code
   * torch.save(model.state_dict(), path)} writes.
   *
   * @throws CheckpointException if the file is not one, or holds a value that is not a tensor
   */
  public static Map<String, Tensor> loadStateDict(Path path) {
    Map<String, Object> m = loadMap(path);
    LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!(e.getValue() instanceof Tensor)) {
        closeAll(m);
        throw new CheckpointException(
            "the checkpoint " + path + " is not a state dict: '" + e.getKey() + "' holds a "
                + describe(e.getValue()));
      }
      out.put(e.getKey(), (Tensor) e.getValue());
    }
    return out;
  }

  private static String describe(Object o) {
    return o == null ? "None" : o.getClass().getSimpleName();
  }

  private static CheckpointException notZip(Path path, Exception cause) {
    String kind = "not a PyTorch checkpoint (not a zip archive)";
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(2);
      if (head.length == 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2) {
        kind = "in PyTorch's legacy (pre-1.6) format, which jtorch does not read: re-save it with"
            + " torch.save in a recent PyTorch";
      } else if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
        kind = "a truncated or corrupt zip archive";
      }
    } catch (IOException ignored) {
      // keep the generic message
    }
    return new CheckpointException("the file " + path + " is " + kind, cause);
  }

  private static Object load(ZipFile zip, String where) throws IOException {
    String prefix = null;
    Map<String, ZipEntry> entries = new HashMap<>();
    Enumeration<? extends ZipEntry> en = zip.entries();
    while (en.hasMoreElements()) {
      ZipEntry e = en.nextElement();
      entries.put(e.getName(), e);
      if (e.getName().endsWith("/data.pkl") && e.getName().indexOf('/') == e.getName().length() - "/data.pkl".length()) {
        prefix = e.getName().substring(0, e.getName().length() - "data.pkl".length());
      }
    }
    if (prefix == null) {
      if (entries.keySet().stream().anyMatch(n -> n.endsWith("constants.pkl") || n.contains("/code/"))) {
        throw new CheckpointException(
            where + " is a TorchScript archive, not a torch.save checkpoint: load it with ScriptModule.load");
      }
      throw new CheckpointException(where + " is a zip archive without data.pkl: not a torch.save checkpoint");
    }
    ZipEntry order = entries.get(prefix + "byteorder");
    if (order != null) {
      String bo = new String(read(zip, order, where), StandardCharsets.US_ASCII).trim();
      if (!bo.equals("little")) {
        throw new CheckpointException(where + " was written on a " + bo + "-endian machine: not supported");
      }
    }
    byte[] pickle = read(zip, entries.get(prefix + "data.pkl"), where);
    final String dataPrefix = prefix + "data/";
    List<Tensor> made = new ArrayList<>();
    Map<String, Tensor> storages = new HashMap<>();
    boolean ok = false;
    try (Scope scope = Scope.open()) {
      PickleReader.TensorFactory factory =
          new PickleReader.TensorFactory() {
            @Override
            public Object storage(List<?> pid) {
              if (pid.size() != 5 || !"storage".equals(pid.get(0))
                  || !(pid.get(1) instanceof PickleReader.StorageType)
                  || !(pid.get(2) instanceof String) || !(pid.get(4) instanceof Long)) {
                throw new CheckpointException("corrupt checkpoint " + where + ": bad storage id (a tuple of "
                    + pid.size() + " values, not ('storage', type, key, location, numel))");
              }
              DType dtype = ((PickleReader.StorageType) pid.get(1)).dtype();
              String key = (String) pid.get(2);
              long numel = (Long) pid.get(4);
              Tensor s = storages.get(key);
              if (s == null) {
                ZipEntry e = entries.get(dataPrefix + key);
                if (e == null) {
                  throw new CheckpointException(
                      "corrupt checkpoint " + where + ": storage record data/" + key + " is missing");
                }
                long want;
                try {
                  want = numel < 0 ? -1 : Math.multiplyExact(numel, (long) dtype.itemSize());
                } catch (ArithmeticException overflow) {
                  want = -1;
                }
                if (want < 0 || e.getSize() != want) {
                  throw new CheckpointException(
                      "corrupt checkpoint " + where + ": storage data/" + key + " has "
                          + e.getSize() + " bytes, not " + numel + " elements of " + dtype);
                }
                byte[] bytes = readStorage(zip, e, where);
                if (numel * dtype.itemSize() != bytes.length) {
                  throw new CheckpointException(
                      "corrupt checkpoint " + where + ": storage data/" + key + " has " + bytes.length
                          + " bytes, not " + numel + " elements of " + dtype);
                }
                s = Torch.fromBytes(bytes, dtype, numel);
                storages.put(key, s);
              } else if (s.numel() != numel || s.dtype() != dtype) {
                throw new CheckpointException(
                    "corrupt checkpoint " + where + ": storage " + key + " is used with two types");
              }
              return s;
            }

            @Override
            public Object tensor(Object storage, long offset, long[] size, long[] stride, boolean requiresGrad) {
              if (!(storage instanceof Tensor)) {
                throw new CheckpointException("corrupt checkpoint " + where + ": a tensor without storage");
              }
              Tensor s = (Tensor) storage;
              if (size.length != stride.length || offset < 0) {
                throw new CheckpointException("corrupt checkpoint " + where + ": bad tensor geometry");
              }
              long last = offset;
              boolean empty = false;
              for (int i = 0; i < size.length; i++) {
                if (size[i] < 0 || stride[i] < 0) {
                  throw new CheckpointException("corrupt checkpoint " + where + ": bad tensor geometry");
                }
                if (size[i] == 0) {
                  empty = true;
                }
              }
              for (int i = 0; i < size.length && !empty; i++) {
                try {
                  last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
                } catch (ArithmeticException overflow) {
                  throw new CheckpointException(
                      "corrupt checkpoint " + where + ": a tensor of size "
                          + java.util.Arrays.toString(size) + " and stride "
                          + java.util.Arrays.toString(stride) + " overflows a 64-bit offset");
                }
              }
              if (!empty && last >= s.numel()) {
                throw new CheckpointException(
                    "corrupt checkpoint " + where + ": a tensor of size " + java.util.Arrays.toString(size)
                        + " runs past the end of its storage (" + s.numel() + " elements)");
              }
              org.bytedeco.pytorch.Tensor h = NativeCalls.h(s, "storage");
              Tensor t;
              try (LongOptional off = new LongOptional(offset)) {
                t = NativeCalls.tensor(() -> h.as_strided(size, stride, off));
              }
              if (requiresGrad && (t.dtype().isFloatingPoint() || t.dtype().isComplex())) {
                t.requiresGrad_(true);
              }
              made.add(t);
              return t;
            }
          };
      Object root;
      try {
        root = new PickleReader(pickle, factory).load();
      } catch (java.nio.BufferUnderflowException | ClassCastException | IndexOutOfBoundsException e) {
        throw new CheckpointException("corrupt checkpoint pickle in " + where + ": " + e, e);
      }
      Structure.check(root, Structure.MAX_VALUES, "the checkpoint " + where);
      for (Tensor t : made) {
        scope.keep(t);
      }
      ok = true;
      return root;
    } finally {
      if (!ok) {
        made.forEach(Tensor::close);
      }
    }
  }

  /**
   * A record's bytes, never more than its entry declares: a compressed record that inflates past
   * its declared size (a "zip bomb" that lies about its size) is corrupt, and so is a declared size
   * that deflate could not reach from the compressed one (at most ~1,032 to 1).
   */
  private static byte[] read(ZipFile zip, ZipEntry e, String where) throws IOException {
    long size = e.getSize();
    long compressed = e.getCompressedSize();
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      throw new CheckpointException(where + ": record " + e.getName() + " declares "
          + (size < 0 ? "no size" : size + " bytes, too large for one record"));
    }
    if (compressed >= 0 && size > 1100 * Math.max(compressed, 1) + 1024) {
      throw new CheckpointException("corrupt checkpoint " + where + ": record " + e.getName()
          + " declares " + size + " bytes from " + compressed + " compressed ones");
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] data = in.readNBytes((int) size);
      if (data.length != size || in.read() != -1) {
        throw new CheckpointException("corrupt checkpoint " + where + ": record " + e.getName()
            + " does not hold the " + size + " bytes it declares");
      }
      return data;
    } catch (ZipException ex) {
      throw new CheckpointException("corrupt checkpoint " + where + ": record " + e.getName() + ": " + ex.getMessage(), ex);
    }
  }

  private static byte[] readStorage(ZipFile zip, ZipEntry e, String where) {
    try {
      return read(zip, e, where);
    } catch (IOException ex) {
      throw new CheckpointException("cannot read storage " + e.getName() + " of " + where + ": " + ex.getMessage(), ex);
    }
  }

  /**
   * Closes every tensor inside {@code value} (maps, lists and tuples are searched), each once:
   * a container shared many times, or holding itself, is walked once.
   */
  public static void closeAll(Object value) {
    Structure.forEachTensor(value, Tensor::close);
  }
}
