package dev.papergraph.similarity;

import java.util.Objects;

/**
 * One of a paper's nearest papers.
 *
 * @param id the neighbour's paper id
 * @param score the combined score, 0 to 1
 */
public record Neighbour(String id, double score) {
  public Neighbour {
    Objects.requireNonNull(id, "id");
  }
}
