package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-file web map (issue 16 item 2): its data and, in a real browser (Debian's headless
 * Chromium, which CI installs), that it loads offline from a file:// URL with no request at all,
 * draws the papers in their community colours, and builds the legend, search box and side panel.
 */
class HtmlWriterTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  /** The map data embedded in a page. */
  static JsonNode data(String html) throws Exception {
    String open = "<script type=\"application/json\" id=\"papergraph-data\">";
    int from = html.indexOf(open) + open.length();
    return new ObjectMapper().readTree(html.substring(from, html.indexOf("</script>", from)));
  }

  @Test
  void thePageIsSelfContainedWithTheDataOfEveryPaperAndLink() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    Path file = dir.resolve("seed.html");
    Exports.write(a, ExportFormat.HTML, file, WriteOptions.defaults());
    String html = Files.readString(file);
    assertTrue(
        html.contains("Content-Security-Policy\" content=\"default-src 'none';"),
        "no request allowed");
    assertTrue(
        html.contains("Copyright (c) 2016-2025, The Cytoscape Consortium"), "cytoscape.js inlined");
    Matcher external =
        Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE)
            .matcher(html);
    assertFalse(external.find(), "no external script, style or image");
    JsonNode d = data(html);
    assertEquals(418, d.get("papers").size());
    assertEquals(m.edges().size(), d.get("edges").size());
    assertEquals("pagerank", d.get("sizeBy").asText());
    for (int i = 0; i < m.ids().size(); i++) {
      JsonNode p = d.get("papers").get(i);
      assertEquals(m.ids().get(i), p.get("id").asText());
      assertEquals(m.size(m.ids().get(i)), p.get("size").asDouble(), 0.0);
      assertEquals(a.layout().of(m.ids().get(i)).x(), p.get("x").asDouble(), 0.0);
    }
    JsonNode tricky = HostileTextTest.find(d.get("papers"), "id", TestAnalyses.TRICKY_ID);
    assertEquals("https://doi.org/10.1234/tricky<&>", tricky.at("/links/0/url").asText());
    assertEquals("https://arxiv.org/abs/2401.00001", tricky.at("/links/1/url").asText());
    assertEquals(TestAnalyses.TRICKY_TITLE_READABLE, tricky.get("title").asText());
    assertEquals(TestAnalyses.TRICKY_ABSTRACT_READABLE, tricky.get("abstract").asText());
    assertEquals(TestAnalyses.TRICKY_VENUE, tricky.get("venue").asText());
    Community c0 = a.communities().communities().get(0);
    assertEquals(Palette.hex(Palette.colour(c0.id())), d.at("/communities/0/color").asText());
    // an edge: indices, weight, the five components, shared terms
    JsonNode e = d.get("edges").get(0);
    assertEquals(m.indexOf(m.edges().get(0).first()), e.get(0).asInt());
    assertEquals(m.weight(m.edges().get(0)), e.get(2).asDouble(), 1e-6);
    assertEquals(9, e.size());
    // size by another centrality
    Path byBetweenness = dir.resolve("b.html");
    Exports.write(
        a,
        ExportFormat.HTML,
        byBetweenness,
        WriteOptions.defaults().withSizeBy(Measure.BETWEENNESS));
    assertEquals("betweenness", data(Files.readString(byBetweenness)).get("sizeBy").asText());
  }

  @Test
  void theSeedMapOpensOfflineInChromiumWithLegendSearchAndCommunityColours() throws Exception {
    AnalysedGraph a = TestAnalyses.pipeline();
    Path file = dir.resolve("seeds.html");
    Exports.write(a, ExportFormat.HTML, file, WriteOptions.defaults());
    Browser b = browse(file, 1400, 900);
    assertEquals("true", b.attr("data-ready"), "the map script ran to its end");
    assertEquals("0", b.attr("data-requests"), "no http(s) resource fetched by the page");
    assertEquals(
        "0", b.attr("data-blocked"), "no request even tried (the policy would have blocked it)");
    assertEquals(String.valueOf(a.graph().papers().size()), b.attr("data-papers"));
    assertEquals(String.valueOf(a.graph().similarity().edgeSet().size()), b.attr("data-links"));
    assertEquals(
        String.valueOf(a.communities().communities().size()),
        b.attr("data-community-labels"),
        "a label over every community");
    assertEquals(b.attr("data-papers"), b.attr("data-shown-papers"), "nothing filtered at first");
    assertTrue(b.dom.contains("<input id=\"search\" type=\"search\""), "search box");
    assertTrue(b.dom.contains("<canvas"), "cytoscape drew on canvases");
    int rows = b.dom.split("class=\"legend-row\"", -1).length - 1;
    assertEquals(a.communities().communities().size(), rows, "one legend row per community");
    // the picture is not blank and shows the largest communities in their palette colours
    int colours = 0;
    for (Community c :
        a.communities()
            .communities()
            .subList(0, Math.min(5, a.communities().communities().size()))) {
      if (b.pixelsNear(Palette.colour(c.id())) >= 20) {
        colours++;
      }
    }
    assertTrue(colours >= 4, "palette colours of the 5 largest communities drawn: " + colours);
  }

  @Test
  void aGeneratedMapOfFiveThousandPapersLoadsInChromium() throws Exception {
    List<Paper> papers = new ArrayList<>();
    String[] topics = {
      "graph neural",
      "protein folding",
      "language model",
      "quantum error",
      "causal inference",
      "image segmentation",
      "reinforcement learning",
      "climate model"
    };
    for (int i = 0; i < 5000; i++) {
      String t = topics[i % topics.length];
      papers.add(
          Paper.builder()
              .id(String.format("s2:p%05d", i))
              .title(
                  t
                      + " study "
                      + (i % 97)
                      + " variant "
                      + (i % 13)
                      + " of "
                      + t.split(" ")[1]
                      + " w"
                      + (i % 41))
              .abstractText("Abstract of paper " + i + " about " + t + ".")
              .build());
    }
    AnalysedGraph a = generated(papers, topics.length);
    Path file = dir.resolve("big.html");
    Exports.write(a, ExportFormat.HTML, file, WriteOptions.defaults());
    Browser b = browse(file, 1280, 800);
    assertEquals("true", b.attr("data-ready"));
    assertEquals("5000", b.attr("data-papers"));
    assertEquals(String.valueOf(a.graph().similarity().edgeSet().size()), b.attr("data-links"));
    assertTrue(b.pixelsNear(Palette.colour(0)) >= 20, "papers drawn");
  }

  /**
   * An analysis of generated papers without the O(n²) test linking: paper i of group g = i mod
   * groups is linked to the next four papers of its group, the groups are the communities, laid out
   * as discs around a circle (deterministic), sized by degree.
   */
  static AnalysedGraph generated(List<Paper> papers, int groups) {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      for (int step = 1; step <= 4; step++) {
        int j = i + step * groups;
        if (j < papers.size()) {
          double w = Math.round((0.9 - 0.1 * step - 0.0001 * (i % 7)) * 1e6) / 1e6;
          links.add(
              Link.of(
                  papers.get(i).id(),
                  papers.get(j).id(),
                  new EdgeExplanation(
                      w,
                      w,
                      0,
                      0,
                      0,
                      0,
                      List.of(new SharedTerm("study", "study", w)),
                      List.of(),
                      List.of())));
        }
      }
    }
    PaperGraph graph = PaperGraph.of(papers, links);
    Map<String, Integer> membership = new LinkedHashMap<>();
    List<List<String>> members = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      members.add(new ArrayList<>());
    }
    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    Map<String, Double> degree = new LinkedHashMap<>();
    for (int i = 0; i < papers.size(); i++) {
      String id = papers.get(i).id();
      int g = i % groups;
      membership.put(id, g);
      members.get(g).add(id);
      double angle = 2 * Math.PI * g / groups;
      double r = Math.sqrt((i / groups) / (double) (papers.size() / groups)) * 30;
      double t = (i / groups) * 2.399963;
      positions.put(
          id,
          new Layout.Point(
              100 * Math.cos(angle) + r * Math.cos(t), 100 * Math.sin(angle) + r * Math.sin(t)));
      degree.put(id, (double) graph.similarity().degreeOf(id));
    }
    List<Community> communities = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      communities.add(
          new Community(
              g, members.get(g), List.of("topic" + g, "study"), members.get(g).subList(0, 3)));
    }
    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.PAGERANK, degree);
    RunManifest manifest =
        new RunManifest(
            "papergraph test", "2026-11-29T00:00:00Z", List.of(), Map.of(), Map.of(), Map.of());
    return new AnalysedGraph(
        graph,
        new Communities(membership, communities, 0.5, "groups", 1.0, 1),
        new Centralities(scores),
        new Layout(positions),
        manifest);
  }

  /** What headless Chromium made of a page: the DOM after the scripts ran, and a screenshot. */
  record Browser(String dom, BufferedImage picture) {
    String attr(String name) {
      Matcher m = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
      return m.find() ? m.group(1) : null;
    }

    int pixelsNear(int rgb) {
      int n = 0;
      for (int y = 0; y < picture.getHeight(); y++) {
        for (int x = 0; x < picture.getWidth(); x++) {
          int p = picture.getRGB(x, y);
          int d =
              Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF))
                  + Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF))
                  + Math.abs((p & 0xFF) - (rgb & 0xFF));
          if (d <= 24) {
            n++;
          }
        }
      }
      return n;
    }
  }

  /**
   * Loads a page in headless Chromium with the network off (a new network namespace when {@code
   * unshare -n} works, and DNS mapped to nothing in any case), twice: once dumping the DOM, once
   * taking a screenshot. The page itself records in the DOM the http(s) resources it fetched
   * (Resource Timing) and the requests its Content-Security-Policy blocked. (Chromium's own net log
   * is no help here: the browser itself calls Google services whatever the page does.)
   */
  Browser browse(Path page, int width, int height) throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(
          Files.isExecutable(CHROMIUM), "chromium absent: skipped (CI installs it)");
    }
    Path png = dir.resolve(page.getFileName() + ".png");
    String dom = new String(chromium(page, width, height, "--dump-dom"), StandardCharsets.UTF_8);
    chromium(page, width, height, "--screenshot=" + png);
    BufferedImage picture = ImageIO.read(png.toFile());
    assertEquals(width, picture.getWidth());
    return new Browser(dom, picture);
  }

  private byte[] chromium(Path page, int width, int height, String action) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd = new ArrayList<>();
    if (unshareWorks()) {
      cmd.addAll(List.of("unshare", "-n"));
    }
    cmd.addAll(
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + profile,
            "--window-size=" + width + "," + height,
            "--virtual-time-budget=20000",
            "--hide-scrollbars",
            action,
            page.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "chromium finished");
    assertEquals(0, p.exitValue(), "chromium exit code");
    return out;
  }

  private static Boolean unshare;

  private static synchronized boolean unshareWorks() throws Exception {
    if (unshare == null) {
      try {
        Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        unshare = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        unshare = false;
      }
    }
    return unshare;
  }
}
