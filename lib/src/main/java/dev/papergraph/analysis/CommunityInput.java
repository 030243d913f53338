package dev.papergraph.analysis;

import java.util.Locale;

/** The graph Leiden partitions: what "papers close to each other" means to community detection. */
public enum CommunityInput {
  /**
   * The shared-nearest-neighbour graph of the papers' top-k lists ({@link SharedNeighbourGraph}):
   * two papers are joined when their lists, each with the paper itself, share members, weighted by
   * the Jaccard index of the two lists. Papers are grouped by the company they keep rather than by
   * single strong links, so a paper pulled by many one-way links from a neighbouring field stays
   * with the papers its own list names.
   */
  SHARED_NEIGHBOURS,
  /** The similarity graph itself: the union of the top-k lists, weighted by the link scores. */
  SIMILARITY;

  /**
   * The lower-case name used in options and manifests: {@code shared-neighbours}, {@code
   * similarity}.
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
