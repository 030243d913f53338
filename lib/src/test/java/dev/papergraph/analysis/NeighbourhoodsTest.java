package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighbourhoodsTest {

  /**
   * a-b 0.9, b-c 0.9, a-c 0.2 (direct but weak), c-d 0.5, a-e 0.3, e-f 0.8; g isolated. Strongest
   * a→c: a-b-c, length 1/0.9 + 1/0.9 = 2.22 < 1/0.2 = 5.
   */
  private static PaperGraph graph() {
    return PaperGraph.of(
        List.of("a", "b", "c", "d", "e", "f", "g").stream()
            .map(id -> AnalysisFixtures.paper(id, null))
            .toList(),
        List.of(
            AnalysisFixtures.link("a", "b", 0.9),
            AnalysisFixtures.link("b", "c", 0.9),
            AnalysisFixtures.link("a", "c", 0.2),
            AnalysisFixtures.link("c", "d", 0.5),
            AnalysisFixtures.link("a", "e", 0.3),
            AnalysisFixtures.link("e", "f", 0.8)));
  }

  @Test
  void strongestPathPrefersStrongStepsAndExplainsEachEdge() {
    Neighbourhoods.PaperPath p = new Neighbourhoods(graph()).strongestPath("a", "d").orElseThrow();
    assertEquals(List.of("a", "b", "c", "d"), p.papers());
    assertEquals(2 / 0.9 + 1 / 0.5, p.length(), 1e-12);
    assertEquals(3, p.edges().size());
    assertEquals("term a-b", p.edges().get(0).explanation().sharedTerms().get(0).display());
    assertEquals(0.5, p.edges().get(2).explanation().score());
  }

  @Test
  void noPathToAnIsolatedPaper() {
    assertTrue(new Neighbourhoods(graph()).strongestPath("a", "g").isEmpty());
  }

  @Test
  void egoGraphFollowsTopEdgesPerHop() {
    Neighbourhoods n = new Neighbourhoods(graph());
    // hop 1 from a with top 2: b (0.9), e (0.3) — not c (0.2); hop 2: b's top 2 are a, c; e's are
    // f, a
    Neighbourhoods.EgoGraph ego = n.ego("a", 2, 2);
    assertEquals(Map.of("a", 0, "b", 1, "e", 1, "c", 2, "f", 2), ego.hops());
    assertEquals(List.of("a", "b", "e", "c", "f"), ego.papers());
    // every edge among them, strongest first: a-b, b-c (0.9 each), e-f, a-e, a-c; not c-d
    assertEquals(
        List.of("a-b", "b-c", "e-f", "a-e", "a-c"),
        ego.edges().stream().map(e -> e.first() + "-" + e.second()).toList());
    Neighbourhoods.EgoGraph one = n.ego("a", 1, 1);
    assertEquals(List.of("a", "b"), one.papers());
    assertEquals(List.of(0.9), one.edges().stream().map(SimilarityEdge::score).toList());
  }

  @Test
  void rejectsUnknownPaperAndBadDepth() {
    Neighbourhoods n = new Neighbourhoods(graph());
    var e = assertThrows(IllegalArgumentException.class, () -> n.ego("nope", 1, 1));
    assertTrue(e.getMessage().contains("nope"));
    assertThrows(IllegalArgumentException.class, () -> n.ego("a", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> n.strongestPath("a", "nope"));
  }
}
