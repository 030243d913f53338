package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.graph.SimilarityEdge;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class GraphmlWriterTest {

  static String graphml(AnalysedGraph a, WriteOptions o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GraphmlWriter().write(a, o, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void roundTripsThroughJgraphtImporterWithSchemaValidationAndEveryAttribute() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    String xml = graphml(a, WriteOptions.defaults());

    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
    importer.setSchemaValidation(true);
    importer.setVertexFactory(id -> id);
    Map<String, Map<String, Attribute>> nodes = new HashMap<>();
    Map<DefaultWeightedEdge, Map<String, Attribute>> edges = new HashMap<>();
    importer.addVertexAttributeConsumer(
        (p, v) -> nodes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), v));
    importer.addEdgeAttributeConsumer(
        (p, v) -> edges.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), v));
    importer.importGraph(g, new StringReader(xml));

    assertEquals(418, g.vertexSet().size());
    assertEquals(a.graph().similarity().edgeSet().size(), g.edgeSet().size());
    assertTrue(g.edgeSet().size() > 300, "the fixture links most papers: " + g.edgeSet().size());
    for (String id : m.ids()) {
      Map<String, Attribute> attrs = nodes.getOrDefault(GraphmlWriter.nodeId(id), Map.of());
      assertEquals(id, attrs.get("paper_id").getValue());
      for (Column<String> c : m.nodeColumns()) {
        Object v = c.of(id);
        if (v == null) {
          assertFalse(attrs.containsKey(c.name()), id + " " + c.name());
          continue;
        }
        Attribute got = attrs.get(c.name());
        assertEquals(expectedType(c.type()), got.getType(), c.name());
        assertEquals(
            v instanceof String s ? XmlOut.clean(s) : Values.text(v),
            got.getValue(),
            id + " " + c.name());
      }
    }
    for (SimilarityEdge e : a.graph().similarity().edgeSet()) {
      DefaultWeightedEdge ge =
          g.getEdge(GraphmlWriter.nodeId(e.first()), GraphmlWriter.nodeId(e.second()));
      assertEquals(a.graph().similarity().getEdgeWeight(e), g.getEdgeWeight(ge), 0.0);
      assertEquals(Values.text(e.explanation().text()), edges.get(ge).get("text").getValue());
    }
    // JGraphT's importer skips graph-level data: read it with the JDK's DOM parser
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)));
    NodeList data = doc.getElementsByTagName("graph").item(0).getChildNodes();
    Map<String, String> graphData = new HashMap<>();
    for (int i = 0; i < data.getLength(); i++) {
      if (data.item(i) instanceof Element el && el.getTagName().equals("data")) {
        graphData.put(el.getAttribute("key"), el.getTextContent());
      }
    }
    assertEquals(Set.of(GraphmlWriter.GRAPH_KEY), graphData.keySet());
    JsonNode d = new ObjectMapper().readTree(graphData.get(GraphmlWriter.GRAPH_KEY));
    assertEquals(418, d.get("papers").asInt());
    assertEquals(m.manifestJson(), ExportModel.MAPPER.writeValueAsString(d.get("manifest")));
  }

  @Test
  void awkwardCharactersSurviveExceptThoseXmlForbids() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    String xml = graphml(a, WriteOptions.defaults());
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
    importer.setVertexFactory(id -> id);
    Map<String, String> tricky = new HashMap<>();
    importer.addVertexAttributeConsumer(
        (p, v) -> {
          if (p.getFirst().equals(GraphmlWriter.nodeId(TestAnalyses.TRICKY_ID)))
            tricky.put(p.getSecond(), v.getValue());
        });
    importer.importGraph(g, new StringReader(xml));
    assertEquals("doi:10.1234_2f_tricky_3c__26__3e_", GraphmlWriter.nodeId(TestAnalyses.TRICKY_ID));
    assertTrue(g.containsVertex(GraphmlWriter.nodeId(TestAnalyses.TRICKY_ID)));
    assertEquals(TestAnalyses.TRICKY_ID, tricky.get("paper_id"));
    assertEquals(
        "Ünïcödé “quotes” \"double\" 'single' bold & ampersand p<0.05 数据 ctrl quantization",
        tricky.get("label"));
    assertEquals(
        "Line one Line two Line three Tabbed here \"quoted\" & 1 < 2 > 0 nul \uD83D\uDE00 emoji \u202Ebidi\u202C",
        tricky.get("abstract"),
        "the readable abstract");
    assertEquals(
        "Line one\nLine two\r\nLine three\rTabbed\there \"quoted\" <tag attr='1'> & </tag> nul \uD83D\uDE00 emoji",
        tricky.get("venue"),
        "line breaks, tabs and tags in a field exported as the source gave it");
    assertEquals("Zoë O'Brien; 李 雷; A \"Quoted\" Name", tricky.get("authors"));
    assertEquals("2024", tricky.get("year"));
    assertEquals("2024-03-05", tricky.get("date"));
    assertEquals("10.1234/tricky<&>", tricky.get("doi"));
    assertEquals("2401.00001", tricky.get("arxiv"));
    assertEquals("cs.LG; post-training quantization", tricky.get("topics"));
  }

  @Test
  void declaresEveryKeyForNodeEdgeOrGraphTypedWithGephiNames() throws Exception {
    String xml = graphml(TestAnalyses.seed(), WriteOptions.defaults());
    assertFalse(xml.contains("for=\"all\""));
    for (String k :
        new String[] {
          "label\" attr.type=\"string",
          "x\" attr.type=\"double",
          "y\" attr.type=\"double",
          "size\" attr.type=\"double",
          "r\" attr.type=\"int",
          "g\" attr.type=\"int",
          "b\" attr.type=\"int",
          "community\" attr.type=\"int",
          "pagerank\" attr.type=\"double",
          "betweenness\" attr.type=\"double",
          "degree\" attr.type=\"int",
          "upvotes\" attr.type=\"int",
          "year\" attr.type=\"int"
        }) {
      assertTrue(xml.contains("for=\"node\" attr.name=\"" + k + "\""), k);
    }
    assertTrue(
        xml.contains(
            "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
    assertTrue(
        xml.contains(
            "<key id=\"shared_terms\" for=\"edge\" attr.name=\"shared_terms\" attr.type=\"string\"/>"));
    assertTrue(
        xml.contains(
            "<key id=\"papergraph\" for=\"graph\" attr.name=\"papergraph\" attr.type=\"string\"/>"));
  }

  @Test
  void sameAnalysisGivesTheSameBytes() throws Exception {
    assertEquals(
        graphml(TestAnalyses.seed(), WriteOptions.defaults()),
        graphml(TestAnalyses.seed(), WriteOptions.defaults()));
    AnalysedGraph again =
        TestAnalyses.analyse(new ArrayList<>(TestAnalyses.seed().graph().papers().values()), 42);
    assertEquals(
        graphml(TestAnalyses.seed(), WriteOptions.defaults()),
        graphml(again, WriteOptions.defaults()));
  }

  private static AttributeType expectedType(AttrType t) {
    return switch (t) {
      case STRING -> AttributeType.STRING;
      case INT -> AttributeType.INT;
      case LONG -> AttributeType.LONG;
      case DOUBLE -> AttributeType.DOUBLE;
      case BOOLEAN -> AttributeType.BOOLEAN;
    };
  }
}
