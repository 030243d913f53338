package dev.papergraph.analysis;

import java.util.List;

/**
 * One community of papers.
 *
 * @param id the community number, 0 for the largest, then by decreasing size (ties by smallest
 *     member id)
 * @param members paper ids, sorted
 * @param labelTerms its 3-5 most distinctive terms against the rest of the corpus, strongest first
 *     (readable forms, e.g. "post-training"), empty when no term source was given
 * @param centralPapers its most central paper ids, most central first
 * @param small true when the community is below the minimum community size and was kept as is (see
 *     {@link SmallCommunities}): isolated papers, tiny components, or all small ones when asked to
 *     mark rather than merge
 */
public record Community(
    int id,
    List<String> members,
    List<String> labelTerms,
    List<String> centralPapers,
    boolean small) {
  public Community {
    members = List.copyOf(members);
    labelTerms = List.copyOf(labelTerms);
    centralPapers = List.copyOf(centralPapers);
  }

  /** A community of normal size. */
  public Community(
      int id, List<String> members, List<String> labelTerms, List<String> centralPapers) {
    this(id, members, labelTerms, centralPapers, false);
  }

  /**
   * The readable label: the label terms joined, e.g. "quantization / post-training / calibration".
   */
  public String label() {
    return labelTerms.isEmpty() ? "community " + id : String.join(" / ", labelTerms);
  }

  /** The number of papers. */
  public int size() {
    return members.size();
  }

  /** This community with a label and central papers. */
  public Community withLabel(List<String> terms, List<String> central) {
    return new Community(id, members, terms, central, small);
  }
}
