package dev.papergraph.read;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.papergraph.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import did with every record it read: the invariant {@code read == imported + merged +
 * rejected} holds overall and per file.
 *
 * @param read records read
 * @param imported records that became a new paper (the number of papers in the corpus)
 * @param merged records merged into a paper read before
 * @param rejected records that could not be read, each listed in {@code rejections}
 * @param files the same counts per input file, in reading order
 * @param merges each merged record, the paper it went into and the key that matched
 * @param rejections each rejected record with file, line and reason
 * @param warnings notes that are not about one record (e.g. an empty file)
 * @param skipped inputs not read, each with the reason: files of a folder (or entries of a zip)
 *     whose content is no format papergraph reads, an input given twice
 */
@JsonPropertyOrder({
  "read",
  "imported",
  "merged",
  "rejected",
  "files",
  "merges",
  "rejections",
  "warnings",
  "skipped"
})
public record ImportReport(
    long read,
    long imported,
    long merged,
    long rejected,
    List<FileCounts> files,
    List<Merge> merges,
    List<ImportIssue> rejections,
    List<Warning> warnings,
    List<Skipped> skipped) {

  /**
   * @throws IllegalStateException if the counts do not add up (a bug, never a user mistake)
   */
  public ImportReport {
    files = List.copyOf(files);
    merges = List.copyOf(merges);
    rejections = List.copyOf(rejections);
    warnings = List.copyOf(warnings);
    // a report saved before inputs could be skipped has no such list
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    if (read != imported + merged + rejected) {
      throw new IllegalStateException(
          "records unaccounted for: read "
              + read
              + " != imported "
              + imported
              + " + merged "
              + merged
              + " + rejected "
              + rejected);
    }
    if (rejected != rejections.size() || merged != merges.size()) {
      throw new IllegalStateException("report lists do not match its counts");
    }
  }

  /**
   * Per-file counts.
   *
   * @param file the file as named by the user
   * @param format the format it was read as
   */
  @JsonPropertyOrder({"file", "format", "read", "imported", "merged", "rejected"})
  public record FileCounts(
      String file, String format, long read, long imported, long merged, long rejected) {}

  /**
   * One record merged into an existing paper.
   *
   * @param record where the merged record came from
   * @param into the id of the paper it was merged into (its final id)
   * @param matchedBy the key that matched: {@code doi}, {@code arxiv}, {@code openalex}, {@code
   *     s2}, {@code pmid} or {@code title}
   */
  public record Merge(Provenance record, String into, String matchedBy) {}

  /** A report without skipped inputs. */
  public ImportReport(
      long read,
      long imported,
      long merged,
      long rejected,
      List<FileCounts> files,
      List<Merge> merges,
      List<ImportIssue> rejections,
      List<Warning> warnings) {
    this(read, imported, merged, rejected, files, merges, rejections, warnings, List.of());
  }

  /**
   * An input that was not read.
   *
   * @param file the file (or {@code archive!/entry}) as named
   * @param reason why it was not read
   */
  public record Skipped(String file, String reason) {
    /** "file: reason", the one-line form printed to users. */
    public String message() {
      return file + ": " + reason;
    }
  }

  /**
   * A note about an input that is not about one record.
   *
   * @param file the file it is about
   * @param message what happened
   */
  public record Warning(String file, String message) {}

  /**
   * This report followed by the report of records read later into the same corpus (see {@link
   * CorpusBuilder#seed}): counts added, lists concatenated.
   */
  public ImportReport followedBy(ImportReport later) {
    return new ImportReport(
        read + later.read,
        imported + later.imported,
        merged + later.merged,
        rejected + later.rejected,
        concat(files, later.files),
        concat(merges, later.merges),
        concat(rejections, later.rejections),
        concat(warnings, later.warnings),
        concat(skipped, later.skipped));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * A plain-text report for terminals: totals, per-file lines, then every rejection, skipped input
   * and warning.
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Import: %d records read, %d papers imported, %d merged into earlier papers, %d rejected%n",
            read,
            imported,
            merged,
            rejected));
    for (FileCounts f : files) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-48s %-10s read %6d  imported %6d  merged %6d  rejected %5d%n",
              f.file(),
              f.format(),
              f.read(),
              f.imported(),
              f.merged(),
              f.rejected()));
    }
    for (ImportIssue r : rejections) {
      b.append("  rejected ").append(r.message()).append(System.lineSeparator());
    }
    for (Skipped s : skipped) {
      b.append("  skipped ").append(s.message()).append(System.lineSeparator());
    }
    for (Warning w : warnings) {
      b.append("  warning ")
          .append(w.file())
          .append(": ")
          .append(w.message())
          .append(System.lineSeparator());
    }
    return b.toString();
  }
}
