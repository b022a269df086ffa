package org.jtorch.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jtorch.Scope;
import org.jtorch.Tensor;
import org.jtorch.Torch;
import org.jtorch.TorchException;
import org.jtorch.ValuesIndices;
import org.jtorch.autograd.GradMode;
import org.jtorch.data.transforms.CenterCrop;
import org.jtorch.data.transforms.Compose;
import org.jtorch.data.transforms.Normalize;
import org.jtorch.data.transforms.Resize;
import org.jtorch.data.transforms.ToTensor;
import org.jtorch.jit.ScriptModule;

/**
 * An image classification service: a TorchScript image classifier (by default torchvision's
 * ResNet-18, scripted in Python), ImageNet preprocessing (resize 256, center crop 224, normalize
 * with ImageNet's mean and std), softmax and the top-5 classes, flagged when the best one is below
 * a confidence threshold; from the command line, and over HTTP ({@code POST /predict} with the
 * image's bytes answers JSON), with a load test of the HTTP endpoint.
 *
 * <pre>
 * ./mvnw -q -f samples exec:java -Dsample=ImageService                    # demo image + load test
 * ./mvnw -q -f samples exec:java -Dsample=ImageService -Dexec.args="photo.jpg --labels imagenet.txt"
 * ./mvnw -q -f samples exec:java -Dsample=ImageService -Dexec.args="--serve 8080"
 * curl --data-binary @photo.jpg http://localhost:8080/predict
 * </pre>
 *
 * Options: {@code --model PATH} (a TorchScript classifier taking {@code [N, 3, H, W]} and returning
 * {@code [N, classes]} logits; default {@code samples/target/models/resnet18.pt}, written by {@code
 * python3 java-api/src/test/python/generate_models.py --resnet samples/target/models} when missing
 * and Python with torch and torchvision is there; its weights are random, so expect low
 * confidence), {@code --labels FILE} (one class name a line; default "class N"), {@code
 * --threshold X} (0.5), {@code --top K} (5), {@code --serve PORT} (serve on loopback until
 * stopped), {@code --load-test} with {@code --clients N} (4), {@code --requests N} (200) and
 * {@code --server-threads N} (as many as clients), {@code --intra-op-threads N} (LibTorch's
 * threads per call), {@code --load-test-url URL} (load another server's endpoint instead, such
 * as {@code samples/python/image_service.py}, the Python twin), then image files (PNG, JPEG, anything {@code javax.imageio} reads). Without
 * images or {@code --serve}, it classifies a generated picture and runs the load test.
 *
 * <p>One {@link ScriptModule} serves all request threads at once: its {@code forward} may be called
 * concurrently, so no lock and no per-thread copy is needed.
 */
public final class ImageService implements AutoCloseable {
  /** ImageNet's per-channel mean, as torchvision's pretrained models expect. */
  static final double[] MEAN = {0.485, 0.456, 0.406};

  /** ImageNet's per-channel standard deviation. */
  static final double[] STD = {0.229, 0.224, 0.225};

  /** The largest request body the endpoint accepts. */
  static final int MAX_BYTES = 20 << 20;

  /** One class of the top-k. */
  record Prediction(long index, String label, double probability) {}

  /** The top-k classes, best first, and whether the best is below the confidence threshold. */
  record Result(List<Prediction> top, boolean lowConfidence, double threshold) {
    Prediction best() {
      return top.get(0);
    }

    /** The result as the endpoint's JSON. */
    String toJson() {
      StringBuilder b = new StringBuilder("{\"top\":[");
      for (int i = 0; i < top.size(); i++) {
        Prediction p = top.get(i);
        b.append(i == 0 ? "" : ",")
            .append("{\"index\":").append(p.index())
            .append(",\"label\":").append(jsonString(p.label()))
            .append(",\"probability\":").append(String.format(Locale.ROOT, "%.6f", p.probability()))
            .append('}');
      }
      return b.append("],\"lowConfidence\":").append(lowConfidence)
          .append(",\"threshold\":").append(threshold).append('}').toString();
    }
  }

  private final ScriptModule model;
  private final List<String> labels;
  private final double threshold;
  private final int top;
  private final Compose preprocess =
      new Compose(new Resize(256), new CenterCrop(224), new ToTensor(), new Normalize(MEAN, STD));

