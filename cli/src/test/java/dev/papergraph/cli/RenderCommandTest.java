package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.Palette;
import dev.papergraph.viz.Theme;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    // resolution 1.2 gives the seeds 12 communities (the default 0.5 gives 8): enough for the
    // palette's tenth colour below
    var r = Cli.run("build", "-q", "-w", ws.toString(), "--resolution", "1.2");
    assertEquals(0, r.code(), r::toString);
  }

  @Test
  void rendersSeedPngWithCommunityColoursInGraphAndLegend() throws Exception {
    // every seed community is of normal size (none marked small), so each gets a label
    Path png = tmp.resolve("graph.png");
    var r =
        Cli.run(
            "render",
            "-w",
            ws.toString(),
            "-o",
            png.toString(),
            "--width",
            "1200",
            "--height",
            "800");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().startsWith("papergraph: wrote " + png + " (415 papers, "), r::toString);
    int communities = communities().size();
    assertTrue(
        r.err().contains(", " + communities + " community and "),
        "a label over each of the " + communities + " seed communities: " + r);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(800, image.getHeight());
    Rectangle graph = GraphPicture.graphArea(1200, 800);
    Map<Integer, Integer> inGraph = new HashMap<>();
    Map<Integer, Integer> inLegend = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        (graph.contains(x, y) ? inGraph : inLegend)
            .merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    // the seed corpus has at least six communities of two or more papers: each colour is drawn as
    // papers in the graph area and as a legend swatch
    for (int c = 0; c < 6; c++) {
      int rgb = Palette.community(c);
      assertTrue(
          inGraph.getOrDefault(rgb, 0) >= 10,
          "papers of community " + c + " drawn: " + Palette.css(rgb));
      assertTrue(
          inLegend.getOrDefault(rgb, 0) >= 25,
          "legend swatch of community " + c + ": " + Palette.css(rgb));
    }
    assertTrue(
        inGraph.getOrDefault(Palette.BACKGROUND, 0) < graph.width * graph.height * 0.97,
        "not blank");
  }

  @Test
  void rendersSvgAndRefusesToOverwriteWithoutForce() throws Exception {
    Path svg = tmp.resolve("graph.svg");
    var r =
        Cli.run("render", "-q", "-w", ws.toString(), "-o", svg.toString(), "--size-by", "degree");
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), "quiet");
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml"));
    assertTrue(text.contains("fill=\"" + Palette.css(Palette.community(0)) + "\""));
    byte[] before = Files.readAllBytes(svg);
    r = Cli.run("render", "-w", ws.toString(), "-o", svg.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of("papergraph: " + svg + " exists; use --force to overwrite it"), r.errLines());
    assertArrayEquals(before, Files.readAllBytes(svg));
  }

  /** The seed communities as `papergraph communities --output json` lists them. */
  private static JsonNode communities() throws Exception {
    var json = Cli.run("communities", "-w", ws.toString(), "--output", "json");
    assertEquals(0, json.code(), json::toString);
    return new ObjectMapper().readTree(json.out()).get("communities");
  }

  @Test
  void communityNineHasTheSameColourInTheExportAndThePicture() throws Exception {
    var json = Cli.run("communities", "-w", ws.toString(), "--output", "json");
    assertEquals(0, json.code(), json::toString);
    var doc = new ObjectMapper().readTree(json.out());
    String paper = doc.get("communities").get(9).get("members").get(0).asText();
    Path dot = tmp.resolve("palette.dot");
    var r =
        Cli.run(
            "export",
            "-q",
            "-w",
            ws.toString(),
            "--format",
            "dot",
            "-o",
            dot.toString(),
            "--force");
    assertEquals(0, r.code(), r::toString);
    Matcher exported =
        Pattern.compile(Pattern.quote("\"" + paper + "\"") + "[^\n]*fillcolor=\"?(#[0-9a-fA-F]{6})")
            .matcher(Files.readString(dot));
    assertTrue(exported.find(), "community 9's paper " + paper + " in the DOT export");
    Path svg = tmp.resolve("palette.svg");
    r = Cli.run("render", "-q", "-w", ws.toString(), "-o", svg.toString(), "--force");
    assertEquals(0, r.code(), r::toString);
    Matcher drawn =
        Pattern.compile(
                "fill=\"(#[0-9A-Fa-f]{6})\"[^>]*><title>" + Pattern.quote(paper) + "</title>")
            .matcher(Files.readString(svg));
    assertTrue(drawn.find(), "community 9's paper " + paper + " in the picture");
    assertEquals(
        exported.group(1).toUpperCase(Locale.ROOT),
        drawn.group(1).toUpperCase(Locale.ROOT),
        "community 9: export and picture");
    assertEquals(
        "#8CD17D",
        drawn.group(1).toUpperCase(Locale.ROOT),
        "Tableau 10's tenth colour, as write/Palette");
  }

  @Test
  void rendersOneCommunityAnEgoMapAndASlideInTheDarkTheme() throws Exception {
    Path c6 = tmp.resolve("c6.png");
    var r =
        Cli.run("render", "-w", ws.toString(), "-o", c6.toString(), "--community", "6", "--force");
    assertEquals(0, r.code(), r::toString);
    int size = communities().get(6).get("size").asInt();
    assertTrue(
        r.err().startsWith("papergraph: wrote " + c6 + " (" + size + " papers, "), r::toString);
    assertTrue(r.err().contains(", 1 community and "), r::toString);

    Path ego = tmp.resolve("ego.svg");
    r =
        Cli.run(
            "render",
            "-w",
            ws.toString(),
            "-o",
            ego.toString(),
            "--focus",
            "Grokking at the Edge",
            "--depth",
            "2",
            "--force");
    assertEquals(0, r.code(), r::toString);
    String text = Files.readString(ego);
    assertTrue(
        text.contains("Within 2 hops of \u201CGrokking at the Edge of Numerical Stability\u201D")
            || text.contains("Within 2 hops of"),
        "ego heading");
    int papers = Integer.parseInt(r.err().replaceAll("(?s).*\\((\\d+) papers,.*", "$1"));
    assertTrue(papers > 1 && papers < 415, "an ego map, not the whole graph: " + papers);

    Path slide = tmp.resolve("slide.png");
    r =
        Cli.run(
            "render",
            "-q",
            "-w",
            ws.toString(),
            "-o",
            slide.toString(),
            "--size",
            "slide",
            "--theme",
            "dark",
            "--labels",
            "communities",
            "--force");
    assertEquals(0, r.code(), r::toString);
    BufferedImage image = ImageIO.read(slide.toFile());
    assertEquals(1920, image.getWidth());
    assertEquals(1080, image.getHeight());
    assertEquals(Theme.DARK.background(), image.getRGB(5, 5) & 0xFFFFFF, "dark background");
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    for (String[] args :
        List.of(
            new String[] {"--size", "huge"},
            new String[] {"--theme", "sepia"},
            new String[] {"--labels", "some"},
            new String[] {"--depth", "2"},
            new String[] {"--size", "100x100"})) {
      List<String> command =
          new ArrayList<>(
              List.of("render", "-w", ws.toString(), "-o", tmp.resolve("bad.png").toString()));
      command.addAll(List.of(args));
      var r = Cli.run(command.toArray(String[]::new));
      assertEquals(2, r.code(), r::toString);
      assertFalse(Files.exists(tmp.resolve("bad.png")));
    }
    var r =
        Cli.run(
            "render",
            "-w",
            ws.toString(),
            "-o",
            tmp.resolve("bad.png").toString(),
            "--focus",
            "no such paper xyzzy");
    assertEquals(1, r.code(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: no paper matches \"no such paper xyzzy\""), r::toString);
  }

  @Test
  void userMistakesAreOneLineAndExitOne() {
    var r = Cli.run("render", "-w", ws.toString(), "-o", tmp.resolve("graph.jpg").toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of(
            "papergraph: " + tmp.resolve("graph.jpg") + ": the picture must end in .png or .svg"),
        r.errLines());
    r =
        Cli.run(
            "render",
            "-w",
            ws.toString(),
            "-o",
            tmp.resolve("g.png").toString(),
            "--size-by",
            "fame");
    assertEquals(1, r.code(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: --size-by fame: unknown measure; use one of [pagerank,"),
        r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertFalse(Files.exists(tmp.resolve("g.png")));
    Path nowhere = tmp.resolve("nowhere");
    r = Cli.run("render", "-w", nowhere.toString(), "-o", tmp.resolve("g.png").toString());
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().startsWith("papergraph: no workspace folder in " + nowhere), r::toString);
  }
}
