package org.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java code, extracted from {@code README.md} at test time so that it cannot drift
 * from the API: every {@code ```java} block compiles (with {@code -Xlint:unchecked,rawtypes
 * -Werror}, so no block needs an unchecked type argument) against the current jtorch, and the
 * blocks marked {@code run} run in a JVM of their own, each in the same scratch folder in README
 * order (a block may read the files an earlier one wrote).
 *
 * <p>Every Java block is preceded by a marker comment, which Markdown does not show:
 *
 * <pre>
 * &lt;!-- readme-test: run --&gt;          the block runs as it is
 * &lt;!-- readme-test: compile --&gt;      the block only compiles (it needs data, a model file, ...)
 * &lt;!-- readme-test: run
 * import org.jtorch.nn.Linear;          given: lines run (or imported) before the block, for the
 * var model = new Linear(4, 2);         variables the README's prose takes from earlier blocks
 * --&gt;
 * </pre>
 *
 * A block's {@code import} lines, top-level types ({@code class Net ...} up to the closing brace
 * in column 0) and statements become one compilation unit: the statements are the body of {@code
 * main}. A {@code System.out.println(...)} line that ends in a {@code // comment} must print that
 * comment's text (the printed lines must contain each, in order).
 */
class ReadmeTest {
  private static final Pattern MARKER = Pattern.compile("<!--\\s*readme-test:\\s*(run|compile)\\b");
  private static final Pattern TYPE_START =
      Pattern.compile("^(public |final |abstract |sealed |static )*(class|record|interface|enum) .*");
  private static final Pattern EXPECTED_PRINT =
      Pattern.compile("System\\.out\\.println\\(.*\\);\\s*//\\s*(.+)$");

  /** One Java block of the README. */
  record Block(int line, String mode, List<String> given, List<String> code) {
    String pkg() {
      return "readme.line" + line;
    }

    boolean runs() {
      return mode.equals("run");
    }

    String source() {
      List<String> imports = new ArrayList<>();
      List<String> types = new ArrayList<>();
      List<String> body = new ArrayList<>();
      for (String g : given) {
        (g.startsWith("import ") ? imports : body).add(g);
      }
      boolean inType = false;
      for (String l : code) {
        if (inType) {
          types.add(l);
          inType = !l.equals("}");
        } else if (l.startsWith("import ")) {
          imports.add(l);
        } else if (TYPE_START.matcher(l).matches()) {
          types.add(l);
          inType = !l.endsWith("}");
        } else {
          body.add("    " + l);
        }
      }
      StringBuilder s = new StringBuilder();
      s.append("package ").append(pkg()).append(";\n\n");
      imports.forEach(i -> s.append(i).append('\n'));
      s.append("\npublic class Main {\n  public static void main(String[] args) throws Exception {\n");
      body.forEach(b -> s.append(b).append('\n'));
      s.append("  }\n}\n\n");
      types.forEach(t -> s.append(t).append('\n'));
      return s.toString();
    }

    List<String> expectedPrints() {
      List<String> out = new ArrayList<>();
      for (String l : code) {
        Matcher m = EXPECTED_PRINT.matcher(l);
        if (m.find()) {
          out.add(m.group(1).strip());
        }
      }
      return out;
    }
  }

  static Path readme() {
    try {
      Path classes =
          Path.of(ReadmeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent().getParent().getParent().resolve("README.md");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Java blocks of {@code markdown}; a block without a marker has mode "unmarked". */
  static List<Block> parse(List<String> markdown) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < markdown.size(); i++) {
      if (!markdown.get(i).strip().equals("```java")) {
        continue;
      }
      // the marker: the comment that ends on the last non-blank line before the fence
      String mode = "unmarked";
      List<String> given = new ArrayList<>();
      int j = i - 1;
      while (j >= 0 && markdown.get(j).isBlank()) {
        j--;
      }
      if (j >= 0 && markdown.get(j).strip().endsWith("-->")) {
        int end = j;
        while (j >= 0 && !markdown.get(j).contains("<!--")) {
          j--;
        }
        Matcher m = j >= 0 ? MARKER.matcher(markdown.get(j)) : null;
        if (m != null && m.find()) {
          mode = m.group(1);
          for (int k = j + 1; k < end; k++) {
            given.add(markdown.get(k));
          }
          String last = markdown.get(end).replace("-->", "");
          if (end > j && !last.isBlank()) {
            given.add(last);
          }
        }
      }
      List<String> code = new ArrayList<>();
      int k = i + 1;
      while (k < markdown.size() && !markdown.get(k).strip().equals("```")) {
        code.add(markdown.get(k));
        k++;
      }
      blocks.add(new Block(i + 1, mode, given, code));
      i = k;
    }
    return blocks;
  }

  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private static List<Block> blocks;
  private static Path classes;
  private static Path work;
  private static final List<Diagnostic<? extends JavaFileObject>> DIAGNOSTICS = new ArrayList<>();

  @BeforeAll
  static void compileAll(@TempDir Path tmp) throws IOException {
    blocks = parse(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    classes = Files.createDirectories(tmp.resolve("classes"));
    work = Files.createDirectories(tmp.resolve("work"));
    Path src = Files.createDirectories(tmp.resolve("src"));
    List<File> files = new ArrayList<>();
    for (Block b : blocks) {
      if (b.mode().equals("unmarked")) {
        continue;
      }
      Path f = src.resolve(b.pkg().replace('.', '/')).resolve("Main.java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, b.source(), StandardCharsets.UTF_8);
      files.add(f.toFile());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d", classes.toString(),
              "-cp", classPath(),
              "--release", "17",
              "-Xlint:unchecked,rawtypes",
              "-Werror",
              "-proc:none");
      StringWriter out = new StringWriter();
      javac.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files))
          .call();
    }
    DIAGNOSTICS.addAll(diagnostics.getDiagnostics());
  }

  @Test
  void theReadmeHasJavaBlocksToTest() {
    assertTrue(blocks.size() >= 8, "found only " + blocks.size() + " Java blocks in " + readme());
    assertTrue(blocks.stream().filter(Block::runs).count() >= 3, "too few runnable blocks");
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlock() {
    return blocks.stream()
        .map(b -> DynamicTest.dynamicTest("README.md:" + b.line() + " (" + b.mode() + ")", () -> check(b)));
  }

  private static void check(Block b) throws Exception {
    if (b.mode().equals("unmarked")) {
      fail("README.md:" + b.line() + ": a Java block needs a marker comment before it, "
          + "<!-- readme-test: run --> or <!-- readme-test: compile --> (see ReadmeTest)");
    }
    StringBuilder errors = new StringBuilder();
    String file = b.pkg().replace('.', '/') + "/Main.java";
    for (Diagnostic<? extends JavaFileObject> d : DIAGNOSTICS) {
      if (d.getSource() != null && d.getSource().toUri().getPath().endsWith(file)) {
        errors.append(d.getKind()).append(" at line ").append(d.getLineNumber()).append(": ")
            .append(d.getMessage(Locale.ROOT)).append('\n');
      }
    }
    if (errors.length() > 0) {
      StringBuilder numbered = new StringBuilder();
      String[] lines = b.source().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        numbered.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
      }
      fail("README.md:" + b.line() + " does not compile:\n" + errors + "as compiled:\n" + numbered);
    }
    if (!b.runs()) {
      return;
    }
    if (!org.jtorch.bindings.NativeLibraries.opsAvailable() && b.source().contains("Ops.")) {
      return; // compiled; it calls jtorch's operators, which the no-native test run leaves out
    }
    ChildJvm r =
        ChildJvm.run(b.pkg() + ".Main", List.of(classes), work, List.of(), List.of());
    assertEquals(0, r.exitCode, "README.md:" + b.line() + " failed when run:\n" + r);
    int from = 0;
    for (String want : b.expectedPrints()) {
      int at = r.stdout.indexOf(want, from);
      assertTrue(at >= 0, "README.md:" + b.line() + " should print \"" + want + "\":\n" + r);
      from = at + want.length();
    }
  }

  @Test
  void theExtractorSplitsImportsTypesAndStatements() {
    List<Block> parsed =
        parse(List.of(
            "text",
            "<!-- readme-test: run",
            "import java.util.List;",
            "int given = 1;",
            "-->",
            "```java",
            "import java.util.Map;",
            "class Net {",
            "  int x;",
            "}",
            "System.out.println(given);  // 1",
            "```",
            "```java",
            "int unmarked;",
            "```"));
    assertEquals(2, parsed.size());
    Block b = parsed.get(0);
    assertEquals("run", b.mode());
    assertEquals(List.of("1"), b.expectedPrints());
    String src = b.source();
    assertTrue(src.contains("import java.util.List;\nimport java.util.Map;"), src);
    assertTrue(src.contains("int given = 1;\n    System.out.println(given);"), src);
    assertTrue(src.endsWith("class Net {\n  int x;\n}\n"), src);
    assertEquals("unmarked", parsed.get(1).mode());
  }
}
