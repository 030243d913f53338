package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

  @TempDir Path tmp;

  @Test
  void withoutInputBuildsTheBundledSeedsAndPrintsTheImportReport() {
    Path ws = tmp.resolve("ws");
    var r = Cli.run("build", "-w", ws.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith(
        "Import: 487 records read, 415 papers imported, 72 merged into earlier papers, 0 rejected"), r::toString);
    assertTrue(r.out().contains("000_2eefaa9733c16c96.txt"), r::toString);
    assertTrue(r.out().contains("415 papers"), r::toString);
    assertTrue(Files.isRegularFile(ws.resolve("workspace.json")));
  }

  @Test
  void jsonOutputCarriesTheWholeReport() throws Exception {
    var r = Cli.run("build", "-q", "-w", tmp.resolve("ws").toString(), "--output", "json");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), "--quiet leaves stderr empty");
    JsonNode doc = Table.JSON.readTree(r.out());
    assertEquals(487, doc.at("/report/read").asInt());
    assertEquals(72, doc.at("/report/merges").size());
    assertEquals(415, doc.at("/summary/papers").asInt());
  }

  @Test
  void readsFilesFoldersGlobsAndStandardInput() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data/sub"));
    Files.writeString(tmp.resolve("data/a.jsonl"), paper("Alpha") + paper("Beta"));
    Files.writeString(data.resolve("b.jsonl"), paper("Gamma"));
    Files.writeString(tmp.resolve("data/.hidden.jsonl"), paper("Hidden"));
    Path ws = tmp.resolve("ws");

    var folder = Cli.run("build", "-w", ws.toString(), "--output", "csv", tmp.resolve("data").toString());
    assertEquals(0, folder.code(), folder::toString);
    assertEquals(3, countPapers(ws), folder::toString);

    var glob = Cli.run("build", "-w", ws.toString(), tmp.resolve("data").toString() + "/*/*.jsonl");
    assertEquals(0, glob.code(), glob::toString);
    assertEquals(1, countPapers(ws), "only sub/b.jsonl is one folder down: " + glob);

    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(paper("Delta").getBytes(StandardCharsets.UTF_8)));
      var stdin = Cli.run("build", "-w", ws.toString(), "-", tmp.resolve("data/a.jsonl").toString());
      assertEquals(0, stdin.code(), stdin::toString);
      assertEquals(3, countPapers(ws), stdin::toString);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void missingInputIsOneLineNamingIt() {
    Path ws = tmp.resolve("ws");
    var r = Cli.run("build", "-w", ws.toString(), "no-such-file.txt");
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertEquals("papergraph: no-such-file.txt: no such file or folder", r.errLines().get(0));
    assertTrue(!Files.exists(ws), "nothing built");
  }

  @Test
  void unreadableInputIsOneLineWithoutStackTraceUnlessVerbose() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.json"), "[1, 2]");
    var r = Cli.run("build", "-w", tmp.resolve("ws").toString(), bad.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("bad.json: unknown format"), r::toString);
    var verbose = Cli.run("build", "--verbose", "-w", tmp.resolve("ws").toString(), bad.toString());
    assertEquals(1, verbose.code());
    assertTrue(verbose.err().contains("\tat dev.papergraph"), "--verbose shows the stack trace");
  }

  @Test
  void unknownFormatIsAUsageError() {
    var r = Cli.run("build", "-w", tmp.resolve("ws").toString(), "--format", "docx");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("unknown --format 'docx': expected one of hf, json, jsonl"), r::toString);
  }

  @Test
  void refusesToBuildOverAFolderOfOtherFiles() throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "x");
    var r = Cli.run("build", "-w", mine.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("choose another --workspace folder"), r::toString);
  }

  private static String paper(String title) {
    return "{\"title\":\"" + title + "\",\"abstractText\":\"About " + title + ".\",\"provenance\":[]}\n";
  }

  private static long countPapers(Path ws) throws Exception {
    try (var lines = Files.lines(ws.resolve("papers.jsonl"))) {
      return lines.filter(l -> !l.isBlank()).count();
    }
  }
}
