package dev.papergraph.read;

/**
 * A record that cannot become a paper (missing title, a field of the wrong type, …). Thrown by the
 * mapping code of a reader and turned into an {@link ImportIssue} with the record's position; it
 * never escapes a reader.
 */
final class RecordException extends Exception {

  /**
   * @param reason what is wrong with the record, in words a user can act on
   */
  RecordException(String reason) {
    super(reason, null, false, false);
  }

  /** What is wrong with the record. */
  String reason() {
    return getMessage();
  }
}
