package org.jtorch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jtorch as a dependency of someone else's project: the README's Maven snippet ("Add jtorch to
 * your build"), exactly as written there, is put into a new project that is compiled and run
 * offline against the local repository that {@code ./mvnw install} filled. Also checked: the
 * installed artifacts carry sources and javadoc jars and an {@code Automatic-Module-Name}, and the
 * BOM pins what jtorch-parent builds with.
 *
 * <p>Under {@code ./mvnw verify} nothing is installed, so the installed artifacts may be missing
 * or stale (not the jars this build made): the tests then skip, saying so, except under CI ({@code
 * CI=true}), where {@code .ci/run} runs {@code install} and they must run.
 */
class ConsumerProjectTest {
  static final String VERSION = System.getProperty("jtorch.it.version");
  static final Path ROOT = Path.of(System.getProperty("jtorch.it.root")).normalize();
  static final Path REPO = Path.of(System.getProperty("jtorch.it.localRepository"));
  static final Path MAVEN_HOME = Path.of(System.getProperty("jtorch.it.mavenHome"));

  static Path installed(String artifact, String classifier) {
    String name = artifact + "-" + VERSION + (classifier == null ? "" : "-" + classifier) + ".jar";
    return REPO.resolve("org/jtorch").resolve(artifact).resolve(VERSION).resolve(name);
  }

  /** Skips (or, under CI, fails) unless this build's jars are the installed ones. */
  @BeforeAll
  static void installedArtifactsAreThisBuilds() throws IOException {
    String why = null;
    Path built = ROOT.resolve("java-api/target/jtorch-" + VERSION + ".jar");
    Path inRepo = installed("jtorch", null);
    if (!Files.isRegularFile(inRepo)) {
      why = "jtorch is not installed in " + REPO;
    } else if (!Files.isRegularFile(built)
        || Files.mismatch(built, inRepo) != -1) {
      why = "the installed " + inRepo.getFileName() + " is not the one this build made";
    }
    if (why == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + ": the consumer tests need ./mvnw install (the README's test command)");
    }
    Assumptions.assumeTrue(false, why + " (run ./mvnw install): skipping the consumer tests");
  }

  /** The body of the first {@code ```xml} block after the heading {@code heading}. */
  static String readmeBlock(String heading, String fence) throws IOException {
    return readmeBlock(heading, fence, 0);
  }

  /** The body of the {@code n}th (from 0) {@code fence} block after the heading {@code heading}. */
  static String readmeBlock(String heading, String fence, int n) throws IOException {
    String md = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int at = md.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "README.md has no section " + heading);
    for (int i = 0; i < n; i++) {
      at = md.indexOf("\n```\n", md.indexOf("\n" + fence + "\n", at) + 1) + 1;
    }
    int start = md.indexOf("\n" + fence + "\n", at);
    int end = md.indexOf("\n```\n", start + 1);
    assertTrue(start >= 0 && end > start, "no " + fence + " block in " + heading);
    return md.substring(start + fence.length() + 2, end + 1);
  }

  static final String APP =
      String.join(
          "\n",
          "package com.example;",
          "",
          "import org.jtorch.*;",
          "import org.jtorch.ops.Ops;",
          "",
          "public class App {",
          "  public static void main(String[] args) {",
          "    try (Scope scope = Scope.open()) {",
          "      Tensor t = Torch.tensor(new float[][] {{1, 5, 2}, {7, 0, 3}});",
          "      System.out.println(\"argmax \" + t.argmax(1).tolist());",
          "      System.out.println(\"argmax_layer \" + Ops.argmaxLayer(t, 1).tolist());",
          "    }",
          "  }",
          "}",
          "");

  /** A project of its own around the snippet; plugin versions pinned to what the build used. */
  static String consumerPom(String snippet) {
    StringBuilder plugins = new StringBuilder();
    String[][] pinned = {
      {"maven-resources-plugin", "3.3.1"},
      {"maven-compiler-plugin", "3.13.0"},
      {"maven-surefire-plugin", "3.5.2"},
      {"maven-jar-plugin", "3.4.2"},
      {"maven-dependency-plugin", "3.8.1"},
    };
    for (String[] p : pinned) {
      plugins.append("      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>")
          .append(p[0]).append("</artifactId><version>").append(p[1])
          .append("</version></plugin>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <modelVersion>4.0.0</modelVersion>\n"
        + "  <groupId>com.example</groupId>\n"
        + "  <artifactId>consumer</artifactId>\n"
        + "  <version>1.0</version>\n"
        + "  <properties>\n"
        + "    <maven.compiler.release>17</maven.compiler.release>\n"
        + "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n"
        + "  </properties>\n"
        + snippet
        + "  <build>\n    <pluginManagement>\n      <plugins>\n"
        + plugins
        + "      </plugins>\n    </pluginManagement>\n  </build>\n"
        + "</project>\n";
  }

  static String run(Path dir, List<String> cmd, int seconds) throws Exception {
    return run(dir, cmd, seconds, true);
  }

  /** Runs {@code cmd} in {@code dir}; its output, after checking it exited 0 if {@code ok}. */
  static String run(Path dir, List<String> cmd, int seconds, boolean ok) throws Exception {
    Path log = dir.resolve("run-" + System.nanoTime() + ".log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out after " + seconds + " s: " + cmd + "\n" + Files.readString(log));
    }
    String out = Files.readString(log);
    if (ok) {
      assertEquals(0, p.exitValue(), cmd + "\n" + out);
    }
    return out;
  }

  /** Packages the consumer project in {@code dir} offline; its runtime class path. */
  static String buildConsumer(Path dir) throws Exception {
    run(dir,
        List.of(MAVEN_HOME.resolve("bin/mvn").toString(), "-o", "-B", "-q",
            "-Dmaven.repo.local=" + REPO, "-DskipTests", "package",
            "dependency:build-classpath", "-Dmdep.outputFile=cp.txt"),
        300);
    return Files.readString(dir.resolve("cp.txt")).strip();
  }

  /** Runs the consumer's {@code com.example.App}; its output. */
  static String runApp(Path dir, String cp) throws Exception {
    return run(dir,
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            dir.resolve("target/classes") + File.pathSeparator + cp, "com.example.App"),
        120);
  }

  @Test
  void theReadmeSnippetBuildsAndRunsAConsumerOffline(@TempDir Path dir) throws Exception {
    String snippet = readmeBlock("## Add jtorch to your build", "```xml");
    assertTrue(snippet.contains("<version>" + VERSION + "</version>"),
        "the README's snippet names version " + VERSION + ":\n" + snippet);
    Files.writeString(dir.resolve("pom.xml"), consumerPom(snippet));
    Path src = Files.createDirectories(dir.resolve("src/main/java/com/example"));
    Files.writeString(src.resolve("App.java"), APP);
    String cp = buildConsumer(dir);
    assertTrue(cp.contains("jtorch-native-" + VERSION + "-linux-x86_64.jar"), cp);
    assertTrue(cp.contains("pytorch-2.13.0-1.5.14-linux-x86_64.jar"), cp);
    assertFalse(cp.contains("junit"), "no test library leaks into a user's class path: " + cp);
    String out = runApp(dir, cp);
    assertTrue(out.contains("argmax [1, 0]"), out);
    assertTrue(out.contains("argmax_layer [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]"), out);
  }

  /**
   * The README's second snippet: jtorch with {@code jtorch-native} excluded, as on a platform
   * whose operator library is not built. The consumer compiles and runs; its tensors work and
   * jtorch's own operator says what is missing.
   */
  @Test
  void withoutTheNativeJarAConsumerRunsAndTheOperatorSaysWhy(@TempDir Path dir) throws Exception {
    String bom = readmeBlock("## Add jtorch to your build", "```xml", 0);
    String excluded = readmeBlock("## Add jtorch to your build", "```xml", 1);
    assertTrue(excluded.contains("<artifactId>jtorch-native</artifactId>"), excluded);
    String managed = bom.substring(0, bom.indexOf("<dependencies>", bom.indexOf("</dependencyManagement>")));
    Files.writeString(
        dir.resolve("pom.xml"),
        consumerPom(managed + "<dependencies>\n" + excluded + "</dependencies>\n"));
    Path src = Files.createDirectories(dir.resolve("src/main/java/com/example"));
    String app = APP.replace(
        "      System.out.println(\"argmax_layer \" + Ops.argmaxLayer(t, 1).tolist());",
        "      try {\n"
            + "        Ops.argmaxLayer(t, 1);\n"
            + "      } catch (UnsatisfiedLinkError e) {\n"
            + "        System.out.println(\"argmax_layer: \" + e.getMessage());\n"
            + "      }");
    assertTrue(app.contains("catch (UnsatisfiedLinkError e)"), app);
    Files.writeString(src.resolve("App.java"), app);
    String cp = buildConsumer(dir);
    assertFalse(cp.contains("jtorch-native"), cp);
    assertTrue(cp.contains("pytorch-2.13.0-1.5.14-linux-x86_64.jar"), cp);
    String out = runApp(dir, cp);
    assertTrue(out.contains("argmax [1, 0]"), out);
    assertTrue(out.contains("argmax_layer: jtorch's operator library is not available for"
        + " linux-x86_64: libjtorch_ops.so is not on the class path"), out);
  }

  /**
   * {@code -Djavacpp.platform} (and {@code -Djavacpp.platform.extension}) on a user's build pick
   * the natives of another platform, also inside jtorch's own poms (where a property the pom
   * defined would win over the user's {@code -D}). This offline repository has no macOS or
   * Windows natives, so the build fails naming exactly the artifacts it selected.
   */
  @Test
  void theUsersPlatformPropertySelectsTheNatives(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pom.xml"), consumerPom(readmeBlock("## Add jtorch to your build", "```xml")));
    String mvn = MAVEN_HOME.resolve("bin/mvn").toString();
    String[][] cases = {
      {"-Djavacpp.platform=macosx-arm64", "-Djavacpp.platform.extension=", "macosx-arm64"},
      {"-Djavacpp.platform=windows-x86_64", "-Djavacpp.platform.extension=-gpu",
        "windows-x86_64-gpu"},
      {"-Djavacpp.platform=linux-x86_64", "-Djavacpp.platform.extension=-gpu", "linux-x86_64-gpu"},
    };
    for (String[] c : cases) {
      String out =
          run(dir,
              List.of(mvn, "-o", "-B", "-Dmaven.repo.local=" + REPO, c[0], c[1],
                  "dependency:build-classpath", "-Dmdep.outputFile=cp.txt"),
              300, false);
      assertTrue(out.contains("org.jtorch:jtorch-native:jar:" + c[2] + ":" + VERSION), c[2] + "\n" + out);
      assertFalse(out.contains("BUILD SUCCESS"), c[2] + "\n" + out);
    }
  }

  /**
   * Without {@code -Djavacpp.platform}, jtorch-parent's profiles name the build machine's
   * platform; the machine is faked through Maven's {@code os.name}/{@code os.arch}, which profile
   * activation reads for the project being built (here one whose parent is jtorch-parent: in
   * dependencies' poms Maven reads the real OS, so faking cannot reach them). An unknown machine
   * gets linux-x86_64, and jtorch's loader then names the platform it detected.
   */
  @Test
  void theBuildMachinesOsPicksThePlatform(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
            + "  <modelVersion>4.0.0</modelVersion>\n"
            + "  <parent><groupId>org.jtorch</groupId><artifactId>jtorch-parent</artifactId>"
            + "<version>" + VERSION + "</version><relativePath/></parent>\n"
            + "  <artifactId>platform-probe</artifactId>\n"
            + "  <dependencies><dependency><groupId>org.jtorch</groupId>"
            + "<artifactId>jtorch-native</artifactId><classifier>${jtorch.platform}</classifier>"
            + "</dependency></dependencies>\n"
            + "</project>\n");
    String mvn = MAVEN_HOME.resolve("bin/mvn").toString();
    String[][] cases = {
      {"-Dos.name=Mac OS X", "-Dos.arch=aarch64", "macosx-arm64"},
      {"-Dos.name=Mac OS X", "-Dos.arch=x86_64", "macosx-x86_64"},
      {"-Dos.name=Windows 11", "-Dos.arch=amd64", "windows-x86_64"},
      {"-Dos.name=Linux", "-Dos.arch=amd64", "linux-x86_64"},
      {"-Dos.name=Linux", "-Dos.arch=aarch64", "linux-x86_64"},
    };
    for (String[] c : cases) {
      Files.deleteIfExists(dir.resolve("cp.txt"));
      String out =
          run(dir,
              List.of(mvn, "-o", "-B", "-Dmaven.repo.local=" + REPO, c[0], c[1],
                  "dependency:build-classpath", "-Dmdep.outputFile=cp.txt"),
              300, false);
      boolean here = c[2].equals("linux-x86_64");
      String cp = here ? Files.readString(dir.resolve("cp.txt")) : "";
      assertTrue(
          here ? cp.contains("jtorch-native-" + VERSION + "-linux-x86_64.jar")
              : out.contains("org.jtorch:jtorch-native:jar:" + c[2] + ":" + VERSION),
          c[0] + " " + c[1] + "\n" + out);
    }
  }

  @Test
  void publishedJarsHaveSourcesJavadocAndAModuleName() throws IOException {
    String[][] jars = {
      {"jtorch", null, "org.jtorch"},
      {"jtorch-bindings", null, "org.jtorch.bindings"},
      {"jtorch-native", "linux-x86_64", "org.jtorch.natives"},
    };
    for (String[] j : jars) {
      Path jar = installed(j[0], j[1]);
      try (JarFile f = new JarFile(jar.toFile())) {
        assertEquals(j[2], f.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
            jar.toString());
      }
    }
    for (String a : new String[] {"jtorch", "jtorch-bindings"}) {
      Path sources = installed(a, "sources");
      Path javadoc = installed(a, "javadoc");
      assertTrue(Files.isRegularFile(sources), sources.toString());
      assertTrue(Files.isRegularFile(javadoc), javadoc.toString());
      try (JarFile f = new JarFile(javadoc.toFile())) {
        assertTrue(f.getEntry("index.html") != null, javadoc + " has no index.html");
      }
    }
    try (JarFile f = new JarFile(installed("jtorch", "sources").toFile())) {
      assertTrue(f.getEntry("org/jtorch/Tensor.java") != null);
    }
  }

  /** The BOM must pin what jtorch-parent builds and tests with. */
  @Test
  void theBomPinsTheTestedVersions() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    for (String prop : new String[] {"javacpp.version", "openblas.preset.version"}) {
      assertEquals(property(parent, prop), property(bom, prop), prop);
    }
    assertEquals(
        property(parent, "libtorch.version") + "-" + property(parent, "javacpp.version"),
        property(bom, "pytorch.preset.version"));
    assertEquals(VERSION, property(bom, "jtorch.version"));
    Matcher v = Pattern.compile("<artifactId>jtorch-bom</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(bom);
    assertTrue(v.find());
    assertEquals(VERSION, v.group(1));
  }

  static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
    assertTrue(m.find(), "no property " + name);
    return m.group(1).strip();
  }
}
