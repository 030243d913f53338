package dev.papergraph.write;

import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.PartialDate;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GEXF (gexf.net) for Gephi and networkx, in the version the options ask ({@link GexfVersion}:
 * 1.2draft by default, which Debian's networkx 2.8.8 reads too, or 1.3; the same elements either
 * way): typed node and edge attributes, {@code viz:color}, {@code viz:position} and {@code
 * viz:size} on every node, edge {@code weight}, and a {@code start} date on each paper whose year
 * is known, so that Gephi's timeline shows the corpus growing.
 *
 * <p>Dates: the graph's {@code timeformat} is {@code date}, which needs full dates; a year alone is
 * written as its 1 January and a year and month as the 1st of the month (the exact, possibly
 * partial, date stays in the {@code date} attribute). A month and day without a year gives no
 * {@code start}. The graph is {@code mode="dynamic"} only when some paper has a start.
 *
 * <p>The node {@code label} (the title with its whitespace collapsed, as {@code xs:token}
 * requires), position, size and colour are GEXF's own fields, so the {@code label}, {@code x},
 * {@code y}, {@code size}, {@code r}, {@code g}, {@code b} attributes of {@link ExportModel} are
 * not repeated as attributes; the edge {@code weight} likewise. The run manifest goes into {@code
 * meta/description}.
 */
public final class GexfWriter implements StreamGraphWriter {

  private static final Set<String> BUILT_IN =
      Set.of("label", "x", "y", "size", "r", "g", "b", "weight");

  @Override
  public ExportFormat format() {
    return ExportFormat.GEXF;
  }

  /** The GEXF {@code start} of a date: the first day it covers, or empty without a year. */
  public static Optional<String> start(PartialDate date) {
    if (date == null || date.year() == null) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "%04d-%02d-%02d",
            date.year(),
            date.month() == null ? 1 : date.month(),
            date.day() == null ? 1 : date.day()));
  }

  /**
   * A title as a GEXF label, which the schema types {@code xs:token}: runs of whitespace (tabs and
   * line breaks included) become one space, none at either end.
   */
  static String label(String title) {
    return title.strip().replaceAll("\\s+", " ");
  }

  @Override
  public void write(AnalysedGraph analysis, WriteOptions options, OutputStream stream)
      throws IOException {
    ExportModel m = new ExportModel(analysis, options);
    List<Column<String>> nodeAttrs =
        m.nodeColumns().stream().filter(c -> !BUILT_IN.contains(c.name())).toList();
    List<Column<SimilarityEdge>> edgeAttrs =
        m.edgeColumns().stream().filter(c -> !BUILT_IN.contains(c.name())).toList();
    boolean dynamic = m.ids().stream().anyMatch(id -> start(m.paper(id).date()).isPresent());

    XmlOut x = new XmlOut(stream);
    GexfVersion version = options.gexfVersion();
    x.start("gexf")
        .attr("xmlns", version.namespace())
        .attr("xmlns:viz", version.vizNamespace())
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .attr("xsi:schemaLocation", version.namespace() + " " + version.schema())
        .attr("version", version.number());
    String created = analysis.manifest().created();
    x.start("meta")
        .attr(
            "lastmodifieddate",
            created != null && created.matches("\\d{4}-\\d{2}-\\d{2}.*")
                ? created.substring(0, 10)
                : null);
    x.element(
        "creator", analysis.manifest().tool() == null ? "papergraph" : analysis.manifest().tool());
    x.element("description", "papergraph similarity graph; run manifest: " + m.manifestJson());
    x.end();

    x.start("graph").attr("defaultedgetype", "undirected").attr("idtype", "string");
    if (dynamic) {
      x.attr("mode", "dynamic").attr("timeformat", "date");
    } else {
      x.attr("mode", "static");
    }
    x.start("attributes").attr("class", "node");
    for (Column<String> c : nodeAttrs) {
      x.start("attribute")
          .attr("id", c.name())
          .attr("title", c.name())
          .attr("type", c.type().gexf())
          .end();
    }
    x.end();
    x.start("attributes").attr("class", "edge");
    for (Column<SimilarityEdge> c : edgeAttrs) {
      x.start("attribute")
          .attr("id", c.name())
          .attr("title", c.name())
          .attr("type", c.type().gexf())
          .end();
    }
    x.end();

    x.start("nodes").attr("count", m.ids().size());
    for (String id : m.ids()) {
      x.start("node")
          .attr("id", id)
          .attr("label", label(m.title(id)))
          .attr("start", start(m.paper(id).date()).orElse(null));
      x.start("attvalues");
      for (Column<String> c : nodeAttrs) {
        Object v = c.of(id);
        if (v != null) {
          x.start("attvalue").attr("for", c.name()).attr("value", Values.text(v)).end();
        }
      }
      x.end();
      int rgb = m.rgb(id);
      x.start("viz:color")
          .attr("r", (rgb >> 16) & 0xFF)
          .attr("g", (rgb >> 8) & 0xFF)
          .attr("b", rgb & 0xFF)
          .end();
      Layout.Point p = m.position(id);
      x.start("viz:position")
          .attr("x", Values.text(p.x()))
          .attr("y", Values.text(p.y()))
          .attr("z", "0.0")
          .end();
      x.start("viz:size").attr("value", Values.text(m.size(id))).end();
      x.end();
    }
    x.end();

    x.start("edges").attr("count", m.edges().size());
    int n = 0;
    for (SimilarityEdge e : m.edges()) {
      x.start("edge")
          .attr("id", "e" + n++)
          .attr("source", e.first())
          .attr("target", e.second())
          .attr("weight", Values.text(m.weight(e)));
      x.start("attvalues");
      for (Column<SimilarityEdge> c : edgeAttrs) {
        Object v = c.of(e);
        if (v != null) {
          x.start("attvalue").attr("for", c.name()).attr("value", Values.text(v)).end();
        }
      }
      x.end();
      x.end();
    }
    x.end();
    x.end();
    x.end();
    x.close();
  }
}
