package dev.papergraph.analysis;

import java.util.List;

/**
 * One community of papers.
 *
 * @param id the community number, 0 for the largest, then by decreasing size (ties by smallest
 *     member id)
 * @param members paper ids, sorted
 * @param labelTerms its 3-5 most distinctive terms against the rest of the corpus, strongest first
 * @param centralPapers its most central paper ids, most central first
 */
public record Community(int id, List<String> members, List<String> labelTerms, List<String> centralPapers) {
  public Community {
    members = List.copyOf(members);
    labelTerms = List.copyOf(labelTerms);
    centralPapers = List.copyOf(centralPapers);
  }

  /** The readable label: the label terms joined, e.g. "quantization / post-training / calibration". */
  public String label() {
    return labelTerms.isEmpty() ? "community " + id : String.join(" / ", labelTerms);
  }

  /** The number of papers. */
  public int size() {
    return members.size();
  }
}
