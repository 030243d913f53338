package dev.papergraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.Measure;
import dev.papergraph.model.Paper;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import dev.papergraph.write.AnalysedGraph;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The viewer at the scale of the arxiv-daily subset: 5,000 papers through the real pipeline, then
 * the model's operations, the GraphStream view and a PNG. Prints the time of each step (no timing
 * assertions); asserts the edge cap holds and is announced. Opt-in (a minute of work): {@code mvn
 * -B verify -pl viz -am -Dtest=ViewerScaleTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpapergraph.scale=true}.
 */
@EnabledIfSystemProperty(named = "papergraph.scale", matches = "true")
class ViewerScaleTest {

  private static final int PAPERS = 5000;

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  @Test
  void fiveThousandPapersStayWithinTheEdgeCapAndTellTheUser() throws Exception {
    Path daily = SharedData.require("corpus/arxiv-daily/daily");
    Map<String, String> figures = new LinkedHashMap<>();
    long t = System.nanoTime();
    List<InputSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(daily)) {
      files.sorted().limit(120).forEach(p -> sources.add(InputSource.of(p)));
    }
    List<Paper> all = Readers.standard().load(sources, null).papers();
    assertTrue(all.size() >= PAPERS, "only " + all.size() + " papers in the first files");
    List<Paper> papers = all.subList(0, PAPERS);
    figures.put("read", String.format(Locale.ROOT, "%.0f ms", ms(t)));
    t = System.nanoTime();
    AnalysedGraph analysis = PipelineFixture.of(papers);
    figures.put(
        "pipeline (engine, analysis, layout)", String.format(Locale.ROOT, "%.0f ms", ms(t)));
    int edges = analysis.graph().similarity().edgeSet().size();
    figures.put("edges", Integer.toString(edges));

    t = System.nanoTime();
    ViewerModel model = new ViewerModel(analysis);
    figures.put("model construction", String.format(Locale.ROOT, "%.1f ms", ms(t)));
    t = System.nanoTime();
    Scene scene = model.scene();
    figures.put("first scene", String.format(Locale.ROOT, "%.1f ms", ms(t)));
    assertEquals(PAPERS, scene.nodes().size());
    assertTrue(
        edges > ViewerModel.EDGE_CAP_DEFAULT,
        "the cap must bite at this scale: " + edges + " edges");
    assertEquals(ViewerModel.EDGE_CAP_DEFAULT, scene.edges().size());
    assertTrue(
        scene.notices().get(0).contains("strongest of " + String.format(Locale.ROOT, "%,d", edges)),
        scene.notices().toString());

    String someId = papers.get(1234).id();
    String fragment =
        papers.get(1234).title().substring(0, Math.min(20, papers.get(1234).title().length()));
    t = System.nanoTime();
    model.searchAndSelect(fragment);
    model.scene();
    figures.put("search + select + scene", String.format(Locale.ROOT, "%.1f ms", ms(t)));
    t = System.nanoTime();
    model.select(someId);
    model.focus(2);
    Scene focused = model.scene();
    figures.put("select + 2-hop focus + scene", String.format(Locale.ROOT, "%.1f ms", ms(t)));
    figures.put(
        "papers faded by the focus",
        Long.toString(
            focused.nodes().stream().filter(n -> n.state() == Scene.State.FADED).count()));
    t = System.nanoTime();
    model.clearFocus();
    model.showCommunities(List.of(0, 1));
    model.setMinEdgeWeight(0.3);
    model.setSizeMeasure(Measure.DEGREE);
    model.scene();
    figures.put(
        "community filter + min weight + size switch + scene",
        String.format(Locale.ROOT, "%.1f ms", ms(t)));
    model.showAllCommunities();
    model.setMinEdgeWeight(0);

    // the GraphStream view, built and painted off screen
    System.setProperty("org.graphstream.ui", "swing");
    Map<String, Object> holder = new LinkedHashMap<>();
    SwingUtilities.invokeAndWait(
        () -> {
          long s = System.nanoTime();
          GraphView view = new GraphView(model, false);
          figures.put(
              "GraphView construction (5,000 nodes, 5,000 edges)",
              String.format(Locale.ROOT, "%.0f ms", ms(s)));
          view.component().setSize(1000, 800);
          BufferedImage image = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_RGB);
          s = System.nanoTime();
          Graphics2D g = image.createGraphics();
          view.component().paint(g);
          g.dispose();
          figures.put("first paint of the view", String.format(Locale.ROOT, "%.0f ms", ms(s)));
          s = System.nanoTime();
          g = image.createGraphics();
          view.component().paint(g);
          g.dispose();
          figures.put("second paint of the view", String.format(Locale.ROOT, "%.0f ms", ms(s)));
          s = System.nanoTime();
          model.select(
              someId); // listener-free here: refresh by hand, as the window's listener does
          view.refresh();
          figures.put("click: model + view refresh", String.format(Locale.ROOT, "%.1f ms", ms(s)));
          s = System.nanoTime();
          model.focus(2);
          view.refresh();
          figures.put("focus: model + view refresh", String.format(Locale.ROOT, "%.1f ms", ms(s)));
          holder.put("edges", view.graph().getEdgeCount());
          view.close();
        });
    assertTrue(
        (Integer) holder.get("edges") <= ViewerModel.EDGE_CAP_DEFAULT + 200,
        "edges in GraphStream: " + holder);

    Path png = Files.createTempDirectory("scale").resolve("scale.png");
    t = System.nanoTime();
    GraphPicture.write(model.scene(), png, 1600, 1000, false);
    figures.put("PNG 1600x1000", String.format(Locale.ROOT, "%.0f ms", ms(t)));
    figures.forEach((k, v) -> System.out.println("scale: " + k + ": " + v));
  }
}
