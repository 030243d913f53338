package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.model.Paper;
import dev.papergraph.read.CorpusFormatException;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

  @TempDir static Path tmp;
  static Path seedDir;
  static Workspace built;

  @BeforeAll
  static void buildSeeds() throws Exception {
    seedDir = tmp.resolve("seeds");
    built = Workspace.build(seedDir, Seeds.sources(), BuildOptions.DEFAULTS, Progress.NONE);
  }

  @Test
  void reopenedWorkspaceHasTheSamePapersAndReport() throws Exception {
    Workspace opened = Workspace.open(seedDir);
    assertEquals(415, opened.papers().size());
    assertEquals(built.papers(), opened.papers());
    assertEquals(built.importReport(), opened.importReport());
    assertEquals(487, opened.importReport().read());
    // numbers come back from JSON as the narrowest type (42L as 42), so compare the printed form
    assertEquals(built.manifest().toString(), opened.manifest().toString());
    assertEquals(built.links(), opened.links());
    assertEquals(built.communities(), opened.communities());
    assertEquals(built.centralities(), opened.centralities());
    assertEquals(built.layout(), opened.layout());
  }

  @Test
  void manifestRecordsInputsWithSha256AndCounts() throws Exception {
    var m = Workspace.open(seedDir).manifest();
    assertEquals(5, m.inputs().size());
    assertEquals("papergraph/seed/hf-papers/000_2eefaa9733c16c96.txt", m.inputs().get(0).name());
    assertEquals("hf", m.inputs().get(0).format());
    // reference: sha256sum
    // testdata/src/main/resources/papergraph/seed/hf-papers/000_2eefaa9733c16c96.txt
    assertEquals(
        "9797d943f04ae4547411fa74f7e75d80676b68a8f438fe841588494eaca61cbc",
        m.inputs().get(0).sha256());
    assertEquals(133203, m.inputs().get(0).bytes());
    assertEquals(415L, m.counts().get("papers"));
    assertEquals(72L, m.counts().get("records.merged"));
    assertEquals("detect", m.parameters().get("read.format"));
    assertEquals("9.12.3", m.libraries().get("lucene"));
    assertTrue(m.tool().startsWith("papergraph "));
  }

  @Test
  void addingInputsGivesTheWorkspaceOfOneBuildOverAllOfThem() throws Exception {
    List<InputSource> seeds = Seeds.sources();
    Path dir = tmp.resolve("added");
    Workspace first =
        Workspace.build(dir, seeds.subList(0, 3), BuildOptions.DEFAULTS, Progress.NONE);
    int papersBefore = first.papers().size();
    List<String> segmentsBefore = indexFiles(dir).stream().filter(f -> f.startsWith("_")).toList();

    Workspace.add(dir, seeds.subList(3, 5), Optional.empty(), Progress.NONE);

    Workspace added = Workspace.open(dir);
    assertEquals(415, added.papers().size());
    assertTrue(
        papersBefore < 415, "the first three files alone give fewer papers: " + papersBefore);
    assertEquals(built.papers(), added.papers());
    assertEquals(built.importReport(), added.importReport());
    assertEquals(487, added.importReport().read());
    assertEquals(72, added.importReport().merged());
    assertEquals(built.links(), added.links());
    // the same partition and labels; the numbers follow the first three files' communities (below)
    assertEquals(byMembers(built.communities()), byMembers(added.communities()));
    assertEquals(built.communities().modularity(), added.communities().modularity());
    assertStableIds(first.communities(), added.communities());
    assertEquals(built.centralities(), added.centralities());
    // --add embeds only the texts of the new papers; otherwise the manifest is the one build's
    int embeddedBefore =
        ((Number) built.manifest().parameters().get("semantic.embedded")).intValue();
    int embeddedAdded =
        ((Number) added.manifest().parameters().get("semantic.embedded")).intValue();
    assertEquals(415, embeddedBefore);
    assertTrue(
        embeddedAdded > 0 && embeddedAdded < 415 - papersBefore + 50,
        "embedded on --add: " + embeddedAdded);
    assertEquals(
        built
            .manifest()
            .withCreated("")
            .toString()
            .replace("semantic.embedded=" + embeddedBefore, "semantic.embedded=" + embeddedAdded),
        added.manifest().withCreated("").toString());
    // the saved index was extended, not rebuilt: its segments are all still there
    assertFalse(segmentsBefore.isEmpty());
    List<String> segmentsAfter = indexFiles(dir);
    assertTrue(
        segmentsAfter.containsAll(segmentsBefore), segmentsBefore + " not all in " + segmentsAfter);
    assertEquals(1, Workspace.open(dir).search("grokking edge numerical stability", 1).size());
  }

  /** Each community's label and central papers by its members, ids left out. */
  static Map<List<String>, List<List<String>>> byMembers(Communities cs) {
    Map<List<String>, List<List<String>>> out = new HashMap<>();
    cs.communities().forEach(c -> out.put(c.members(), List.of(c.labelTerms(), c.centralPapers())));
    return out;
  }

  /**
   * Community ids stay across --add: a community of the grown workspace and one of the first whose
   * Jaccard overlaps (over the papers both workspaces hold, as CommunityMatching counts them) are
   * each other's strict best share the id (when the id is below the number of communities), and the
   * membership agrees with the communities' ids.
   */
  static void assertStableIds(Communities before, Communities after) {
    Set<String> both = new HashSet<>(before.membership().keySet());
    both.retainAll(after.membership().keySet());
    int matched = 0;
    for (var b : before.communities()) {
      var bestAfter = strictBest(b.members(), after, both);
      if (bestAfter == null || b.id() >= after.communities().size()) {
        continue;
      }
      var bestBefore = strictBest(bestAfter.members(), before, both);
      if (bestBefore != null && bestBefore.id() == b.id()) {
        assertEquals(b.id(), bestAfter.id(), "community " + b.id() + " was renumbered");
        matched++;
      }
    }
    assertTrue(matched >= 3, "too few communities to check: " + matched);
    after
        .communities()
        .forEach(c -> c.members().forEach(m -> assertEquals(c.id(), after.membership().get(m))));
  }

  private static Community strictBest(List<String> members, Communities in, Set<String> held) {
    Set<String> mine = new HashSet<>(members);
    mine.retainAll(held);
    Community best = null;
    double bestJ = 0;
    boolean tie = false;
    for (var c : in.communities()) {
      Set<String> theirs = new HashSet<>(c.members());
      theirs.retainAll(held);
      Set<String> both = new HashSet<>(mine);
      both.retainAll(theirs);
      double j = both.size() / (double) (mine.size() + theirs.size() - both.size());
      if (j > bestJ) {
        best = c;
        bestJ = j;
        tie = false;
      } else if (j == bestJ && j > 0) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  @Test
  void addingToAFolderWithoutWorkspaceSaysHowToBuildOne() {
    var e =
        assertThrows(
            WorkspaceException.class,
            () ->
                Workspace.add(
                    tmp.resolve("nothing-here"),
                    Seeds.sources().subList(0, 1),
                    Optional.empty(),
                    Progress.NONE));
    assertTrue(e.getMessage().contains("papergraph build"), e.getMessage());
  }

  private static List<String> indexFiles(Path workspace) throws IOException {
    try (Stream<Path> s = Files.list(workspace.resolve("index"))) {
      return s.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void searchFindsPapersByFreeTextInTheSavedIndex() throws Exception {
    var hits = Workspace.open(seedDir).search("grokking", 5);
    assertEquals(5, hits.size());
    hits.forEach(
        h ->
            assertTrue(
                h.paper().title().toLowerCase(Locale.ROOT).contains("grok")
                    || h.paper()
                        .abstractIfKnown()
                        .orElse("")
                        .toLowerCase(Locale.ROOT)
                        .contains("grok"),
                h.toString()));
  }

  @Test
  void lookupFindsPapersOfTheWorkspace() throws Exception {
    Workspace ws = Workspace.open(seedDir);
    PaperRef p = ((PaperLookup.Found) ws.lookup().find("Grokking at the Edge")).paper();
    assertEquals(p.title(), ws.paper(p.id()).orElseThrow().title());
    assertEquals(p, ws.ref(p.id()).orElseThrow());
    assertEquals(ws.communities().of(p.id()).orElseThrow().id(), p.community());
    assertEquals(built.catalog(), ws.catalog());
  }

  @Test
  void centralitiesOfOneMeasureAreThoseOfTheBuildForThatMeasureOnly() throws Exception {
    Centralities all = built.centralities();
    assertTrue(
        all.withinCommunity().containsKey(Measure.BETWEENNESS), "no within-community scores");
    for (Measure m : List.of(Measure.PAGERANK, Measure.BETWEENNESS)) {
      Centralities one = Workspace.open(seedDir).centralities(m);
      assertEquals(Map.of(m, all.scores().get(m)), one.scores(), m.key());
      assertEquals(
          Map.of(m, all.withinCommunity().get(m)), one.withinCommunity(), m.key() + " within");
      assertEquals(all.ranking(m), one.ranking(m), m.key());
    }
    // in memory already: every measure, as centralities() gives them
    Workspace ws = Workspace.open(seedDir);
    ws.centralities();
    assertEquals(all, ws.centralities(Measure.PAGERANK));
  }

  @Test
  void answersFromTheCatalogAndStageFilesWithoutReadingThePapers() throws Exception {
    Workspace ws = Workspace.open(seedDir);
    int dated = 0;
    for (Paper p : built.papers()) {
      assertEquals(p.year(), ws.year(p.id()), p.id());
      dated += p.year().isPresent() ? 1 : 0;
    }
    assertTrue(dated > 0, "no seed paper has a year: the check above proves nothing");
    var citations = built.graph().citations();
    for (Paper a : built.papers().subList(0, 20)) {
      for (Paper b : built.papers().subList(0, 20)) {
        assertEquals(citations.containsEdge(a.id(), b.id()), ws.cites(a.id(), b.id()));
      }
    }
    ws.centralities().ranking(Measure.PAGERANK);
    ws.communities();
    Link first = built.links().get(0);
    assertEquals(first.explanation(), ws.explain(first.a(), first.b()).explanation());
    ws.neighbourhoods().ego(first.a(), 2, 10);
    assertEquals(built.coverage(), ws.coverage());
    assertEquals(124, ws.coverage().withYear());
    assertFalse(ws.papersLoaded(), "a query read every paper from the index");
  }

  @Test
  void explainsAPairFromTheSavedLinksAsFromTheGraph() throws Exception {
    Workspace fromLinks = Workspace.open(seedDir);
    Workspace fromGraph = Workspace.open(seedDir);
    fromGraph.neighbourhoods();
    assertTrue(fromGraph.similarityGraphLoaded());
    for (Link l : built.links()) {
      Optional<EdgeExplanation> e = Optional.of(l.explanation());
      assertEquals(e, fromLinks.edge(l.a(), l.b()), l.a() + " -- " + l.b());
      assertEquals(e, fromLinks.edge(l.b(), l.a()), l.b() + " -- " + l.a());
      assertEquals(e, fromGraph.edge(l.a(), l.b()), l.a() + " -- " + l.b());
    }
    int unlinked = 0;
    for (Paper a : built.papers().subList(0, 30)) {
      for (Paper b : built.papers().subList(0, 30)) {
        Optional<EdgeExplanation> e = fromLinks.edge(a.id(), b.id());
        assertEquals(fromGraph.edge(a.id(), b.id()), e, a.id() + " -- " + b.id());
        unlinked += e.isEmpty() ? 1 : 0;
      }
    }
    assertTrue(unlinked > 30, "too few unlinked pairs to compare: " + unlinked);
    assertEquals(
        built.explain(built.links().get(0).a(), built.links().get(0).b()),
        fromLinks.explain(built.links().get(0).a(), built.links().get(0).b()));
    assertFalse(fromLinks.similarityGraphLoaded(), "explaining a pair built the graph");
  }

  @Test
  void egoGraphFromTheSavedLinksIsTheGraphs() throws Exception {
    Workspace fromLinks = Workspace.open(seedDir);
    Neighbourhoods graph = new Neighbourhoods(built.graph());
    int[][] shapes = {{1, 10}, {1, 3}, {2, 3}, {3, 2}, {2, 1000}};
    int nonTrivial = 0;
    for (Paper p : built.papers()) {
      for (int[] s : shapes) {
        Neighbourhoods.EgoGraph expected = graph.ego(p.id(), s[0], s[1]);
        Neighbourhoods.EgoGraph got = fromLinks.ego(p.id(), s[0], s[1]);
        assertEquals(expected.hops(), got.hops(), p.id() + " " + s[0] + "/" + s[1]);
        assertEquals(List.copyOf(expected.hops().keySet()), got.papers(), p.id() + " order");
        assertEquals(
            expected.edges().stream()
                .map(e -> e.first() + "|" + e.second() + "|" + e.score())
                .toList(),
            got.edges().stream().map(e -> e.first() + "|" + e.second() + "|" + e.score()).toList(),
            p.id() + " " + s[0] + "/" + s[1]);
        nonTrivial += expected.edges().size() > 5 ? 1 : 0;
      }
    }
    assertTrue(nonTrivial > 100, "too few ego graphs with edges to compare: " + nonTrivial);
    assertFalse(fromLinks.similarityGraphLoaded(), "an ego graph built the similarity graph");
    assertThrows(IllegalArgumentException.class, () -> fromLinks.ego("no-such-paper", 1, 10));
    assertThrows(
        IllegalArgumentException.class, () -> fromLinks.ego(built.papers().get(0).id(), 0, 10));
  }

  @Test
  void openingAFolderWithoutWorkspaceSaysHowToBuildOne() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    var e = assertThrows(WorkspaceException.class, () -> Workspace.open(empty));
    assertEquals(
        "no papergraph workspace in " + empty + ": build one with `papergraph build [INPUT...]`",
        e.getMessage());
    var missing =
        assertThrows(WorkspaceException.class, () -> Workspace.open(tmp.resolve("nowhere")));
    assertTrue(missing.getMessage().startsWith("no workspace folder in "), missing.getMessage());
  }

  @Test
  void damagedWorkspaceNamesTheBrokenFile() throws Exception {
    Path dir = tmp.resolve("damaged");
    Workspace.build(
        dir,
        List.of(jsonl("a.jsonl", "{\"title\":\"One\",\"provenance\":[]}")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    Files.writeString(dir.resolve("manifest.json"), "{ not json");
    Workspace opened = Workspace.open(dir);
    var e = assertThrows(WorkspaceException.class, opened::manifest);
    assertTrue(e.getMessage().startsWith("damaged workspace: manifest.json ("), e.getMessage());
  }

  @Test
  void rebuildReplacesTheWorkspaceAndLeavesNoStagingFolders() throws Exception {
    Path dir = tmp.resolve("rebuilt");
    Workspace.build(
        dir,
        List.of(jsonl("a.jsonl", "{\"title\":\"One\",\"provenance\":[]}")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    Workspace.build(
        dir,
        List.of(
            jsonl(
                "b.jsonl",
                "{\"title\":\"Two\",\"provenance\":[]}\n{\"title\":\"Three\",\"provenance\":[]}")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    assertEquals(
        List.of("Two", "Three"), Workspace.open(dir).papers().stream().map(Paper::title).toList());
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(
          s.anyMatch(p -> p.getFileName().toString().contains(".rebuilt.")),
          "staging folders left");
    }
  }

  @Test
  void rebuildKeepsTheSavedIndexOfUnchangedPapersAndGrowsItLikeANewBuild() throws Exception {
    List<InputSource> seeds = Seeds.sources();
    Path dir = tmp.resolve("reindexed");
    Workspace.build(dir, seeds.subList(0, 2), BuildOptions.DEFAULTS, Progress.NONE);
    Map<String, String> before = indexFileHashes(dir);
    Workspace again =
        Workspace.build(dir, seeds.subList(0, 2), BuildOptions.DEFAULTS, Progress.NONE);
    assertEquals(
        before, indexFileHashes(dir), "the same documents, no file of the index written again");
    assertEquals(again.papers(), Workspace.open(dir).papers());

    Workspace grown =
        Workspace.build(dir, seeds.subList(0, 3), BuildOptions.DEFAULTS, Progress.NONE);
    Path freshDir = tmp.resolve("reindexed-fresh");
    Workspace fresh =
        Workspace.build(freshDir, seeds.subList(0, 3), BuildOptions.DEFAULTS, Progress.NONE);
    Workspace reopened = Workspace.open(dir);
    assertEquals(Workspace.open(freshDir).papers(), reopened.papers());
    assertEquals(fresh.papers(), grown.papers());
    String query = "diffusion models for image generation";
    assertEquals(
        Workspace.open(freshDir).search(query, 10).toString(),
        reopened.search(query, 10).toString());
  }

  /** Every file of a workspace's index by name, with its SHA-256 (Lucene's empty lock left out). */
  private static Map<String, String> indexFileHashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir.resolve(WorkspaceStore.INDEX))) {
      for (Path f : s.filter(f -> !f.endsWith("write.lock")).toList()) {
        out.put(
            f.getFileName().toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  @Test
  void failedBuildLeavesThePreviousWorkspaceIntact() throws Exception {
    Path dir = tmp.resolve("intact");
    Workspace.build(
        dir,
        List.of(jsonl("a.jsonl", "{\"title\":\"One\",\"provenance\":[]}")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    InputSource garbage =
        InputSource.ofBytes("garbage.json", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
    assertThrows(
        CorpusFormatException.class,
        () -> Workspace.build(dir, List.of(garbage), BuildOptions.DEFAULTS, Progress.NONE));
    assertEquals(List.of("One"), Workspace.open(dir).papers().stream().map(Paper::title).toList());
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAWorkspace() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "precious");
    var e =
        assertThrows(
            WorkspaceException.class,
            () ->
                Workspace.build(
                    dir,
                    List.of(jsonl("a.jsonl", "{\"title\":\"One\",\"provenance\":[]}")),
                    BuildOptions.DEFAULTS,
                    Progress.NONE));
    assertTrue(
        e.getMessage().startsWith("a folder with other content is in the way in " + dir),
        e.getMessage());
    assertEquals("precious", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void reportsProgressStageByStage() throws Exception {
    List<String> events = new ArrayList<>();
    Progress recorder =
        new Progress() {
          @Override
          public void start(String stage, long total) {
            events.add("start " + stage + " " + total);
          }

          @Override
          public void advance(long units) {
            events.add("+" + units);
          }

          @Override
          public void finish() {
            events.add("finish");
          }
        };
    Workspace.build(tmp.resolve("progress"), Seeds.sources(), BuildOptions.DEFAULTS, recorder);
    assertEquals("start read 5", events.get(0));
    assertEquals(
        5,
        events.subList(0, events.indexOf("finish")).stream().filter(e -> e.equals("+1")).count());
    assertTrue(events.contains("start save 7"), events.toString());
    // issue 14: these stages count real work (PipelineProgressTest checks the counts add up)
    for (String stage : new String[] {"similarity", "graph", "analysis", "layout"}) {
      assertTrue(
          events.stream()
              .anyMatch(
                  e ->
                      e.startsWith("start " + stage + " ")
                          && Long.parseLong(e.substring(e.lastIndexOf(' ') + 1)) > 0),
          events.toString());
    }
    assertEquals("finish", events.get(events.size() - 1));
  }

  private static InputSource jsonl(String name, String text) {
    return InputSource.ofBytes(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
