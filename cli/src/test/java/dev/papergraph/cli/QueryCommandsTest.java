package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The query commands end to end, in-process, against the workspace of the bundled seeds. */
class QueryCommandsTest {

  @TempDir Path tmp;

  // ---- rank

  @Test
  void rankTop5AsJsonParsesAndIsSortedByPagerank() throws Exception {
    var r = SeedWorkspace.run("rank", "--top", "5", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    assertEquals(5, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(i + 1, rows.get(i).get("rank").asInt());
      assertTrue(rows.get(i).get("title").asText().length() > 0);
      if (i > 0) {
        assertTrue(
            rows.get(i - 1).get("pagerank").asDouble() >= rows.get(i).get("pagerank").asDouble(),
            "not sorted: " + r.out());
      }
    }
  }

  @Test
  void rankByEveryMeasureIsSortedAndCsvHasAHeader() {
    for (String m : new RankCommand.MeasureNames()) {
      var r = SeedWorkspace.run("rank", "--by", m, "--top", "20", "--output", "tsv");
      assertEquals(0, r.code(), r::toString);
      List<String> lines = r.out().lines().toList();
      assertEquals("rank\t" + m + "\tcommunity\tyear\tid\ttitle", lines.get(0));
      assertEquals(21, lines.size(), r::toString);
      double previous = Double.POSITIVE_INFINITY;
      for (String line : lines.subList(1, lines.size())) {
        double v = Double.parseDouble(line.split("\t")[1]);
        assertTrue(v <= previous, m + " not sorted:\n" + r.out());
        previous = v;
      }
    }
  }

  @Test
  void rankWithinACommunityListsOnlyItsMembers() throws Exception {
    JsonNode communities =
        Table.json().readTree(SeedWorkspace.run("communities", "--output", "json").out());
    JsonNode c1 = communities.at("/communities/1");
    Set<String> members = new HashSet<>();
    c1.get("members").forEach(m -> members.add(m.asText()));
    var r = SeedWorkspace.run("rank", "--community", "1", "--top", "1000", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    assertEquals(members.size(), rows.size());
    rows.forEach(row -> assertTrue(members.contains(row.get("id").asText()), row.toString()));
    assertEquals(
        c1.at("/centralPapers/0/id").asText(),
        rows.get(0).get("id").asText(),
        "the first central paper of a community is its top paper by PageRank within it");
  }

  @Test
  void rankGemsAreFarMoreCentralThanUpvoted() throws Exception {
    var r = SeedWorkspace.run("rank", "--gems", "--top", "5", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    assertTrue(rows.size() >= 1 && rows.size() <= 5, r::toString);
    for (JsonNode row : rows) {
      assertTrue(row.get("gap").asDouble() >= 0.5, row.toString());
      assertTrue(
          row.get("pagerankPct").asDouble() > row.get("upvotesPct").asDouble(), row.toString());
    }
    var hype = SeedWorkspace.run("rank", "--hype", "--top", "5", "--output", "json");
    for (JsonNode row : Table.json().readTree(hype.out())) {
      assertTrue(row.get("gap").asDouble() <= -0.5, row.toString());
    }
  }

  @Test
  void rankGemsAndHypeTogetherIsAUsageError() {
    var r = SeedWorkspace.run("rank", "--gems", "--hype");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
  }

  @Test
  void rankOfAMissingCommunitySaysWhichExist() {
    var r = SeedWorkspace.run("rank", "--community", "999");
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: no community 999: this workspace has communities 0 to "),
        r::toString);
  }

  // ---- neighbors

  @Test
  void neighborsOfGrokkingAtTheEdgeListsGrokkingPapers() throws Exception {
    var r =
        SeedWorkspace.run("neighbors", "Grokking at the Edge", "--top", "5", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    assertEquals(5, rows.size(), r::toString);
    long grok = 0;
    for (JsonNode row : rows) {
      assertEquals(1, row.get("hop").asInt());
      grok += row.get("title").asText().toLowerCase(Locale.ROOT).contains("grok") ? 1 : 0;
    }
    assertTrue(grok >= 4, "at least 4 of the top 5 neighbours are grokking papers:\n" + r.out());
    var table = SeedWorkspace.run("neighbors", "Grokking at the Edge");
    assertTrue(
        table
            .out()
            .startsWith(
                "Neighbours of Grokking at the Edge of Numerical Stabi…  (title:215cdfb109b560a0)\n"),
        table::toString);
    assertTrue(
        Cli.runWithColumns(
                120, "neighbors", "Grokking at the Edge", "-w", SeedWorkspace.dir().toString())
            .out()
            .startsWith(
                "Neighbours of Grokking at the Edge of Numerical Stability  (title:215cdfb109b560a0)\n"));
    assertTrue(table.out().contains("grokking"), "shared terms are shown:\n" + table.out());
  }

  @Test
  void neighborsAtDepth2FormATreeUnderTheirClosestParent() throws Exception {
    var r =
        SeedWorkspace.run(
            "neighbors", "PD-Quant", "--depth", "2", "--top", "3", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    List<String> hop1 = new ArrayList<>();
    String lastHop1 = null;
    int hop2 = 0;
    for (JsonNode row : rows) {
      if (row.get("hop").asInt() == 1) {
        lastHop1 = row.get("id").asText();
        hop1.add(lastHop1);
        assertTrue(row.get("via").isNull());
      } else {
        hop2++;
        assertEquals(2, row.get("hop").asInt());
        assertEquals(
            lastHop1, row.get("via").asText(), "a hop-2 paper follows its parent:\n" + r.out());
      }
    }
    assertEquals(3, hop1.size(), r::toString);
    assertTrue(hop2 >= 1 && hop2 <= 9, r::toString);
  }

  @Test
  void neighborsExportWritesTheEgoGraphAndKeepsAnExistingFile() throws Exception {
    Path file = tmp.resolve("ego.graphml");
    var r =
        SeedWorkspace.run(
            "neighbors", "Grokking at the Edge", "--top", "5", "--export", file.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.out(), "the ego graph goes to the file, not stdout");
    String xml = Files.readString(file);
    Matcher nodes = Pattern.compile("<node ").matcher(xml);
    int count = 0;
    while (nodes.find()) count++;
    assertEquals(6, count, "the paper and its 5 neighbours");
    assertTrue(xml.contains("Grokking at the Edge of Numerical Stability"));

    var again = SeedWorkspace.run("neighbors", "Grokking at the Edge", "--export", file.toString());
    assertEquals(1, again.code(), again::toString);
    assertEquals(1, again.errLines().size(), again::toString);
    assertTrue(again.err().contains("exists; add --force to replace it"), again::toString);
    assertEquals(
        0,
        SeedWorkspace.run("neighbors", "Grokking at the Edge", "-f", "--export", file.toString())
            .code());
  }

  // ---- PAPER resolution

  @Test
  void ambiguousTitleExits1AndListsTheCandidates() {
    var r = SeedWorkspace.run("neighbors", "grok");
    assertEquals(1, r.code(), r::toString);
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertEquals(
        "papergraph: \"grok\" matches 7 papers; give more of the title, or one of these ids:",
        lines.get(0));
    assertEquals(8, lines.size(), r::toString);
    for (String line : lines.subList(1, lines.size())) {
      assertTrue(
          line.startsWith("  title:") && line.toLowerCase(Locale.ROOT).contains("grok"), line);
    }
  }

  @Test
  void unknownTitleExits1AndSuggestsTheClosestTitles() {
    var r = SeedWorkspace.run("explain", "Grokking at the Edge of Numerical Stabilty", "PD-Quant");
    assertEquals(1, r.code(), r::toString);
    assertTrue(
        r.errLines()
            .get(0)
            .startsWith(
                "papergraph: no paper matches \"Grokking at the Edge of Numerical "
                    + "Stabilty\"; the closest titles are:"),
        r::toString);
    assertTrue(
        r.errLines().get(1).endsWith("Grokking at the Edge of Numerical Stability"), r::toString);
  }

  @Test
  void paperIdsWorkWherever() throws Exception {
    String id =
        Table.json()
            .readTree(SeedWorkspace.run("rank", "--top", "1", "--output", "json").out())
            .get(0)
            .get("id")
            .asText();
    var r = SeedWorkspace.run("neighbors", id, "--top", "1", "--output", "json");
    assertEquals(0, r.code(), r::toString);
  }

  // ---- communities, explain, path

  @Test
  void communitiesAreLabelledAndQuantizationPapersShareOne() throws Exception {
    var r = SeedWorkspace.run("communities", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = Table.json().readTree(r.out());
    assertTrue(doc.get("modularity").asDouble() >= 0.5, r::toString);
    JsonNode quant = null;
    for (JsonNode c : doc.get("communities")) {
      assertFalse(c.get("label").asText().startsWith("community "), "unlabelled: " + c);
      if (c.get("label").asText().contains("quantization")) {
        quant = c;
      }
    }
    assertTrue(quant != null, "a community labelled quantization:\n" + r.out());
    String pdQuant =
        Table.json()
            .readTree(
                SeedWorkspace.run("neighbors", "PD-Quant", "--top", "1", "--output", "json").out())
            .get(0)
            .get("id")
            .asText();
    boolean neighbourInside = false;
    for (JsonNode m : quant.get("members")) neighbourInside |= m.asText().equals(pdQuant);
    assertTrue(neighbourInside, "PD-Quant's strongest neighbour is in the quantization community");

    var table = SeedWorkspace.run("communities", "--top-papers", "1");
    assertTrue(
        table
            .out()
            .matches(
                "(?s)\\d+ communities, modularity 0\\.\\d{4} \\(modularity, resolution 1\\.0, "
                    + "seed 42\\)\\n.*"),
        table::toString);
  }

  @Test
  void explainALinkedPairShowsSharedTerms() throws Exception {
    var r =
        SeedWorkspace.run(
            "explain", "Grokking at the Edge", "Grokking as the Transition", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = Table.json().readTree(r.out());
    assertTrue(doc.get("linked").asBoolean(), r::toString);
    assertEquals("grokking", doc.at("/explanation/sharedTerms/0/display").asText(), r::toString);
    double score = doc.at("/explanation/score").asDouble();
    assertTrue(score > 0, r::toString);
    var table = SeedWorkspace.run("explain", "Grokking at the Edge", "Grokking as the Transition");
    assertTrue(
        table.out().contains(String.format(Locale.ROOT, "score %.4f, an edge of the graph", score)),
        table::toString);
  }

  @Test
  void explainAnUnlinkedPairGivesItsLowerScore() throws Exception {
    var r = SeedWorkspace.run("explain", "Grokking at the Edge", "PD-Quant", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = Table.json().readTree(r.out());
    assertFalse(doc.get("linked").asBoolean(), r::toString);
    // not linked: weaker than every edge the first paper keeps (its top k = 10)
    JsonNode kept =
        Table.json()
            .readTree(
                SeedWorkspace.run("neighbors", "Grokking at the Edge", "--output", "json").out());
    double weakest = kept.get(kept.size() - 1).get("score").asDouble();
    assertTrue(
        doc.at("/explanation/score").asDouble() <= weakest, r + "\nweakest kept edge " + weakest);
  }

  @Test
  void explainOfOnePaperWithItselfIsAUserError() {
    var r = SeedWorkspace.run("explain", "PD-Quant", "PD-Quant: Post-Training");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("both arguments name the same paper"), r::toString);
  }

  @Test
  void pathRunsFromTheFirstPaperToTheSecondOverEdges() throws Exception {
    var r = SeedWorkspace.run("path", "Grokking at the Edge", "PD-Quant", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    assertTrue(rows.size() >= 2, r::toString);
    assertTrue(rows.get(0).get("title").asText().startsWith("Grokking at the Edge"), r::toString);
    assertTrue(rows.get(rows.size() - 1).get("title").asText().startsWith("PD-Quant"), r::toString);
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i).get("score").asDouble() > 0, r::toString);
      // each step is an edge: explain agrees that the pair is linked, with the same score
      JsonNode e =
          Table.json()
              .readTree(
                  SeedWorkspace.run(
                          "explain",
                          rows.get(i - 1).get("id").asText(),
                          rows.get(i).get("id").asText(),
                          "--output",
                          "json")
                      .out());
      assertTrue(e.get("linked").asBoolean());
      assertEquals(
          rows.get(i).get("score").asDouble(), e.at("/explanation/score").asDouble(), 1e-12);
    }
  }

  // ---- search

  @Test
  void searchFindsQuantizationPapersForAQuantizationQuery() throws Exception {
    var r =
        SeedWorkspace.run("search", "post-training quantization", "--top", "5", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = Table.json().readTree(r.out());
    assertEquals(5, rows.size(), r::toString);
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(
          rows.get(i).get("title").asText().toLowerCase(Locale.ROOT).contains("quantiz"),
          r::toString);
      if (i > 0) {
        assertTrue(
            rows.get(i - 1).get("score").asDouble() >= rows.get(i).get("score").asDouble(),
            r::toString);
      }
    }
  }

  @Test
  void searchWithAPastedAbstractFindsItsPaperFirst() throws Exception {
    String abstractText =
        "Grokking, the sudden generalization that occurs after prolonged overfitting, is a surprising "
            + "phenomenon challenging our understanding of deep learning. We argue that without regularization, grokking "
            + "tasks push models to the edge of numerical stability, introducing floating point errors in the Softmax.";
    var r = SeedWorkspace.run("search", abstractText, "--top", "3", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    assertEquals(
        "Grokking at the Edge of Numerical Stability",
        Table.json().readTree(r.out()).get(0).get("title").asText(),
        r::toString);
  }

  @Test
  void searchWithNothingInCommonSaysSo() {
    var r = SeedWorkspace.run("search", "zzzzqqq");
    assertEquals(0, r.code(), r::toString);
    assertEquals("RANK  SCORE  COMMUNITY  YEAR  ID  TITLE", r.out().strip());
    assertTrue(r.err().contains("no paper shares a term with \"zzzzqqq\""), r::toString);
  }

  // ---- export

  @Test
  void exportWritesEveryFormatWithEveryPaper() throws Exception {
    for (String format : new ExportTarget.FormatNames()) {
      Path file = tmp.resolve("seeds-" + format + (format.equals("csv") ? ".csv" : ".out"));
      var r = SeedWorkspace.run("export", "--format", format, "-o", file.toString());
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.err().startsWith("papergraph: wrote " + format + " (415 papers, "), r::toString);
    }
    String graphml = Files.readString(tmp.resolve("seeds-graphml.out"));
    assertEquals(415, graphml.split("<node ", -1).length - 1);
    assertTrue(
        Files.exists(tmp.resolve("seeds-csv-nodes.csv"))
            || Files.list(tmp).anyMatch(p -> p.getFileName().toString().contains("nodes")),
        "csv writes a nodes file");
  }

  @Test
  void exportFormatComesFromTheFileName() throws Exception {
    Path file = tmp.resolve("map.gexf");
    var r = SeedWorkspace.run("export", "-o", file.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.readString(file).contains("<gexf"), "a GEXF file");
    var unknown = SeedWorkspace.run("export", "-o", tmp.resolve("map.xyz").toString());
    assertEquals(1, unknown.code(), unknown::toString);
    assertTrue(
        unknown.err().contains("cannot tell the format from the name; add --format"),
        unknown::toString);
  }

  // ---- every query command without a workspace

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rank",
        "communities",
        "info",
        "neighbors x",
        "explain x y",
        "path x y",
        "search x",
        "export -o out.graphml"
      })
  void missingWorkspaceExits1WithOneLineOfAdvice(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    Path nowhere = tmp.resolve("nowhere");
    args.addAll(List.of("-w", nowhere.toString()));
    var r = Cli.run(args.toArray(String[]::new));
    assertEquals(1, r.code(), r::toString);
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "papergraph: no workspace folder in "
                + nowhere
                + ": build one with `papergraph build [INPUT...]`"),
        r.errLines());
  }

  @Test
  void papersInJsonOutputsListTheirIdBeforeTheirTitleOnEveryRun() {
    // Map.of iterated in an order that changed from one process to the next
    String explain =
        SeedWorkspace.run("explain", "Grokking at the Edge", "PD-Quant", "--output", "json").out();
    String communities = SeedWorkspace.run("communities", "--output", "json").out();
    for (String out : List.of(explain, communities)) {
      Matcher m = Pattern.compile("\"(id|title)\" : \"").matcher(out);
      List<String> keys = new ArrayList<>();
      while (m.find()) {
        keys.add(m.group(1));
      }
      assertTrue(keys.size() >= 4, out);
      for (int k = 0; k + 1 < keys.size(); k += 2) {
        assertEquals(List.of("id", "title"), keys.subList(k, k + 2), out);
      }
    }
  }
}
