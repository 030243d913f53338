package dev.papergraph.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** PNG and SVG pictures of the seed graph, checked by their pixels and elements. */
class GraphPictureTest {

  @TempDir Path dir;

  /** Pixels of each exact colour inside a rectangle. */
  static Map<Integer, Integer> colourCounts(BufferedImage image, Rectangle r) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void seedPngShowsEveryLegendColourInTheGraphArea() throws Exception {
    ViewerModel model = new ViewerModel(Fixtures.seed());
    Path png = dir.resolve("seed.png");
    GraphPicture.write(model.scene(), png, 1200, 800, false);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(800, image.getHeight());
    Rectangle graph = GraphPicture.graphArea(1200, 800);
    Map<Integer, Integer> counts = colourCounts(image, graph);
    int total = graph.width * graph.height;
    int background = counts.getOrDefault(Palette.BACKGROUND, 0);
    assertTrue(
        background < total * 0.97,
        "not blank: " + background + " of " + total + " pixels are background");
    List<Scene.LegendEntry> legend = model.scene().legend();
    assertTrue(legend.size() >= 3, "the seed corpus has several communities: " + legend);
    for (Scene.LegendEntry e : legend) {
      assertTrue(
          counts.getOrDefault(e.rgb(), 0) >= 10,
          "community colour "
              + Palette.css(e.rgb())
              + " ("
              + e.text()
              + ") drawn in the graph area: "
              + counts.getOrDefault(e.rgb(), 0)
              + " pixels");
    }
  }

  @Test
  void samePictureFromTwoJvmsIsByteIdentical() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String run : List.of("a", "b")) {
      Path log = dir.resolve(run + ".log");
      Process p =
          new ProcessBuilder(
                  javaBin,
                  "-Xmx512m",
                  "-Djava.awt.headless=true",
                  "-cp",
                  classpath,
                  PictureMain.class.getName(),
                  dir.resolve(run + ".png").toString(),
                  dir.resolve(run + ".svg").toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
      assertEquals(0, p.exitValue(), "child JVM failed: " + readQuietly(log));
    }
    for (String file : List.of(".png", ".svg", "-tiny.png", "-tiny.svg")) {
      assertArrayEquals(
          Files.readAllBytes(dir.resolve("a" + file)),
          Files.readAllBytes(dir.resolve("b" + file)),
          file);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void svgHasACircleAndALegendLinePerCommunityColour() throws Exception {
    ViewerModel model = new ViewerModel(Fixtures.tiny());
    model.select("b");
    Path svg = dir.resolve("tiny.svg");
    GraphPicture.write(model.scene(), svg, 1600, 1000, false);
    String text = Files.readString(svg);
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals(7, doc.getElementsByTagName("circle").getLength());
    assertEquals(
        6,
        ((Element) doc.getElementsByTagName("g").item(0)).getElementsByTagName("line").getLength(),
        "one line per edge in the edges group");
    assertTrue(text.contains("fill=\"" + Palette.css(Palette.community(0)) + "\""));
    assertTrue(text.contains("fill=\"" + Palette.css(Palette.community(1)) + "\""));
    StringBuilder legendText = new StringBuilder();
    var groups = doc.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      var group = (Element) groups.item(i);
      if (group.getAttribute("id").equals("legend")) {
        var texts = group.getElementsByTagName("text");
        for (int t = 0; t < texts.getLength(); t++) {
          legendText.append(texts.item(t).getTextContent()).append(' ');
        }
      }
    }
    assertTrue(
        legendText.toString().contains("quantization / grokking / calibration (3)"),
        "legend label: " + legendText);
    assertTrue(
        text.contains("stroke=\"" + Palette.css(Theme.LIGHT.text()) + "\""),
        "the selection has a ring");
    assertTrue(
        text.contains(">quantization / grokking</text>"), "community label on the map, as text");
  }

  @Test
  void refusesToOverwriteUnlessAskedAndLeavesTheOldFile() throws Exception {
    Scene scene = new ViewerModel(Fixtures.tiny()).scene();
    Path png = dir.resolve("graph.png");
    Files.writeString(png, "old");
    assertThrows(
        FileAlreadyExistsException.class, () -> GraphPicture.write(scene, png, 800, 600, false));
    assertEquals("old", Files.readString(png));
    GraphPicture.write(scene, png, 800, 600, true);
    assertEquals(800, ImageIO.read(png.toFile()).getWidth());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(png), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void rejectsUnknownExtensionAndSillySizes() {
    Scene scene = new ViewerModel(Fixtures.tiny()).scene();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GraphPicture.write(scene, dir.resolve("graph.jpg"), 800, 600, false));
    assertTrue(e.getMessage().contains("graph.jpg"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphPicture.write(scene, dir.resolve("g.png"), 10, 600, false));
  }
}
