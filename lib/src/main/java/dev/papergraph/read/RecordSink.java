package dev.papergraph.read;

import dev.papergraph.model.Paper;

/**
 * Receives what a {@link CorpusReader} reads. Every record of the input ends in exactly one call of
 * {@link #accept} or {@link #reject}, so that the import report can account for all of them.
 */
public interface RecordSink {

  /** A record read as a paper; the paper carries its {@link dev.papergraph.model.Provenance}. */
  void accept(Paper paper);

  /** A record that could not be read as a paper. */
  void reject(ImportIssue issue);

  /** Something worth telling the user that is not about one record (e.g. an empty file). */
  void warn(String file, String message);
}
