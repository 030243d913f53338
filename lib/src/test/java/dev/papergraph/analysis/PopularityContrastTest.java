package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopularityContrastTest {

  /**
   * A star: hub h (1 upvote) with leaves l1..l4 (100, 5, 4, 3 upvotes); z hangs on h, no upvotes.
   */
  private static PaperGraph star() {
    List<Paper> papers =
        List.of(
            AnalysisFixtures.paper("h", 1),
            AnalysisFixtures.paper("l1", 100),
            AnalysisFixtures.paper("l2", 5),
            AnalysisFixtures.paper("l3", 4),
            AnalysisFixtures.paper("l4", 3),
            AnalysisFixtures.paper("z", null));
    return PaperGraph.of(
        papers,
        List.of(
            AnalysisFixtures.link("h", "l1", 0.5),
            AnalysisFixtures.link("h", "l2", 0.5),
            AnalysisFixtures.link("h", "l3", 0.5),
            AnalysisFixtures.link("h", "l4", 0.5),
            AnalysisFixtures.link("h", "z", 0.5)));
  }

  @Test
  void centralButUnpopularHubIsAGemAndPopularLeafIsHype() {
    PaperGraph g = star();
    Centralities c =
        new CentralityAnalysis(IndexedGraph.of(g), CentralityOptions.defaults()).centralities();
    PopularityContrast pc =
        PopularityContrast.of(
            g.papers().values(),
            c,
            Measure.PAGERANK,
            PopularityContrast.choose(g.papers().values()).orElseThrow());
    assertEquals(5, pc.standings().size(), "z has no upvotes and is left out");
    // centrality percentiles: hub 1.0, four tied leaves (ranks 0..3) 1.5/4; popularity by upvotes
    assertEquals(
        List.of("h"),
        pc.hiddenGems(0.5).stream().map(PopularityContrast.Standing::paperId).toList());
    assertEquals(1.0, pc.hiddenGems(0.5).get(0).gap(), 1e-12);
    assertEquals(
        List.of("l1"), pc.hype(0.5).stream().map(PopularityContrast.Standing::paperId).toList());
    assertEquals(0.375 - 1.0, pc.hype(0.5).get(0).gap(), 1e-12);
    assertEquals(
        List.of("l1", "l2"),
        pc.hype(0.3).stream().map(PopularityContrast.Standing::paperId).toList());
    assertEquals(0.375 - 0.75, pc.hype(0.3).get(1).gap(), 1e-12);
  }

  @Test
  void percentilesAverageTies() {
    assertArrayEquals(
        new double[] {0, 0.5, 0.5, 1},
        PopularityContrast.percentiles(new double[] {1, 2, 2, 3}),
        1e-12);
    assertArrayEquals(new double[] {0.5}, PopularityContrast.percentiles(new double[] {7}), 1e-12);
  }

  @Test
  void choosesCitationsWhenNoPaperHasUpvotes() {
    List<Paper> papers = List.of(Paper.builder().id("a").title("A").citedByCount(3).build());
    assertEquals(Popularity.CITATIONS, PopularityContrast.choose(papers).orElseThrow());
    assertEquals(
        java.util.Optional.empty(),
        PopularityContrast.choose(List.of(AnalysisFixtures.paper("b", null))));
  }
}
