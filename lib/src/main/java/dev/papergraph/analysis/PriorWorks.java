package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The works a set of papers builds on (Connected Papers' "prior works"): every work the papers
 * cite, with how many of them cite it, most cited first. A cited work is either a paper of the
 * corpus (named by its papergraph id) or a work known only as a reference key ({@code openalex:W…},
 * {@code doi:…}), outside the corpus. References resolve to papers through the {@link
 * CitationIndex}. Cost {@code O(R)} over the references of the given papers plus sorting.
 */
public final class PriorWorks {

  /**
   * One cited work.
   *
   * @param key the papergraph id of a corpus paper, or the reference key of a work outside it
   * @param inCorpus true when the work is a paper of the corpus
   * @param citing how many of the given papers cite it
   */
  public record Work(String key, boolean inCorpus, int citing) {}

  private PriorWorks() {}

  /**
   * The works the given papers cite, by decreasing number of citing papers, then by key.
   *
   * @param papers the corpus papers, in the order the index was built from
   * @param index the citation index of exactly these papers
   * @param given ids of the papers whose references count; ids not in the corpus are ignored
   * @throws IllegalArgumentException if the index was built over another number of papers
   */
  public static List<Work> of(List<Paper> papers, CitationIndex index, Collection<String> given) {
    requireSameSize(papers, index);
    Set<String> wanted = new HashSet<>(given);
    Map<String, int[]> counts = new HashMap<>();
    Map<String, Boolean> inside = new HashMap<>();
    for (int d = 0; d < papers.size(); d++) {
      if (!wanted.contains(papers.get(d).id())) {
        continue;
      }
      for (int cited : index.cited(d)) {
        String id = papers.get(cited).id();
        counts.computeIfAbsent(id, k -> new int[1])[0]++;
        inside.put(id, true);
      }
      for (String key : index.externalReferences(d)) {
        counts.computeIfAbsent(key, k -> new int[1])[0]++;
        inside.putIfAbsent(key, false);
      }
    }
    List<Work> out = new ArrayList<>(counts.size());
    counts.forEach((k, c) -> out.add(new Work(k, inside.get(k), c[0])));
    out.sort(Comparator.comparingInt(Work::citing).reversed().thenComparing(Work::key));
    return out;
  }

  static void requireSameSize(List<Paper> papers, CitationIndex index) {
    if (papers.size() != index.size()) {
      throw new IllegalArgumentException(
          "citation index of " + index.size() + " papers given with " + papers.size() + " papers");
    }
  }
}
