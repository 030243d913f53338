package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import java.util.List;
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