  /**
   * Loads the classifier at {@code model}.
   *
   * @param labels class names by index (may be shorter than the model's classes, or empty)
   * @param threshold a best probability below it is flagged as low confidence
   * @param top how many classes to report
   */
  ImageService(Path model, List<String> labels, double threshold, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + top);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
    }
    this.model = ScriptModule.load(model).eval();
    this.labels = List.copyOf(labels);
    this.threshold = threshold;
    this.top = top;
  }

  /** The name of class {@code index}: the labels file's line, or "class N". */
  String label(long index) {
    return index < labels.size() ? labels.get((int) index) : "class " + index;
  }

  /**
   * The picture as the model's input {@code [1, 3, 224, 224]}: RGB (grey and alpha images
   * converted), resized so the shorter side is 256, the central 224 x 224, scaled to [0, 1] and
   * normalized with ImageNet's mean and std, as torchvision's ImageNet recipe.
   */
  Tensor preprocess(BufferedImage image) {
    try (Tensor rgb = ToTensor.rgb(image, 3);
        Tensor x = preprocess.apply(rgb)) {
      return x.unsqueeze(0);
    }
  }

  /** Classifies one picture. Safe to call from many threads at once. */
  Result predict(BufferedImage image) {
    try (Scope scope = Scope.open();
        GradMode inference = Torch.inferenceMode()) {
      Tensor logits = model.forward(preprocess(image));
      long[] shape = logits.shape();
      if (shape.length != 2 || shape[0] != 1) {
        throw new IllegalStateException(
            "the model returned a tensor of shape " + Arrays.toString(shape)
                + "; an image classifier returns [1, classes] for one image");
      }
      ValuesIndices best = logits.softmax(1).topk(Math.min(top, shape[1]), 1);
      float[] p = best.values().toFloatArray();
      long[] idx = best.indices().toLongArray();
      List<Prediction> out = new ArrayList<>();
      for (int i = 0; i < p.length; i++) {
        out.add(new Prediction(idx[i], label(idx[i]), p[i]));
      }
      return new Result(List.copyOf(out), p[0] < threshold, threshold);
    }
  }

  /**
   * Decodes image bytes (PNG, JPEG, BMP, GIF: what {@code javax.imageio} reads).
   *
   * @throws IllegalArgumentException if the bytes are not an image
   */
  static BufferedImage decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty body: post the bytes of a PNG or JPEG image");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a readable image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new IllegalArgumentException(
          "not an image: no PNG/JPEG/BMP/GIF decoder recognises these " + bytes.length + " bytes");
    }
    return image;
  }

  @Override
  public void close() {
    model.close();
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  /** A running endpoint; {@link #close()} stops it and its threads. */
  static final class Server implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService pool;

    private Server(HttpServer http, ExecutorService pool) {
      this.http = http;
      this.pool = pool;
    }

    /** The URI of {@code POST /predict}. */
    URI predictUri() {
      InetSocketAddress a = http.getAddress();
      return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/predict");
    }

    @Override
    public void close() {
      http.stop(0);
      pool.shutdown();
    }
  }

  /**
   * Serves {@code POST /predict} on the loopback interface: the request body is an image's bytes,
   * the answer the JSON of {@link Result#toJson()}; 400 with {@code {"error": ...}} for a body that
   * is not an image, 405 for other methods, 413 for bodies over 20 MiB.
   *
   * @param port 0 for any free port
   * @param threads request threads (each runs the model; they share the one module)
   */
  Server serve(int port, int threads) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "predict");
      t.setDaemon(true);
      return t;
    });
    http.createContext("/predict", this::handle);
    http.setExecutor(pool);
    http.start();
    return new Server(http, pool);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().add("Allow", "POST");
        reply(ex, 405, error("use POST with the image's bytes as the body"));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BYTES + 1);
      }
      if (body.length > MAX_BYTES) {
        reply(ex, 413, error("images up to " + (MAX_BYTES >> 20) + " MiB"));
        return;
      }
      BufferedImage image;
      try {
        image = decode(body);
      } catch (IllegalArgumentException e) {
        reply(ex, 400, error(e.getMessage()));
        return;
      }
      String json;
      try {
        json = predict(image).toJson();
      } catch (TorchException | IllegalStateException e) {
        reply(ex, 500, error(e.getMessage()));
        return;
      }
      reply(ex, 200, json);
    }
  }

  private static String error(String message) {
    return "{\"error\":" + jsonString(message) + "}";
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : (s == null ? "" : s).toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Load test

  /** What a load test measured. */
  record LoadResult(int clients, int requests, int failures, double seconds, double p50Ms, double p99Ms) {
    double requestsPerSecond() {
      return requests / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%d clients, %d requests: %.1f requests/s, latency p50 %.1f ms, p99 %.1f ms, %d failed",
          clients, requests, requestsPerSecond(), p50Ms, p99Ms, failures);
    }
  }

  /**
   * {@code clients} threads post {@code image} to {@code uri} until {@code requests} answers have
   * come back (after a few unmeasured warm-up requests per client), and measures requests per
   * second and the latency percentiles. A request that does not answer 200 counts as a failure.
   */
  static LoadResult loadTest(URI uri, byte[] image, int clients, int requests) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest req =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch warm = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < 3; i++) {
          client.send(req, HttpResponse.BodyHandlers.ofString());
        }
        warm.countDown();
        go.await();
        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
          latencies[i] = System.nanoTime() - t0;
          if (r.statusCode() != 200) {
            failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    warm.await();
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    return new LoadResult(clients, requests, failures.get(), seconds,
        percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6);
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  // ---------------------------------------------------------------------------------------------
  // Command line

  /** The run's settings. */
  record Config(
      Path model, Path labels, double threshold, int top, int serve, boolean loadTest, int clients,
      int requests, int serverThreads, int intraOpThreads, URI loadTestUrl, List<Path> images) {
    static Config parse(String[] args) {
      SampleArgs a =
          SampleArgs.parse(
              args,
              Set.of(
                  "--model", "--labels", "--threshold", "--top", "--serve", "--clients",
                  "--requests", "--server-threads", "--intra-op-threads", "--load-test-url"),
              Set.of("--load-test"),
              true);
      Path model = a.path("--model", null);
      Path labels = a.path("--labels", null);
      double threshold = a.number("--threshold", 0.5);
      int top = a.integer("--top", 5);
      int serve = a.integer("--serve", -1);
      boolean load = a.flag("--load-test");
      int clients = a.integer("--clients", 4);
      int requests = a.integer("--requests", 200);
      int serverThreads = a.integer("--server-threads", 0);
      int intraOp = a.integer("--intra-op-threads", 0);
      String u = a.string("--load-test-url", null);
      URI url = u == null ? null : URI.create(u);
      List<Path> images = new ArrayList<>();
      a.bare().forEach(f -> images.add(Path.of(f)));
      if (clients < 1 || requests < 1) {
        throw new IllegalArgumentException("--clients and --requests must be at least 1");
      }
      if (images.isEmpty() && serve < 0) {
        load = true;
      }
      return new Config(model, labels, threshold, top, serve, load, clients, requests,
          serverThreads > 0 ? serverThreads : clients, intraOp, url, List.copyOf(images));
    }
  }

  public static void main(String[] args) throws Exception {
    Config c = Config.parse(args);
    if (c.loadTestUrl() != null) {
      byte[] body = c.images().isEmpty() ? png(demoPicture(320, 240)) : Files.readAllBytes(c.images().get(0));
      System.out.println("load test: " + c.clients() + " concurrent clients post a " + body.length
          + "-byte image to " + c.loadTestUrl());
      System.out.println("LOAD TEST " + loadTest(c.loadTestUrl(), body, c.clients(), c.requests()));
      return;
    }
    Path model = c.model() != null ? c.model() : defaultModel(System.out);
    run(c.model() == null ? withModel(c, model) : c, System.out);
  }

  private static Config withModel(Config c, Path model) {
    return new Config(model, c.labels(), c.threshold(), c.top(), c.serve(), c.loadTest(),
        c.clients(), c.requests(), c.serverThreads(), c.intraOpThreads(), c.loadTestUrl(), c.images());
  }

  /**
   * {@code samples/target/models/resnet18.pt}, written now by generate_models.py if missing.
   *
   * @throws IllegalStateException with the command to run, if it cannot be made here
   */
  static Path defaultModel(PrintStream out) {
    Path root = SampleFiles.repoRoot().orElse(Path.of("").toAbsolutePath());
    Path dir = root.resolve("samples/target/models");
    Path model = dir.resolve("resnet18.pt");
    if (Files.isRegularFile(model)) {
      return model;
    }
    Path script = root.resolve("java-api/src/test/python/generate_models.py");
    String how = "python3 " + script + " --resnet " + dir + "   (needs torch 2.13 and torchvision),"
        + " or pass --model PATH to any TorchScript image classifier";
    out.println("No model at " + model + "; scripting torchvision's ResNet-18 (random weights): " + how);
    SampleFiles.Output o =
        SampleFiles.python(600, script.toString(), "--resnet", dir.toString())
            .orElseThrow(() -> new IllegalStateException("python3 is not available: " + how));
    if (!o.ok() || !Files.isRegularFile(model)) {
      throw new IllegalStateException("generating ResNet-18 failed:\n" + o.text() + "\n" + how);
    }
    return model;
  }

  /** Runs what {@code c} asks for, printing to {@code out}; returns the load test's figures, if any. */
  static LoadResult run(Config c, PrintStream out) throws Exception {
    if (c.intraOpThreads() > 0) {
      Torch.setNumThreads(c.intraOpThreads());
    }
    List<String> labels = c.labels() == null ? List.of() : Files.readAllLines(c.labels()).stream()
        .map(String::strip).toList();
    try (ImageService service = new ImageService(c.model(), labels, c.threshold(), c.top())) {
      out.println("model: " + c.model() + " (" + Torch.getNumThreads() + " intra-op threads)");
      List<Path> images = c.images();
      byte[] demo = null;
      if (images.isEmpty()) {
        demo = png(demoPicture(320, 240));
        out.println("no image given: classifying a generated 320x240 picture");
        print(out, "generated picture", service.predict(decode(demo)));
      }
      for (Path p : images) {
        print(out, p.toString(), service.predict(decode(Files.readAllBytes(p))));
      }
      if (c.serve() >= 0) {
        Server s = service.serve(c.serve(), c.serverThreads());
        out.println("serving POST " + s.predictUri() + " (Ctrl-C stops it); try:\n"
            + "  curl --data-binary @photo.jpg " + s.predictUri());
        Thread.currentThread().join();
      }
      if (!c.loadTest()) {
        return null;
      }
      byte[] body = demo != null ? demo : Files.readAllBytes(images.get(0));
      try (Server s = service.serve(0, c.serverThreads())) {
        out.println("load test: " + c.clients() + " concurrent clients post a " + body.length
            + "-byte image to " + s.predictUri() + ", " + c.serverThreads() + " server threads");
        LoadResult r = loadTest(s.predictUri(), body, c.clients(), c.requests());
        out.println("LOAD TEST " + r);
        return r;
      }
    }
  }

  private static void print(PrintStream out, String name, Result r) {
    out.println(name + ":");
    for (Prediction p : r.top()) {
      out.printf(Locale.ROOT, "  %-28s %6.2f%%%n", p.label(), 100 * p.probability());
    }
    if (r.lowConfidence()) {
      out.printf(Locale.ROOT, "  LOW CONFIDENCE: the best class has %.1f%%, below the %.0f%% threshold%n",
          100 * r.best().probability(), 100 * r.threshold());
    }
  }

  /** A picture to classify when none is given: a sky, a sun and a hill. */
  static BufferedImage demoPicture(int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(90, 150, 230), 0, height, Color.WHITE));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(250, 210, 60));
    g.fillOval(width * 3 / 5, height / 8, height / 4, height / 4);
    g.setColor(new Color(60, 140, 60));
    g.fillOval(-width / 4, height * 3 / 5, width * 3 / 2, height);
    g.dispose();
    return img;
  }

  /** The PNG bytes of {@code image}. */
  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ImageIO.write(image, "png", b);
    return b.toByteArray();
  }
}
