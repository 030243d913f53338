package dev.papergraph.analysis;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.util.ArrayList;
import java.util.List;

/** Small paper graphs with known structure. */
final class AnalysisFixtures {

  private AnalysisFixtures() {}

  static Paper paper(String id, Integer upvotes) {
    return Paper.builder().id(id).title("Paper " + id).upvotes(upvotes).build();
  }

  static Link link(String a, String b, double score) {
    EdgeExplanation e =
        new EdgeExplanation(
            score,
            score,
            0,
            0,
            0,
            0,
            List.of(new SharedTerm("t" + a + b, "term " + a + "-" + b, score)),
            List.of(),
            List.of());
    return Link.of(a, b, e);
  }

  /**
   * Two dense groups: q1..q5 (all pairs 0.6) and g1..g4 (all pairs 0.5), one weak bridge q1-g1
   * (0.05), and x isolated.
   */
  static PaperGraph twoGroups() {
    List<Paper> papers = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (int i = 1; i <= 5; i++) papers.add(paper("q" + i, null));
    for (int i = 1; i <= 4; i++) papers.add(paper("g" + i, null));
    papers.add(paper("x", null));
    for (int i = 1; i <= 5; i++)
      for (int j = i + 1; j <= 5; j++) links.add(link("q" + i, "q" + j, 0.6));
    for (int i = 1; i <= 4; i++)
      for (int j = i + 1; j <= 4; j++) links.add(link("g" + i, "g" + j, 0.5));
    links.add(link("q1", "g1", 0.05));
    return PaperGraph.of(papers, links);
  }

  /**
   * Top-k lists whose union is {@link #twoGroups()}, by vertex index (q1..q5, g1..g4, x): every
   * paper lists the rest of its group, and q1 and g1 list each other.
   */
  static int[][] twoGroupsLists() {
    int[][] lists = new int[10][];
    for (int i = 0; i < 9; i++) {
      int from = i < 5 ? 0 : 5;
      int to = i < 5 ? 5 : 9;
      int[] l = new int[to - from - 1 + (i == 0 || i == 5 ? 1 : 0)];
      int n = 0;
      for (int j = from; j < to; j++) if (j != i) l[n++] = j;
      if (i == 0) l[n] = 5;
      if (i == 5) l[n] = 0;
      lists[i] = l;
    }
    lists[9] = new int[0];
    return lists;
  }
}
