package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AnalysisStageTest {

  @Test
  void emptyGraphGivesEmptyResult() {
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(PaperGraph.of(List.of(), List.of()), new int[0][], null);
    assertTrue(r.communities().communities().isEmpty());
    assertEquals(0.0, r.communities().modularity());
    assertTrue(r.centralities().scores().get(Measure.PAGERANK).isEmpty());
  }

  @Test
  void singleIsolatedPaperStaysInItsOwnMarkedCommunity() {
    PaperGraph g = PaperGraph.of(List.of(AnalysisFixtures.paper("a", 3)), List.of());
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults()).analyze(g, new int[][] {{}}, null);
    assertEquals(1, r.communities().communities().size());
    assertTrue(r.communities().communities().get(0).small());
    assertEquals(1.0, r.centralities().score(Measure.PAGERANK, "a"), 1e-12);
    assertEquals(List.of("a"), r.communities().communities().get(0).centralPapers());
  }

  @Test
  void twoGroupsAreFoundAndTheIsolatedPaperIsMarked() {
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(AnalysisFixtures.twoGroups(), AnalysisFixtures.twoGroupsLists(), null);
    Communities c = r.communities();
    assertEquals(List.of("q1", "q2", "q3", "q4", "q5"), c.communities().get(0).members());
    assertEquals(List.of("g1", "g2", "g3", "g4"), c.communities().get(1).members());
    assertEquals(List.of("x"), c.communities().get(2).members());
    assertTrue(c.communities().get(2).small());
    // Q from its definition: W = 10·0.6 + 6·0.5 + 0.05 = 9.05; K_q = 2·6 + 0.05, K_g = 2·3 + 0.05
    double w = 9.05;
    double expected = (6 + 3) / w - Math.pow(12.05 / (2 * w), 2) - Math.pow(6.05 / (2 * w), 2);
    assertEquals(expected, c.modularity(), 1e-12);
    // q1 and g1 carry the only bridge: highest betweenness overall, not within their communities
    assertEquals(
        List.of("g1", "q1"),
        r.centralities().ranking(Measure.BETWEENNESS).subList(0, 2).stream().sorted().toList());
    assertEquals(0.0, r.centralities().scoreWithinCommunity(Measure.BETWEENNESS, "q1"));
    assertEquals("exact", r.parameters().get("centrality.paths.mode"));
  }

  @Test
  void leidenRunsOnTheSharedNeighbourGraphOfTheListsUnlessTheSimilarityGraphIsChosen() {
    PaperGraph g = AnalysisFixtures.twoGroups();
    int[][] lists = AnalysisFixtures.twoGroupsLists();
    AnalysisStage.Result snn =
        new AnalysisStage(AnalysisStage.Options.defaults()).analyze(g, lists, null);
    assertEquals("shared-neighbours", snn.parameters().get("leiden.input"));
    assertEquals(
        SharedNeighbourGraph.of(IndexedGraph.of(g), lists, 1).edgeCount(),
        snn.parameters().get("leiden.inputEdges"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AnalysisStage(AnalysisStage.Options.defaults()).analyze(g, null, null));
    assertTrue(e.getMessage().contains("top-k lists"), e.getMessage());

    AnalysisStage.Options similarity =
        AnalysisStage.Options.defaults()
            .withCommunities(CommunityOptions.defaults().withInput(CommunityInput.SIMILARITY));
    AnalysisStage.Result sim = new AnalysisStage(similarity).analyze(g, null, null);
    assertEquals("similarity", sim.parameters().get("leiden.input"));
    assertEquals(16 + 1, sim.parameters().get("leiden.inputEdges"));
    // the same two groups either way, and the modularity of the similarity graph either way
    assertEquals(snn.communities().membership(), sim.communities().membership());
    assertEquals(sim.communities().modularity(), snn.communities().modularity(), 1e-15);
  }

  @Test
  void everyScoreAndCommunityIsTheSameOnAnyNumberOfThreads() {
    // 600 papers in 6 topical groups, each linked to 6 random papers, mostly of its own group; the
    // scores over the whole graph run their path passes and eigenvector products on every thread
    // beside Leiden, and must not depend on how many there are
    Random random = new Random(11);
    int n = 600;
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < n; i++) papers.add(AnalysisFixtures.paper(String.format("p%03d", i), null));
    Map<Long, Double> score = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < 6; e++) {
        int j = random.nextInt(10) < 8 ? (i / 100) * 100 + random.nextInt(100) : random.nextInt(n);
        if (j != i)
          score.put((long) Math.min(i, j) * n + Math.max(i, j), 0.05 + random.nextDouble());
      }
    }
    List<Link> links = new ArrayList<>();
    List<List<double[]>> near = new ArrayList<>();
    for (int i = 0; i < n; i++) near.add(new ArrayList<>());
    score.forEach(
        (pair, s) -> {
          int a = (int) (pair / n), b = (int) (pair % n);
          links.add(AnalysisFixtures.link(papers.get(a).id(), papers.get(b).id(), s));
          near.get(a).add(new double[] {s, b});
          near.get(b).add(new double[] {s, a});
        });
    int[][] lists = new int[n][];
    for (int i = 0; i < n; i++) {
      List<double[]> c = near.get(i);
      c.sort((x, y) -> Double.compare(y[0], x[0]));
      lists[i] = c.stream().limit(10).mapToInt(x -> (int) x[1]).toArray();
    }
    PaperGraph g = PaperGraph.of(papers, links);
    AnalysisStage.Result one =
        new AnalysisStage(AnalysisStage.Options.defaults(), 1).analyze(g, lists, null);
    assertEquals("exact", one.parameters().get("centrality.paths.mode"));
    for (int threads : new int[] {2, 3, 4}) {
      AnalysisStage.Result r =
          new AnalysisStage(AnalysisStage.Options.defaults(), threads).analyze(g, lists, null);
      assertEquals(one.communities(), r.communities(), threads + " threads");
      assertEquals(one.centralities().scores(), r.centralities().scores(), threads + " threads");
      assertEquals(
          one.centralities().withinCommunity(),
          r.centralities().withinCommunity(),
          threads + " threads");
      assertEquals(one.parameters(), r.parameters(), threads + " threads");
    }
  }

  @Test
  void rejectsOptionsOutOfRange() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AnalysisStage.Options.defaults().withLabels(0, 5, Measure.PAGERANK));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnalysisStage.Options.defaults().withLabels(4, -1, Measure.PAGERANK));
    assertThrows(
        IllegalArgumentException.class, () -> CentralityOptions.defaults().withDamping(1.0));
    assertThrows(
        IllegalArgumentException.class, () -> CentralityOptions.defaults().withBound(0, 0.1));
  }
}
