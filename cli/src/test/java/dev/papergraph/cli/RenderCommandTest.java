package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.Palette;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papergraph render} on a workspace of the bundled seed corpus. */
class RenderCommandTest {

  @TempDir static Path tmp;
  static Path ws;

  @BeforeAll
  static void build() {
    ws = tmp.resolve("ws");
    var r = Cli.run("build", "-q", "-w", ws.toString());
    assertEquals(0, r.code(), r::toString);
  }

  @Test
  void rendersSeedPngWithCommunityColoursInGraphAndLegend() throws Exception {
    Path png = tmp.resolve("graph.png");
    var r = Cli.run("render", "-w", ws.toString(), "-o", png.toString(), "--width", "1200", "--height", "800");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().startsWith("papergraph: wrote " + png + " (415 papers, "), r::toString);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(800, image.getHeight());
    Rectangle graph = GraphPicture.graphArea(1200, 800);
    Map<Integer, Integer> inGraph = new HashMap<>();
    Map<Integer, Integer> inLegend = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        (graph.contains(x, y) ? inGraph : inLegend).merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    // the seed corpus has at least six communities of two or more papers: each colour is drawn as
    // papers in the graph area and as a legend swatch
    for (int c = 0; c < 6; c++) {
      int rgb = Palette.community(c);
      assertTrue(inGraph.getOrDefault(rgb, 0) >= 10, "papers of community " + c + " drawn: " + Palette.css(rgb));
      assertTrue(inLegend.getOrDefault(rgb, 0) >= 25, "legend swatch of community " + c + ": " + Palette.css(rgb));
    }
    assertTrue(inGraph.getOrDefault(Palette.BACKGROUND, 0) < graph.width * graph.height * 0.97, "not blank");
  }

  @Test
  void rendersSvgAndRefusesToOverwriteWithoutForce() throws Exception {
    Path svg = tmp.resolve("graph.svg");
    var r = Cli.run("render", "-q", "-w", ws.toString(), "-o", svg.toString(), "--size-by", "degree");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), "quiet");
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml"));
    assertTrue(text.contains("fill=\"" + Palette.css(Palette.community(0)) + "\""));
    byte[] before = Files.readAllBytes(svg);
    r = Cli.run("render", "-w", ws.toString(), "-o", svg.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(java.util.List.of("papergraph: " + svg + " exists; use --force to overwrite it"), r.errLines());
    assertArrayEquals(before, Files.readAllBytes(svg));
  }

  @Test
  void userMistakesAreOneLineAndExitOne() {
    var r = Cli.run("render", "-w", ws.toString(), "-o", tmp.resolve("graph.jpg").toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(java.util.List.of("papergraph: " + tmp.resolve("graph.jpg") + ": the picture must end in .png or .svg"),
        r.errLines());
    r = Cli.run("render", "-w", ws.toString(), "-o", tmp.resolve("g.png").toString(), "--size-by", "fame");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().startsWith("papergraph: --size-by fame: unknown measure; use one of [pagerank,"), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertFalse(Files.exists(tmp.resolve("g.png")));
    Path nowhere = tmp.resolve("nowhere");
    r = Cli.run("render", "-w", nowhere.toString(), "-o", tmp.resolve("g.png").toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().startsWith("papergraph: no workspace folder in " + nowhere), r::toString);
  }
}
