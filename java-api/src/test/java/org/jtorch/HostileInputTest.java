package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jtorch.export.AotiModel;
import org.jtorch.linalg.Linalg;
import org.jtorch.nn.functional.F;
import org.jtorch.ops.Ops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs on which LibTorch's kernels (or jtorch's own checks) once crashed or hung the process,
 * in Python too: each must now give a clear Java exception or the right answer. They run in a JVM
 * of their own, so that a regression fails these tests instead of ending the test run; the child
 * prints one line per case, and a case whose line is missing is where the child died.
 */
class HostileInputTest {
  static final String[] CASES = {
    "setNumThreads",
    "openblasPastItsMaximum",
    "fromBufferOverflow",
    "fromBufferReadOnly",
    "asByteBufferResize",
    "divTruncOverflow",
    "ctcLabels",
    "matrixPowerMin",
    "choleskyNan",
    "metaData",
    "aotiZipSlip",
  };

  /** Runs every case; prints "CASE name: result" (or the exception) for each. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path tmp = Files.createTempDirectory("jtorch-hostile");
      for (String c : CASES) {
        System.out.println("START " + c);
        System.out.flush();
        String result;
        try (Scope s = Scope.open()) {
          result = run(c, tmp);
        } catch (Throwable t) {
          result = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        System.out.println("CASE " + c + ": " + result.replace('\n', ' '));
        System.out.flush();
      }
    }

    static String thrown(Runnable r) {
      try {
        r.run();
        return "no exception";
      } catch (Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }

    static String run(String c, Path tmp) throws Exception {
      switch (c) {
        case "setNumThreads":
          return thrown(() -> Torch.setNumThreads(Integer.MAX_VALUE))
              + " | "
              + thrown(() -> Torch.setNumThreads(Torch.MAX_NUM_THREADS + 1))
              + " | "
              + thrown(() -> Torch.setNumInteropThreads(Integer.MAX_VALUE));
        case "openblasPastItsMaximum":
          {
            // more threads than OpenBLAS was built for (64): its count is clamped, products run
            Torch.setNumThreads(200);
            Tensor a = Torch.ones(512, 512);
            double v = a.matmul(a).sum().doubleValue();
            Torch.setNumThreads(2);
            return "sum " + (long) v;
          }
        case "fromBufferOverflow":
          return thrown(
              () ->
                  Torch.fromBuffer(
                      ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()),
                      DType.FLOAT32,
                      (1L << 62) + 1));
        case "fromBufferReadOnly":
          {
            Path f = tmp.resolve("ro.bin");
            Files.write(f, new byte[16]);
            try (FileChannel ch = FileChannel.open(f)) {
              MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, 16);
              map.order(ByteOrder.nativeOrder());
              Tensor t = Torch.fromBuffer(map, DType.FLOAT32, 4);
              t.add_(1.0);
              ByteBuffer ro = ByteBuffer.allocateDirect(8).asReadOnlyBuffer();
              Tensor u = Torch.fromBuffer(ro, DType.INT8, 8);
              u.add_(1L);
              return "tensor " + t.sum().doubleValue() + ", file " + map.getFloat(0)
                  + ", buffer " + ro.get(0);
            }
          }
        case "asByteBufferResize":
          {
            Tensor t = Torch.arange(0.0, 4.0, 1.0);
            ByteBuffer b = t.asByteBuffer();
            String grow = thrown(() -> Ops.call("aten::resize_", t, new long[] {1 << 20}, null));
            t.close();
            System.gc();
            return grow + " | buffer " + b.order(ByteOrder.nativeOrder()).getFloat(12);
          }
        case "divTruncOverflow":
          {
            Tensor min64 = Torch.tensor(new long[] {Long.MIN_VALUE, 7});
            Tensor min32 = min64.to(DType.INT32).fill_(Integer.MIN_VALUE);
            Tensor minus = Torch.tensor(new long[] {-1, -1});
            Tensor min16 = Torch.tensor(new long[] {Short.MIN_VALUE}).to(DType.INT16);
            return thrown(() -> min64.div(minus, "trunc"))
                + " | "
                + thrown(() -> min32.div(-1L, "trunc"))
                + " | "
                + thrown(() -> min32.div(Torch.tensor(new long[] {-1}).reshape(), "trunc"))
                + " | "
                + thrown(() -> min64.clone().div_(-1L, "trunc"))
                + " | ok "
                + Torch.tensor(new long[] {7, -9}).div(minus, "trunc").tolist()
                + " "
                + min16.div(-1L, "trunc").tolist()
                + " "
                + min64.div(minus, "floor").tolist()
                + " "
                + min64.remainder(minus).tolist();
          }
        case "ctcLabels":
          {
            Torch.manualSeed(0);
            Tensor lp = Torch.randn(10, 2, 5).logSoftmax(2);
            long[] il = {10, 10};
            long[] tl = {3, 3};
            Tensor ok = Torch.tensor(new long[][] {{1, 2, 3}, {4, 1, 99}});
            String okLoss =
                thrown(() -> F.ctcLoss(lp, ok, il, new long[] {3, 2}).doubleValue());
            return thrown(() -> F.ctcLoss(lp, Torch.tensor(new long[][] {{1, 2, 100}, {1, 2, 3}}), il, tl))
                + " | "
                + thrown(() -> F.ctcLoss(lp, Torch.tensor(new long[][] {{1, 2, 1000000000000L}, {1, 2, 3}}), il, tl))
                + " | "
                + thrown(() -> F.ctcLoss(lp, Torch.tensor(new long[] {1, 2, 3, -3, 2, 1}), il, tl))
                + " | "
                + thrown(
                    () ->
                        F.ctcLoss(
                            lp,
                            Torch.tensor(new long[] {1, 2, 3, 4, 2, 5}),
                            Torch.tensor(new long[] {10, 10}),
                            Torch.tensor(new long[] {3, 3})))
                + " | padding past a length is not read: "
                + okLoss;
          }
        case "matrixPowerMin":
          {
            Tensor p = Torch.tensor(new float[][] {{0, 1}, {1, 0}});
            return p.matrixPower(Long.MIN_VALUE).tolist() + " "
                + Linalg.matrixPower(p, Long.MIN_VALUE + 1).tolist();
          }
        case "choleskyNan":
          {
            Tensor nan = Torch.full(new long[] {2, 2}, Double.NaN);
            Tensor batch = Torch.eye(2).repeat(3, 1, 1);
            batch.select(0, 1).select(0, 1).fill_(Double.NaN);
            return thrown(() -> Linalg.cholesky(nan)) + " | " + thrown(() -> batch.cholesky())
                + " | ok " + Torch.eye(2).mul(4.0).cholesky().tolist();
          }
        case "metaData":
          {
            Tensor m = Torch.empty(new long[] {2, 3}, TensorOptions.device(Device.META));
            return thrown(m::toFloatArray) + " | " + m;
          }
        case "aotiZipSlip":
          {
            Path evil = tmp.resolve("evil.pt2");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
              z.putNextEntry(new ZipEntry("model/data/ok.txt"));
              z.write(1);
              z.putNextEntry(new ZipEntry("model/../../escaped.txt"));
              z.write(2);
            }
            Path notZip = Files.write(tmp.resolve("junk.pt2"), new byte[] {1, 2, 3});
            return thrown(() -> AotiModel.load(evil))
                + " | "
                + thrown(() -> AotiModel.load(notZip))
                + " | escaped file exists: "
                + Files.exists(tmp.getParent().resolve("escaped.txt"));
          }
        default:
          throw new IllegalArgumentException(c);
      }
    }
  }

  static final Map<String, String> RESULTS = new LinkedHashMap<>();
  static String log;

  @BeforeAll
  static void runTheChild() throws Exception {
    ChildJvm r = ChildJvm.run(Child.class, List.of(), List.of());
    log = r.toString();
    for (String line : r.stdout.split("\n")) {
      if (line.startsWith("CASE ")) {
        int colon = line.indexOf(": ");
        RESULTS.put(line.substring(5, colon), line.substring(colon + 2));
      }
    }
  }

  static String result(String c) {
    String r = RESULTS.get(c);
    assertTrue(r != null, "the child JVM died in case " + c + ":\n" + log);
    return r;
  }

  static String[] cases() {
    return CASES;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theCaseEndsWithoutCrashing(String c) {
    result(c);
  }

  @Test
  void absurdThreadCountsAreRefused() {
    String r = result("setNumThreads");
    assertEquals(3, r.split("IllegalArgumentException").length - 1, r);
    assertTrue(r.contains("more than jtorch allows"), r);
    assertEquals("sum 134217728", result("openblasPastItsMaximum"));
  }

  @Test
  void buffersAreCheckedAndReadOnlyMemoryIsCopied() {
    String r = result("fromBufferOverflow");
    assertTrue(r.startsWith("IllegalArgumentException") && r.contains("more bytes than a long"), r);
    // the tensor got a copy: its values changed, the mapped file and the buffer did not
    assertEquals("tensor 4.0, file 0.0, buffer 0", result("fromBufferReadOnly"));
  }

  @Test
  void anExportedStorageCannotBeMovedUnderItsBuffer() {
    String r = result("asByteBufferResize");
    assertTrue(r.startsWith("TorchException") && r.contains("not resizable"), r);
    assertTrue(r.endsWith("| buffer 3.0"), r);
  }

  @Test
  void truncDivisionOfTheMinimumByMinusOneIsRefused() {
    String r = result("divTruncOverflow");
    String[] parts = r.split(" \\| ");
    for (int i = 0; i < 4; i++) {
      assertTrue(parts[i].startsWith("ArithmeticException: integer overflow"), r);
    }
    assertTrue(parts[0].contains("does not fit torch.int64"), r);
    assertTrue(parts[1].contains("does not fit torch.int32"), r);
    // Python: torch.div(torch.tensor([7, -9]), -1, rounding_mode='trunc') -> [-7, 9]; int16
    // keeps -32768; floor division and remainder handle the minimum themselves
    assertEquals(
        "ok [-7, 9] [-32768] [-9223372036854775808, -7] [0, 0]", parts[4], r);
  }

  @Test
  void ctcLabelsOutsideTheClassesAreRefused() {
    String r = result("ctcLabels");
    String[] parts = r.split(" \\| ");
    assertTrue(parts[0].contains("target label 100 of sequence 0 (position 2) is outside [0, 5)"), r);
    assertTrue(parts[1].contains("target label 1000000000000"), r);
    assertTrue(parts[2].contains("target label -3 of sequence 1 (position 0)"), r);
    assertTrue(parts[3].contains("target label 5 of sequence 1 (position 2)"), r);
    assertFalse(parts[4].contains("Exception"), r);
  }

  @Test
  void matrixPowerOfTheMinimumIsComputed() {
    // P = [[0, 1], [1, 0]]: an even power is the identity, an odd one P itself
    assertEquals("[[1.0, 0.0], [0.0, 1.0]] [[0.0, 1.0], [1.0, 0.0]]", result("matrixPowerMin"));
  }

  @Test
  void choleskyOfNanFailsAsInPyTorch() {
    String r = result("choleskyNan");
    String[] parts = r.split(" \\| ");
    assertEquals(
        "TorchException: linalg.cholesky: The factorization could not be completed because the"
            + " input is not positive-definite (the leading minor of order 1 is not"
            + " positive-definite).",
        parts[0]);
    assertEquals(
        "TorchException: linalg.cholesky: (Batch element 1): The factorization could not be"
            + " completed because the input is not positive-definite (the leading minor of order"
            + " 2 is not positive-definite).",
        parts[1]);
    assertEquals("ok [[2.0, 0.0], [0.0, 2.0]]", parts[2]);
  }

  @Test
  void metaTensorsHaveNoDataToRead() {
    String r = result("metaData");
    assertTrue(r.startsWith("IllegalStateException: a tensor on the meta device has no data"), r);
  }

  @Test
  void archiveEntriesMustStayInTheirFolder() throws IOException {
    String r = result("aotiZipSlip");
    String[] parts = r.split(" \\| ");
    assertTrue(parts[0].startsWith("TorchException") && parts[0].contains("'model/../../escaped.txt'"), r);
    assertTrue(parts[1].startsWith("TorchException") && parts[1].contains("not a ZIP archive"), r);
    assertEquals("escaped file exists: false", parts[2]);
  }
}
