package dev.papergraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.write.AnalysedGraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The viewer's state after clicks, searches, focuses and filters, on a hand-made graph. */
class ViewerModelTest {

  private static Set<String> faded(ViewerModel m) {
    return m.scene().nodes().stream()
        .filter(n -> n.state() == Scene.State.FADED)
        .map(Scene.Node::id)
        .collect(Collectors.toSet());
  }

  private static List<String> edges(Scene s) {
    return s.edges().stream().map(e -> e.a() + "-" + e.b()).toList();
  }

  @Test
  void showsEveryPaperAndEdgeAtFirstWithNothingSelectedOrFaded() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    Scene s = m.scene();
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), m.shownPapers());
    assertEquals(List.of("a-b", "d-e", "b-c", "a-c", "e-g", "c-d"), edges(s), "strongest first");
    assertEquals(Optional.empty(), m.selected());
    assertTrue(faded(m).isEmpty());
    assertTrue(s.notices().isEmpty());
    assertEquals(Measure.PAGERANK, m.sizeMeasure());
  }

  @Test
  void clickSelectsPaperAndFillsSidePanel() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.select("b");
    assertEquals(Optional.of("b"), m.selected());
    PaperDetails d = m.details().orElseThrow();
    assertEquals("Post-Training Quantization for Large Models", d.title());
    assertEquals(List.of("Ada Lovelace", "Alan Turing"), d.authors());
    assertEquals(Optional.of(2), d.authorCount());
    assertEquals(Optional.of("Analytical Engines"), d.organisation());
    assertEquals(Optional.of("Apr 29, 2024"), d.date());
    assertEquals(Optional.of(42), d.upvotes());
    assertEquals(
        Optional.of("We quantize models after training."),
        d.abstractText(),
        "the readable text: entities decoded, markup and math removed, \\emph's word kept");
    assertEquals(0, d.community());
    assertEquals("quantization / grokking / calibration", d.communityLabel());
    assertEquals(0.30, d.centralities().get(Measure.PAGERANK), 1e-12);
    assertEquals(2.0, d.centralities().get(Measure.DEGREE), 1e-12);
    assertEquals(
        List.of("a", "c"),
        d.neighbours().stream().map(PaperDetails.Neighbour::id).toList(),
        "strongest neighbour first");
    assertEquals(0.9, d.neighbours().get(0).weight(), 1e-12);
    assertTrue(
        d.neighbours().get(0).explanation().contains("grokk"), d.neighbours().get(0).explanation());
    Scene.Node b = m.scene().node("b").orElseThrow();
    assertEquals(Scene.State.SELECTED, b.state());
    assertEquals(Optional.of("Post-Training Quantization for Large Models"), b.label());
    assertEquals(Palette.community(0), b.rgb());
  }

  @Test
  void clickingANeighbourInTheSidePanelMovesTheSelectionAndCentresOnIt() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.select("b");
    String neighbour = m.details().orElseThrow().neighbours().get(1).id();
    m.selectAndCentre(neighbour);
    assertEquals(Optional.of("c"), m.selected());
    assertEquals(Optional.of(new Layout.Point(2, 0)), m.centre());
    assertEquals(1, m.centreRequests());
    assertEquals(
        List.of("b", "a", "d"),
        m.details().orElseThrow().neighbours().stream().map(PaperDetails.Neighbour::id).toList());
  }

  @Test
  void searchByTitleFragmentSelectsAndCentresThePaper() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    Optional<SearchHit> hit = m.searchAndSelect("edge of STABILITY");
    assertEquals(Optional.of("a"), hit.map(SearchHit::id));
    assertEquals(SearchHit.How.TITLE, hit.get().how());
    assertEquals(Optional.of("a"), m.selected());
    assertEquals(Optional.of(new Layout.Point(0, 0)), m.centre());
    assertEquals(1, m.centreRequests());
  }

  @Test
  void searchIgnoresCaseAndPunctuationAndRanksByCentrality() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    // b (pagerank 0.30) before c (0.20); both contain "post training quantization"
    assertEquals(
        List.of("b", "c"),
        m.search("post training QUANTIZATION", 10).stream().map(SearchHit::id).toList());
    assertEquals(
        List.of("d", "e", "g"),
        m.search("diffusion", 10).stream().map(SearchHit::id).toList(),
        "no exact or prefix match: by pagerank");
    assertEquals(
        List.of("g"), m.search("guided diffusion", 10).stream().map(SearchHit::id).toList());
    assertEquals("e", m.search("e", 3).get(0).id(), "an id matches itself first");
    assertEquals(3, m.search("e", 3).size());
    assertEquals(
        List.of("f"),
        m.search("f", 1).stream().map(SearchHit::id).toList(),
        "an id matches itself");
  }

  @Test
  void freeTextSearchAnswersWhenNoTitleMatches() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.setFreeTextSearch(
        (q, limit) -> q.equals("image generation") ? List.of("e", "nope", "d") : List.of());
    List<SearchHit> hits = m.search("image generation", 5);
    assertEquals(
        List.of("e", "d"), hits.stream().map(SearchHit::id).toList(), "unknown ids dropped");
    assertEquals(SearchHit.How.TEXT, hits.get(0).how());
    assertEquals(Optional.of("e"), m.searchAndSelect("image generation").map(SearchHit::id));
  }

  @Test
  void searchWithoutMatchChangesNothing() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.select("d");
    assertEquals(Optional.empty(), m.searchAndSelect("protein folding"));
    assertEquals(Optional.of("d"), m.selected());
    assertEquals(0, m.centreRequests());
    assertEquals(List.of(), m.search("   ", 5));
  }

  @Test
  void focusFadesPapersBeyondKHopsAndTheirEdges() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.select("b");
    m.focus(1);
    assertEquals(Optional.of(1), m.focusHops());
    assertEquals(Set.of("d", "e", "f", "g"), faded(m));
    assertTrue(m.isFaded("d"));
    assertFalse(m.isFaded("c"));
    Scene s = m.scene();
    assertEquals(
        Set.of("c-d", "d-e", "e-g"),
        s.edges().stream()
            .filter(Scene.Edge::faded)
            .map(e -> e.a() + "-" + e.b())
            .collect(Collectors.toSet()));
    assertEquals(Palette.FADED, s.node("e").orElseThrow().rgb());
    assertEquals(
        Palette.FADED_EDGE,
        s.edges().stream()
            .filter(e -> e.a().equals("d") && e.b().equals("e"))
            .findFirst()
            .orElseThrow()
            .rgb());

    m.focus(2);
    assertEquals(Set.of("e", "f", "g"), faded(m), "c - d is the second hop");
    m.focus(4);
    assertEquals(Set.of("f"), faded(m), "f is not connected");
    m.clearFocus();
    assertTrue(faded(m).isEmpty());
  }

  @Test
  void focusOnlyWalksEdgesAtOrAboveTheMinimumWeight() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.select("b");
    m.setMinEdgeWeight(0.3);
    m.focus(3);
    assertEquals(
        Set.of("d", "e", "f", "g"), faded(m), "the bridge c - d (0.2) is below the minimum");
  }

  @Test
  void focusNeedsASelectionAndEndsWithIt() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.focus(1));
    assertTrue(e.getMessage().contains("select a paper"), e.getMessage());
    m.select("a");
    assertThrows(IllegalArgumentException.class, () -> m.focus(0));
    assertThrows(IllegalArgumentException.class, () -> m.focus(ViewerModel.FOCUS_HOPS_MAX + 1));
    m.focus(1);
    m.clearSelection();
    assertEquals(Optional.empty(), m.focusHops());
    assertTrue(faded(m).isEmpty());
  }

  @Test
  void communityFilterHidesOtherCommunitiesAndTheirEdges() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.showCommunities(List.of(1));
    assertEquals(List.of("d", "e", "g"), m.shownPapers());
    assertEquals(List.of("d-e", "e-g"), edges(m.scene()));
    assertFalse(m.isShown("a"));
    assertEquals(Optional.of(Set.of(1)), m.communityFilter());
    m.showCommunities(List.of(0, 1));
    assertEquals(List.of("a-b", "d-e", "b-c", "a-c", "e-g", "c-d"), edges(m.scene()));
    m.showAllCommunities();
    assertEquals(7, m.shownPapers().size());
    assertThrows(IllegalArgumentException.class, () -> m.showCommunities(List.of(3)));
  }

  @Test
  void selectingAFilteredOutPaperShowsItsCommunityAgain() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.showCommunities(List.of(1));
    m.searchAndSelect("grokking");
    assertEquals(Optional.of("a"), m.selected());
    assertEquals(Optional.of(Set.of(0, 1)), m.communityFilter());
    assertTrue(m.isShown("a"));
  }

  @Test
  void minimumEdgeWeightDropsWeakerEdgesAndRescalesShades() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    m.setMinEdgeWeight(0.45);
    Scene s = m.scene();
    assertEquals(List.of("a-b", "d-e", "b-c"), edges(s));
    assertEquals(1.0, s.edges().get(0).shade(), 1e-12);
    assertEquals(0.0, s.edges().get(2).shade(), 1e-12);
    assertEquals(Palette.EDGE_STRONG, s.edges().get(0).rgb());
    assertEquals(Palette.EDGE_WEAK, s.edges().get(2).rgb());
    assertEquals(7, s.nodes().size(), "papers stay; only edges go");
    assertThrows(IllegalArgumentException.class, () -> m.setMinEdgeWeight(-0.1));
    assertThrows(IllegalArgumentException.class, () -> m.setMinEdgeWeight(Double.NaN));
  }

  @Test
  void edgeCapDrawsOnlyTheStrongestAndSaysSoOnScreen() {
    ViewerModel m = new ViewerModel(Fixtures.tiny(), 2, 3);
    Scene s = m.scene();
    assertEquals(List.of("a-b", "d-e"), edges(s));
    assertEquals(1, s.notices().size());
    assertTrue(
        s.notices().get(0).startsWith("Showing the 2 strongest of 6 edges"), s.notices().get(0));
    m.select("c");
    assertEquals(
        List.of("a-b", "d-e", "b-c", "a-c", "c-d"),
        edges(m.scene()),
        "the selection's edges are drawn too");
    m.setMinEdgeWeight(0.8);
    assertTrue(m.scene().notices().isEmpty(), "two edges left: under the cap");
    assertThrows(IllegalArgumentException.class, () -> new ViewerModel(Fixtures.tiny(), 0, 3));
  }

  @Test
  void sizeMeasureSwitchResizesPapers() {
    ViewerModel m = new ViewerModel(Fixtures.tiny(), 100, 1);
    assertEquals(List.of(Measure.PAGERANK, Measure.DEGREE), m.sizeMeasures());
    Scene s = m.scene();
    assertEquals(1.0, s.node("b").orElseThrow().size(), 1e-12, "b has the top pagerank");
    assertEquals(Math.sqrt(0.20 / 0.30), s.node("c").orElseThrow().size(), 1e-12);
    assertEquals(
        List.of("b"),
        s.nodes().stream().filter(n -> n.label().isPresent()).map(Scene.Node::id).toList(),
        "the one label goes to the most central paper");
    m.setSizeMeasure(Measure.DEGREE);
    s = m.scene();
    assertEquals(1.0, s.node("c").orElseThrow().size(), 1e-12, "c has the top degree");
    assertEquals(0.0, s.node("f").orElseThrow().size(), 1e-12);
    assertEquals(
        List.of("c"),
        s.nodes().stream().filter(n -> n.label().isPresent()).map(Scene.Node::id).toList());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.setSizeMeasure(Measure.BETWEENNESS));
    assertTrue(e.getMessage().contains("betweenness"), e.getMessage());
  }

  @Test
  void legendListsCommunitiesWithTheirColoursAndLumpsTheRest() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    List<Scene.LegendEntry> legend = m.scene().legend();
    assertEquals(3, legend.size());
    assertEquals(
        new Scene.LegendEntry(0, Palette.community(0), "quantization / grokking / calibration", 3),
        legend.get(0));
    assertEquals(
        new Scene.LegendEntry(1, Palette.community(1), "diffusion / sampling / guidance", 3),
        legend.get(1));
    assertEquals(-1, legend.get(2).community());
    assertEquals(1, legend.get(2).size());
    assertEquals(Palette.OTHER, legend.get(2).rgb());
    assertEquals(
        Palette.OTHER,
        m.scene().node("f").orElseThrow().rgb(),
        "a paper alone in its community is drawn in the colour of the legend's rest");
  }

  @Test
  void listenersHearEveryChangeAndTheSceneIsCachedBetweenChanges() {
    ViewerModel m = new ViewerModel(Fixtures.tiny());
    AtomicInteger calls = new AtomicInteger();
    m.addChangeListener(calls::incrementAndGet);
    Scene first = m.scene();
    assertTrue(first == m.scene());
    m.select("a");
    m.focus(1);
    m.setMinEdgeWeight(0.1);
    m.showCommunities(List.of(0));
    m.setSizeMeasure(Measure.DEGREE);
    assertEquals(5, calls.get());
    assertFalse(first == m.scene());
    assertThrows(IllegalArgumentException.class, () -> m.select("zzz"));
  }

  @Test
  void everyCommunityOfNormalSizeHasItsOwnColourAndLegendLineHoweverMany() {
    // the CLI lists these 20 communities; none may be folded into "smaller communities" in the
    // viewer
    ViewerModel m = new ViewerModel(Fixtures.pairs(20));
    List<Scene.LegendEntry> legend = m.scene().legend();
    assertEquals(21, legend.size(), legend::toString);
    for (int c = 0; c < 20; c++) {
      assertEquals(c, legend.get(c).community());
      assertEquals(
          Palette.community(c), legend.get(c).rgb(), "community " + c + " in the exports' colour");
      assertEquals(Palette.community(c), m.scene().node("c" + c + "a").orElseThrow().rgb());
      assertTrue(m.hasOwnColour(c));
    }
    // only what the analysis marked small (here an isolated paper) is grey, and says what it is
    assertEquals(-1, legend.get(20).community());
    assertEquals(Palette.OTHER, legend.get(20).rgb());
    assertTrue(
        legend.get(20).label().startsWith("isolated papers and tiny groups"),
        legend.get(20).label());
    assertEquals(Palette.OTHER, m.scene().node("lone").orElseThrow().rgb());
    assertFalse(m.hasOwnColour(20));
  }

  @Test
  void searchFindsAPaperByABareDoiAsTheCommandLineDoes() {
    Paper withDoi =
        Paper.builder()
            .id("doi:10.1234/grok.7")
            .title("Grokking with a DOI")
            .ids(ExternalIds.of("10.1234/grok.7", null, null, null, null))
            .build();
    var g = PaperGraph.of(List.of(withDoi), List.of());
    var a =
        new AnalysedGraph(
            g,
            new Communities(
                Map.of(withDoi.id(), 0),
                List.of(new Community(0, List.of(withDoi.id()), List.of(), List.of(withDoi.id()))),
                0,
                "modularity",
                1.0,
                42),
            new Centralities(Map.of()),
            new Layout(Map.of(withDoi.id(), new Layout.Point(0, 0))),
            new RunManifest(
                "test", "1970-01-01T00:00:00Z", List.of(), Map.of(), Map.of(), Map.of()));
    ViewerModel m = new ViewerModel(a);
    for (String q :
        List.of("10.1234/grok.7", "https://doi.org/10.1234/GROK.7", "doi:10.1234/grok.7")) {
      assertEquals(List.of(withDoi.id()), m.search(q, 5).stream().map(SearchHit::id).toList(), q);
    }
    assertEquals(withDoi.id(), m.searchAndSelect("10.1234/grok.7").orElseThrow().id());
    assertEquals(withDoi.id(), m.selected().orElseThrow());
  }
}
