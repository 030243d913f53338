package dev.papergraph.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Centrality scores of every paper for each computed measure.
 *
 * @param scores per measure, the score of every paper id
 */
public record Centralities(Map<Measure, Map<String, Double>> scores) {

  public Centralities {
    EnumMap<Measure, Map<String, Double>> copy = new EnumMap<>(Measure.class);
    scores.forEach((m, s) -> copy.put(m, Collections.unmodifiableMap(new java.util.LinkedHashMap<>(s))));
    scores = Collections.unmodifiableMap(copy);
  }

  /** The score of a paper for a measure, 0 when not computed. */
  public double score(Measure measure, String paperId) {
    Map<String, Double> s = scores.get(measure);
    return s == null ? 0 : s.getOrDefault(paperId, 0.0);
  }
}
