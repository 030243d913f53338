package dev.papergraph.analysis;

/** What happens to communities smaller than the minimum size. */
public enum SmallCommunities {
  /**
   * Merge each one, smallest first, into the neighbouring community it has the most edge weight to;
   * those without any edge to another community (isolated papers, tiny components) cannot be merged
   * and are marked {@link Community#small()}.
   */
  MERGE,
  /** Keep them as they are and mark them {@link Community#small()}. */
  MARK
}
