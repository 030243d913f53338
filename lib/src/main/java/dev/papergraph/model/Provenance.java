package dev.papergraph.model;

import java.util.Objects;

/**
 * Where a record came from: a file (or resource, or "-" for standard input), the line its record
 * starts on, and its position among the file's records.
 *
 * @param file the file name as the user gave it
 * @param line the 1-based line the record starts on, or 0 when the format has no lines (XML, zip)
 * @param record the 1-based position of the record in the file
 */
public record Provenance(String file, long line, long record) {

  /**
   * @throws IllegalArgumentException if line or record is negative
   */
  public Provenance {
    Objects.requireNonNull(file, "file");
    if (line < 0 || record < 0) {
      throw new IllegalArgumentException("negative position: line " + line + " record " + record);
    }
  }

  /** "file:line" (or "file#record" when there are no lines), as shown in messages. */
  public String where() {
    return line > 0 ? file + ":" + line : file + "#" + record;
  }

  @Override
  public String toString() {
    return where();
  }
}
