package dev.papergraph.analysis;

import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * {@link #display(Collection)} computed on at most {@code threads} threads (the forms do not
   * depend on it); this default ignores the count.
   */
  default Map<String, String> display(Collection<String> terms, int threads) {
    return display(terms);
  }

  /**
   * The papers' terms by number, for counting in flat arrays instead of maps keyed by term. This
   * default numbers the terms of {@link #termCounts} in the order they are first visited.
   */
  default Numbered numbered() {
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new ArrayList<>();
    return new Numbered() {
      @Override
      public int vocabularySize() {
        return names.size();
      }

      @Override
      public String term(int termId) {
        return names.get(termId);
      }

      @Override
      public void forEachTerm(String paperId, TermCount action) {
        for (Map.Entry<String, Double> e : termCounts(paperId).entrySet()) {
          int id =
              ids.computeIfAbsent(
                  e.getKey(),
                  t -> {
                    names.add(t);
                    return names.size() - 1;
                  });
          action.accept(id, e.getValue());
        }
      }
    };
  }

  /**
   * The terms of a {@link TermSource} as numbers {@code 0 .. vocabularySize() - 1}; not
   * thread-safe.
   */
  interface Numbered {

    /**
     * One more than the largest term number visited so far (at most the number of distinct terms);
     * every term of a paper visited once stays below it.
     */
    int vocabularySize();

    /** The analysed term of a number already visited. */
    String term(int termId);

    /**
     * Calls the action with each term number and count of a paper, in {@link #termCounts} order.
     */
    void forEachTerm(String paperId, TermCount action);
  }

  /** A term number and its count in a paper. */
  @FunctionalInterface
  interface TermCount {
    void accept(int termId, double count);
  }

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
        return display(terms, 1);
      }

      @Override
      public Map<String, String> display(Collection<String> terms, int threads) {
        int[] ids =
            terms.stream()
                .mapToInt(t -> vectors.termId(t).orElse(-1))
                .filter(i -> i >= 0)
                .toArray();
        Map<Integer, String> forms = vectors.displayForms(ids, threads);
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : terms) {
          var id = vectors.termId(t);
          out.put(t, id.isPresent() ? forms.getOrDefault(id.getAsInt(), t) : t);
        }
        return out;
      }

      @Override
      public Numbered numbered() {
        return new Numbered() {
          @Override
          public int vocabularySize() {
            return vectors.vocabularySize();
          }

          @Override
          public String term(int termId) {
            return vectors.term(termId);
          }

          @Override
          public void forEachTerm(String paperId, TermCount action) {
            var doc = vectors.doc(paperId);
            if (doc.isEmpty()) {
              return;
            }
            int d = doc.getAsInt();
            for (int p = vectors.start(d); p < vectors.end(d); p++) {
              action.accept(vectors.termAt(p), vectors.countAt(p));
            }
          }
        };
      }
    };
  }
}
