package dev.papergraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.Measure;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.write.AnalysedGraph;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.junit.jupiter.api.Test;

/**
 * The viewer model on the analysed seed corpus, checked against the JGraphT graph directly: what a
 * search selects, what the side panel lists, what a focus fades, what a community filter shows.
 */
class SeedViewerModelTest {

  private final AnalysedGraph seed = Fixtures.seed();
  private final Graph<String, SimilarityEdge> g = seed.graph().similarity();

  private static Set<String> unfaded(ViewerModel m) {
    return m.scene().nodes().stream()
        .filter(n -> n.state() != Scene.State.FADED)
        .map(Scene.Node::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void searchForGrokkingAtTheEdgeSelectsItAndListsItsStrongestNeighbours() {
    ViewerModel m = new ViewerModel(seed);
    SearchHit hit = m.searchAndSelect("grokking at the edge").orElseThrow();
    assertTrue(hit.title().toLowerCase(Locale.ROOT).contains("grokking at the edge"), hit.title());
    assertEquals(hit.id(), m.selected().orElseThrow());
    assertEquals(m.position(hit.id()), m.centre().orElseThrow());

    PaperDetails d = m.details().orElseThrow();
    List<String> expected =
        g.edgesOf(hit.id()).stream()
            .sorted(
                Comparator.comparingDouble((SimilarityEdge e) -> -g.getEdgeWeight(e))
                    .thenComparing(SimilarityEdge::first)
                    .thenComparing(SimilarityEdge::second))
            .limit(ViewerModel.NEIGHBOURS_SHOWN)
            .map(e -> e.other(hit.id()))
            .toList();
    assertEquals(expected, d.neighbours().stream().map(PaperDetails.Neighbour::id).toList());
    assertTrue(
        d.neighbours().stream().anyMatch(n -> n.title().toLowerCase(Locale.ROOT).contains("grok")),
        "a grokking paper among the neighbours: " + d.neighbours());
    for (PaperDetails.Neighbour n : d.neighbours()) {
      assertEquals(g.getEdgeWeight(g.getEdge(hit.id(), n.id())), n.weight(), 0);
      assertEquals(g.getEdge(hit.id(), n.id()).explanation().summary(), n.explanation());
    }
    assertEquals(
        seed.centralities().score(Measure.PAGERANK, hit.id()),
        d.centralities().get(Measure.PAGERANK),
        0);
  }

  @Test
  void focusFadesExactlyThePapersBeyondKHops() {
    ViewerModel m = new ViewerModel(seed);
    String id = m.searchAndSelect("grokking at the edge").orElseThrow().id();
    m.focus(1);
    Set<String> one = new TreeSet<>(Graphs.neighborListOf(g, id));
    one.add(id);
    assertEquals(one, unfaded(m));
    m.focus(2);
    Set<String> two = new TreeSet<>(one);
    for (String v : one) {
      two.addAll(Graphs.neighborListOf(g, v));
    }
    assertEquals(two, unfaded(m));
    assertTrue(
        two.size() > one.size() && two.size() < seed.graph().papers().size(),
        one.size() + " < " + two.size());
  }

  @Test
  void communityFilterShowsExactlyItsMembersAndTheEdgesAmongThem() {
    ViewerModel m = new ViewerModel(seed);
    var community = seed.communities().communities().get(1);
    m.showCommunities(List.of(1));
    assertEquals(new TreeSet<>(community.members()), new TreeSet<>(m.shownPapers()));
    Set<String> members = new HashSet<>(community.members());
    long inside =
        g.edgeSet().stream()
            .filter(e -> members.contains(e.first()) && members.contains(e.second()))
            .count();
    assertEquals(inside, m.scene().edges().size());
    assertTrue(m.scene().nodes().stream().allMatch(n -> n.rgb() == Palette.community(1)));
  }

  @Test
  void freeTextSearchFindsPapersByTheirWordsWhenNoTitleMatches() {
    PipelineFixture.Result run = Fixtures.seedRun();
    ViewerModel m = new ViewerModel(run.analysis());
    m.setFreeTextSearch(run.search());
    String query = "calibration data quantized weights";
    assertTrue(
        m.search(query, 5).stream().noneMatch(h -> h.how() == SearchHit.How.TITLE),
        "no title holds the query");
    List<SearchHit> hits = m.search(query, 5);
    assertEquals(5, hits.size());
    SearchHit best = hits.get(0);
    assertEquals(SearchHit.How.TEXT, best.how());
    String text = seed.graph().paper(best.id()).orElseThrow().text().toLowerCase(Locale.ROOT);
    assertTrue(text.contains("quantiz") && text.contains("calibrat"), best.title());
    assertEquals(Optional.of(best.id()), m.searchAndSelect(query).map(SearchHit::id));
  }
}
