package org.jtorch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jtorch.bindings.LibTorchWarnings;
import org.jtorch.internal.Natives;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * LibTorch's warnings reach the {@code org.jtorch} logger with PyTorch's text, once per place by
 * default, and nothing reaches standard error.
 */
@Tag("jtorch-native") // needs jtorch's operator library (the no-native run leaves it out)
class LibTorchWarningsTest {
  /** PyTorch 2.13's text for {@code torch.ones(1).std()} (Python prints the same). */
  static final String STD_MESSAGE =
      "std(): degrees of freedom is <= 0. Correction should be strictly less than the reduction"
          + " factor (input numel divided by output numel).";

  static final Pattern STD_TEXT =
      Pattern.compile(
          Pattern.quote(STD_MESSAGE)
              + " \\(Triggered internally at \\S*aten/src/ATen/native/ReduceOps\\.cpp:\\d+\\.\\)");

  private final Logger logger = Logger.getLogger("org.jtorch");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private boolean parentHandlers;
  private PrintStream err;
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  @BeforeEach
  void captureLogAndStderr() {
    Natives.ensureLoaded();
    parentHandlers = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
    err = System.err;
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    Torch.setWarningMode(WarningMode.DEFAULT);
  }

  @AfterEach
  void restore() {
    Torch.setWarningMode(WarningMode.DEFAULT);
    System.setErr(err);
    logger.removeHandler(capture);
    logger.setUseParentHandlers(parentHandlers);
  }

  private static void std100() {
    for (int i = 0; i < 100; i++) {
      try (Scope s = Scope.open()) {
        assertTrue(Double.isNaN(Torch.ones(1).std().doubleValue()));
      }
    }
  }

  private List<String> stdRecords() {
    return records.stream()
        .filter(r -> r.getMessage().startsWith("std(): "))
        .map(
            r -> {
              assertEquals(java.util.logging.Level.WARNING, r.getLevel());
              assertEquals("org.jtorch", r.getLoggerName());
              assertTrue(STD_TEXT.matcher(r.getMessage()).matches(), r.getMessage());
              return r.getMessage();
            })
        .toList();
  }

  @Test
  void defaultModeLogsOncePerPlaceWithPyTorchsText() {
    assertTrue(LibTorchWarnings.installed());
    assertEquals(WarningMode.DEFAULT, Torch.getWarningMode());
    std100();
    assertEquals(1, stdRecords().size(), records::toString);
    assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    // changing the mode forgets what was logged, as Python's filters do
    Torch.setWarningMode(WarningMode.DEFAULT);
    std100();
    assertEquals(2, stdRecords().size());
  }

  @Test
  void alwaysModeLogsEveryWarning() {
    Torch.setWarningMode(WarningMode.ALWAYS);
    assertEquals(WarningMode.ALWAYS, Torch.getWarningMode());
    std100();
    assertEquals(100, stdRecords().size());
    assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void ignoreModeDropsWarnings() {
    Torch.setWarningMode(WarningMode.IGNORE);
    std100();
    assertEquals(0, stdRecords().size());
    assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void errorModeThrowsTorchExceptionFromTheOperation() {
    Torch.setWarningMode(WarningMode.ERROR);
    try (Scope s = Scope.open()) {
      Tensor one = Torch.ones(1);
      TorchException e = assertThrows(TorchException.class, one::std);
      assertTrue(STD_TEXT.matcher(e.getMessage()).matches(), e.getMessage());
      // the thread and the library stay usable
      assertEquals(2.0, one.add(one).doubleValue());
    }
    Torch.setWarningMode(WarningMode.DEFAULT);
    try (Scope s = Scope.open()) {
      assertTrue(Double.isNaN(Torch.ones(1).std().doubleValue()));
    }
    assertEquals(1, stdRecords().size());
  }

  @Test
  void warningsOnOtherJavaThreadsAreRouted() throws Exception {
    Thread t = new Thread(LibTorchWarningsTest::std100, "second-java-thread");
    t.start();
    t.join();
    assertEquals(1, stdRecords().size());
    // and the first occurrence on this thread is the same place: not logged again
    std100();
    assertEquals(1, stdRecords().size());
  }

  @Test
  void warningsOnNativeThreadsTheJvmNeverSawAreRouted() throws Exception {
    assertTrue(LibTorchWarnings.raiseOnNewNativeThread("jtorch test warning {0} \u00e9"));
    assertTrue(LibTorchWarnings.raiseOnNewNativeThread("jtorch test warning {0} \u00e9"));
    List<LogRecord> mine =
        records.stream().filter(r -> r.getMessage().startsWith("jtorch test warning")).toList();
    assertEquals(1, mine.size(), records::toString);
    assertTrue(
        mine.get(0).getMessage().startsWith("jtorch test warning {0} \u00e9 (Triggered internally at "),
        mine.get(0).getMessage());
    // in error mode the native thread's warning throws there (and is caught there)
    Torch.setWarningMode(WarningMode.ERROR);
    assertFalse(LibTorchWarnings.raiseOnNewNativeThread("jtorch test error"));
  }

  @Test
  void aFailingLogHandlerDoesNotFailTheOperation() {
    Handler failing =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            throw new IllegalStateException("log handler failed");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(failing);
    try {
      Torch.setWarningMode(WarningMode.ALWAYS);
      std100();
    } finally {
      logger.removeHandler(failing);
    }
  }

  @Test
  void badModesAreRefused() {
    assertThrows(NullPointerException.class, () -> Torch.setWarningMode(null));
    assertThrows(IllegalArgumentException.class, () -> LibTorchWarnings.setMode(4));
    assertThrows(IllegalArgumentException.class, () -> LibTorchWarnings.setMode(-1));
  }

  @Test
  void nothingReachesTheProcesssStandardError() throws Exception {
    // LibTorch writes with std::cerr, past System.err: only a JVM of its own shows fd 2
    ChildJvm child = ChildJvm.run(WarningsChild.class, List.of(), List.of());
    assertEquals(0, child.exitCode, child::toString);
    assertEquals("records=1", child.stdout.strip(), child::toString);
    assertEquals("", child.stderr.strip(), child::toString);
  }

  /** Child JVM: std() of one element 100 times, logging into a counter; prints the count. */
  static final class WarningsChild {
    static final Logger LOG = Logger.getLogger("org.jtorch"); // held: JUL loggers are weak

    public static void main(String[] args) {
      java.util.logging.LogManager.getLogManager().reset(); // no console handler on stderr
      List<LogRecord> seen = new CopyOnWriteArrayList<>();
      LOG.addHandler(
          new Handler() {
            @Override
            public void publish(LogRecord r) {
              seen.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          });
      std100();
      System.out.println("records=" + seen.size());
    }
  }
}
