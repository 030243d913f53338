package dev.papergraph.analysis;

import java.util.Locale;
import java.util.Optional;

/** The centrality measures papergraph computes. */
public enum Measure {
  /** Weighted PageRank, damping 0.85. */
  PAGERANK,
  /** Betweenness with edge length 1/weight (stronger similarity = shorter), normalised. */
  BETWEENNESS,
  /** Closeness (Wasserman-Faust for disconnected graphs), lengths 1/weight. */
  CLOSENESS,
  /** Harmonic centrality, lengths 1/weight. */
  HARMONIC,
  /** Degree: number of neighbours. */
  DEGREE,
  /** Strength: sum of edge weights. */
  STRENGTH,
  /** Eigenvector centrality of the weighted adjacency. */
  EIGENVECTOR;

  /** The lower-case name used on the command line and in exports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The measure with this name (case-insensitive). */
  public static Optional<Measure> byName(String name) {
    for (Measure m : values()) {
      if (m.key().equalsIgnoreCase(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
