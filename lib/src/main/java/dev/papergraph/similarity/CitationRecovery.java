package dev.papergraph.similarity;

import dev.papergraph.model.Paper;
import java.util.List;

/**
 * How well neighbours recover real citations: for every paper with an abstract that cites, or is
 * cited by, another paper of the corpus, the share of its top-k neighbours that are such citation
 * links (a neighbour list shorter than k counts as k), averaged over those papers (precision@k).
 * The same definition as {@code citation_recovery.py} of the benchmark peers.
 */
public final class CitationRecovery {

  private CitationRecovery() {}

  /**
   * precision@k of the engine's neighbours.
   *
   * @throws IllegalArgumentException if k exceeds the engine's k or is below 1
   */
  public static double precisionAtK(PaperSimilarity engine, int k) {
    if (k < 1 || k > engine.options().k()) {
      throw new IllegalArgumentException("k must be in [1, " + engine.options().k() + "]: " + k);
    }
    CitationIndex cites =
        engine instanceof SimilarityEngine e
            ? e.citations()
            : CitationIndex.of(engine.vectors().papers());
    List<Paper> papers = engine.vectors().papers();
    long hits = 0;
    long total = 0;
    for (int d = 0; d < papers.size(); d++) {
      if (cites.linkCount(d) == 0 || papers.get(d).abstractText() == null) {
        continue;
      }
      List<Neighbour> nb = engine.neighbours(papers.get(d).id());
      for (int i = 0; i < Math.min(k, nb.size()); i++) {
        if (cites.linked(d, engine.vectors().doc(nb.get(i).id()).getAsInt())) {
          hits++;
        }
      }
      total += k;
    }
    return total == 0 ? 0 : (double) hits / total;
  }
}
