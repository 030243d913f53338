package dev.papergraph.write;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The export formats. */
public enum ExportFormat {
  /** GraphML for Gephi, networkx, igraph, JGraphT: typed keys, colour, size, position. */
  GRAPHML("graphml", ".graphml"),
  /**
   * GEXF (1.2draft by default, or 1.3) with viz colour, position, size and start dates for Gephi's
   * timeline.
   */
  GEXF("gexf", ".gexf"),
  /** JSON node-link (nodes, links, communities, manifest) for web tools (d3, networkx). */
  JSON("json", ".json"),
  /** Two RFC 4180 CSV files, nodes and edges. */
  CSV("csv", ".csv"),
  /** Graphviz DOT with positions (neato -n) and colours. */
  DOT("dot", ".dot"),
  /** VOSviewer map/network JSON (network.items, network.links, network.clusters). */
  VOSVIEWER("vosviewer", ".json"),
  /** A one-file interactive web map (cytoscape.js inlined), opens offline in a browser. */
  HTML("html", ".html");

  private final String key;
  private final String extension;

  ExportFormat(String key, String extension) {
    this.key = key;
    this.extension = extension;
  }

  /** The name used on the command line, e.g. "graphml". */
  public String key() {
    return key;
  }

  /** The usual file extension, with the dot. */
  public String extension() {
    return extension;
  }

  /** The writer of this format. */
  public GraphWriter writer() {
    return switch (this) {
      case GRAPHML -> new GraphmlWriter();
      case GEXF -> new GexfWriter();
      case JSON -> new JsonWriter();
      case CSV -> new CsvWriter();
      case DOT -> new DotWriter();
      case VOSVIEWER -> new VosviewerWriter();
      case HTML -> new HtmlWriter();
    };
  }

  /** The format with this name (case-insensitive; "vos" and "gv" are accepted too). */
  public static Optional<ExportFormat> byName(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (ExportFormat f : values()) {
      if (f.key.equals(n)) {
        return Optional.of(f);
      }
    }
    return switch (n) {
      case "vos" -> Optional.of(VOSVIEWER);
      case "gv" -> Optional.of(DOT);
      case "xml" -> Optional.of(GRAPHML);
      case "htm", "web" -> Optional.of(HTML);
      default -> Optional.empty();
    };
  }

  /** The format a file name's extension suggests (".json" is node-link JSON), if any. */
  public static Optional<ExportFormat> byFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    for (ExportFormat f : new ExportFormat[] {GRAPHML, GEXF, JSON, CSV, DOT, HTML}) {
      if (n.endsWith(f.extension)) {
        return Optional.of(f);
      }
    }
    if (n.endsWith(".htm")) {
      return Optional.of(HTML);
    }
    return n.endsWith(".gv") ? Optional.of(DOT) : Optional.empty();
  }

  /** The names, comma-separated, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(ExportFormat::key).toList());
  }
}
