package dev.papergraph.write;

import dev.papergraph.graph.SimilarityEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GraphML (graphml.graphdrawing.org) for Gephi, networkx, igraph and JGraphT. Every key is declared
 * for {@code node}, {@code edge} or {@code graph} (never {@code all}) and typed; node and edge key
 * ids equal their {@code attr.name}, and node keys use the names Gephi's importer maps ({@code
 * label}, {@code x}, {@code y}, {@code size}, {@code r}, {@code g}, {@code b}; {@code weight} on
 * edges), so Gephi shows a coloured, sized, laid-out map at once. Graph-level data is one key,
 * {@value #GRAPH_KEY}: a JSON object with the counts, scope and community parameters of {@link
 * ExportModel#graphData()} and the run manifest ({@code json.loads(g.graph["papergraph"])} in
 * networkx). Gephi keeps no graph-level GraphML data and warns once per graph key, so one key gives
 * the one warning that cannot be avoided (GEXF, Gephi's own format, keeps the manifest in its
 * {@code meta} description). See {@link ExportModel} for the attributes and {@link XmlOut} for how
 * text is escaped.
 *
 * <p>Node ids: GraphML's schema types them as XML {@code NMTOKEN}s, which DOIs ({@code /}) and
 * other ids break, so a node's id is {@link #nodeId(String)} of the paper id (every character other
 * than ASCII letters, digits, {@code . - :} written as {@code _hh_} with its hex code) and the
 * exact paper id is the node attribute {@code paper_id}.
 *
 * <p>Written with a small streaming writer rather than JGraphT's {@code GraphMLExporter}: the
 * exporter drops every attribute not registered up front, cannot write graph-level data, and its
 * XML output keeps control characters that make the file unreadable.
 */
public final class GraphmlWriter implements StreamGraphWriter {

  static final String NS = "http://graphml.graphdrawing.org/xmlns";

  /** The one graph-level key: the graph data and the run manifest as one JSON object. */
  public static final String GRAPH_KEY = "papergraph";

  @Override
  public ExportFormat format() {
    return ExportFormat.GRAPHML;
  }

  @Override
  public void write(AnalysedGraph analysis, WriteOptions options, OutputStream stream)
      throws IOException {
    ExportModel m = new ExportModel(analysis, options);
    XmlOut x = new XmlOut(stream);
    x.start("graphml")
        .attr("xmlns", NS)
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    key(x, "graph", GRAPH_KEY, GRAPH_KEY, AttrType.STRING);
    key(x, "node", "paper_id", "paper_id", AttrType.STRING);
    for (Column<String> c : m.nodeColumns()) {
      key(x, "node", c.name(), c.name(), c.type());
    }
    for (Column<SimilarityEdge> c : m.edgeColumns()) {
      key(x, "edge", c.name(), c.name(), c.type());
    }
    x.start("graph").attr("id", "papergraph").attr("edgedefault", "undirected");
    data(x, GRAPH_KEY, graphJson(m));
    for (String id : m.ids()) {
      x.start("node").attr("id", nodeId(id));
      data(x, "paper_id", id);
      for (Column<String> c : m.nodeColumns()) {
        data(x, c.name(), c.of(id));
      }
      x.end();
    }
    int n = 0;
    for (SimilarityEdge e : m.edges()) {
      x.start("edge")
          .attr("id", "e" + n++)
          .attr("source", nodeId(e.first()))
          .attr("target", nodeId(e.second()));
      for (Column<SimilarityEdge> c : m.edgeColumns()) {
        data(x, c.name(), c.of(e));
      }
      x.end();
    }
    x.end();
    x.end();
    x.close();
  }

  /**
   * The GraphML node id of a paper id: an XML NMTOKEN, the same as the paper id when that is one of
   * ASCII letters, digits, {@code . - :} (e.g. {@code title:0123abcd}, {@code arxiv:2401.00001});
   * any other character, {@code _} included, is written {@code _hh_} (hex of its UTF-16 code, at
   * least two digits), so distinct paper ids stay distinct.
   */
  public static String nodeId(String paperId) {
    StringBuilder b = null;
    for (int i = 0; i < paperId.length(); i++) {
      char c = paperId.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == ':';
      if (!ok && b == null) {
        b = new StringBuilder(paperId.length() + 8).append(paperId, 0, i);
      }
      if (b != null) {
        if (ok) {
          b.append(c);
        } else {
          b.append('_').append(String.format("%02x", (int) c)).append('_');
        }
      }
    }
    return b == null ? paperId : b.toString();
  }

  /**
   * The graph data of {@link ExportModel#graphData()} as one JSON object, the manifest as an object
   * in it.
   */
  static String graphJson(ExportModel m) throws IOException {
    Map<String, Object> d = new LinkedHashMap<>(m.graphData());
    d.put("manifest", m.analysis().manifest());
    return ExportModel.MAPPER.writeValueAsString(d);
  }

  private static void key(XmlOut x, String domain, String id, String name, AttrType type)
      throws IOException {
    x.start("key")
        .attr("id", id)
        .attr("for", domain)
        .attr("attr.name", name)
        .attr("attr.type", type.graphml())
        .end();
  }

  private static void data(XmlOut x, String key, Object value) throws IOException {
    if (value != null) {
      x.start("data").attr("key", key).text(Values.text(value)).end();
    }
  }
}
