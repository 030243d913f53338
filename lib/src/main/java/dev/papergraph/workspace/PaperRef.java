package dev.papergraph.workspace;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What queries need to name and place a paper, read from the workspace's catalog without loading
 * the full papers: its id, title, external ids, community, year and the corpus papers it cites.
 *
 * @param id the papergraph id
 * @param title the title
 * @param ids the external ids
 * @param community the community number, or -1 when not known
 * @param year the publication year, or null when not known
 * @param cites the ids of the corpus papers it cites (its references resolved inside the corpus),
 *     in corpus order
 */
public record PaperRef(
    String id, String title, ExternalIds ids, int community, Integer year, List<String> cites) {

  public PaperRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    ids = ids == null ? ExternalIds.NONE : ids;
    cites = cites == null ? List.of() : List.copyOf(cites);
  }

  /** The reference to a paper, community and citations unknown. */
  public static PaperRef of(Paper p) {
    return new PaperRef(p.id(), p.title(), p.ids(), -1, p.year().orElse(null), List.of());
  }

  /** The catalog of these papers, in their order, with these community numbers. */
  static List<PaperRef> catalog(List<Paper> papers, Map<String, Integer> membership) {
    CitationIndex index = CitationIndex.of(papers);
    List<PaperRef> out = new ArrayList<>(papers.size());
    for (int d = 0; d < papers.size(); d++) {
      Paper p = papers.get(d);
      List<String> cites = new ArrayList<>();
      for (int cited : index.cited(d)) {
        cites.add(papers.get(cited).id());
      }
      out.add(
          new PaperRef(
              p.id(),
              p.title(),
              p.ids(),
              membership.getOrDefault(p.id(), -1),
              p.year().orElse(null),
              cites));
    }
    return out;
  }
}
