package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis on the bundled seed corpus with every default (engine and analysis). The centrality
 * and modularity checks read the seed graph from the checked-in edge list (so they do not depend on
 * the engine's tuning); the bench's {@code seed-fixtures} command rewrites it from the engine.
 */
class SeedGraphTest {

  private static Corpus corpus;
  private static SimilarityEngine engine;
  private static PaperGraph graph;
  private static AnalysisStage.Result result;

  @BeforeAll
  static void analyse() {
    corpus = Seeds.corpus();
    engine = SimilarityEngine.of(corpus.papers(), EngineOptions.defaults());
    graph = PaperGraph.of(corpus.papers(), engine.links());
    result =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(graph, engine.neighbourDocs(), TermSource.of(engine.vectors()));
  }

  private static Set<Integer> communitiesOfTitles(Predicate<String> title, int expected) {
    List<String> ids =
        corpus.papers().stream().filter(p -> title.test(p.title())).map(Paper::id).toList();
    assertEquals(expected, ids.size(), "papers matching the title rule");
    return ids.stream()
        .map(id -> result.communities().membership().get(id))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void postTrainingQuantizationPapersShareOneCommunity() {
    Set<Integer> c =
        communitiesOfTitles(
            t ->
                t.toLowerCase(Locale.ROOT).replace('-', ' ').contains("post training quantization"),
            10);
    assertEquals(1, c.size(), "communities of the 10 PTQ papers: " + c);
    Community q = result.communities().communities().get(c.iterator().next());
    assertTrue(q.labelTerms().contains("quantization"), "label " + q.label());
  }

  @Test
  void grokkingPapersShareOneCommunity() {
    Set<Integer> c = communitiesOfTitles(t -> t.contains("Grok"), 7);
    assertEquals(1, c.size(), "communities of the 7 Grok papers: " + c);
  }

  @Test
  void theScoresComputedBesideLeidenAreThoseComputedInTurn() {
    // on one thread the scores over the whole graph are computed before Leiden, on the calling
    // thread; on more they are computed on a thread of their own while Leiden runs
    AnalysisStage.Result inTurn =
        new AnalysisStage(AnalysisStage.Options.defaults(), 1)
            .analyze(graph, engine.neighbourDocs(), TermSource.of(engine.vectors()));
    AnalysisStage.Result beside =
        new AnalysisStage(AnalysisStage.Options.defaults(), 3)
            .analyze(graph, engine.neighbourDocs(), TermSource.of(engine.vectors()));
    // every score overall and within, bit for bit (Double.equals)
    assertEquals(inTurn.centralities(), beside.centralities());
    assertEquals(inTurn.communities().communities(), beside.communities().communities());
    assertEquals(inTurn.parameters(), beside.parameters());
    assertEquals(inTurn.parameters(), result.parameters());
  }

  @Test
  void defaultModularityIsAtLeastHalf() {
    assertTrue(
        result.communities().modularity() >= 0.50,
        "modularity " + result.communities().modularity());
  }

  @Test
  void everyCommunityHasALabelAndCentralPapers() {
    for (Community c : result.communities().communities()) {
      assertTrue(
          c.labelTerms().size() >= Math.min(3, c.size()) || c.small(), c.id() + ": " + c.label());
      assertTrue(c.centralPapers().size() == Math.min(5, c.size()), c.id() + " central papers");
    }
  }

  @Test
  void seedCentralitiesEqualNetworkx() {
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.edgeList("seed_edges.tsv"));
    Centralities c = new CentralityAnalysis(g, CentralityOptions.defaults()).centralities();
    CentralityAnalysisTest.assertMatches(
        CentralityAnalysisTest.reference("seed_reference.tsv"), c.scores(), "seed");
  }

  @Test
  void seedModularityOfCheckedInPartitionEqualsNetworkx() {
    IndexedGraph<String> g = IndexedGraph.of(TestGraphs.edgeList("seed_edges.tsv"));
    int[] m = new int[g.size()];
    for (String line : TestGraphs.resource("seed_partition.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      m[g.indexOf(f[0]).orElseThrow()] = Integer.parseInt(f[1]);
    }
    double expected =
        Double.parseDouble(TestGraphs.resource("seed_partition_modularity.txt").strip());
    assertEquals(expected, Modularity.of(g, m, 1.0), 1e-12);
  }

  @Test
  void rerunFromTheManifestGivesIdenticalOutput() throws IOException {
    RunManifest first = manifest(result, Instant.parse("2026-01-01T00:00:00Z"));
    // a second run takes every option from the first run's manifest
    EngineOptions engineOptions = EngineOptions.defaults();
    assertEquals(engineOptions.toMap().get("similarity.k"), first.parameters().get("similarity.k"));
    SimilarityEngine engineAgain = SimilarityEngine.of(Seeds.corpus().papers(), engineOptions);
    PaperGraph again = PaperGraph.of(Seeds.corpus().papers(), engineAgain.links());
    AnalysisStage.Result second =
        new AnalysisStage(AnalysisStage.Options.fromParameters(first.parameters()))
            .analyze(again, engineAgain.neighbourDocs(), TermSource.of(engine.vectors()));
    assertEquals(result.communities(), second.communities());
    assertEquals(result.centralities(), second.centralities());
    RunManifest secondManifest = manifest(second, Instant.parse("2026-01-02T00:00:00Z"));
    assertEquals(first, secondManifest.withCreated(first.created()));
    assertEquals(5, first.inputs().size());
    assertEquals(415L, first.counts().get("papers"));
  }

  private static RunManifest manifest(AnalysisStage.Result r, Instant when) throws IOException {
    RunManifest.Builder b = RunManifest.builder(Clock.fixed(when, ZoneOffset.UTC));
    for (InputSource in : Seeds.sources()) {
      try (var s = in.open()) {
        b.input(in.name(), "hf", s);
      }
    }
    return b.count("papers", graph.papers().size())
        .count("edges", graph.similarity().edgeSet().size())
        .count("communities", r.communities().communities().size())
        .parameters(EngineOptions.defaults().toMap())
        .parameters(r.parameters())
        .build();
  }
}
