package dev.papergraph.write;

import java.util.Optional;

/**
 * The GEXF versions written. The elements and attributes papergraph uses are the same in both; only
 * the namespaces and the version number differ, so nothing is lost either way.
 */
public enum GexfVersion {
  /**
   * GEXF 1.2draft, the default: Gephi reads it, and so does networkx up to 3.4 (Debian's networkx
   * 2.8.8 knows 1.1draft and 1.2draft only and finds "no graph" in a 1.3 file).
   */
  V1_2DRAFT(
      "1.2draft",
      "1.2",
      "http://www.gexf.net/1.2draft",
      "http://www.gexf.net/1.2draft/viz",
      "http://www.gexf.net/1.2draft/gexf.xsd"),
  /** GEXF 1.3 (gexf.net), which Gephi 0.9+ and networkx 3.5+ read. */
  V1_3(
      "1.3",
      "1.3",
      "http://gexf.net/1.3",
      "http://gexf.net/1.3/viz",
      "http://gexf.net/1.3/gexf.xsd");

  private final String key;
  private final String number;
  private final String namespace;
  private final String vizNamespace;
  private final String schema;

  GexfVersion(String key, String number, String namespace, String vizNamespace, String schema) {
    this.key = key;
    this.number = number;
    this.namespace = namespace;
    this.vizNamespace = vizNamespace;
    this.schema = schema;
  }

  /** The name on the command line: "1.2draft" or "1.3". */
  public String key() {
    return key;
  }

  /** The {@code version} attribute of the {@code gexf} element. */
  public String number() {
    return number;
  }

  /** The GEXF namespace. */
  public String namespace() {
    return namespace;
  }

  /** The viz namespace (colour, position, size). */
  public String vizNamespace() {
    return vizNamespace;
  }

  /** The schema location. */
  public String schema() {
    return schema;
  }

  /** The version with this name ("1.2draft", "1.2" or "1.3"). */
  public static Optional<GexfVersion> byName(String name) {
    return switch (name.strip()) {
      case "1.2draft", "1.2" -> Optional.of(V1_2DRAFT);
      case "1.3" -> Optional.of(V1_3);
      default -> Optional.empty();
    };
  }
}
