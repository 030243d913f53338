package dev.papergraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graphs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The plan of a picture: where labels go (never overlapping), what a zoom and an ego map show, how
 * sizes scale.
 */
class PicturePlanTest {

  private static void assertNoOverlapInsideTheMap(PicturePlan plan) {
    List<PicturePlan.Label> labels = plan.labels();
    Rectangle2D.Double map = plan.map();
    for (int i = 0; i < labels.size(); i++) {
      Rectangle2D.Double a = labels.get(i).box();
      assertTrue(map.contains(a), "label inside the map: " + labels.get(i));
      for (int j = i + 1; j < labels.size(); j++) {
        Rectangle2D.Double b = labels.get(j).box();
        assertFalse(
            a.intersects(b),
            "labels overlap: "
                + labels.get(i).text().text()
                + " "
                + a
                + " and "
                + labels.get(j).text().text()
                + " "
                + b);
      }
    }
  }

  private static Set<String> communityLabelKeys(PicturePlan plan) {
    return plan.labels().stream()
        .filter(l -> l.kind() == PicturePlan.Kind.COMMUNITY)
        .map(PicturePlan.Label::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void seedMapLabelsEveryCommunityAndNoTwoLabelsOverlapAtEverySize() {
    ViewerModel model = new ViewerModel(Fixtures.seed(), ViewerModel.EDGE_CAP_DEFAULT, 30);
    Set<String> communities =
        model.scene().legend().stream()
            .filter(e -> e.community() >= 0)
            .map(e -> Integer.toString(e.community()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        Fixtures.seed().communities().communities().size(),
        communities.size(),
        "every seed community has its own colour and legend line");
    for (int[] size :
        List.of(
            new int[] {400, 400},
            new int[] {1200, 800},
            new int[] {1600, 1000},
            new int[] {1920, 1080},
            new int[] {3840, 2160},
            new int[] {1000, 1600})) {
      for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
        PicturePlan plan =
            PicturePlan.of(model.scene(), PictureOptions.of(size[0], size[1]).withTheme(theme));
        String where = size[0] + "x" + size[1];
        assertEquals(
            communities,
            communityLabelKeys(plan),
            "a label on the map for every community at " + where);
        assertEquals(List.of(), plan.unlabelledCommunities(), where);
        assertNoOverlapInsideTheMap(plan);
        if (size[0] >= 1200) {
          long papers =
              plan.labels().stream().filter(l -> l.kind() == PicturePlan.Kind.PAPER).count();
          assertTrue(papers >= 5, "paper titles where they fit at " + where + ": " + papers);
        }
      }
    }
  }

  @Test
  void communityLabelsGrowWithCommunitySize() {
    Scene scene = new ViewerModel(Fixtures.seed()).scene();
    PicturePlan plan = PicturePlan.of(scene, PictureOptions.of(1600, 1000));
    List<Scene.LegendEntry> entries =
        scene.legend().stream().filter(e -> e.community() >= 0).toList();
    Scene.LegendEntry big = entries.get(0);
    Scene.LegendEntry small = entries.get(entries.size() - 1);
    assertTrue(big.size() >= 3 * small.size(), "seed communities differ in size: " + entries);
    double largest =
        plan.labels().stream()
            .filter(
                l ->
                    l.kind() == PicturePlan.Kind.COMMUNITY
                        && l.key().equals(Integer.toString(big.community())))
            .findFirst()
            .orElseThrow()
            .text()
            .size();
    double smallest =
        plan.labels().stream()
            .filter(
                l ->
                    l.kind() == PicturePlan.Kind.COMMUNITY
                        && l.key().equals(Integer.toString(small.community())))
            .findFirst()
            .orElseThrow()
            .text()
            .size();
    assertTrue(
        largest > smallest * 1.3,
        big.size()
            + " papers: "
            + largest
            + " px, "
            + small.size()
            + " papers: "
            + smallest
            + " px");
  }

  @Test
  void labelModesChooseWhichLabelsAreDrawn() {
    Scene scene = new ViewerModel(Fixtures.seed()).scene();
    assertEquals(
        List.of(),
        PicturePlan.of(scene, PictureOptions.of(1600, 1000).withLabels(LabelMode.NONE)).labels());
    PicturePlan communities =
        PicturePlan.of(scene, PictureOptions.of(1600, 1000).withLabels(LabelMode.COMMUNITIES));
    assertTrue(communities.labels().stream().allMatch(l -> l.kind() == PicturePlan.Kind.COMMUNITY));
    assertEquals(
        scene.legend().stream().filter(e -> e.community() >= 0).count(),
        communities.labels().size(),
        "one label per community");
    PicturePlan papers =
        PicturePlan.of(scene, PictureOptions.of(1600, 1000).withLabels(LabelMode.PAPERS));
    assertTrue(papers.labels().stream().allMatch(l -> l.kind() == PicturePlan.Kind.PAPER));
    assertFalse(papers.labels().isEmpty());
    // with more room, the most central paper is labelled first and gets its label
    String top =
        scene.nodes().stream().max(Comparator.comparingDouble(Scene.Node::size)).orElseThrow().id();
    assertTrue(
        papers.labels().stream().anyMatch(l -> l.key().equals(top)),
        "the most central paper " + top + " labelled");
  }

  @Test
  void oneCommunityIsDrawnAloneZoomedWithItsOwnLegend() {
    ViewerModel model = new ViewerModel(Fixtures.seed(), ViewerModel.EDGE_CAP_DEFAULT, 20);
    model.showCommunities(List.of(6));
    PicturePlan plan =
        PicturePlan.of(model.scene(), PictureOptions.of(1600, 1000).withHeading("Community 6"));
    int rgb = Palette.community(6);
    assertEquals(Fixtures.seed().communities().communities().get(6).size(), plan.discs().size());
    assertTrue(plan.discs().stream().allMatch(d -> d.rgb() == rgb), "only community 6's papers");
    assertEquals(
        List.of(rgb),
        plan.swatches().stream().map(PicturePlan.Swatch::rgb).toList(),
        "its own legend");
    assertEquals("Community 6", plan.legend().get(0).text());
    assertTrue(plan.legend().stream().anyMatch(t -> t.text().equals("Most central papers")));
    assertEquals(Set.of("6"), communityLabelKeys(plan));
    // zoomed: the papers span the map (less its margin) in one direction
    double x0 = plan.discs().stream().mapToDouble(PicturePlan.Disc::x).min().orElseThrow();
    double x1 = plan.discs().stream().mapToDouble(PicturePlan.Disc::x).max().orElseThrow();
    double y0 = plan.discs().stream().mapToDouble(PicturePlan.Disc::y).min().orElseThrow();
    double y1 = plan.discs().stream().mapToDouble(PicturePlan.Disc::y).max().orElseThrow();
    assertTrue(
        (x1 - x0) > 0.8 * plan.map().width || (y1 - y0) > 0.8 * plan.map().height,
        "zoomed to the community: " + (x1 - x0) + " x " + (y1 - y0));
    assertNoOverlapInsideTheMap(plan);
  }

  @Test
  void egoMapDrawsThePaperAndItsNeighboursOnly() {
    var analysis = Fixtures.seed();
    ViewerModel model = new ViewerModel(analysis);
    String focus = analysis.communities().communities().get(0).centralPapers().get(0);
    model.select(focus);
    model.focus(1);
    PicturePlan plan = PicturePlan.of(model.scene(), PictureOptions.of(1600, 1000));
    Set<String> expected =
        new TreeSet<>(Graphs.neighborListOf(analysis.graph().similarity(), focus));
    expected.add(focus);
    assertEquals(
        expected,
        plan.discs().stream()
            .map(PicturePlan.Disc::id)
            .collect(Collectors.toCollection(TreeSet::new)));
    assertEquals(
        List.of(focus),
        plan.discs().stream()
            .filter(PicturePlan.Disc::selected)
            .map(PicturePlan.Disc::id)
            .toList());
    assertTrue(
        plan.labels().stream().anyMatch(l -> l.key().equals(focus) && l.text().bold()),
        "the focus is labelled");
    assertNoOverlapInsideTheMap(plan);
  }

  @Test
  void paperSizesAndEdgeOpacityFollowTheNumberOfPapers() {
    PicturePlan few = PicturePlan.of(Fixtures.synthetic(400, 4), PictureOptions.of(1600, 1000));
    PicturePlan many = PicturePlan.of(Fixtures.synthetic(5000, 4), PictureOptions.of(1600, 1000));
    double rFew = few.discs().stream().mapToDouble(PicturePlan.Disc::r).average().orElseThrow();
    double rMany = many.discs().stream().mapToDouble(PicturePlan.Disc::r).average().orElseThrow();
    assertTrue(rFew > 2.5 * rMany, "radius 400 papers " + rFew + ", 5,000 papers " + rMany);
    assertTrue(rMany >= 1.0, "papers stay visible at 5,000: " + rMany);
    double aFew = few.strokes().stream().mapToDouble(PicturePlan.Stroke::alpha).max().orElseThrow();
    double aMany =
        many.strokes().stream().mapToDouble(PicturePlan.Stroke::alpha).max().orElseThrow();
    assertTrue(aFew > aMany, "edge opacity 400 papers " + aFew + ", 5,000 papers " + aMany);
    assertEquals(List.of(), many.unlabelledCommunities());
    assertNoOverlapInsideTheMap(many);
    // fitted: the papers span the map less its margin
    double x0 = many.discs().stream().mapToDouble(PicturePlan.Disc::x).min().orElseThrow();
    double x1 = many.discs().stream().mapToDouble(PicturePlan.Disc::x).max().orElseThrow();
    double y0 = many.discs().stream().mapToDouble(PicturePlan.Disc::y).min().orElseThrow();
    double y1 = many.discs().stream().mapToDouble(PicturePlan.Disc::y).max().orElseThrow();
    assertTrue(
        x1 - x0 > 0.85 * many.map().width || y1 - y0 > 0.85 * many.map().height,
        "fitted to the canvas: " + (x1 - x0) + " x " + (y1 - y0) + " of " + many.map());
  }

  @Test
  void svgIsWellFormedWhateverTheTitles() throws Exception {
    String hostile = "Bad \uFFFE title\u0001 with <b>tags</b> & \"quotes\" \uD800 and \uD83D\uDE00";
    Scene scene =
        new Scene(
            List.of(
                new Scene.Node(
                    "p1",
                    0,
                    0,
                    0,
                    Palette.community(0),
                    1,
                    Scene.State.SELECTED,
                    Optional.of(hostile)),
                new Scene.Node(
                    "p2\uFFFF",
                    1,
                    1,
                    0,
                    Palette.community(0),
                    0.5,
                    Scene.State.NORMAL,
                    Optional.empty()),
                new Scene.Node(
                    "p3",
                    2,
                    0,
                    0,
                    Palette.community(0),
                    0.5,
                    Scene.State.NORMAL,
                    Optional.empty())),
            List.of(new Scene.Edge("p1", "p3", 0.5, 1, Palette.edge(1), false)),
            List.of(new Scene.LegendEntry(0, Palette.community(0), "terms \uFFFE / more", 3)),
            List.of("notice \u0007 <here>"),
            0,
            0,
            2,
            1);
    String svg = GraphPicture.svg(PicturePlan.of(scene, PictureOptions.of(800, 600)));
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    List<String> texts = new ArrayList<>();
    var nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    // U+FFFE, U+0001 and the lone surrogate are left out; the emoji (a proper pair) and markup
    // stay, as text
    assertTrue(
        texts.stream().anyMatch(t -> t.startsWith("Bad  title with <b>tags</b> &")),
        "title kept as text: " + texts);
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("terms  / more")), "legend: " + texts);
    assertTrue(texts.contains("notice  <here>"), "notice: " + texts);
  }
}
