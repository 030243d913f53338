package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.model.Paper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherFormatsTest {

  @TempDir Path dir;

  static String text(AnalysedGraph a, ExportFormat f) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exports.write(a, f, out, WriteOptions.defaults());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dotRoundTripsThroughJgraphtDotImporterWithLabelsAndScores() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
    importer.setVertexFactory(id -> id);
    Map<String, Map<String, String>> nodes = new HashMap<>();
    Map<DefaultEdge, Map<String, String>> edges = new HashMap<>();
    importer.addVertexAttributeConsumer(
        (p, v) ->
            nodes
                .computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), v.getValue()));
    importer.addEdgeAttributeConsumer(
        (p, v) ->
            edges
                .computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), v.getValue()));
    importer.importGraph(g, new StringReader(text(a, ExportFormat.DOT)));
    assertEquals(418, g.vertexSet().size());
    assertEquals(a.graph().similarity().edgeSet().size(), g.edgeSet().size());
    Map<String, String> tricky = nodes.get(TestAnalyses.TRICKY_ID);
    assertEquals(
        "Ünïcödé “quotes” \"double\" 'single' bold & ampersand p<0.05 数据 ctrl quantization",
        tricky.get("label"));
    assertEquals(
        "#"
            + String.format(
                "%06x", new ExportModel(a, WriteOptions.defaults()).rgb(TestAnalyses.TRICKY_ID)),
        tricky.get("fillcolor"));
    assertEquals("Zoë O'Brien; 李 雷; A \"Quoted\" Name", tricky.get("authors"));
    for (SimilarityEdge e : a.graph().similarity().edgeSet()) {
      DefaultEdge ge = g.getEdge(e.first(), e.second());
      assertEquals(
          a.graph().similarity().getEdgeWeight(e),
          Double.parseDouble(edges.get(ge).get("score")),
          0.0);
    }
  }

  @Test
  void vosviewerJsonHasItemsLinksAndConsecutiveClusters() throws Exception {
    AnalysedGraph a = TestAnalyses.pipeline();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    JsonNode net = new ObjectMapper().readTree(text(a, ExportFormat.VOSVIEWER)).get("network");
    JsonNode items = net.get("items");
    assertEquals(415, items.size());
    double meanDistance = 0;
    Set<Integer> clustersUsed = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode it = items.get(i);
      String id = m.ids().get(i);
      assertEquals(i + 1, it.get("id").asInt());
      assertEquals(m.title(id), it.get("label").asText());
      assertEquals(a.graph().similarity().degreeOf(id), it.at("/weights/Links").asInt());
      assertEquals(
          a.communities().membership().get(id) + 1,
          it.get("cluster").asInt(),
          "clusters follow community ids");
      clustersUsed.add(it.get("cluster").asInt());
      meanDistance += Math.hypot(it.get("x").asDouble(), it.get("y").asDouble());
    }
    assertEquals(1.0, meanDistance / items.size(), 1e-3);
    assertEquals(a.graph().similarity().edgeSet().size(), net.get("links").size());
    for (JsonNode l : net.get("links")) {
      String s = m.ids().get(l.get("source_id").asInt() - 1);
      String t = m.ids().get(l.get("target_id").asInt() - 1);
      SimilarityEdge e = a.graph().similarity().getEdge(s, t);
      assertEquals(m.weight(e), l.get("strength").asDouble(), 0.0);
    }
    JsonNode clusters = net.get("clusters");
    assertEquals(a.communities().communities().size(), clusters.size());
    JsonNode colours =
        new ObjectMapper()
            .readTree(text(a, ExportFormat.VOSVIEWER))
            .at("/config/color_schemes/cluster_colors");
    assertEquals(clusters.size(), colours.size());
    for (int c = 0; c < clusters.size(); c++) {
      Community community = a.communities().communities().get(c);
      assertEquals(community.id() + 1, clusters.get(c).get("cluster").asInt());
      assertEquals(
          "community " + community.id() + ": " + community.label(),
          clusters.get(c).get("label").asText(),
          "the label names the community number the command line shows");
      assertEquals(community.id() + 1, colours.get(c).get("cluster").asInt());
      assertEquals(
          Palette.hex(Palette.colour(community.id())),
          colours.get(c).get("color").asText(),
          "our palette, not VOSviewer's");
    }
    assertEquals(clusters.size(), clustersUsed.size());
  }

  @Test
  void vosviewerItemsLinkToTheirDoiOrArxivPage() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    JsonNode items =
        new ObjectMapper().readTree(text(a, ExportFormat.VOSVIEWER)).at("/network/items");
    int withUrl = 0;
    for (int i = 0; i < items.size(); i++) {
      Paper p = m.paper(m.ids().get(i));
      String url = items.get(i).path("url").asText(null);
      if (p.ids().doi() != null) {
        assertEquals("https://doi.org/" + p.ids().doi(), url);
      } else if (p.ids().arxiv() != null) {
        assertEquals("https://arxiv.org/abs/" + p.ids().arxiv(), url);
      }
      withUrl += url == null ? 0 : 1;
    }
    assertTrue(withUrl > 0);
    assertEquals(
        "communities",
        new ObjectMapper()
            .readTree(text(a, ExportFormat.VOSVIEWER))
            .at("/config/terminology/clusters")
            .asText());
  }

  @Test
  void vosviewerClustersStopAtOneThousand() throws Exception {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 1003; i++) {
      papers.add(
          Paper.builder()
              .id(String.format("s2:%04d", i))
              .title(String.format("Xq%04d", i))
              .build());
    }
    AnalysedGraph a = TestAnalyses.analyse(papers, 3);
    assertEquals(1003, a.communities().communities().size(), "unlinked papers: one community each");
    JsonNode net = new ObjectMapper().readTree(text(a, ExportFormat.VOSVIEWER)).get("network");
    assertEquals(VosviewerWriter.MAX_CLUSTERS, net.get("clusters").size());
    int withCluster = 0;
    for (JsonNode it : net.get("items")) {
      if (it.has("cluster")) {
        withCluster++;
        assertTrue(it.get("cluster").asInt() >= 1 && it.get("cluster").asInt() <= 1000);
      }
    }
    assertEquals(1000, withCluster);
  }

  @Test
  void nodeLinkJsonKeepsEveryCharacterAndTheManifest() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    JsonNode root = new ObjectMapper().readTree(text(a, ExportFormat.JSON));
    assertEquals(418, root.get("nodes").size());
    assertEquals(a.graph().similarity().edgeSet().size(), root.get("links").size());
    JsonNode tricky = null;
    for (JsonNode n : root.get("nodes")) {
      if (n.get("id").asText().equals(TestAnalyses.TRICKY_ID)) tricky = n;
    }
    assertEquals(
        TestAnalyses.TRICKY_TITLE_READABLE,
        tricky.get("label").asText(),
        "JSON needs no stripping");
    assertEquals(TestAnalyses.TRICKY_ABSTRACT_READABLE, tricky.get("abstract").asText());
    assertEquals(TestAnalyses.TRICKY_VENUE, tricky.get("venue").asText());
    assertEquals(2024, tricky.get("year").asInt());
    assertEquals(
        ExportModel.MAPPER.writeValueAsString(a.manifest()), root.get("manifest").toString());
    assertEquals(a.communities().communities().size(), root.get("communities").size());
    Community c0 = a.communities().communities().get(0);
    assertEquals(c0.size(), root.at("/communities/0/members").size());
    assertEquals(c0.label(), root.at("/communities/0/label").asText());
  }

  @Test
  void csvQuotesOnlyWhatRfc4180RequiresAndDoublesBackslashesForGephi() {
    assertEquals("\"na\\\\\"\"ive\"", CsvWriter.quote("na\\\"ive"));
    assertEquals("plain", CsvWriter.quote("plain"));
    assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
    assertEquals("\"line\r\nbreak\"", CsvWriter.quote("line\r\nbreak"));
    assertEquals("\"lone\rcr\"", CsvWriter.quote("lone\rcr"));
    assertEquals("semi; colon <&>", CsvWriter.quote("semi; colon <&>"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Exports.write(
                TestAnalyses.seed(),
                ExportFormat.CSV,
                new ByteArrayOutputStream(),
                WriteOptions.defaults()));
  }

  @Test
  void egoGraphOfAPaperIsWrittenInEveryFormatWithItsColoursFromTheFullMap() throws Exception {
    AnalysedGraph a = TestAnalyses.pipeline();
    String grok =
        a.graph().papers().values().stream()
            .filter(p -> p.title().startsWith("Grokking at the Edge"))
            .findFirst()
            .orElseThrow()
            .id();
    var ego = new Neighbourhoods(a.graph()).ego(grok, 2, 5);
    AnalysedGraph sub = Exports.restrict(a, ego.papers());
    int n = ego.papers().size();
    int edges = sub.graph().similarity().edgeSet().size();
    assertTrue(n > 5 && n < 100, "ego size " + n);
    assertTrue(edges >= n - 1, "the ego graph is connected: " + edges);
    ExportModel full = new ExportModel(a, WriteOptions.defaults());
    ExportModel part = new ExportModel(sub, WriteOptions.defaults());
    for (String id : ego.papers()) {
      assertEquals(full.rgb(id), part.rgb(id), id);
      assertEquals(a.layout().of(id), sub.layout().of(id), id);
    }
    for (ExportFormat f : ExportFormat.values()) {
      Path target = dir.resolve("ego" + f.extension().replace(".", "-" + f.key() + "."));
      for (Path written : Exports.write(sub, f, target, WriteOptions.defaults())) {
        String s = Files.readString(written);
        int expected = written.toString().endsWith("-edges.csv") ? edges : n;
        assertEquals(expected, count(f, s, written), f + " " + written.getFileName());
      }
    }
    assertEquals(n, sub.manifest().parameters().get("export.subset"));

    // scopes named: ego-local degree, whole-graph centralities; graph data of the file's own graph
    List<String> names = part.nodeColumns().stream().map(Column::name).toList();
    assertTrue(
        names.contains("degree_ego")
            && names.contains("pagerank_global")
            && names.contains("betweenness_global"),
        names.toString());
    assertFalse(names.contains("degree") || names.contains("pagerank"), names.toString());
    assertTrue(
        full.nodeColumns().stream()
            .map(Column::name)
            .toList()
            .containsAll(List.of("degree", "pagerank")));
    Column<String> degreeEgo =
        part.nodeColumns().stream()
            .filter(c -> c.name().equals("degree_ego"))
            .findFirst()
            .orElseThrow();
    for (String id : ego.papers()) {
      assertEquals(sub.graph().similarity().degreeOf(id), degreeEgo.of(id), id);
    }
    assertEquals("subset", part.graphData().get("scope"));
    assertEquals(n, part.graphData().get("papers"));
    assertEquals(edges, part.graphData().get("edges"));
    long present =
        ego.papers().stream().map(id -> a.communities().membership().get(id)).distinct().count();
    assertEquals((int) present, part.graphData().get("communities"));
    assertTrue(
        part.graphData().containsKey("modularity_global")
            && !part.graphData().containsKey("modularity"));
    assertEquals("whole graph", full.graphData().get("scope"));
    assertEquals(a.communities().communities().size(), full.graphData().get("communities"));
    assertEquals(
        "not a paper of the analysis: nope",
        assertThrows(IllegalArgumentException.class, () -> Exports.restrict(a, Set.of("nope")))
            .getMessage());
  }

  // nodes (or CSV rows) in an export, counted the way each format lists them
  private static int count(ExportFormat f, String s, Path file) throws Exception {
    assertTrue(file.getFileName().toString().startsWith("ego"));
    return switch (f) {
      case GRAPHML -> s.split("<node id=", -1).length - 1;
      case GEXF -> s.split("<node id=", -1).length - 1;
      case JSON -> new ObjectMapper().readTree(s).get("nodes").size();
      case VOSVIEWER -> new ObjectMapper().readTree(s).at("/network/items").size();
      // an edge line is "a" -- "b"; a title may contain " -- " too
      case DOT ->
          (int)
              s.lines()
                  .filter(
                      l -> l.startsWith("  \"") && !l.matches("  \"(?:[^\"\\\\]|\\\\.)*\" -- .*"))
                  .count();
      case CSV -> csvRecords(s) - 1;
      case HTML -> HtmlWriterTest.data(s).get("papers").size();
    };
  }

  /** Records in RFC 4180 text: CRLFs outside quoted fields. */
  static int csvRecords(String s) {
    int records = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted; // a doubled quote toggles twice
      } else if (!quoted && c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        records++;
      }
    }
    return records;
  }

  @Test
  void everyFormatIsByteForByteTheSameForTheSameInput() throws Exception {
    AnalysedGraph again =
        TestAnalyses.analyse(new ArrayList<>(TestAnalyses.seed().graph().papers().values()), 42);
    for (ExportFormat f : ExportFormat.values()) {
      if (f == ExportFormat.CSV) {
        List<Path> one =
            Exports.write(TestAnalyses.seed(), f, dir.resolve("one.csv"), WriteOptions.defaults());
        List<Path> two = Exports.write(again, f, dir.resolve("two.csv"), WriteOptions.defaults());
        for (int i = 0; i < 2; i++) {
          assertEquals(Files.readString(one.get(i)), Files.readString(two.get(i)));
        }
      } else {
        assertEquals(text(TestAnalyses.seed(), f), text(again, f), f.key());
      }
    }
  }

  @Test
  void anEmptyAnalysisIsAValidEmptyFileInEveryFormat() throws Exception {
    AnalysedGraph empty = TestAnalyses.analyse(List.of(), 1);
    for (ExportFormat f : ExportFormat.values()) {
      for (Path p :
          Exports.write(
              empty, f, dir.resolve("empty-" + f.key() + f.extension()), WriteOptions.defaults())) {
        String s = Files.readString(p);
        switch (f) {
          case GRAPHML -> {
            Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
            GraphMLImporter<String, DefaultEdge> im = new GraphMLImporter<>();
            im.setVertexFactory(id -> id);
            im.importGraph(g, new StringReader(s));
            assertEquals(0, g.vertexSet().size());
          }
          case GEXF -> GexfWriterTest.validate12draft(s);
          case JSON -> assertEquals(0, new ObjectMapper().readTree(s).get("nodes").size());
          case VOSVIEWER ->
              assertEquals(0, new ObjectMapper().readTree(s).at("/network/items").size());
          case CSV -> assertEquals(1, csvRecords(s), "header only");
          case HTML -> assertEquals(0, HtmlWriterTest.data(s).get("papers").size());
          case DOT -> assertEquals("graph papergraph {", s.lines().findFirst().orElseThrow());
        }
      }
    }
  }

  @Test
  void formatsAreFoundByNameAndFileName() {
    assertEquals(Optional.of(ExportFormat.GRAPHML), ExportFormat.byName("GraphML"));
    assertEquals(Optional.of(ExportFormat.VOSVIEWER), ExportFormat.byName("vos"));
    assertEquals(Optional.of(ExportFormat.DOT), ExportFormat.byName("gv"));
    assertEquals(Optional.empty(), ExportFormat.byName("pajek"));
    assertEquals(Optional.of(ExportFormat.GEXF), ExportFormat.byFileName("map.GEXF"));
    assertEquals(Optional.of(ExportFormat.JSON), ExportFormat.byFileName("map.json"));
    assertEquals("graphml, gexf, json, csv, dot, vosviewer, html", ExportFormat.names());
    assertEquals(
        List.of(Path.of("x/g-nodes.csv"), Path.of("x/g-edges.csv")),
        Exports.files(ExportFormat.CSV, Path.of("x/g.csv")));
  }
}
