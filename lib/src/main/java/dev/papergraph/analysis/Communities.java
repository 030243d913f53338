package dev.papergraph.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A partition of the papers into communities, with its quality.
 *
 * @param membership community id of every paper id (iteration in corpus order)
 * @param communities the communities by id (index = id)
 * @param modularity the modularity (Newman-Girvan, weighted, resolution 1) of the partition
 * @param quality the quality function optimised, e.g. "modularity" or "cpm"
 * @param resolution the resolution parameter used
 * @param seed the random seed used
 */
public record Communities(
    Map<String, Integer> membership,
    List<Community> communities,
    double modularity,
    String quality,
    double resolution,
    long seed) {

  public Communities {
    // a membership by vertex index is unmodifiable already, and copying it would box every paper's
    // entry (twice: once more when the communities are labelled)
    membership =
        membership instanceof Membership
            ? membership
            : Collections.unmodifiableMap(new LinkedHashMap<>(membership));
    communities = List.copyOf(communities);
  }

  /** The same partition with these (e.g. labelled) communities, which must have the same ids. */
  public Communities withCommunities(List<Community> labelled) {
    if (labelled.size() != communities.size()) {
      throw new IllegalArgumentException(
          "expected " + communities.size() + " communities, got " + labelled.size());
    }
    for (int i = 0; i < labelled.size(); i++) {
      if (labelled.get(i).id() != i) {
        throw new IllegalArgumentException(
            "community at index " + i + " has id " + labelled.get(i).id());
      }
    }
    return new Communities(membership, labelled, modularity, quality, resolution, seed);
  }

  /** The community of a paper. */
  public Optional<Community> of(String paperId) {
    Integer c = membership.get(paperId);
    return c == null ? Optional.empty() : Optional.of(communities.get(c));
  }
}
