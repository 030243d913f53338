package dev.papergraph.graph;

import dev.papergraph.similarity.EdgeExplanation;
import java.util.Objects;
import java.util.function.Supplier;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An edge of the similarity graph: its two papers and the explanation of its weight. The JGraphT
 * weight ({@code graph.getEdgeWeight(e)}) equals {@code explanation().score()}.
 */
public final class SimilarityEdge extends DefaultWeightedEdge {

  private static final long serialVersionUID = 1L;

  private final String first;
  private final String second;
  private final double score;

  /** Gives the explanation when first asked for (a saved workspace's edge), then dropped. */
  private transient Supplier<EdgeExplanation> source;

  private EdgeExplanation explanation;

  /** An edge between two paper ids; {@code first} should sort before {@code second}. */
  public SimilarityEdge(String first, String second, EdgeExplanation explanation) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
    this.explanation = Objects.requireNonNull(explanation, "explanation");
    this.score = explanation.score();
  }

  /**
   * An edge whose explanation is read when first asked for: a query over a saved graph of thousands
   * of edges shows the explanations of a few.
   *
   * @param score the combined score, which the explanation must repeat
   * @param explanation gives the explanation, once
   */
  public SimilarityEdge(
      String first, String second, double score, Supplier<EdgeExplanation> explanation) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
    this.source = Objects.requireNonNull(explanation, "explanation");
    this.score = score;
  }

  /** The id of the end that sorts first. */
  public String first() {
    return first;
  }

  /** The id of the other end. */
  public String second() {
    return second;
  }

  /** The end that is not {@code id}. */
  public String other(String id) {
    if (id.equals(first)) return second;
    if (id.equals(second)) return first;
    throw new IllegalArgumentException(id + " is not an end of " + this);
  }

  /** Why the edge exists. */
  public synchronized EdgeExplanation explanation() {
    if (explanation == null) {
      EdgeExplanation e = source.get();
      if (Double.compare(e.score(), score) != 0) {
        throw new IllegalStateException(
            "the explanation of " + this + " gives the score " + e.score());
      }
      explanation = e;
      source = null;
    }
    return explanation;
  }

  /** The combined score (the edge weight). */
  public double score() {
    return score;
  }

  @Override
  public String toString() {
    return "(" + first + " -- " + second + " : " + score + ")";
  }
}
