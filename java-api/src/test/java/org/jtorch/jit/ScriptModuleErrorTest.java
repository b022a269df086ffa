package org.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jtorch.DType;
import org.jtorch.Golden;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.TensorOptions;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad files and bad inputs: a {@link TorchException} with PyTorch's (or the model's) own message,
 * never a crash.
 */
class ScriptModuleErrorTest {
  private static final JsonNode E = ModelFixtures.expected();

  private static TorchException torchError(Executable e, String... fragments) {
    TorchException ex = assertThrows(TorchException.class, e);
    for (String f : fragments) {
      assertTrue(ex.getMessage().contains(f), "message should contain '" + f + "' but was: " + ex.getMessage());
    }
    assertFalse(ex.getMessage().contains("frame #"), "C++ backtrace leaked into the message");
    return ex;
  }

  @Test
  void filesThatAreNotModels(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("notes.pt");
    Files.writeString(text, "this is not a model\n");
    torchError(() -> ScriptModule.load(text), "PytorchStreamReader failed reading zip archive", "not a ZIP archive");

    Path empty = dir.resolve("empty.pt");
    Files.write(empty, new byte[0]);
    assertThrows(TorchException.class, () -> ScriptModule.load(empty));

    Path random = dir.resolve("random.pt");
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    Files.write(random, noise);
    assertThrows(TorchException.class, () -> ScriptModule.load(random));

    // a checkpoint written by torch.save is a zip too, but no TorchScript archive
    torchError(() -> ScriptModule.load(ModelFixtures.model("state_dict.pt")), E.get("state_dict").asText().substring(0, 60));

    // the same through a stream
    torchError(
        () -> ScriptModule.load(new ByteArrayInputStream("nope".getBytes(StandardCharsets.UTF_8))),
        "not a ZIP archive");
  }

