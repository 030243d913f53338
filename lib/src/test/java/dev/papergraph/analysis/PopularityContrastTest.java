package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

  private static Communities oneCommunity(Collection<String> ids) {
    Map<String, Integer> membership = new LinkedHashMap<>();
    ids.forEach(id -> membership.put(id, 0));
    return new Communities(
        membership,
        List.of(new Community(0, new TreeSet<>(ids).stream().toList(), List.of(), List.of())),
        0,
        "modularity",
        1,
        0);
  }

  @Test
  void centralButUnpopularHubIsAGemAndPopularLeafIsHype() {
    PaperGraph g = star();
    Communities cs = oneCommunity(g.papers().keySet());
    Centralities c =
        new CentralityAnalysis(IndexedGraph.of(g), CentralityOptions.defaults(), 1, cs)
            .centralities();
    PopularityContrast pc =
        PopularityContrast.of(
            g.papers().values(),
            c,
            Measure.PAGERANK,
            PopularityContrast.choose(g.papers().values()).orElseThrow(),
            cs,
            new PopularityContrast.Rule(0, 2, 2));
    assertEquals(5, pc.standings().size(), "z has no upvotes and is left out");
    assertTrue(pc.standings().stream().allMatch(s -> s.peers() == 5 && s.community() == 0));
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
    // with the default rule the leaves (1 neighbour) are not judged, and the hub alone has no peers
    PopularityContrast strict =
        PopularityContrast.of(
            g.papers().values(),
            c,
            Measure.PAGERANK,
            Popularity.UPVOTES,
            cs,
            PopularityContrast.Rule.defaults());
    assertEquals(List.of(), strict.standings());
  }

  /**
   * Old classics (1990-91, cited 800-1000 times) and recent papers (2015-16, cited 10-30): within
   * each cohort the most central is the most cited, so no paper is a gem among papers of its age;
   * compared with everyone, the recent central paper looks like a gem only because it is young.
   */
  @Test
  void citationsAreComparedWithPapersOfAboutTheSameAge() {
    String[] ids = {"o1", "o2", "o3", "n1", "n2", "n3"};
    int[] years = {1990, 1990, 1991, 2015, 2015, 2016};
    int[] cited = {1000, 900, 800, 30, 20, 10};
    double[] rank = {0.3, 0.2, 0.1, 0.9, 0.8, 0.7};
    List<Paper> papers = new ArrayList<>();
    Map<String, Double> degree = new LinkedHashMap<>();
    Map<String, Double> pagerank = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      papers.add(
          Paper.builder()
              .id(ids[i])
              .title(ids[i])
              .date(PartialDate.ofYear(years[i]))
              .citedByCount(cited[i])
              .build());
      degree.put(ids[i], 5.0);
      pagerank.put(ids[i], rank[i]);
    }
    Centralities c =
        new Centralities(
            Map.of(Measure.DEGREE, degree, Measure.PAGERANK, pagerank),
            Map.of(Measure.PAGERANK, pagerank));
    Communities cs = oneCommunity(List.of(ids));
    PopularityContrast byAge =
        PopularityContrast.of(
            papers,
            c,
            Measure.PAGERANK,
            Popularity.CITATIONS,
            cs,
            new PopularityContrast.Rule(3, 2, 3));
    assertEquals(6, byAge.standings().size());
    assertTrue(byAge.standings().stream().allMatch(s -> s.peers() == 3));
    assertEquals(List.of(), byAge.hiddenGems(0.5));
    assertEquals(List.of(), byAge.hype(0.5));
    PopularityContrast anyAge =
        PopularityContrast.of(
            papers,
            c,
            Measure.PAGERANK,
            Popularity.CITATIONS,
            cs,
            new PopularityContrast.Rule(3, 100, 3));
    // the recent papers out-rank the classics in centrality and not in citations: n1 is 1.0 in
    // centrality and 0.4 in citations, n2 0.8 and 0.2, n3 0.6 and 0; all a gap of 0.6
    assertEquals(
        Set.of("n1", "n2", "n3"),
        anyAge.hiddenGems(0.5).stream()
            .map(PopularityContrast.Standing::paperId)
            .collect(Collectors.toSet()));
    anyAge.hiddenGems(0.5).forEach(s -> assertEquals(0.6, s.gap(), 1e-12));
    assertEquals(
        Set.of("o1", "o2", "o3"),
        anyAge.hype(0.5).stream()
            .map(PopularityContrast.Standing::paperId)
            .collect(Collectors.toSet()));
  }

  @Test
  void percentilesAverageTies() {
    double[] values = {1, 2, 2, 3};
    assertEquals(0, PopularityContrast.percentile(1, values), 1e-12);
    assertEquals(0.5, PopularityContrast.percentile(2, values), 1e-12);
    assertEquals(1, PopularityContrast.percentile(3, values), 1e-12);
    assertEquals(0.5, PopularityContrast.percentile(7, new double[] {7}), 1e-12);
  }

  @Test
  void choosesCitationsWhenNoPaperHasUpvotes() {
    List<Paper> papers = List.of(Paper.builder().id("a").title("A").citedByCount(3).build());
    assertEquals(Popularity.CITATIONS, PopularityContrast.choose(papers).orElseThrow());
    assertEquals(
        Optional.empty(), PopularityContrast.choose(List.of(AnalysisFixtures.paper("b", null))));
  }
}
