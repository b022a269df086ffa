package org.jtorch.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image service with a small scripted CNN that Python writes (ResNet-18 is 45 MB and slow on
 * two cores): the same picture through Python's preprocessing and model gives the same top-5, the
 * HTTP endpoint answers it as JSON, and bad input gets a 400 with a message. Skips where python3
 * with torch is missing.
 */
class ImageServiceTest {
  /** Writes a small classifier for [N, 3, H, W] images and prints Python's top-5 for the picture. */
  private static final String PYTHON =
      String.join("\n",
          "import sys, torch, torch.nn as nn, torch.nn.functional as F",
          "model_path, raw_path, h, w = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])",
          "torch.manual_seed(0)",
          "m = nn.Sequential(nn.Conv2d(3, 6, 5, stride=4), nn.ReLU(), nn.AdaptiveAvgPool2d(2),",
          "                  nn.Flatten(), nn.Linear(24, 7)).eval()",
          "with torch.no_grad():",
          "    m[4].weight.mul_(20)",  // spread the logits so the top-5 order is clear
          "s = torch.jit.script(m)",
          "torch.jit.save(s, model_path)",
          "x = torch.frombuffer(bytearray(open(raw_path, 'rb').read()), dtype=torch.uint8)",
          "x = x.reshape(h, w, 3).permute(2, 0, 1).float()",
          // torchvision's Resize(256) on a uint8 tensor (antialiased, its default), CenterCrop(224),
          // ToTensor, Normalize
          "nh, nw = (256, int(256 * w / h)) if h <= w else (int(256 * h / w), 256)",
          "x = F.interpolate(x[None], size=(nh, nw), mode='bilinear', align_corners=False, antialias=True)",
          "x = x.round().clamp(0, 255)",
          "top, left = int(round((nh - 224) / 2)), int(round((nw - 224) / 2))",
          "x = x[:, :, top:top + 224, left:left + 224] / 255",
          "mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)",
          "std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)",
          "with torch.inference_mode():",
          "    p = s((x - mean) / std).softmax(1)[0]",
          "v, i = p.topk(5)",
          "print(' '.join(f'{int(a)}:{float(b):.6f}' for a, b in zip(i, v)))");

  static final int W = 640;
  static final int H = 480;
  static Path model;
  static String pythonTop5;
  static byte[] png;

