package dev.papergraph.viz;

/**
 * One result of the viewer's search box.
 *
 * @param id the paper id
 * @param title its title
 * @param how {@code TITLE} when the query is a fragment of the title, {@code TEXT} when the
 *     free-text search found it
 */
public record SearchHit(String id, String title, How how) {
  /** How a paper matched. */
  public enum How {
    TITLE,
    TEXT
  }
}
