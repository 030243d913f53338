package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class GexfWriterTest {

  @TempDir Path dir;

  // GEXF 1.3, which the checked-in schema describes
  static String gexf(AnalysedGraph a) throws Exception {
    return gexf(a, GexfVersion.V1_3);
  }

  static String gexf(AnalysedGraph a, GexfVersion version) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GexfWriter().write(a, WriteOptions.defaults().withGexfVersion(version), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  // the GEXF 1.3 schema
  static Schema schema() throws SAXException {
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(GexfWriterTest.class.getResource("gexf-1.3/gexf.xsd"));
  }

  /**
   * Validates a default (1.2draft) file against the 1.3 schema after moving it to the 1.3
   * namespaces: {@link #theDefaultVersionIs12draftAndTheSameDocumentAs13} shows that this is the
   * only difference between the two (no 1.2draft schema is at hand: JGraphT's bundled copy puts the
   * viz elements in the main namespace, unlike Gephi and networkx).
   */
  static void validate12draft(String xml) throws Exception {
    schema().newValidator().validate(new StreamSource(new StringReader(to13(xml))));
  }

  static String to13(String xml) {
    return xml.replace("http://www.gexf.net/1.2draft", "http://gexf.net/1.3")
        .replace("version=\"1.2\"", "version=\"1.3\"");
  }

  static Document dom(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void validatesAgainstTheGexf13Schema() throws Exception {
    schema().newValidator().validate(new StreamSource(new StringReader(gexf(TestAnalyses.seed()))));
  }

  @Test
  void theDefaultVersionIs12draftAndTheSameDocumentAs13() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GexfWriter().write(TestAnalyses.seed(), WriteOptions.defaults(), out);
    String xml = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        xml.contains(
            "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""));
    assertTrue(xml.contains("version=\"1.2\""));
    // the two versions differ in the namespaces and the version number only: nothing is lost either
    // way
    assertEquals(gexf(TestAnalyses.seed(), GexfVersion.V1_3), to13(xml));
    validate12draft(xml);
  }

  @Test
  void titlesWithTabsLineBreaksAndRunsOfSpacesStillValidate() throws Exception {
    List<Paper> papers = new ArrayList<>(TestAnalyses.extraPapers());
    papers.add(
        Paper.builder().id("s2:messy").title("Messy\ttitle  with\nbreaks   quantization").build());
    String xml = gexf(TestAnalyses.analyse(papers, 1));
    schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    assertTrue(xml.contains("label=\"Messy title with breaks quantization\""));
  }

  @Test
  void schemaRejectsAColourChannelOutOfRangeSoTheValidationIsReal() throws Exception {
    String bad =
        gexf(TestAnalyses.seed()).replaceFirst("<viz:color r=\"\\d+\"", "<viz:color r=\"300\"");
    assertThrows(
        SAXException.class,
        () -> schema().newValidator().validate(new StreamSource(new StringReader(bad))));
  }

  @Test
  void everyAttributeValueParsesAsItsDeclaredType() throws Exception {
    Document d = dom(gexf(TestAnalyses.seed()));
    Map<String, String> types = new HashMap<>();
    NodeList attrs = d.getElementsByTagNameNS(GexfVersion.V1_3.namespace(), "attribute");
    for (int i = 0; i < attrs.getLength(); i++) {
      Element a = (Element) attrs.item(i);
      String cls = ((Element) a.getParentNode()).getAttribute("class");
      types.put(cls + ":" + a.getAttribute("id"), a.getAttribute("type"));
    }
    assertEquals("integer", types.get("node:community"));
    assertEquals("double", types.get("node:pagerank"));
    assertEquals("string", types.get("edge:shared_terms"));
    NodeList values = d.getElementsByTagNameNS(GexfVersion.V1_3.namespace(), "attvalue");
    assertTrue(values.getLength() > 5000);
    for (int i = 0; i < values.getLength(); i++) {
      Element v = (Element) values.item(i);
      String cls = ((Element) v.getParentNode().getParentNode()).getLocalName();
      String type = types.get(cls + ":" + v.getAttribute("for"));
      String value = v.getAttribute("value");
      switch (type) {
        case "integer" -> Integer.parseInt(value);
        case "long" -> Long.parseLong(value);
        case "double" -> assertTrue(Double.isFinite(Double.parseDouble(value)), value);
        case "string" -> {}
        default -> throw new AssertionError("unexpected type " + type);
      }
    }
  }

  @Test
  void writesVizColourPositionSizeAndStartDatesOfEachPrecision() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    Document d = dom(gexf(a));
    Element graph =
        (Element) d.getElementsByTagNameNS(GexfVersion.V1_3.namespace(), "graph").item(0);
    assertEquals("dynamic", graph.getAttribute("mode"));
    assertEquals("date", graph.getAttribute("timeformat"));
    Map<String, Element> nodes = new HashMap<>();
    NodeList list = d.getElementsByTagNameNS(GexfVersion.V1_3.namespace(), "node");
    for (int i = 0; i < list.getLength(); i++) {
      Element n = (Element) list.item(i);
      nodes.put(n.getAttribute("id"), n);
    }
    assertEquals(418, nodes.size());
    assertEquals("2024-03-05", nodes.get(TestAnalyses.TRICKY_ID).getAttribute("start"));
    assertEquals("2021-01-01", nodes.get("arxiv:2101.00002").getAttribute("start"));
    assertEquals("2022-07-01", nodes.get("openalex:W123").getAttribute("start"));
    long withStart = nodes.values().stream().filter(n -> n.hasAttribute("start")).count();
    long withYear = a.graph().papers().values().stream().filter(p -> p.year().isPresent()).count();
    assertEquals(withYear, withStart);
    assertEquals(127, withStart, "124 seed papers with a year + 3 hand-made");
    for (String id : m.ids()) {
      Element n = nodes.get(id);
      Element color =
          (Element) n.getElementsByTagNameNS(GexfVersion.V1_3.vizNamespace(), "color").item(0);
      int rgb = m.rgb(id);
      assertEquals((rgb >> 16) & 0xFF, Integer.parseInt(color.getAttribute("r")));
      assertEquals((rgb >> 8) & 0xFF, Integer.parseInt(color.getAttribute("g")));
      assertEquals(rgb & 0xFF, Integer.parseInt(color.getAttribute("b")));
      Element pos =
          (Element) n.getElementsByTagNameNS(GexfVersion.V1_3.vizNamespace(), "position").item(0);
      Layout.Point p = a.layout().of(id);
      assertEquals(p.x(), Double.parseDouble(pos.getAttribute("x")), 0.0);
      assertEquals(p.y(), Double.parseDouble(pos.getAttribute("y")), 0.0);
      Element size =
          (Element) n.getElementsByTagNameNS(GexfVersion.V1_3.vizNamespace(), "size").item(0);
      assertEquals(m.size(id), Double.parseDouble(size.getAttribute("value")), 0.0);
    }
    assertEquals(
        XmlOut.clean(TestAnalyses.TRICKY_TITLE_READABLE),
        nodes.get(TestAnalyses.TRICKY_ID).getAttribute("label"));
  }

  @Test
  void roundTripsThroughJgraphtGexfImporter() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    SimpleGEXFImporter<String, DefaultWeightedEdge> importer = new SimpleGEXFImporter<>();
    importer.setSchemaValidation(false); // JGraphT bundles the 1.2draft schema only
    importer.setVertexFactory(id -> id);
    Map<String, Map<String, String>> attrs = new HashMap<>();
    importer.addVertexAttributeConsumer(
        (p, v) ->
            attrs
                .computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), v.getValue()));
    importer.importGraph(g, new StringReader(gexf(a)));
    assertEquals(418, g.vertexSet().size());
    assertEquals(a.graph().similarity().edgeSet().size(), g.edgeSet().size());
    for (SimilarityEdge e : a.graph().similarity().edgeSet()) {
      DefaultWeightedEdge ge = g.getEdge(e.first(), e.second());
      assertEquals(a.graph().similarity().getEdgeWeight(e), g.getEdgeWeight(ge), 0.0, e.toString());
    }
    Map<String, String> tricky = attrs.get(TestAnalyses.TRICKY_ID);
    assertEquals(XmlOut.clean(TestAnalyses.TRICKY_TITLE_READABLE), tricky.get("label"));
    assertEquals(XmlOut.clean(TestAnalyses.TRICKY_ABSTRACT_READABLE), tricky.get("abstract"));
    assertEquals(XmlOut.clean(TestAnalyses.TRICKY_VENUE), tricky.get("venue"));
    assertEquals("2024-03-05", tricky.get("date"));
    assertEquals(
        String.valueOf(a.communities().membership().get(TestAnalyses.TRICKY_ID)),
        tricky.get("community"));
  }

  @Test
  void networkx288ReadsTheDefaultGexfWithVizStartAndTypes() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Assumptions.assumeTrue(Files.isExecutable(python), "/usr/bin/python3 absent: skipped");
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    // networkx 2.8.8 knows GEXF 1.1draft and 1.2draft only: the default version must be one of them
    Path file = dir.resolve("seed.gexf");
    Exports.write(a, ExportFormat.GEXF, file, WriteOptions.defaults());
    assertTrue(Files.readString(file).contains("xmlns=\"http://www.gexf.net/1.2draft\" "));
    String script =
        String.join(
            "\n",
            "import json, sys",
            "try:",
            "    import networkx as nx",
            "except ImportError as e:",
            "    sys.exit(3)",
            "g = nx.read_gexf(sys.argv[1])",
            "n = g.nodes[sys.argv[2]]",
            "print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'viz': n['viz'],",
            "  'start': n.get('start'), 'community': n['community'], 'pagerank': n['pagerank'], 'label': n['label'],",
            "  'starts': sum(1 for _, d in g.nodes(data=True) if 'start' in d)}))");
    Process p =
        new ProcessBuilder(python.toString(), "-c", script, file.toString(), TestAnalyses.TRICKY_ID)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    Assumptions.assumeFalse(p.exitValue() == 3, "python3 lacks networkx: skipped");
    assertEquals(0, p.exitValue(), err);
    JsonNode r = new ObjectMapper().readTree(out);
    assertEquals(418, r.get("nodes").asInt());
    assertEquals(a.graph().similarity().edgeSet().size(), r.get("edges").asInt());
    assertEquals("2024-03-05", r.get("start").asText());
    assertEquals(127, r.get("starts").asInt());
    int rgb = m.rgb(TestAnalyses.TRICKY_ID);
    assertEquals((rgb >> 16) & 0xFF, r.at("/viz/color/r").asInt());
    assertEquals(rgb & 0xFF, r.at("/viz/color/b").asInt());
    assertEquals(
        a.layout().of(TestAnalyses.TRICKY_ID).x(), r.at("/viz/position/x").asDouble(), 0.0);
    assertEquals(m.size(TestAnalyses.TRICKY_ID), r.at("/viz/size").asDouble(), 0.0);
    assertEquals(
        a.communities().membership().get(TestAnalyses.TRICKY_ID).intValue(),
        r.get("community").asInt());
    assertTrue(r.get("community").isInt(), "integer attribute read as int");
    assertTrue(r.get("pagerank").isDouble(), "double attribute read as float");
    assertFalse(r.get("label").asText().contains("\u0001"));
  }
}
