package dev.papergraph.viz;

import java.util.Locale;

/** Which labels a picture writes on the map. */
public enum LabelMode {
  /** No labels on the map (the legend stays). */
  NONE,
  /** A label over each community. */
  COMMUNITIES,
  /** Titles of the most central papers, where they fit. */
  PAPERS,
  /** Community labels, then paper titles where they still fit. */
  BOTH;

  /** True when community labels are drawn. */
  public boolean communities() {
    return this == COMMUNITIES || this == BOTH;
  }

  /** True when paper labels are drawn. */
  public boolean papers() {
    return this == PAPERS || this == BOTH;
  }

  /**
   * The mode of a name: none, communities, papers or both (any case).
   *
   * @throws IllegalArgumentException naming the value when it is none of these
   */
  public static LabelMode of(String name) {
    for (LabelMode m : values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown label mode " + name + "; use none, communities, papers or both");
  }

  /** The lower-case name, as on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
