package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    Path ws = tmp.resolve("ws");
    Path data = Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha") + paper("Beta"));
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), data.toString()).code());
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

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
