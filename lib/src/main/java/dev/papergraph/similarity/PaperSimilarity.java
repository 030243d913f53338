package dev.papergraph.similarity;

import dev.papergraph.text.TermVectors;
import java.util.List;

/**
 * What the later stages need of a similarity model: each paper's top-k neighbours, the links they
 * make, and the explanation of any pair. The lexical {@link SimilarityEngine} and the fused lexical
 * + semantic {@link FusedSimilarity} provide it.
 */
public interface PaperSimilarity {

  /** The options. */
  EngineOptions options();

  /** The papers' term vectors (shared terms, community labels). */
  TermVectors vectors();

  /**
   * A paper's top-k neighbours, best first (ties by id).
   *
   * @throws IllegalArgumentException if no paper has this id
   */
  List<Neighbour> neighbours(String paperId);

  /** Every paper's neighbours as doc numbers (for benchmarks and tests). */
  int[][] neighbourDocs();

  /** The union of all top-k lists as undirected links, ordered by first then second id. */
  List<Link> links();

  /**
   * The ends of the links {@link #links()} gives, as doc numbers (positions in {@code
   * vectors().papers()}, which is the corpus order): link i joins {@code ends[2i]}, its first end,
   * and {@code ends[2i + 1]}; what the graph is indexed by, without looking ids up. Cheapest right
   * after {@link #links()}.
   */
  int[] linkEnds();

  /**
   * Why two papers are (or would be) linked; works for any pair.
   *
   * @throws IllegalArgumentException if either id is unknown
   */
  EdgeExplanation explain(String paperA, String paperB);
}
