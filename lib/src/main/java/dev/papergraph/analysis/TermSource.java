package dev.papergraph.analysis;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The analysed terms of each paper, as the labeller reads them: boosted term counts per paper
 * (analysed forms, e.g. "quantiz", "post train") and a readable display form of each term (e.g.
 * "quantization", "post-training"). The similarity engine's term vectors provide one; tests use
 * {@link #of}.
 */
public interface TermSource {

  /** The term counts of a paper by analysed term; empty for a paper without text or unknown. */
  Map<String, Double> termCounts(String paperId);

  /** Readable forms of analysed terms; a term without one maps to itself. */
  Map<String, String> display(Collection<String> terms);

  /** A source from fixed maps (papers' counts; display forms, missing ones shown as the term). */
  static TermSource of(Map<String, Map<String, Double>> counts, Map<String, String> display) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(display, "display");
    return new TermSource() {
      @Override
      public Map<String, Double> termCounts(String paperId) {
        return counts.getOrDefault(paperId, Map.of());
      }

      @Override
      public Map<String, String> display(Collection<String> terms) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : terms) out.put(t, display.getOrDefault(t, t));
        return out;
      }
    };
  }
}