  @Test
  void missingFilesAndFoldersAreIllegalArguments(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(dir.resolve("absent.pt")));
    assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(dir));
    assertThrows(NullPointerException.class, () -> ScriptModule.load((Path) null));
  }

  @Test
  void newerFormatSaysSo() {
    // "Attempted to read a PyTorch file with version 99, but the maximum supported version for
    // reading is 10. ..." exactly as Python's torch.jit.load says it
    String python = E.get("newer_version").asText();
    String expected = python.substring(python.indexOf("Attempted to read"));
    torchError(() -> ScriptModule.load(ModelFixtures.model("newer_version.pt")), expected);
  }

  @Test
  void truncatedArchivesNeverCrash(@TempDir Path dir) throws Exception {
    byte[] full = Files.readAllBytes(ModelFixtures.model("cnn.pt"));
    Path cut = dir.resolve("cut.pt");
    int failures = 0;
    for (int n : new int[] {1, 22, 100, 1000, full.length / 3, full.length / 2, full.length - 200, full.length - 1}) {
      Files.write(cut, Arrays.copyOf(full, n));
      try (ScriptModule m = ScriptModule.load(cut)) {
        // the zip's central directory is at the end: without it nothing loads
        throw new AssertionError("a file cut at " + n + " of " + full.length + " bytes loaded: " + m);
      } catch (TorchException e) {
        assertFalse(e.getMessage().isEmpty());
        failures++;
      }
    }
    assertEquals(8, failures);
  }

  @Test
  void corruptedBytesNeverCrash(@TempDir Path dir) throws Exception {
    // flip bytes all over a valid archive: loading either works (weights or padding hit) or fails
    // with a TorchException; running what loads either works or fails the same way
    byte[] full = Files.readAllBytes(ModelFixtures.model("dict_model.pt"));
    Path bad = dir.resolve("bad.pt");
    Random r = new Random(7);
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < 40; i++) {
      byte[] b = full.clone();
      int at = r.nextInt(b.length);
      b[at] ^= (byte) (1 + r.nextInt(255));
      Files.write(bad, b);
      try (ScriptModule m = ScriptModule.load(bad);
          Scope scope = Scope.open()) {
        loaded++;
        try {
          m.forward(Map.of("a", Torch.ones(4, 3), "b", Torch.ones(4, 3)));
        } catch (TorchException e) {
          // fine: the model failed in its own words
        }
      } catch (TorchException e) {
        rejected++;
      }
    }
    assertEquals(40, loaded + rejected);
    assertTrue(rejected > 0);
  }

  @Test
  void wrongInputsGiveTheModelsOwnMessage() {
    try (ScriptModule cnn = ScriptModule.load(ModelFixtures.model("cnn.pt"));
        ScriptModule dict = ScriptModule.load(ModelFixtures.model("dict_model.pt"));
        ScriptModule methods = ScriptModule.load(ModelFixtures.model("methods.pt"));
        Scope scope = Scope.open()) {
      // wrong shape: the failing line of the model's code and PyTorch's error
      torchError(
          () -> cnn.forward(Torch.ones(2, 3)),
          "The following operation failed in the TorchScript interpreter",
          "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]");
      torchError(() -> cnn.forward(Torch.ones(2, 3, 28, 28)), "expected input[2, 3, 28, 28] to have 1 channels, but got 3 channels");
      // wrong dtype
      torchError(
          () -> cnn.forward(Torch.ones(new long[] {1, 1, 28, 28}, TensorOptions.dtype(DType.FLOAT64))),
          "should be the same");
      // wrong count and wrong type: TorchScript's schema check
      torchError(() -> cnn.forward(), "forward() is missing value for argument 'x'");
      torchError(() -> cnn.forward(Torch.ones(1, 1, 28, 28), Torch.ones(1)), "Expected at most 2 argument(s) for operator 'forward', but received 3 argument(s)");
      torchError(() -> cnn.forward("x"), "forward() Expected a value of type 'Tensor' for argument 'x' but instead found type 'str'");
      torchError(() -> dict.forward(Torch.ones(2)), "Expected a value of type 'Dict[str, Tensor]' for argument 'inputs' but instead found type 'Tensor'");
      torchError(() -> dict.forward(Map.of("a", 1L, "b", 2L)), "Expected a value of type 'Dict[str, Tensor]'", "found type 'Dict[str, int]'");
      torchError(() -> dict.forward(Map.of("a", Torch.ones(4, 3))), "KeyError");
      torchError(() -> methods.run("describe", "x", null, true, "t"), "Expected a value of type 'List[int]' for argument 'xs' but instead found type 'str'");
      torchError(() -> methods.run("describe", List.of(1.5), null, true, "t"), "Expected a value of type 'List[int]' for argument 'xs'", "List[float]");
      torchError(() -> methods.run("scale", Torch.ones(2), "half"), "Expected a value of type 'float' for argument 'factor'");
      torchError(() -> methods.run("scale", Torch.ones(2), 1.0, 3), "Expected at most 3 argument(s)");
      // an exception the model raises
      torchError(() -> methods.run("fail_if_negative", Torch.ones(2).neg()), E.get("methods").get("fail_if_negative").asText());
      // no such method
      torchError(() -> methods.run("nope"), "Method 'nope' is not defined.");
      torchError(() -> methods.attribute("nope"), "does not have a field with name 'nope'");
      // values with no TorchScript counterpart are Java-side misuse
      assertThrows(IllegalArgumentException.class, () -> methods.run("forward", new Object()));
      assertThrows(IllegalArgumentException.class, () -> methods.run("forward", List.of(1, "two")));
      // the module still works
      Golden.assertTensor(
          E.get("methods").get("forward"),
          methods.forward(Golden.tensor(E.get("methods").get("x"))),
          1e-5,
          "after the failures");
    }
  }

  @Test
  void closedThingsAreIllegalState() {
    ScriptModule m = ScriptModule.load(ModelFixtures.model("cnn.pt"));
    Tensor closed = Torch.ones(1, 1, 28, 28);
    closed.close();
    assertThrows(IllegalStateException.class, () -> m.forward(closed));
    assertThrows(IllegalStateException.class, () -> m.run("forward", closed));
    m.close();
    try (Tensor x = Torch.ones(1, 1, 28, 28)) {
      assertThrows(IllegalStateException.class, () -> m.forward(x));
      assertThrows(IllegalStateException.class, () -> m.run("forward", x));
    }
    assertThrows(IllegalStateException.class, m::namedParameters);
    assertThrows(IllegalStateException.class, () -> m.attribute("training"));
    assertThrows(IllegalStateException.class, m::eval);
    assertThrows(IllegalStateException.class, m::freeze);
  }
}
