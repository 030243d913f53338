package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained jar as users run it ({@code java -jar cli/target/papergraph.jar}, what the
 * {@code papergraph} launcher does), in a child JVM: real exit codes, real stream separation, and
 * the service files (Lucene codecs) merged by the shade plugin.
 */
class ShadedJarIT {

  @TempDir static Path tmp;
  static Path jar;
  static Path ws;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void build() throws Exception {
    jar = Path.of(System.getProperty("papergraph.jar", "target/papergraph.jar"));
    assertTrue(Files.isRegularFile(jar), "run after `package`: " + jar + " is missing");
    ws = tmp.resolve("ws");
    Run r = run("build", "-w", ws.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Import: 487 records read: 415 papers imported"), r::toString);
  }

  @Test
  void searchRunsLuceneFromTheShadedJar() throws Exception {
    Run r =
        run(
            "search",
            "grokking delayed generalization",
            "--top",
            "3",
            "-w",
            ws.toString(),
            "--output",
            "tsv");
    assertEquals(0, r.code(), r::toString);
    assertEquals(4, r.out().lines().count(), r::toString);
    assertTrue(
        r.out().lines().skip(1).allMatch(l -> l.toLowerCase(Locale.ROOT).contains("grok")),
        r::toString);
  }

  @Test
  void warmQueriesAnswerFromTheSavedWorkspace() throws Exception {
    Run r =
        run(
            "neighbors",
            "Grokking at the Edge",
            "--top",
            "5",
            "-w",
            ws.toString(),
            "--output",
            "tsv");
    assertEquals(0, r.code(), r::toString);
    assertEquals(6, r.out().lines().count(), r::toString);
    assertTrue(r.out().toLowerCase(Locale.ROOT).contains("grok"), r::toString);
  }

  /** Issue 12 #5: the real kernel error of a full device, through the real standard output. */
  @Test
  void finding05_devFullExits1WithOneLine() throws Exception {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
    for (List<String> args :
        List.of(
            List.of("rank", "--output", "csv"),
            List.of("export", "--format", "graphml", "-o", "-"))) {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString()));
      cmd.addAll(args);
      cmd.addAll(List.of("-w", ws.toString()));
      Process p = new ProcessBuilder(cmd).redirectOutput(Path.of("/dev/full").toFile()).start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(1, p.exitValue(), args + ": " + err);
      assertEquals(
          "papergraph: cannot write to standard output: No space left on device",
          err.strip(),
          args::toString);
    }
  }

  @Test
  void versionComesFromTheJarsMavenMetadata() throws Exception {
    Run r = run("--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.out().lines().findFirst().orElse("").matches("papergraph \\d+\\.\\d+\\.\\d+.*"),
        r::toString);
  }

  @Test
  void infoReadsTheWorkspaceTheJarBuilt() throws Exception {
    Run r = run("info", "-w", ws.toString(), "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = Table.json().readTree(r.out());
    assertEquals(415, doc.at("/manifest/counts/papers").asInt());
    // each library's own version, not papergraph's (the shaded jar has one manifest for all)
    assertEquals("9.12.3", doc.at("/manifest/libraries/lucene").asText(), r::toString);
    assertEquals("1.5.3", doc.at("/manifest/libraries/jgrapht").asText(), r::toString);
  }

  @Test
  void userErrorExits1AndUsageErrorExits2FromTheProcess() throws Exception {
    Run missing = run("info", "-w", tmp.resolve("nowhere").toString());
    assertEquals(1, missing.code(), missing::toString);
    assertEquals(1, missing.err().lines().count(), missing::toString);
    assertEquals("", missing.out());
    Run usage = run("info", "--top", "3");
    assertEquals(2, usage.code(), usage::toString);
  }

  @Test
  void luceneServiceFilesAreMergedIntoTheJar() throws Exception {
    try (JarFile j = new JarFile(jar.toFile())) {
      String codecs =
          new String(
              j.getInputStream(j.getEntry("META-INF/services/org.apache.lucene.codecs.Codec"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(codecs.contains("org.apache.lucene.codecs.lucene912.Lucene912Codec"), codecs);
      String postings =
          new String(
              j.getInputStream(
                      j.getEntry("META-INF/services/org.apache.lucene.codecs.PostingsFormat"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(postings.contains("Lucene912PostingsFormat"), postings);
    }
  }

  static Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("papergraph " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
