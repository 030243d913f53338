package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed exports read by networkx 2.8.8 and igraph 0.10.2 (Debian's python3-networkx and
 * python3-igraph, which CI installs) through {@code check_exports.py}: counts, attribute names and
 * the types the readers give them, awkward text.
 */
class PythonReadersTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir Path dir;

  @Test
  void networkxAndIgraphReadTheSeedExportsWithEveryAttributeAndType() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(PYTHON), "/usr/bin/python3 absent: skipped (CI installs it)");
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    Path graphml = dir.resolve("seed.graphml");
    Path json = dir.resolve("seed.json");
    Exports.write(a, ExportFormat.GRAPHML, graphml, WriteOptions.defaults());
    Exports.write(a, ExportFormat.JSON, json, WriteOptions.defaults());
    List<Path> csv =
        Exports.write(a, ExportFormat.CSV, dir.resolve("seed.csv"), WriteOptions.defaults());
    Path gexf = dir.resolve("seed.gexf");
    Exports.write(a, ExportFormat.GEXF, gexf, WriteOptions.defaults());
    Path script = dir.resolve("check_exports.py");
    try (InputStream in = getClass().getResourceAsStream("check_exports.py")) {
      Files.copy(in, script);
    }
    Process p =
        new ProcessBuilder(
                PYTHON.toString(),
                script.toString(),
                graphml.toString(),
                json.toString(),
                csv.get(0).toString(),
                csv.get(1).toString(),
                gexf.toString())
            .redirectErrorStream(false)
            .start();
    byte[] stdout = p.getInputStream().readAllBytes();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    Assumptions.assumeFalse(
        p.exitValue() == 3, "python3 lacks networkx/igraph (" + stderr.strip() + "): skipped");
    assertEquals(0, p.exitValue(), stderr);
    JsonNode r = new ObjectMapper().readTree(stdout);

    int nodes = 418;
    int edges = a.graph().similarity().edgeSet().size();
    double weightSum = Math.round(m.edges().stream().mapToDouble(m::weight).sum() * 1e9) / 1e9;
    for (String reader : new String[] {"networkx", "igraph"}) {
      assertEquals(nodes, r.at("/" + reader + "/nodes").asInt(), reader);
      assertEquals(edges, r.at("/" + reader + "/edges").asInt(), reader);
      assertEquals(false, r.at("/" + reader + "/directed").asBoolean(), reader);
      assertEquals(weightSum, r.at("/" + reader + "/weight_sum").asDouble(), 1e-9, reader);
    }

    // networkx: every node attribute with the Python type its GraphML type maps to
    JsonNode nx = r.get("networkx");
    List<String> expected = new ArrayList<>(List.of("paper_id"));
    m.nodeColumns().forEach(c -> expected.add(c.name()));
    assertEquals(sorted(expected), sorted(names(nx.get("node_attrs"))));
    for (Column<String> c : m.nodeColumns()) {
      assertEquals(
          "[\"" + pythonType(c.type()) + "\"]",
          nx.get("node_attrs").get(c.name()).toString(),
          c.name());
    }
    for (Column<?> c : m.edgeColumns()) {
      assertEquals(
          "[\"" + pythonType(c.type()) + "\"]",
          nx.get("edge_attrs").get(c.name()).toString(),
          c.name());
    }
    // one graph-level key (Gephi warns once per graph key): the graph data and the manifest as JSON
    assertEquals(List.of(GraphmlWriter.GRAPH_KEY), names(nx.get("graph_attrs")));
    assertEquals(418, nx.at("/graph_data/papers").asInt());
    assertEquals("whole graph", nx.at("/graph_data/scope").asText());
    assertTrue(nx.at("/graph_data/modularity").isDouble());
    assertEquals("papergraph 0.1.0-SNAPSHOT", nx.at("/graph_data/manifest/tool").asText());
    assertEquals(
        "Ünïcödé “quotes” \"double\" 'single' bold & ampersand p<0.05 数据 ctrl quantization",
        nx.at("/labels/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
    assertEquals(
        "Line one Line two Line three Tabbed here \"quoted\" & 1 < 2 > 0 nul \uD83D\uDE00 emoji \u202Ebidi\u202C",
        nx.at("/abstracts/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
    assertEquals(
        "Line one\nLine two\r\nLine three\rTabbed\there \"quoted\" <tag attr='1'> & </tag> nul \uD83D\uDE00 emoji",
        nx.at("/venues/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());

    // igraph: the same attribute names; numbers as floats (igraph keeps one numeric type)
    JsonNode ig = r.get("igraph");
    List<String> igNames = names(ig.get("node_attrs"));
    igNames.remove("id");
    assertEquals(sorted(expected), sorted(igNames));
    for (Column<String> c : m.nodeColumns()) {
      String t = c.type() == AttrType.STRING ? "str" : "float";
      assertEquals("[\"" + t + "\"]", ig.get("node_attrs").get(c.name()).toString(), c.name());
    }
    List<String> edgeNames =
        new ArrayList<>(List.of("id")); // igraph keeps GraphML's edge ids as "id"
    m.edgeColumns().forEach(c -> edgeNames.add(c.name()));
    assertEquals(sorted(edgeNames), sorted(texts(ig.get("edge_attrs"))));
    assertEquals(List.of(GraphmlWriter.GRAPH_KEY), texts(ig.get("graph_attrs")));

    // node-link JSON through networkx.node_link_graph
    assertEquals(nodes, r.at("/node_link/nodes").asInt());
    assertEquals(edges, r.at("/node_link/edges").asInt());
    assertEquals(a.communities().communities().size(), r.at("/node_link/communities").asInt());
    assertEquals("[\"int\"]", r.at("/node_link/node_attrs/degree").toString());
    assertEquals("[\"float\"]", r.at("/node_link/node_attrs/pagerank").toString());

    // CSV through Python's csv module
    assertEquals(nodes, r.at("/csv/nodes").asInt());
    assertEquals(edges, r.at("/csv/edges").asInt());
    // Gephi's spreadsheet columns
    assertEquals(
        "Id Label",
        r.at("/csv/node_columns/0").asText() + " " + r.at("/csv/node_columns/1").asText());
    assertEquals(
        "Source Target Type Weight",
        r.at("/csv/edge_columns/0").asText()
            + " "
            + r.at("/csv/edge_columns/1").asText()
            + " "
            + r.at("/csv/edge_columns/2").asText()
            + " "
            + r.at("/csv/edge_columns/3").asText());
    assertEquals("[\"Undirected\"]", r.at("/csv/types").toString());
    assertEquals(weightSum, r.at("/csv/weight_sum").asDouble(), 1e-9);
    assertEquals(
        TestAnalyses.TRICKY_TITLE_READABLE,
        r.at("/csv/labels/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
    assertEquals(
        TestAnalyses.TRICKY_ABSTRACT_READABLE,
        r.at("/csv/abstracts/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
    assertEquals(
        TestAnalyses.TRICKY_VENUE,
        r.at("/csv/venues/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
  }

  @Test
  void networkx288ReadsTheDefaultGexfWithTypesVizAndText() throws Exception {
    JsonNode r = run(TestAnalyses.seed());
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    JsonNode g = r.get("gexf");
    assertEquals(418, g.get("nodes").asInt());
    assertEquals(a.graph().similarity().edgeSet().size(), g.get("edges").asInt());
    assertEquals(false, g.get("directed").asBoolean());
    assertEquals(418, g.get("with_viz").asInt(), "every node has viz colour and position");
    double weightSum = Math.round(m.edges().stream().mapToDouble(m::weight).sum() * 1e9) / 1e9;
    assertEquals(weightSum, g.get("weight_sum").asDouble(), 1e-9);
    for (Column<String> c : m.nodeColumns()) {
      if (!Set.of("x", "y", "size", "r", "g", "b").contains(c.name())) {
        assertEquals(
            "[\"" + pythonType(c.type()) + "\"]",
            g.get("node_attrs").get(c.name()).toString(),
            c.name());
      }
    }
    assertEquals(
        XmlOut.clean(TestAnalyses.TRICKY_ABSTRACT_READABLE),
        g.at("/abstracts/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
    assertEquals(
        XmlOut.clean(TestAnalyses.TRICKY_VENUE),
        g.at("/venues/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
    assertEquals(
        "Ünïcödé “quotes” \"double\" 'single' bold & ampersand p<0.05 数据 ctrl quantization",
        g.at("/labels/" + escapePointer(TestAnalyses.TRICKY_ID)).asText());
  }

  /** Writes the seed exports and runs check_exports.py over them. */
  private JsonNode run(AnalysedGraph a) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(PYTHON), "/usr/bin/python3 absent: skipped (CI installs it)");
    Path graphml = dir.resolve("r.graphml");
    Path json = dir.resolve("r.json");
    Path gexf = dir.resolve("r.gexf");
    WriteOptions o = WriteOptions.defaults().withOverwrite(true);
    Exports.write(a, ExportFormat.GRAPHML, graphml, o);
    Exports.write(a, ExportFormat.JSON, json, o);
    Exports.write(a, ExportFormat.GEXF, gexf, o);
    List<Path> csv = Exports.write(a, ExportFormat.CSV, dir.resolve("r.csv"), o);
    Path script = dir.resolve("check_exports.py");
    try (InputStream in = getClass().getResourceAsStream("check_exports.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Process p =
        new ProcessBuilder(
                PYTHON.toString(),
                script.toString(),
                graphml.toString(),
                json.toString(),
                csv.get(0).toString(),
                csv.get(1).toString(),
                gexf.toString())
            .start();
    byte[] stdout = p.getInputStream().readAllBytes();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    if (System.getenv("CI") == null) {
      Assumptions.assumeFalse(
          p.exitValue() == 3, "python3 lacks networkx/igraph (" + stderr.strip() + "): skipped");
    }
    assertEquals(0, p.exitValue(), stderr);
    return new ObjectMapper().readTree(stdout);
  }

  private static String pythonType(AttrType t) {
    return switch (t) {
      case STRING -> "str";
      case INT, LONG -> "int";
      case DOUBLE -> "float";
      case BOOLEAN -> "bool";
    };
  }

  private static String escapePointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> names(JsonNode object) {
    List<String> n = new ArrayList<>();
    object.fieldNames().forEachRemaining(n::add);
    return n;
  }

  private static List<String> texts(JsonNode array) {
    List<String> n = new ArrayList<>();
    array.forEach(v -> n.add(v.asText()));
    return n;
  }

  private static List<String> sorted(List<String> l) {
    List<String> s = new ArrayList<>(l);
    Collections.sort(s);
    return s;
  }
}
