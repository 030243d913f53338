package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The papers of the corpus that build on a set of papers (Connected Papers' "derivative works"):
 * every corpus paper citing at least one of them, with how many of them it cites, most first. Only
 * papers of the corpus can be found this way: the corpus holds the citing side. Cost {@code O(C)}
 * over the citations the given papers receive plus sorting.
 */
public final class DerivativeWorks {

  /**
   * One citing paper.
   *
   * @param paperId its papergraph id
   * @param cites how many of the given papers it cites
   * @param given true when the paper is itself one of the given papers
   */
  public record Work(String paperId, int cites, boolean given) {}

  private DerivativeWorks() {}

  /**
   * The corpus papers citing the given papers, by decreasing number of given papers cited, then id.
   *
   * @param papers the corpus papers, in the order the index was built from
   * @param index the citation index of exactly these papers
   * @param given ids of the papers whose citing papers count; ids not in the corpus are ignored
   * @throws IllegalArgumentException if the index was built over another number of papers
   */
  public static List<Work> of(List<Paper> papers, CitationIndex index, Collection<String> given) {
    PriorWorks.requireSameSize(papers, index);
    Set<String> wanted = new HashSet<>(given);
    int[] count = new int[papers.size()];
    for (int d = 0; d < papers.size(); d++) {
      if (wanted.contains(papers.get(d).id())) {
        for (int citing : index.citing(d)) {
          count[citing]++;
        }
      }
    }
    List<Work> out = new ArrayList<>();
    for (int d = 0; d < count.length; d++) {
      if (count[d] > 0) {
        String id = papers.get(d).id();
        out.add(new Work(id, count[d], wanted.contains(id)));
      }
    }
    out.sort(Comparator.comparingInt(Work::cites).reversed().thenComparing(Work::paperId));
    return out;
  }
}
