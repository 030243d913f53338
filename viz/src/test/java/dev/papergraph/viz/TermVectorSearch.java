package dev.papergraph.viz;

import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Free-text search over the similarity engine's term vectors: the query goes through the same
 * Lucene analysis chain as the papers ({@code PaperAnalyzer}), and each paper scores the sum of its
 * weights for the query's distinct terms (the dot product of its TF-IDF vector with the query's
 * binary vector). Ties go to the smaller paper id.
 *
 * <p>Cost: O(sum of the query terms' posting lengths) plus a sort of the matching papers.
 */
public final class TermVectorSearch implements FreeTextSearch {

  private final TermVectors vectors;

  /** A search over these vectors. */
  public TermVectorSearch(TermVectors vectors) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
  }

  @Override
  public List<String> search(String query, int limit) {
    double[] score = new double[vectors.size()];
    List<Integer> hit = new ArrayList<>();
    for (String term : new TreeSet<>(vectors.analyzer().terms(query))) {
      OptionalInt id = vectors.termId(term);
      if (id.isEmpty()) {
        continue;
      }
      for (int pos = vectors.postingStart(id.getAsInt());
          pos < vectors.postingEnd(id.getAsInt());
          pos++) {
        int doc = vectors.postingDoc(pos);
        if (score[doc] == 0) {
          hit.add(doc);
        }
        score[doc] += vectors.postingWeight(pos);
      }
    }
    return hit.stream()
        .sorted(
            Comparator.comparingDouble((Integer d) -> -score[d])
                .thenComparing(d -> vectors.paper(d).id()))
        .limit(Math.max(0, limit))
        .map(d -> vectors.paper(d).id())
        .toList();
  }
}
