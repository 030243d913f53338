package dev.papergraph.similarity;

/**
 * How a count of shared items (shared references for bibliographic coupling, shared citing papers
 * for co-citation) between papers with {@code s_a} and {@code s_b} items becomes a score in [0, 1],
 * named as bibliometrics names them (van Eck and Waltman 2009, "How to normalize cooccurrence
 * data?", JASIST 60(8)).
 */
public enum Normalisation {
  /** Salton's cosine: {@code c / sqrt(s_a s_b)}. */
  COSINE,
  /**
   * Association strength (the probabilistic affinity index) without its corpus-wide constant:
   * {@code c / (s_a s_b)}; ranks pairs as association strength does, values are small.
   */
  ASSOCIATION_STRENGTH,
  /** Jaccard: {@code c / (s_a + s_b - c)}. */
  JACCARD;

  /** The normalised score of {@code c} shared items; 0 when {@code c} is 0. */
  public double apply(int c, int sa, int sb) {
    if (c <= 0 || sa <= 0 || sb <= 0) {
      return 0;
    }
    return switch (this) {
      case COSINE -> Math.min(1.0, c / Math.sqrt((double) sa * sb));
      case ASSOCIATION_STRENGTH -> Math.min(1.0, c / ((double) sa * sb));
      case JACCARD -> Math.min(1.0, c / (double) (sa + sb - c));
    };
  }
}
