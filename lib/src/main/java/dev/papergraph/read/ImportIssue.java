package dev.papergraph.read;

import java.util.Objects;

/**
 * A record that could not be imported: where it is and why.
 *
 * @param file the file as the user named it
 * @param line the 1-based line the record starts on, or 0 when the format has no lines
 * @param record the 1-based position of the record in the file, or 0 when unknown
 * @param reason what is wrong, in words a user can act on
 */
public record ImportIssue(String file, long line, long record, String reason) {

  public ImportIssue {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** "file:line: reason" (or "file#record: reason"), the one-line form printed to users. */
  public String message() {
    String where = line > 0 ? file + ":" + line : record > 0 ? file + "#" + record : file;
    return where + ": " + reason;
  }

  @Override
  public String toString() {
    return message();
  }
}
