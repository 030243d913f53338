package dev.papergraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real viewer window on the seed corpus, under a virtual display: a child JVM runs {@link
 * ViewerSmoke} with {@code xvfb-run} (surefire itself runs headless), and this test checks its
 * screenshot and its mouse click. Skipped only when Xvfb is not installed.
 */
class ViewerWindowXvfbTest {

  private static final Path XVFB_RUN = Path.of("/usr/bin/xvfb-run");

  @TempDir Path dir;

  @Test
  void windowOpensUnderXvfbShowsCommunityColoursSelectsTheClickedPaperAndLabelsTheHoveredOne()
      throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(XVFB_RUN) && Files.isExecutable(Path.of("/usr/bin/Xvfb")),
        "Xvfb is not installed (apt-get install xvfb xauth): viewer window test skipped");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                XVFB_RUN.toString(),
                "-a",
                "-s",
                "-screen 0 1600x1000x24",
                java,
                "-Xmx1g",
                "-Djava.awt.headless=false",
                "-cp",
                classpath,
                ViewerSmoke.class.getName(),
                dir.toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("child.log"));
    assertTrue(done, "viewer child did not finish in 180 s:\n" + log);
    assertEquals(0, p.exitValue(), "viewer child failed:\n" + log);

    Properties result = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("result.properties"))) {
      result.load(r);
    }
    BufferedImage shot = ImageIO.read(dir.resolve("screen.png").toFile());
    String[] v = result.getProperty("view").split(",");
    Rectangle view =
        new Rectangle(
                Integer.parseInt(v[0]),
                Integer.parseInt(v[1]),
                Integer.parseInt(v[2]),
                Integer.parseInt(v[3]))
            .intersection(new Rectangle(0, 0, shot.getWidth(), shot.getHeight()));
    assertTrue(view.width > 400 && view.height > 300, "graph view too small: " + view);

    Map<Integer, Integer> counts = GraphPictureTest.colourCounts(shot, view);
    int total = view.width * view.height;
    int background = counts.getOrDefault(Palette.BACKGROUND, 0);
    assertTrue(
        background < total * 0.97,
        "graph view is blank: " + background + " of " + total + " pixels background");
    assertTrue(counts.size() > 50, "too few colours for a drawn graph: " + counts.size());
    String[] legend = result.getProperty("legend").split(",");
    assertTrue(legend.length >= 6, "seed legend: " + result.getProperty("legend"));
    for (String hex : legend) {
      int rgb = Integer.parseInt(hex, 16);
      assertTrue(
          counts.getOrDefault(rgb, 0) >= 10,
          "community colour #"
              + hex
              + " drawn in the graph view: "
              + counts.getOrDefault(rgb, 0)
              + " pixels");
    }

    // the legend fits: lines wrap inside the side panel, nothing is cut off or scrolls sideways
    assertEquals(
        "",
        result.getProperty("legendOverflow"),
        "legend lines wider than the panel (" + result.getProperty("legendViewport") + " px)");
    assertEquals("false", result.getProperty("legendScrollsSideways"));
    assertTrue(
        Integer.parseInt(result.getProperty("legendWrapped")) >= 1,
        "long seed labels wrap onto a second line: " + result.getProperty("legendWrapped"));
    // labels stay inside the canvas (those near the right edge go to the left of their paper)
    assertTrue(
        Integer.parseInt(result.getProperty("labelled")) >= 10,
        "labels drawn: " + result.getProperty("labelled"));
    assertEquals("", result.getProperty("labelsOutside"), "labels past the canvas edge");
    assertTrue(
        Integer.parseInt(result.getProperty("probeLabelsFlipped")) >= 1,
        "a long label of a paper near the right edge is drawn on its left: "
            + result.getProperty("probeLabelsFlipped")
            + " (the labelled papers flipped: "
            + result.getProperty("labelsFlipped")
            + ")");

    String clicked = result.getProperty("clicked");
    assertFalse(clicked.isEmpty(), "no paper under the click point");
    assertEquals(
        clicked, result.getProperty("selected"), "a mouse click selects the paper under it");
    assertEquals(
        Fixtures.seed().graph().paper(clicked).orElseThrow().title(),
        result.getProperty("panelTitle"));

    String hovered = result.getProperty("hovered");
    assertFalse(hovered.isEmpty(), "no unlabelled paper to hover over");
    assertEquals(
        Fixtures.seed().graph().paper(hovered).orElseThrow().title(),
        result.getProperty("hoverLabel"),
        "hovering shows the paper's title");
  }
}
