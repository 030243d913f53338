package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's workspace findings as a user meets them: one line on stderr, exit 1, nothing touched.
 */
class BuildSafetyTest {

  @TempDir Path tmp;

  /** One JSON Lines record of our format with this title and an abstract sharing its words. */
  static String paper(String title) {
    return "{\"title\":\""
        + title
        + "\",\"abstract\":\""
        + title
        + " with shared words\",\"provenance\":[]}\n";
  }

  @Test
  void finding1_buildIntoAFolderWithAForeignWorkspaceJsonExits1AndTouchesNothing()
      throws Exception {
    Path nx = Files.createDirectories(tmp.resolve("nx"));
    Files.writeString(nx.resolve("workspace.json"), "{\"version\": 2, \"projects\": {}}");
    Files.writeString(nx.resolve("package.json"), "{}");
    Path data = Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha") + paper("Beta"));
    var r = Cli.run("build", "-w", nx.toString(), data.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: a folder with other content is in the way in " + nx),
        r::toString);
    assertEquals(
        "{\"version\": 2, \"projects\": {}}", Files.readString(nx.resolve("workspace.json")));
    assertEquals("{}", Files.readString(nx.resolve("package.json")));
    assertEquals(List.of("a.jsonl", "nx"), names(tmp));
  }

  @Test
  void finding2_buildImportingNothingExits1AndKeepsThePreviousWorkspace() throws Exception {
    Path ws = twoPaperWorkspace();
    String catalog = Files.readString(ws.resolve("catalog.tsv"));
    Path listing = Files.writeString(tmp.resolve("not-a-listing.txt"), "just some words\n");
    var r = Cli.run("build", "-q", "-w", ws.toString(), "--format", "jsonl", listing.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: no papers imported: 1 records read, 1 rejected (first: "),
        r::toString);
    assertTrue(r.err().contains("the workspace there is unchanged"), r::toString);
    assertEquals(catalog, Files.readString(ws.resolve("catalog.tsv")));
    assertEquals(0, Cli.run("rank", "-w", ws.toString()).code());
  }

  @Test
  void finding3_damagedStageFileExits1NamingIt() throws Exception {
    Path ws = tmp.resolve("ws");
    Path data =
        Files.writeString(
            tmp.resolve("a.jsonl"), paper("Alpha") + paper("Beta") + paper("Alpha beta"));
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), data.toString()).code());
    Path c = ws.resolve("centralities.tsv");
    List<String> lines = Files.readAllLines(c);
    Files.write(c, lines.subList(0, lines.size() - 1));
    var r = Cli.run("rank", "-w", ws.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: damaged workspace: centralities.tsv ("), r::toString);
    assertEquals("", r.out(), "no partial answer");
  }

  @Test
  void buildOutOfHeapExits1WithOneLineAndKeepsThePreviousWorkspace() throws Exception {
    Path ws = twoPaperWorkspace();
    String catalog = Files.readString(ws.resolve("catalog.tsv"));
    // 20,000 papers of 150 random words each: ~20 MB of text, which a 24 MiB heap cannot hold
    Path big = tmp.resolve("big.jsonl");
    Random random = new Random(1);
    try (var out = Files.newBufferedWriter(big)) {
      for (int p = 0; p < 20_000; p++) {
        StringBuilder words = new StringBuilder();
        for (int w = 0; w < 150; w++) {
          words.append(w == 0 ? "" : " ").append("w").append(random.nextInt(50_000));
        }
        out.write("{\"title\":\"Paper " + p + "\",\"abstract\":\"" + words + "\"}\n");
      }
    }
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "build",
                "-q",
                "--no-semantic",
                "-w",
                ws.toString(),
                big.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child build did not end");
    String err = Files.readString(tmp.resolve("err.txt"));
    assertEquals(1, child.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(
        err.startsWith("papergraph: out of memory: the Java heap of ")
            && err.contains("PAPERGRAPH_JAVA_OPTS=-Xmx2g"),
        err);
    assertEquals(catalog, Files.readString(ws.resolve("catalog.tsv")), "the previous workspace");
    assertEquals(0, Cli.run("rank", "-w", ws.toString()).code());
  }

  /** The workspace {@code ws} built from a file {@code a.jsonl} of two papers, Alpha and Beta. */
  private Path twoPaperWorkspace() throws Exception {
    Path ws = tmp.resolve("ws");
    Path data = Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha") + paper("Beta"));
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), data.toString()).code());
    return ws;
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
