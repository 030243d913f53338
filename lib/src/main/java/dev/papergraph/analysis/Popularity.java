package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.Optional;

/** Which popularity figure of a paper to contrast with its centrality. */
public enum Popularity {
  /** Community upvotes (daily-papers listings). */
  UPVOTES,
  /** Times cited according to the source. */
  CITATIONS;

  /** The paper's figure, when known. */
  public Optional<Integer> of(Paper p) {
    return Optional.ofNullable(this == UPVOTES ? p.upvotes() : p.citedByCount());
  }
}
