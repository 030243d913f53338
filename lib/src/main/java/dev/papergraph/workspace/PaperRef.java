package dev.papergraph.workspace;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import java.util.Objects;

/**
 * What queries need to name a paper, read from the workspace's catalog without loading the full
 * papers: its id, title, external ids and community.
 *
 * @param id the papergraph id
 * @param title the title
 * @param ids the external ids
 * @param community the community number, or -1 when not known
 */
public record PaperRef(String id, String title, ExternalIds ids, int community) {

  public PaperRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    ids = ids == null ? ExternalIds.NONE : ids;
  }

  /** The reference to a paper, community unknown. */
  public static PaperRef of(Paper p) {
    return new PaperRef(p.id(), p.title(), p.ids(), -1);
  }
}
