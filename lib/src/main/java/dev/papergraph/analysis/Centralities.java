package dev.papergraph.analysis;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Centrality scores of every paper for each computed measure, over the whole graph and within the
 * paper's own community (the measure computed on the subgraph induced by the community).
 *
 * @param scores per measure, the score of every paper id
 * @param withinCommunity per measure, the score of every paper id within its community; empty when
 *     not computed
 */
public record Centralities(
    Map<Measure, Map<String, Double>> scores, Map<Measure, Map<String, Double>> withinCommunity) {

  public Centralities {
    scores = copy(scores);
    withinCommunity = copy(withinCommunity);
  }

  /** Scores over the whole graph only. */
  public Centralities(Map<Measure, Map<String, Double>> scores) {
    this(scores, Map.of());
  }

  private static Map<Measure, Map<String, Double>> copy(Map<Measure, Map<String, Double>> in) {
    EnumMap<Measure, Map<String, Double>> copy = new EnumMap<>(Measure.class);
    // scores by vertex index are unmodifiable already, and copying them would box every score
    in.forEach(
        (m, s) ->
            copy.put(
                m,
                s instanceof VertexScores
                    ? s
                    : Collections.unmodifiableMap(new LinkedHashMap<>(s))));
    return Collections.unmodifiableMap(copy);
  }

  /** The score of a paper for a measure, 0 when not computed. */
  public double score(Measure measure, String paperId) {
    Map<String, Double> s = scores.get(measure);
    return s == null ? 0 : s.getOrDefault(paperId, 0.0);
  }

  /** The score of a paper within its community, 0 when not computed. */
  public double scoreWithinCommunity(Measure measure, String paperId) {
    Map<String, Double> s = withinCommunity.get(measure);
    return s == null ? 0 : s.getOrDefault(paperId, 0.0);
  }

  /** Paper ids by decreasing score for a measure (ties by id); empty when not computed. */
  public List<String> ranking(Measure measure) {
    Map<String, Double> s = scores.getOrDefault(measure, Map.of());
    return s.keySet().stream()
        .sorted(
            Comparator.<String>comparingDouble(id -> -s.get(id))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }
}
