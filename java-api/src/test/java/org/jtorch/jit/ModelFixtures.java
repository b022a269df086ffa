package org.jtorch.jit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.testing.PythonSide;

/**
 * The model fixtures of the serving tests: the small TorchScript files committed under {@code
 * models/} with their expected outputs ({@code models/expected.json}), and the large ones
 * (ResNet-18, the AOTInductor package) that {@code src/test/python/generate_models.py} writes
 * into {@code target/test-models/} during the test run, when Python with torch is available.
 */
public final class ModelFixtures {
  private ModelFixtures() {}

  private static JsonNode expected;

  /** {@code models/expected.json}, written by generate_models.py with Python torch 2.13. */
  public static synchronized JsonNode expected() {
    if (expected == null) {
      try (InputStream in = ModelFixtures.class.getResourceAsStream("/models/expected.json")) {
        if (in == null) {
          throw new IllegalStateException("missing models/expected.json; run generate_models.py");
        }
        expected = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return expected;
  }

  /** The committed fixture {@code models/<name>}. */
  public static Path model(String name) {
    URL url = ModelFixtures.class.getResource("/models/" + name);
    if (url == null) {
      throw new IllegalStateException("missing fixture models/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Maven's {@code target/} folder of this module. */
  public static Path target() {
    try {
      Path classes =
          Path.of(ModelFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a raw little-endian float32 file into a tensor of {@code shape}. */
  public static Tensor floats(Path file, long[] shape) {
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      float[] f = new float[b.remaining() / 4];
      b.asFloatBuffer().get(f);
      try (Tensor flat = Torch.tensor(f)) {
        return flat.reshape(shape);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON array of longs. */
  public static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // The fixtures made at test time

  private static final Object GENERATE = new Object();

  /**
   * The folder where generate_models.py wrote the fixture of {@code step} ({@code "resnet"} or
   * {@code "aoti"}), running it now unless an earlier run of the same script left it there. Where
   * python3 with torch 2.13 (and torchvision for ResNet-18) is not available, skips the calling
   * test saying why, or fails it under CI ({@link PythonSide}).
   */
  public static Path generated(String step, String file) {
    synchronized (GENERATE) {
      Path script = target().getParent().resolve("src/test/python/generate_models.py");
      Path dir = target().resolve("test-models").resolve(step);
      Path stamp = dir.resolve(".stamp");
      String want = hash(script);
      try {
        if (Files.isRegularFile(dir.resolve(file))
            && Files.isRegularFile(stamp)
            && Files.readString(stamp).equals(want)) {
          return dir;
        }
        Files.createDirectories(dir);
        String torch = python(List.of("-c", "import torch; print(torch.__version__)"), dir, 120);
        PythonSide.require(
            torch != null && torch.startsWith("2.13"),
            "python3 with torch 2.13 (found: " + torch + ") for the " + step + " fixture");
        List<String> args = new ArrayList<>(List.of(script.toString(), "--" + step, dir.toString()));
        Path log = dir.resolve("generate.log");
        Process p =
            new ProcessBuilder(pythonCommand(args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("generate_models.py --" + step + " timed out; see " + log);
        }
        String out = Files.readString(log);
        PythonSide.require(
            !out.contains("torchvision is not installed"),
            "torchvision 0.28 (pip install 'torchvision==0.28.*') for ResNet-18");
        if (p.exitValue() != 0) {
          throw new IllegalStateException(
              "generate_models.py --" + step + " failed (exit " + p.exitValue() + "):\n" + out);
        }
        Files.writeString(stamp, want);
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<String> pythonCommand(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getProperty("jtorch.test.python", "python3"));
    cmd.addAll(args);
    return cmd;
  }

  /** The first line python prints, or null if python3 is missing or fails. */
  private static String python(List<String> args, Path dir, int seconds) {
    try {
      Process p =
          new ProcessBuilder(pythonCommand(args))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      String s = new String(out, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? null : s.lines().reduce((a, b) -> b).orElse(null);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String hash(Path file) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
