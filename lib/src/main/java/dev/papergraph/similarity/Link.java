package dev.papergraph.similarity;

import java.util.Objects;

/**
 * An undirected scored pair of papers, as the similarity engine emits it: {@code a} sorts before
 * {@code b}, so each pair appears once.
 *
 * @param a the id of the paper that sorts first
 * @param b the id of the other paper
 * @param explanation the scores and evidence; {@code explanation.score()} is the edge weight
 */
public record Link(String a, String b, EdgeExplanation explanation) {
  public Link {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(explanation, "explanation");
    if (a.compareTo(b) >= 0) {
      throw new IllegalArgumentException(
          "link ends must be distinct and ordered: " + a + " , " + b);
    }
  }

  /** A link between two papers in either order. */
  public static Link of(String x, String y, EdgeExplanation explanation) {
    return x.compareTo(y) < 0 ? new Link(x, y, explanation) : new Link(y, x, explanation);
  }

  /** The combined score. */
  public double score() {
    return explanation.score();
  }
}