  @BeforeAll
  static void makeModel(@TempDir Path tmp) throws Exception {
    PythonSide.requireTorch();
    // larger than 256 on both sides, so that Resize(256) shrinks it and antialiasing matters
    BufferedImage picture = ImageService.demoPicture(W, H);
    png = ImageService.png(picture);
    byte[] raw = new byte[W * H * 3];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int p = picture.getRGB(x, y);
        int o = (y * W + x) * 3;
        raw[o] = (byte) (p >> 16);
        raw[o + 1] = (byte) (p >> 8);
        raw[o + 2] = (byte) p;
      }
    }
    Path rawFile = Files.write(tmp.resolve("picture.rgb"), raw);
    Path script = Files.writeString(tmp.resolve("make_model.py"), PYTHON);
    model = tmp.resolve("small_cnn.pt");
    SampleFiles.Output o =
        SampleFiles.python(
            180, script.toString(), model.toString(), rawFile.toString(), "" + H, "" + W)
            .orElseThrow();
    assertTrue(o.ok(), o.text());
    pythonTop5 = o.text().strip().lines().reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void top5MatchesPythonsPreprocessingAndModel() {
    try (ImageService s = new ImageService(model, List.of("sky", "sun"), 0.9, 5)) {
      ImageService.Result r = s.predict(ImageService.decode(png));
      assertEquals(5, r.top().size());
      String[] want = pythonTop5.split(" ");
      for (int i = 0; i < 5; i++) {
        String[] iv = want[i].split(":");
        ImageService.Prediction p = r.top().get(i);
        assertEquals(Long.parseLong(iv[0]), p.index(), "rank " + i + ": Python " + pythonTop5 + ", Java " + r.top());
        assertEquals(Double.parseDouble(iv[1]), p.probability(), 2e-4, "rank " + i + ": Python " + pythonTop5);
        assertEquals(p.index() < 2 ? List.of("sky", "sun").get((int) p.index()) : "class " + p.index(), p.label());
      }
      assertEquals(r.best().probability() < 0.9, r.lowConfidence());
    }
  }

  @Test
  void endpointAnswersJsonAndRejectsWhatIsNotAnImage() throws Exception {
    try (ImageService s = new ImageService(model, List.of(), 0.5, 3);
        ImageService.Server server = s.serve(0, 2)) {
      URI uri = server.predictUri();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> ok = client.send(
          HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      // {"top":[{"index":I,"label":"class I","probability":P}, x3],"lowConfidence":B,"threshold":0.5}
      Matcher m = Pattern.compile(
          "\\{\"index\":(\\d+),\"label\":\"class (\\d+)\",\"probability\":([0-9.]+)}").matcher(ok.body());
      String[] want = pythonTop5.split(" ");
      int n = 0;
      while (m.find()) {
        assertEquals(m.group(1), m.group(2));
        assertEquals(want[n].split(":")[0], m.group(1), ok.body());
        n++;
      }
      assertEquals(3, n, ok.body());
      double best = Double.parseDouble(want[0].split(":")[1]);
      assertTrue(ok.body().endsWith(",\"lowConfidence\":" + (best < 0.5) + ",\"threshold\":0.5}"), ok.body());

      HttpResponse<String> bad = client.send(
          HttpRequest.newBuilder(uri)
              .POST(HttpRequest.BodyPublishers.ofString("this is not an image")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, bad.statusCode(), bad.body());
      assertTrue(bad.body().startsWith("{\"error\":\"not an image"), bad.body());

      HttpResponse<String> empty = client.send(
          HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, empty.statusCode());
      assertTrue(empty.body().contains("empty body"), empty.body());

      HttpResponse<String> get = client.send(
          HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, get.statusCode());
    }
  }

  @Test
  void loadTestRunsOnLoopback() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageService.LoadResult r = ImageService.run(
        ImageService.Config.parse(new String[] {
            "--model", model.toString(), "--clients", "3", "--requests", "30", "--top", "2"}),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("generated picture:"), log);
    assertTrue(log.contains("LOAD TEST 3 clients, 30 requests:"), log);
    assertEquals(0, r.failures(), log);
    assertTrue(r.requestsPerSecond() > 0 && r.p50Ms() > 0 && r.p99Ms() >= r.p50Ms(), r.toString());
    assertTrue(log.lines().filter(l -> l.startsWith("  class ")).count() == 2, log);
  }

  @Test
  void badInputIsRejected(@TempDir Path tmp) throws Exception {
    assertThrows(IllegalArgumentException.class, () -> ImageService.decode(new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> ImageService.decode("GIF89a but truncated".getBytes(StandardCharsets.US_ASCII)));
    assertThrows(IllegalArgumentException.class, () -> ImageService.Config.parse(new String[] {"--top"}));
    assertThrows(IllegalArgumentException.class, () -> ImageService.Config.parse(new String[] {"--nope", "1"}));
    assertThrows(IllegalArgumentException.class, () -> new ImageService(model, List.of(), 1.5, 5));
    // a file that is not a TorchScript archive: PyTorch's own message, no crash
    Path junk = Files.writeString(tmp.resolve("junk.pt"), "not a model");
    RuntimeException e = assertThrows(RuntimeException.class, () -> new ImageService(junk, List.of(), 0.5, 5));
    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    assertEquals("\"a\\\"b\\\\c\\n\"", ImageService.jsonString("a\"b\\c\n"));
    assertEquals(3.0, ImageService.percentile(new long[] {1, 2, 3, 4}, 0.75));
    assertEquals(String.format(Locale.ROOT, "%.1f", 4.0), String.format(Locale.ROOT, "%.1f",
        ImageService.percentile(new long[] {1, 2, 3, 4}, 0.99)));
  }
}
