package dev.papergraph.write;

/** The type of an exported attribute, mapped to each format's own type names. */
public enum AttrType {
  /** Text. */
  STRING("string", "string"),
  /** 32-bit integer. */
  INT("int", "integer"),
  /** 64-bit integer. */
  LONG("long", "long"),
  /** 64-bit floating point. */
  DOUBLE("double", "double"),
  /** true or false. */
  BOOLEAN("boolean", "boolean");

  private final String graphml;
  private final String gexf;

  AttrType(String graphml, String gexf) {
    this.graphml = graphml;
    this.gexf = gexf;
  }

  /** The GraphML {@code attr.type}. */
  public String graphml() {
    return graphml;
  }

  /** The GEXF attribute {@code type}. */
  public String gexf() {
    return gexf;
  }
}
