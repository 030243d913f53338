package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papergraph.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

  @TempDir Path tmp;

  @Test
  void withoutInputBuildsTheBundledSeedsAndPrintsReportAndSummary() {
    var r = SeedWorkspace.build();
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.out()
            .startsWith(
                "Import: 487 records read: 415 papers imported, 72 merged into them, 0 rejected"),
        r::toString);
    assertTrue(r.out().contains("000_2eefaa9733c16c96.txt"), r::toString);
    assertTrue(
        r.out()
            .matches(
                "(?s).*\\nGraph: 415 papers, \\d+ edges, \\d+ communities, modularity 0\\.\\d{4}\\n"
                    + "Neighbours: exact top-k of every paper\\n"
                    + "Links: lexical \\+ semantic \\(all-MiniLM-L6-v2\\): 415 papers embedded, 0 reused\\n.*"),
        r::toString);
    // the summary names the quantization community by its label and lists central papers
    assertTrue(r.out().matches("(?s).*\\n +\\d+ +\\d+  quantization / .*"), r::toString);
    assertTrue(r.out().contains("Most central papers (PageRank)"), r::toString);
    assertTrue(Files.isRegularFile(SeedWorkspace.dir().resolve("workspace.json")));
  }

  @Test
  void jsonOutputCarriesTheWholeReportAndSummary() throws Exception {
    Path data = threePapers();
    var r =
        Cli.run(
            "build", "-q", "-w", tmp.resolve("ws").toString(), "--output", "json", data.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), "--quiet leaves stderr empty");
    JsonNode doc = Table.json().readTree(r.out());
    assertEquals(3, doc.at("/report/read").asInt());
    assertEquals(3, doc.at("/summary/papers").asInt());
    assertTrue(doc.at("/summary/communities").isArray(), r::toString);
    assertTrue(doc.at("/summary/central").size() > 0, r::toString);
    assertEquals("exact", doc.at("/summary/search").asText(), r::toString);
  }

  @Test
  void theSummarySaysWhenTheNeighboursAreApproximate() throws Exception {
    Path data = threePapers();
    Path ws = tmp.resolve("ws");
    var r = Cli.run("build", "-q", "-w", ws.toString(), "--search", "approximate", data.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.out()
            .contains(
                "\nNeighbours: approximate top-k (every score exact, recall@10 about 0.95;"
                    + " --search exact for exact lists)\n"),
        r::toString);
    var json = Cli.run("info", "-w", ws.toString(), "--output", "json");
    assertEquals(0, json.code(), json::toString);
    assertTrue(json.out().contains("\"similarity.search.used\" : \"approximate\""), json::toString);
  }

  @Test
  void theSummarySaysWhatTheSemanticPartDid() throws Exception {
    Path data = threePapers();
    Path ws = tmp.resolve("ws");
    var off = Cli.run("build", "-w", ws.toString(), "--no-semantic", data.toString());
    assertEquals(0, off.code(), off::toString);
    assertTrue(
        off.out().contains("\nLinks: lexical only (the semantic part is off)\n"), off::toString);

    // another parameter: the vectors of the first fused build are reused
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), data.toString()).code());
    var again = Cli.run("build", "-w", ws.toString(), "-k", "2", data.toString());
    assertEquals(0, again.code(), again::toString);
    assertTrue(
        again
            .out()
            .contains(
                "\nLinks: lexical + semantic (all-MiniLM-L6-v2): 0 papers embedded, 3 reused\n"),
        again::toString);

    assertEquals(
        Optional.of("Links: lexical + semantic (m): 2 papers embedded, 1,234 reused"),
        BuildCommand.semanticLine(
            new Workspace.SemanticRun(Workspace.SemanticState.ON, "m (x, y)", 2, 1234, "")));
    assertEquals(
        Optional.of("Links: lexical only (the semantic model is unavailable here: no natives)"),
        BuildCommand.semanticLine(
            new Workspace.SemanticRun(
                Workspace.SemanticState.UNAVAILABLE, "", 0, 0, "no natives")));
    assertEquals(
        Optional.empty(),
        BuildCommand.semanticLine(
            new Workspace.SemanticRun(Workspace.SemanticState.UNKNOWN, "", 0, 0, "")));
  }

  @Test
  void engineParametersLandInTheManifest() throws Exception {
    Path data = threePapers();
    Path ws = tmp.resolve("ws");
    var r =
        Cli.run(
            "build",
            "-q",
            "-w",
            ws.toString(),
            "-k",
            "3",
            "--min-score",
            "0.05",
            "--weight",
            "topic=0.3",
            "--normalisation",
            "jaccard",
            "--resolution",
            "1.2",
            "--community-input",
            "Similarity",
            "--seed",
            "7",
            data.toString());
    assertEquals(0, r.code(), r::toString);
    JsonNode p =
        Table.json()
            .readTree(Cli.run("info", "-w", ws.toString(), "--output", "json").out())
            .at("/manifest/parameters");
    assertEquals(3, p.get("similarity.k").asInt());
    assertEquals(0.05, p.get("similarity.minScore").asDouble());
    assertEquals(0.3, p.get("similarity.weight.topic").asDouble());
    assertEquals(
        0.75, p.get("similarity.weight.text").asDouble(), "untouched weights keep their defaults");
    assertEquals("jaccard", p.get("similarity.normalisation").asText());
    assertEquals(1.2, p.get("leiden.resolution").asDouble());
    assertEquals("similarity", p.get("leiden.input").asText());
    assertEquals(7, p.get("leiden.seed").asInt());
    assertEquals(7, p.get("layout.seed").asInt());
  }

  @Test
  void outOfRangeEngineParameterIsAUsageErrorNamingIt() {
    var r = Cli.run("build", "-w", tmp.resolve("ws").toString(), "-k", "0");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("k must be at least 1: 0"), r::toString);
    var w = Cli.run("build", "-w", tmp.resolve("ws").toString(), "--weight", "beauty=1");
    assertEquals(2, w.code(), w::toString);
    assertTrue(w.err().contains("unknown component 'beauty'"), w::toString);
    var i = Cli.run("build", "-w", tmp.resolve("ws").toString(), "--community-input", "citations");
    assertEquals(2, i.code(), i::toString);
    assertEquals(1, i.errLines().size(), i::toString);
    assertTrue(
        i.err()
            .contains(
                "--community-input: unknown 'citations': expected one of shared-neighbours,"
                    + " similarity"),
        i::toString);
  }

  @Test
  void helpShowsEngineDefaults() {
    var r = Cli.run("build", "--help");
    assertTrue(r.out().contains("Neighbours kept per paper (default: 10)"), r::toString);
    assertTrue(r.out().contains("0.02)"), r::toString);
    assertTrue(r.out().contains("text=0.75"), r::toString);
    assertTrue(r.out().contains("Leiden resolution"), r::toString);
  }

  @Test
  void readsFilesFoldersGlobsAndStandardInput() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data/sub"));
    Files.writeString(tmp.resolve("data/a.jsonl"), paper("Alpha") + paper("Beta"));
    Files.writeString(data.resolve("b.jsonl"), paper("Gamma"));
    Files.writeString(tmp.resolve("data/.hidden.jsonl"), paper("Hidden"));
    Path ws = tmp.resolve("ws");

    var folder =
        Cli.run("build", "-w", ws.toString(), "--output", "csv", tmp.resolve("data").toString());
    assertEquals(0, folder.code(), folder::toString);
    assertEquals(3, countPapers(ws), folder::toString);

    var glob = Cli.run("build", "-w", ws.toString(), tmp.resolve("data").toString() + "/*/*.jsonl");
    assertEquals(0, glob.code(), glob::toString);
    assertEquals(1, countPapers(ws), "only sub/b.jsonl is one folder down: " + glob);

    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(paper("Delta").getBytes(StandardCharsets.UTF_8)));
      var stdin =
          Cli.run("build", "-w", ws.toString(), "-", tmp.resolve("data/a.jsonl").toString());
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
  void addPutsMorePapersIntoTheWorkspaceWithItsParameters() throws Exception {
    Path ws = tmp.resolve("ws");
    Path a = Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha") + paper("Beta"));
    Path b = Files.writeString(tmp.resolve("b.jsonl"), paper("Gamma") + paper("Alpha"));
    assertEquals(
        0,
        Cli.run("build", "-q", "-w", ws.toString(), "-k", "3", "--seed", "7", a.toString()).code());
    var r = Cli.run("build", "-q", "-w", ws.toString(), "--add", "--output", "json", b.toString());
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = Table.json().readTree(r.out());
    assertEquals(4, doc.at("/report/read").asInt(), "both files are in the report");
    assertEquals(1, doc.at("/report/merged").asInt(), "Alpha again merges into the saved Alpha");
    assertEquals(3, doc.at("/summary/papers").asInt());
    assertEquals(3, countPapers(ws));
    JsonNode m =
        Table.json()
            .readTree(Cli.run("info", "-w", ws.toString(), "--output", "json").out())
            .at("/manifest");
    assertEquals(3, m.at("/parameters/similarity.k").asInt());
    assertEquals(7, m.at("/parameters/leiden.seed").asInt());
    assertEquals(2, m.at("/inputs").size());
  }

  @Test
  void addKeepsTheWorkspaceParametersAndNeedsInputs() {
    var none = Cli.run("build", "-w", tmp.resolve("ws").toString(), "--add");
    assertEquals(2, none.code(), none::toString);
    assertTrue(none.err().contains("--add needs at least one INPUT"), none::toString);
    var k = Cli.run("build", "-w", tmp.resolve("ws").toString(), "--add", "-k", "5", "x.jsonl");
    assertEquals(2, k.code(), k::toString);
    assertTrue(k.err().contains("--top-k cannot be used with --add"), k::toString);
  }

  @Test
  void unknownFormatIsAUsageError() {
    var r = Cli.run("build", "-w", tmp.resolve("ws").toString(), "--format", "docx");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().contains("unknown --format 'docx': expected one of hf, json, jsonl"), r::toString);
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

  /** Three small papers in a JSON Lines file. */
  private Path threePapers() throws IOException {
    return Files.writeString(
        tmp.resolve("a.jsonl"), paper("Alpha") + paper("Beta") + paper("Alpha beta"));
  }

  private static String paper(String title) {
    return "{\"title\":\""
        + title
        + "\",\"abstractText\":\"About "
        + title
        + ".\",\"provenance\":[]}\n";
  }

  private static long countPapers(Path ws) throws Exception {
    try (var lines = Files.lines(ws.resolve("catalog.tsv"))) {
      return lines.skip(1).filter(l -> !l.isBlank()).count();
    }
  }
}
