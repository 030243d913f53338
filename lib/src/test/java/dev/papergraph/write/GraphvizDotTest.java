package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our DOT export read by Graphviz itself (issue 16: "a file Gephi's importer and Graphviz both
 * read"). {@code neato -n} keeps the positions the file carries, so Graphviz parses every statement
 * and lays out nothing; its {@code plain} output lists one {@code node} line per node and one
 * {@code edge} line per edge it read. CI installs Graphviz (Debian {@code graphviz}); with {@code
 * CI=true} a missing {@code dot} fails the test, elsewhere it skips.
 */
class GraphvizDotTest {

  private static final Path DOT = Path.of("/usr/bin/dot");

  @TempDir Path dir;

  @Test
  void graphvizReadsEveryNodeAndEdgeOfTheSeedExport() throws Exception {
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          Files.isExecutable(DOT), "Graphviz dot absent: skipped (CI installs it)");
    }
    AnalysedGraph a = TestAnalyses.seed();
    Path file = dir.resolve("seeds.dot");
    Files.writeString(file, OtherFormatsTest.text(a, ExportFormat.DOT), StandardCharsets.UTF_8);

    List<String> plain = graphviz(file);

    assertEquals("stop", plain.get(plain.size() - 1));
    assertTrue(plain.get(0).startsWith("graph "), plain.get(0));
    long nodes = plain.stream().filter(l -> l.startsWith("node ")).count();
    long edges = plain.stream().filter(l -> l.startsWith("edge ")).count();
    assertEquals(a.graph().similarity().vertexSet().size(), nodes);
    assertEquals(a.graph().similarity().edgeSet().size(), edges);
  }

  /**
   * {@code dot -Kneato -n -Tplain FILE}: fails on an error or any warning but "size too small for
   * label".
   */
  private List<String> graphviz(Path file) throws IOException, InterruptedException {
    Path out = dir.resolve("plain.txt");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(DOT.toString(), "-Kneato", "-n", "-Tplain", file.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "dot did not finish in 5 minutes");
    String messages = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), messages);
    // the one message allowed: a title longer than its fixed-size node (drawing, not parsing)
    for (String line : messages.split("\n")) {
      assertTrue(
          line.isBlank() || line.matches("Warning: node '.*', graph '.*' size too small for label"),
          line);
    }
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }
}
