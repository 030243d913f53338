package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.Palette;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papergraph render} on the bundled seed corpus. */
class RenderCommandTest {

  @TempDir
  Path dir;

  private static int run(ByteArrayOutputStream err, String... args) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return Main.run(args);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void rendersSeedPngWithCommunityColoursAndLegend() throws Exception {
    Path png = dir.resolve("graph.png");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(err, "render", "-o", png.toString(), "--width", "1200", "--height", "800"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("wrote " + png), err.toString(StandardCharsets.UTF_8));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    Rectangle graph = GraphPicture.graphArea(1200, 800);
    Map<Integer, Integer> inGraph = new HashMap<>();
    Map<Integer, Integer> inLegend = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        (graph.contains(x, y) ? inGraph : inLegend).merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    // the seed corpus fills at least the first eight palette colours; each is drawn as papers and in the legend
    for (int c = 0; c < 8; c++) {
      int rgb = Palette.community(c);
      assertTrue(inGraph.getOrDefault(rgb, 0) >= 10, "papers of community " + c + " drawn: " + Palette.css(rgb));
      assertTrue(inLegend.getOrDefault(rgb, 0) >= 25, "legend swatch of community " + c + ": " + Palette.css(rgb));
    }
    assertTrue(inGraph.getOrDefault(Palette.BACKGROUND, 0) < graph.width * graph.height * 0.97, "not blank");
  }

  @Test
  void rendersSvgAndRefusesToOverwriteWithoutForce() throws Exception {
    Path svg = dir.resolve("graph.svg");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(err, "render", "-o", svg.toString(), "--size-by", "degree"));
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml"));
    assertTrue(text.contains(Palette.css(Palette.community(0))));
    byte[] before = Files.readAllBytes(svg);
    err.reset();
    assertEquals(1, run(err, "render", "-o", svg.toString()));
    assertEquals("papergraph: " + svg + " exists; use --force to overwrite it\n", err.toString(StandardCharsets.UTF_8));
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(svg));
  }

  @Test
  void badExtensionOrMeasureIsOneLineAndExitOne() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, run(err, "render", "-o", dir.resolve("graph.jpg").toString()));
    String msg = err.toString(StandardCharsets.UTF_8);
    assertTrue(msg.contains("graph.jpg: the picture must end in .png or .svg"), msg);
    assertEquals(1, msg.lines().count());
    err.reset();
    assertEquals(1, run(err, "render", "-o", dir.resolve("g.png").toString(), "--size-by", "fame"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--size-by fame: unknown measure"), err.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(dir.resolve("g.png")));
  }
}
