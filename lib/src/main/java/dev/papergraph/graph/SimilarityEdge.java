package dev.papergraph.graph;

import dev.papergraph.similarity.EdgeExplanation;
import java.util.Objects;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * An edge of the similarity graph: its two papers and the explanation of its weight. The JGraphT
 * weight ({@code graph.getEdgeWeight(e)}) equals {@code explanation().score()}.
 */
public final class SimilarityEdge extends DefaultWeightedEdge {

  private static final long serialVersionUID = 1L;

  private final String first;
  private final String second;
  private final EdgeExplanation explanation;

  /** An edge between two paper ids; {@code first} should sort before {@code second}. */
  public SimilarityEdge(String first, String second, EdgeExplanation explanation) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
    this.explanation = Objects.requireNonNull(explanation, "explanation");
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
  public EdgeExplanation explanation() {
    return explanation;
  }

  /** The combined score (the edge weight). */
  public double score() {
    return explanation.score();
  }

  @Override
  public String toString() {
    return "(" + first + " -- " + second + " : " + explanation.score() + ")";
  }
}
