package dev.papergraph.analysis;

import dev.papergraph.text.TermVectors;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The analysed terms of each paper, as the labeller reads them: boosted term counts per paper
 * (analysed forms, e.g. "quantiz", "post train") and a readable display form of each term (e.g.
 * "quantization", "post-training"). The similarity engine's term vectors provide one ({@link
 * #of(TermVectors)}); tests use {@link #of(Map, Map)}.
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

  /**
   * The terms of the similarity engine's vectors: the boosted raw counts (title occurrences times
   * the title boost plus abstract occurrences) of the Lucene-analysed terms, and display forms as
   * {@link TermVectors#displayForms} finds them.
   */
  static TermSource of(TermVectors vectors) {
    Objects.requireNonNull(vectors, "vectors");
    return new TermSource() {
      @Override
      public Map<String, Double> termCounts(String paperId) {
        var doc = vectors.doc(paperId);
        return doc.isPresent() ? vectors.termCounts(doc.getAsInt()) : Map.of();
      }

      @Override
      public Map<String, String> display(Collection<String> terms) {
        int[] ids =
            terms.stream()
                .mapToInt(t -> vectors.termId(t).orElse(-1))
                .filter(i -> i >= 0)
                .toArray();
        Map<Integer, String> forms = vectors.displayForms(ids);
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : terms) {
          var id = vectors.termId(t);
          out.put(t, id.isPresent() ? forms.getOrDefault(id.getAsInt(), t) : t);
        }
        return out;
      }
    };
  }
}
