package dev.papergraph.read;

import dev.papergraph.model.Paper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The papers of one or more inputs after merging duplicates, in first-read order, with the report
 * of what happened to every input record.
 *
 * <p>Build with {@link CorpusBuilder}, or {@link Readers#load} for files.
 */
public final class Corpus {

  private final List<Paper> papers;
  private final Map<String, Paper> byId;
  private final ImportReport report;

  Corpus(List<Paper> papers, ImportReport report) {
    this.papers = List.copyOf(papers);
    this.report = report;
    Map<String, Paper> m = new LinkedHashMap<>();
    for (Paper p : this.papers) {
      if (m.put(p.id(), p) != null) {
        throw new IllegalStateException("two papers share the id " + p.id());
      }
    }
    this.byId = m;
  }

  /** The papers, in the order they were first read. */
  public List<Paper> papers() {
    return papers;
  }

  /** The number of papers. */
  public int size() {
    return papers.size();
  }

  /** The paper with this id. */
  public Optional<Paper> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** What happened to every input record. */
  public ImportReport report() {
    return report;
  }
}
