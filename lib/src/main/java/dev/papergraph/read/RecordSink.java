package dev.papergraph.read;

import dev.papergraph.model.Paper;
import dev.papergraph.model.Provenance;

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

  /**
   * A record that only adds an abstract to a paper read from another record or file (the S2AG
   * {@code abstracts} dataset, joined to {@code papers} by corpus id). It counts as read, and ends
   * merged into the paper with that key or rejected when no such paper is read. This default
   * rejects it, for sinks that cannot join.
   *
   * @param key the paper's key as {@link dev.papergraph.model.ExternalIds#keys()} writes it
   * @param abstractText the abstract
   * @param where the supplementing record's position
   */
  default void supplement(String key, String abstractText, Provenance where) {
    reject(
        new ImportIssue(
            where.file(),
            where.line(),
            where.record(),
            "abstract for " + key + " cannot be joined to its paper here"));
  }
}
